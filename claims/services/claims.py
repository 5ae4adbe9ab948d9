"""Claims: filed from what officials said, matched to what was said before, ranked.

A statement becomes a claim in one place, `claims_file` for an article's statements
all at once and `claim_match_or_create` for one: both match under the speakers'
matching locks, flag what is new with its audit event and queue its links.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Max, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims.duplicates import Match, Said, best_match, plan_matches
from claims.events import Action, Event, record_event, record_events
from claims.models import Appearance, Claim, Speaker
from claims.permissions import can_promote, require
from claims.pipeline.priority import PriorityInput, priority
from claims.services.search import REFRESH
from factcheck.errors import Conflict
from factcheck.queue import enqueue_many_on_commit

# Advisory lock keys of claim matching: this offset plus a speaker id (bigint keys).
MATCH_LOCK_SPACE = 0x6D61 << 48
# Claims whose refused link lookups one sweep queues again.
REQUEUE_BATCH = 500
LINKS_REFUSED = (
    "The task queue is unavailable right now: the change is saved, and the claim's links "
    "are looked up automatically once the queue is back."
)


@dataclass(frozen=True)
class Flag:
    """An official's statement to file, with its check-worthiness and why it was flagged."""

    said: Said
    checkworthiness: float
    note: str
    statement: str = ""  # the statement read alone; the claim text when empty


def claim_match_or_create(
    *,
    speaker: Speaker | None,
    text: str,
    checkworthiness: float,
    note: str,
    official: bool = True,
    actor: Any = None,
    stance: str | None = None,
    statement: str = "",
) -> tuple[Claim, bool]:
    """The existing claim this statement repeats, or a new flagged one with its audit event.

    The caller holds the lock on the speaker (and body), so two workers matching the
    same statement at once see each other's claim. (Ingestion files all of an
    article's statements at once: `claims_file`.)
    """
    match = best_match(speaker=speaker, text=text, stance=stance)
    if match is not None:
        return match.claim, False
    now = timezone.now()
    claim = Claim.objects.create(
        text=text,
        statement=statement or text,
        speaker=speaker,
        official=official,
        checkworthiness=checkworthiness,
        first_seen_at=now,
        last_seen_at=now,
    )
    record_event(
        action=Action.FLAGGED,
        claim_id=claim.pk,
        actor=actor,
        to_state=Claim.Status.FLAGGED,
        note=note,
    )
    claims_suggest_links_on_commit([claim.pk])
    return claim, True


def claim_prioritise(*, claim: Claim, now: datetime | None = None) -> Claim:
    """Recompute reach, recency, check-worthiness and the priority with its reasons."""
    claims_prioritise(claim_ids=[claim.pk], now=now)
    claim.refresh_from_db()
    return claim


def claims_prioritise(*, claim_ids: Iterable[int], now: datetime | None = None) -> None:
    """Recompute reach, recency, check-worthiness and priority of many claims at once,
    and what `q` finds them by through their speaker and sightings.

    Three round trips whatever their number: lock the rows in id order (so two
    articles touching the same claims cannot deadlock, and the figures below are read
    after any concurrent writer committed); read each claim with its appearances'
    figures aggregated in the database (a widely carried claim has thousands); write
    them all in one pipelined batch.
    """
    ids = sorted(set(claim_ids))
    if not ids:
        return
    rows = Claim.objects.filter(pk__in=ids).order_by("pk")
    list(rows.select_for_update(no_key=True).values_list("pk", flat=True))
    read = _figures_postgres if connection.vendor == "postgresql" else _figures_orm
    now = now or timezone.now()
    ops = connection.ops
    updates = []
    for figures in read(ids):
        checkworthiness, first, last = figures.checkworthiness, figures.first, figures.last
        reasons: list[str] = []
        official_reason = ""
        if figures.count and figures.top_score is not None:
            checkworthiness = figures.top_score
            reasons = _json_list(figures.top_reasons)
            official_reason = figures.top_official_reason
        score, why = priority(
            PriorityInput(
                checkworthiness=checkworthiness,
                checkworthiness_reasons=tuple(reasons),
                official=figures.official,
                speaker_title=figures.speaker_title or official_reason,
                reach=figures.count,
                outlets=figures.outlets,
                last_seen_at=last,
                now=now,
            )
        )
        updates.append(
            (
                checkworthiness,
                figures.count,
                ops.adapt_datetimefield_value(first),
                ops.adapt_datetimefield_value(last),
                score,
                json.dumps(why),
                ops.adapt_datetimefield_value(now),
                figures.id,
            )
        )
    # What search reads of their sightings changes with them (claims/services/search.py):
    # refreshed in this same write, as a second UPDATE would index each vector again.
    table = Claim._meta.db_table
    search = f", {REFRESH.format(table)}" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET checkworthiness = %s, appearance_count = %s,"
            " first_seen_at = %s, last_seen_at = %s, priority = %s, priority_reasons = %s,"
            f" updated_at = %s{search} WHERE id = %s",
            updates,
        )


