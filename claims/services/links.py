"""Links between claims: the same statement again, a related one, or a contradiction.

A contradiction is the same speaker, or another speaker of the same government
(Peskov and Gerasimov both speak for the Russian government), on the same topic with
the opposite stance. Two thresholds, as claim-matching desks use them: above
SUGGEST_THRESHOLD a person is asked; above AUTO_THRESHOLD a duplicate or related link
is made without asking, unless either statement is too short to judge by its words.
A contradiction is never automatic: "caught contradicting itself" is an editorial
finding, so a person always confirms it.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.db.models.functions import Floor
from django.utils import timezone

from claims.events import Action, Event, record_event, record_events
from claims.link_candidates import Found, candidates, claim_context, family_candidates
from claims.models import Appearance, Claim, ClaimLink, Speaker
from claims.permissions import can_decide_links
from claims.pipeline.matching import Features, Similarity, compare, features, opposite_stance
from claims.services.speakers import (
    speaker_body_chain,
    speaker_family_ids,
    speaker_learn_roll_up,
)
from factcheck.errors import Conflict, NotAllowed

SUGGEST_THRESHOLD = 0.40
DUPLICATE_THRESHOLD = 0.65
# One speaker, one topic, one stance: most often the same statement reported twice.
SAME_SPEAKER_DUPLICATE_THRESHOLD = 0.50
AUTO_THRESHOLD = 0.85


@dataclass(frozen=True)
class Statement:
    """A claim as the matcher sees it: its words and its stance toward them."""

    claim: Claim
    features: Features
    stance: str
    stance_reason: str


def statements(claims: list[Claim]) -> dict[int, Statement]:
    """One query for the first appearance of each claim, which carries cue and stance."""
    first: dict[int, Appearance] = {}
    rows = Appearance.objects.filter(claim_id__in=[c.pk for c in claims]).order_by(
        "claim_id", "created_at", "id"
    )
    for stored in rows.only("claim_id", "stance", "stance_reason"):
        first.setdefault(stored.claim_id, stored)  # type: ignore[arg-type]
    result = {}
    for claim in claims:
        appearance = first.get(claim.pk)
        if appearance is None:
            stance, reason = "asserts", "no appearance stored"
        else:
            stance, reason = appearance.stance, appearance.stance_reason
        result[claim.pk] = Statement(claim, features(claim.text), stance, reason)
    return result


def classify(
    new: Statement, old: Statement, similarity: Similarity, *, family: set[int], government: str
) -> tuple[str, list[str]] | None:
    """The kind of link between two statements and why, or None below the threshold."""
    if similarity.score < SUGGEST_THRESHOLD:
        return None
    reasons = list(similarity.reasons)
    same_speaker = new.claim.speaker_id is not None and new.claim.speaker_id == old.claim.speaker_id
    same_body = old.claim.speaker_id in family
    opposed = opposite_stance(new.stance, old.stance)
    if opposed:
        reasons.append(
            f"stance: {new.stance} ({new.stance_reason}) vs {old.stance} ({old.stance_reason})"
        )
    if opposed and (same_speaker or same_body):
        unit = "government" if government.endswith(" government") else "body"
        reasons.insert(0, "same speaker" if same_speaker else f"same {unit}: {government}")
        return ClaimLink.Kind.CONTRADICTS, reasons
    duplicate_at = SAME_SPEAKER_DUPLICATE_THRESHOLD if same_speaker else DUPLICATE_THRESHOLD
    if not opposed and similarity.score >= duplicate_at:
        return ClaimLink.Kind.DUPLICATE, reasons
    return ClaimLink.Kind.RELATED, reasons


def claim_suggest_links(*, claim: Claim) -> list[ClaimLink]:
    """Find, score and store links from `claim` to what was said before. Idempotent.

    1. Learn the speaker's roll-up from the title it was quoted with, then take
       every speaker of the same government (its family).
    2. Ask the database for candidates: similar text overall, and within the family.
    3. Score each with `matching.compare` and classify it.
    4. Create the links not made yet; refresh the score of ones still only suggested.
       Decided links (by a person or automatically) are never changed here.

    Only `claim.pk` is used: the row is read afresh. On PostgreSQL steps 1 and 2 are
    one query each (`link_candidates.claim_context`, `family_candidates`). Step 4 writes
    with single statements that are safe to repeat or race (inserts ignore conflicts;
    a score is refreshed only while the link is still suggested); only automatic links
    and their audit events need a transaction. A claim with nothing to link writes nothing.
    """
    if connection.vendor == "postgresql":
        found = _postgres_candidates(claim.pk)
    else:
        found = _fallback_candidates(claim.pk)
    if found is None:
        return []  # deleted since
    new, others, family, government = found
    by_id = {new.claim.pk: new, **{old.claim.pk: old for old, _ in others}}
    proposed: dict[int, tuple[str, float, list[str]]] = {}
    for old, text_similarity in others:
        similarity = compare(new.features, old.features, text_similarity=text_similarity)
        verdict = classify(new, old, similarity, family=family, government=government)
        if verdict is not None:
            proposed[old.claim.pk] = (verdict[0], similarity.score, verdict[1])
    if not proposed:
        return []
    _explain_roll_ups(new, by_id, proposed)
    return _store(new, by_id, proposed)


def _explain_roll_ups(
    new: Statement, by_id: dict[int, Statement], proposed: dict[int, tuple[str, float, list[str]]]
) -> None:
    """Say, after the stances, why each of the two speakers belongs to the government."""
    pairs = [
        (other_id, reasons)
        for other_id, (kind, _score, reasons) in proposed.items()
        if kind == ClaimLink.Kind.CONTRADICTS and reasons[0].startswith("same government")
    ]
    if not pairs:
        return
    said_by = [new.claim.speaker_id, *(by_id[other_id].claim.speaker_id for other_id, _ in pairs)]
    ids = {pk for pk in said_by if pk is not None}
    why = {
        pk: f"{name}: {reason}"
        for pk, name, reason in Speaker.objects.filter(pk__in=ids).values_list(
            "pk", "name", "body_reason"
        )
        if reason
    }
    for other_id, reasons in pairs:
        speakers = dict.fromkeys([new.claim.speaker_id, by_id[other_id].claim.speaker_id])
        reasons.extend(why[pk] for pk in speakers if pk in why)


Candidates = tuple[Statement, list[tuple[Statement, float | None]], set[int], str]


def _postgres_candidates(claim_id: int) -> Candidates | None:
    context = claim_context(claim_id)
    if context is None:
        return None
    row = context.claim
    chain = context.chain[1:]
    # A roll-up that already reaches a government has nothing left to learn.
    if row.speaker_id is not None and not (chain and chain[-1][1].endswith("government")):
        learned = speaker_learn_roll_up(speaker=Speaker.objects.get(pk=row.speaker_id))
        chain = [(body.pk, body.name) for body in learned]
    # No bodies: the speaker is its own family (and "government").
    nobody: list[tuple[int | None, str]] = [(None, "")]
    root, government = (chain or context.chain[:1] or nobody)[-1]
    new = _statement(row)
    found = family_candidates(statement=new.features, text=row.text, exclude=row.id, root=root)
    family = {f.speaker_id for f in found if f.in_family and f.speaker_id is not None}
    return new, [(_statement(f), f.similarity) for f in found], family, government


def _statement(row: Found) -> Statement:
    claim = Claim(pk=row.id, text=row.text, speaker_id=row.speaker_id)
    if row.stance is None:
        stance, reason = "asserts", "no appearance stored"
    else:
        stance, reason = row.stance, row.stance_reason or ""
    return Statement(claim, features(row.text), stance, reason)


def _fallback_candidates(claim_id: int) -> Candidates | None:
    claim = Claim.objects.select_related("speaker").filter(pk=claim_id).first()
    if claim is None:
        return None
    family: set[int] = set()
    government = ""
    if claim.speaker is not None:
        chain = speaker_body_chain(claim.speaker)
        if not (chain and chain[-1].name.endswith("government")):
            chain = speaker_learn_roll_up(speaker=claim.speaker)
        family = speaker_family_ids(claim.speaker, chain)
        government = chain[-1].name if chain else claim.speaker.name
    found = candidates(
        statement=features(claim.text), text=claim.text, exclude=claim.pk, family=family
    )
    others = list(Claim.objects.filter(pk__in=found))
    by_id = statements([claim, *others])
    return by_id[claim.pk], [(by_id[o.pk], found[o.pk]) for o in others], family, government


def _store(
    new: Statement, by_id: dict[int, Statement], proposed: dict[int, tuple[str, float, list[str]]]
) -> list[ClaimLink]:
    claim_id = new.claim.pk
    pair = Q(from_claim_id=claim_id, to_claim_id__in=proposed) | Q(
        to_claim_id=claim_id, from_claim_id__in=proposed
    )
    # Read without locking: every write below is conditional or ignores conflicts.
    existing = {
        (link.to_claim_id if link.from_claim_id == claim_id else link.from_claim_id): link
        for link in ClaimLink.objects.filter(pair)
    }
    now = timezone.now()
    created = []
    for other_id, (kind, score, reasons) in proposed.items():
        link = existing.get(other_id)
        if link is not None:
            fresh = (link.kind, link.score, link.reasons) == (kind, score, reasons)
            if link.status == ClaimLink.Status.SUGGESTED and not fresh:
                # Only while still suggested: a person may have decided on it since. The
                # kind may change too: a speaker's government learned since can turn a
                # related pair into a contradiction.
                ClaimLink.objects.filter(pk=link.pk, status=ClaimLink.Status.SUGGESTED).update(
                    kind=kind, score=score, reasons=reasons
                )
            continue
        automatic = (
            kind != ClaimLink.Kind.CONTRADICTS
            and score >= AUTO_THRESHOLD
            and not new.features.short
            and not by_id[other_id].features.short
        )
        created.append(
            ClaimLink(
                from_claim_id=claim_id,
                to_claim_id=other_id,
                kind=kind,
                score=score,
                reasons=reasons,
                status=ClaimLink.Status.CONFIRMED if automatic else ClaimLink.Status.SUGGESTED,
                automatic=automatic,
                decided_at=now if automatic else None,
            )
        )
    if any(link.automatic for link in created):
        _create_with_audit(claim_id, created, now)
    elif created:
        # One statement: a concurrent run may have inserted some of these since we looked.
        ClaimLink.objects.bulk_create(created, ignore_conflicts=True)
    return list(ClaimLink.objects.filter(pair).order_by("-score", "id"))


@transaction.atomic
def _create_with_audit(claim_id: int, created: list[ClaimLink], now: datetime) -> None:
    """Links confirmed without a person are logged, in the same transaction."""
    ClaimLink.objects.bulk_create(created, ignore_conflicts=True)
    automatic_links = ClaimLink.objects.filter(
        from_claim_id=claim_id, automatic=True, decided_at=now
    )
    record_events(
        [
            Event(
                action=Action.LINK_AUTO_CONFIRMED,
                claim_id=claim_id,
                to_state=ClaimLink.Status.CONFIRMED,
                changes={"link": link.pk, "kind": link.kind, "score": link.score},
            )
            for link in automatic_links
        ]
    )


@transaction.atomic
def claimlink_confirm(*, link: ClaimLink, actor: Any, note: str = "") -> ClaimLink:
    return _decide(link, actor, ClaimLink.Status.CONFIRMED, Action.LINK_CONFIRMED, note)


@transaction.atomic
def claimlink_reject(*, link: ClaimLink, actor: Any, note: str = "") -> ClaimLink:
    return _decide(link, actor, ClaimLink.Status.REJECTED, Action.LINK_REJECTED, note)


def _decide(link: ClaimLink, actor: Any, status: str, action: Action, note: str) -> ClaimLink:
    """A person's decision replaces any earlier one, automatic or not; each is logged."""
    if not can_decide_links(actor):
        raise NotAllowed("Only editors confirm or reject claim links.")
    link = ClaimLink.objects.select_for_update().get(pk=link.pk)
    if link.status == status and link.decided_by_id is not None:
        raise Conflict(f"This link is already {status}.", status=link.status)
    before = link.status
    changes = {
        "link": link.pk,
        "kind": link.kind,
        "score": link.score,
        "to_claim": link.to_claim_id,
    }
    if link.automatic:
        changes["was_automatic"] = True
    link.status = status
    link.automatic = False
    link.decided_by = actor
    link.decided_at = timezone.now()
    link.save(update_fields=["status", "automatic", "decided_by", "decided_at"])
    record_event(
        claim_id=link.from_claim_id,
        actor=actor,
        action=action,
        from_state=before,
        to_state=status,
        note=note,
        changes=changes,
    )
    return link


