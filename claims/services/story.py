"""A government's story on one topic: what all its speakers said, oldest first.

The view a fact-checker needs to write "caught in its own lies": from one claim, every
claim of a speaker under the same government that linking tied to it (directly or
through another such claim), each with its stance and the outlets that carried it.
Rejected links are not followed: a person said those claims are not one topic.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from claims.models import Appearance, Claim, ClaimLink
from claims.services.speakers import speaker_body_chain, speaker_family_ids

STORY_LIMIT = 100  # claims in one story; a topic larger than this is many stories


@dataclass(frozen=True)
class Told:
    claim: Claim
    said_at: datetime
    stance: str
    stance_reason: str
    cue: str
    outlets: tuple[str, ...]
    # How the claim is tied to the story's claim ("contradicts"...), "" for the claim itself.
    link_kind: str


@dataclass(frozen=True)
class Story:
    government: str
    entries: tuple[Told, ...]


def claim_story(*, claim: Claim, limit: int = STORY_LIMIT) -> Story:
    """The claims of `claim`'s government on its topic, oldest first (at most `limit`)."""
    if claim.speaker is None:
        return Story("", (_told([claim], {claim.pk: ""})[0],))
    chain = speaker_body_chain(claim.speaker)
    government = (chain[-1] if chain else claim.speaker).name
    family = speaker_family_ids(claim.speaker, chain)
    kinds = {claim.pk: ""}
    frontier = {claim.pk}
    while frontier and len(kinds) < limit:
        rows = (
            ClaimLink.objects.exclude(status=ClaimLink.Status.REJECTED)
            .filter(Q(from_claim_id__in=frontier) | Q(to_claim_id__in=frontier))
            .filter(from_claim__speaker_id__in=family, to_claim__speaker_id__in=family)
            .order_by("-score", "id")
            .values_list("from_claim_id", "to_claim_id", "kind")
        )
        found: set[int] = set()
        for a, b, kind in rows:
            for near, far in ((a, b), (b, a)):
                if near in frontier and far not in kinds and len(kinds) < limit:
                    kinds[far] = kind if near == claim.pk else kinds.get(near) or kind
                    found.add(far)
        frontier = found
    claims = list(Claim.objects.select_related("speaker").filter(pk__in=kinds))
    entries = sorted(_told(claims, kinds), key=lambda told: (told.said_at, told.claim.pk))
    return Story(government, tuple(entries))


def _told(claims: list[Claim], kinds: dict[int, str]) -> list[Told]:
    """Each claim with its first appearance's stance and date and every outlet's name."""
    appearances = (
        Appearance.objects.filter(claim__in=claims)
        .select_related("article")
        .defer("article__text")  # dates and outlets only; a story may span many articles
        .order_by("created_at", "id")
    )
    by_claim: dict[int, list[Appearance]] = {}
    for appearance in appearances:
        by_claim.setdefault(appearance.claim_id, []).append(appearance)  # type: ignore[arg-type]
    told = []
    for claim in claims:
        seen = sorted(by_claim.get(claim.pk, []), key=_when)
        first = seen[0] if seen else None
        if first is None:
            stance, reason, cue = "asserts", "no appearance stored", ""
        else:
            stance, reason, cue = first.stance, first.stance_reason, first.cue
        outlets = tuple(dict.fromkeys(_outlet(a) for a in seen))
        said_at = _when(first) if first is not None else claim.created_at
        told.append(Told(claim, said_at, stance, reason, cue, outlets, kinds[claim.pk]))
    return told


def _when(appearance: Appearance) -> datetime:
    return appearance.article.published_at or appearance.created_at


def _outlet(appearance: Appearance) -> str:
    return appearance.article.outlet or appearance.article.canonical_url