@dataclass(frozen=True)
class _Figures:
    """A claim and what its appearances say about it (first/last as stored when none)."""

    id: int
    official: bool
    checkworthiness: float
    speaker_title: str
    count: int
    outlets: int
    first: datetime | None
    last: datetime | None
    top_score: float | None
    top_reasons: Any
    top_official_reason: str


def _figures_postgres(ids: list[int]) -> list[_Figures]:
    """One query, raw: the ORM's seven correlated subqueries cost more to build than to run."""
    sql = """
        SELECT c.id, c.official, c.checkworthiness, COALESCE(sp.title, ''), f.n, f.outlets,
               COALESCE(f.first, c.first_seen_at), COALESCE(f.last, c.last_seen_at),
               t.score, t.score_reasons, COALESCE(t.official_reason, '')
        FROM claims_claim c
        LEFT JOIN claims_speaker sp ON sp.id = c.speaker_id
        CROSS JOIN LATERAL (
            SELECT count(*) AS n, count(DISTINCT ar.outlet) AS outlets,
                   min(COALESCE(ar.published_at, a.created_at)) AS first,
                   max(COALESCE(ar.published_at, a.created_at)) AS last
            FROM claims_appearance a JOIN claims_article ar ON ar.id = a.article_id
            WHERE a.claim_id = c.id
        ) f
        LEFT JOIN LATERAL (
            SELECT a.score, a.score_reasons, a.official_reason FROM claims_appearance a
            WHERE a.claim_id = c.id ORDER BY a.score DESC, a.id LIMIT 1
        ) t ON true
        WHERE c.id = ANY(%s)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids])
        return [_Figures(*row) for row in cursor.fetchall()]


def _figures_orm(ids: list[int]) -> list[_Figures]:
    sightings = Appearance.objects.filter(claim=OuterRef("pk")).order_by()
    seen = Coalesce("article__published_at", "created_at")

    def figure(aggregate: Any) -> Subquery:
        return Subquery(sightings.values("claim").annotate(value=aggregate).values("value"))

    top = sightings.order_by("-score", "id")
    claims = Claim.objects.filter(pk__in=ids).select_related("speaker")
    annotated = claims.annotate(
        n=figure(Count("id")),
        outlets=figure(Count("article__outlet", distinct=True)),
        first=figure(Min(seen)),
        last=figure(Max(seen)),
        top_score=Subquery(top.values("score")[:1]),
        top_reasons=Subquery(top.values("score_reasons")[:1]),
        top_official_reason=Subquery(top.values("official_reason")[:1]),
    )
    return [
        _Figures(
            id=claim.pk,
            official=claim.official,
            checkworthiness=claim.checkworthiness,
            speaker_title=claim.speaker.title if claim.speaker else "",
            count=claim.n or 0,
            outlets=claim.outlets or 0,
            first=claim.first or claim.first_seen_at,
            last=claim.last or claim.last_seen_at,
            top_score=claim.top_score,
            top_reasons=claim.top_reasons,
            top_official_reason=claim.top_official_reason or "",
        )
        for claim in annotated
    ]


def _json_list(value: Any) -> list[str]:
    # A JSON column read through a subquery arrives undecoded on some backends.
    return list(json.loads(value) if isinstance(value, str) else value or [])


@transaction.atomic
def appearance_promote(*, appearance_id: int, actor: Any) -> Claim:
    """Make a non-official's statement a claim (or a new sighting of a matching one)."""
    require(actor, can_promote, "Only editors may promote a statement to a claim.")
    appearance = Appearance.objects.select_for_update().get(pk=appearance_id)
    if appearance.claim_id is not None:
        raise Conflict("This statement is already a claim.", claim=appearance.claim_id)
    note = f"promoted by staff from appearance {appearance.pk} in article {appearance.article_id}"
    claim, created = appearance_file(appearance=appearance, actor=actor, note=note)
    if not created:
        # The statement repeats a known claim: it becomes one more sighting of it.
        record_event(action=Action.PROMOTED, claim_id=claim.pk, actor=actor, note=note)
    return claim