def link_precision_by_band(*, kind: str | None = None) -> list[dict[str, Any]]:
    """Share of suggestions people confirmed, per 0.1 score band, to tune the thresholds.

    Only a person's decisions count: an automatic link nobody looked at says nothing
    about precision, but one a person rejected does.
    """
    decided = ClaimLink.objects.filter(decided_by__isnull=False)
    if kind:
        decided = decided.filter(kind=kind)
    rows = (
        decided.annotate(band=Floor(F("score") * 10))
        .values("band")
        .annotate(
            confirmed=Count("id", filter=Q(status=ClaimLink.Status.CONFIRMED)),
            rejected=Count("id", filter=Q(status=ClaimLink.Status.REJECTED)),
        )
    )
    counts: dict[int, dict[str, int]] = {b: {"confirmed": 0, "rejected": 0} for b in range(10)}
    for row in rows:
        band = min(int(row["band"]), 9)  # a perfect 1.0 belongs to the top band
        counts[band]["confirmed"] += row["confirmed"]
        counts[band]["rejected"] += row["rejected"]
    bands = []
    for band, tally in counts.items():
        total = tally["confirmed"] + tally["rejected"]
        bands.append(
            {
                "band": f"{band / 10:.1f}–{(band + 1) / 10:.1f}",
                "low": band / 10,
                "high": (band + 1) / 10,
                "confirmed": tally["confirmed"],
                "rejected": tally["rejected"],
                "decided": total,
                "precision": round(tally["confirmed"] / total, 3) if total else None,
            }
        )
    return bands


__all__ = [
    "claim_suggest_links",
    "claimlink_confirm",
    "claimlink_reject",
    "link_precision_by_band",
    "speaker_body_chain",  # re-exported: the desk shows the chain beside each link
]