def appearance_file(*, appearance: Appearance, actor: Any, note: str) -> tuple[Claim, bool]:
    """File a stored statement that has no claim yet, as ingestion files an official's.

    It joins the claim it repeats or becomes a new flagged one (with its event and
    queued links), under the speaker's matching lock; the claim's figures are then
    recomputed. The caller holds the appearance's row lock and checked the actor.
    """
    if appearance.speaker is not None:
        lock_speakers([appearance.speaker])
    claim, created = claim_match_or_create(
        speaker=appearance.speaker,
        text=statement_text(appearance.content, appearance.sentence),
        checkworthiness=appearance.score,
        note=note,
        official=appearance.official,
        actor=actor,
        stance=appearance.stance,  # a denial never joins a claim that was confirmed
        statement=appearance.statement,
    )
    appearance.claim = claim
    appearance.save(update_fields=["claim"])
    return claim_prioritise(claim=claim), created


def claims_file(*, flags: list[Flag]) -> tuple[list[Claim], int]:
    """The claim of each statement, a stored one it repeats or a new flagged one; and how
    many were new.

    All of them are matched in one query under the speakers' matching locks; the new
    claims and their audit events are inserted in one statement each.
    """
    said = [flag.said for flag in flags]
    lock_speakers(s.speaker for s in said if s.speaker is not None)
    plan = plan_matches(said)
    now = timezone.now()
    new: dict[int, Claim] = {}
    for n, choice in enumerate(plan):
        if choice is None:
            new[n] = Claim(
                text=said[n].text,
                statement=flags[n].statement or said[n].text,
                speaker=said[n].speaker,
                official=True,
                checkworthiness=flags[n].checkworthiness,
                first_seen_at=now,
                last_seen_at=now,
            )
    Claim.objects.bulk_create(new.values())
    record_events(
        [
            Event(
                action=Action.FLAGGED,
                claim_id=claim.pk,
                to_state=Claim.Status.FLAGGED,
                note=flags[n].note,
            )
            for n, claim in new.items()
        ]
    )
    claims_suggest_links_on_commit([claim.pk for claim in new.values()])
    claims: list[Claim] = []
    for n, choice in enumerate(plan):
        if isinstance(choice, Match):
            claims.append(choice.claim)
        else:
            claims.append(new[n if choice is None else choice])
    return claims, len(new)


def claims_suggest_links_on_commit(claim_ids: list[int]) -> None:
    """Look up, once the claims are committed, what the same speaker or body said before
    and which other publishers checked them already.

    Lookups the broker refuses are marked due on their claims (`links_due_at`), so the
    sweep (`claims_requeue_links`) queues them when it is back; QueueUnavailable then
    tells the caller.
    """
    calls = [(pk,) for pk in claim_ids]
    # A refused send stops the transaction's later commit hooks, so the first refusal
    # marks every claim due: their external lookups will not be sent either.
    enqueue_many_on_commit(
        "claims.suggest_links",
        calls,
        if_refused=lambda _refused: _links_due_now(calls),
        refused_detail=LINKS_REFUSED,
    )
    enqueue_many_on_commit(
        "claims.match_external_checks",
        calls,
        if_refused=_links_due_now,
        refused_detail=LINKS_REFUSED,
    )


def _links_due_now(calls: list[tuple[Any, ...]]) -> None:
    Claim.objects.filter(pk__in=[pk for (pk,) in calls]).update(links_due_at=timezone.now())


def claims_requeue_links(*, limit: int = REQUEUE_BATCH) -> list[int]:
    """Queue again the link lookups the broker refused: a bounded batch of the claims
    marked due, oldest first. Both lookups keep what they found before, so a claim
    whose suggestions were sent before the refusal is looked up again harmlessly.
    """
    with transaction.atomic():
        ids = list(
            Claim.objects.select_for_update(skip_locked=True)
            .filter(links_due_at__isnull=False)
            .order_by("links_due_at")
            .values_list("pk", flat=True)[:limit]
        )
        Claim.objects.filter(pk__in=ids).update(links_due_at=None)
        claims_suggest_links_on_commit(ids)
    return ids


def statement_text(content: str, sentence: str) -> str:
    # A content span too short to check on its own ("as saying") reads better as the sentence.
    content = content.strip()
    return content if len(content) >= 12 else sentence.strip()


def lock_speakers(speakers: Iterable[Speaker]) -> None:
    """Serialise claim matching per speaker and per body they speak for.

    Two workers seeing the same quote at once: the second waits here, then finds
    the first one's claim instead of creating a twin. Transaction-scoped advisory
    locks, taken in id order in one statement (the function scan keeps the array's
    order): unlike row locks they block neither speaker updates nor the key-share
    locks every insert referring to the speaker takes. Any later statement of the
    transaction sees what the previous holder committed. SQLite has one writer at a
    time anyway.
    """
    speakers = list(speakers)
    ids = sorted({s.pk for s in speakers} | {s.body_id for s in speakers if s.body_id})
    if not ids or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(%s + k)) FROM unnest(%s::bigint[]) AS k",
            [MATCH_LOCK_SPACE, ids],
        )
