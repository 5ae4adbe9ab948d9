"""Keeping each claim's search vector true to its speaker and sightings (migration 0022).

A claim's `search_context` is `claims_search_context(id)`, computed in SQL from its
speaker, aliases, body and latest sightings. New sightings refresh it in the same
UPDATE that recomputes the claim's figures (`claims_prioritise`); a speaker's rename,
title, aliases, body or merge refresh the claims of that speaker (and, when its own
name or title changed, of those who speak for it) here. Nothing else reads text.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from factcheck.queue import enqueue_on_commit

REFRESH = "search_context = claims_search_context({0}.id)"  # the SET clause, for UPDATEs
# Up to this many claims are refreshed in the speaker's own transaction (~0.1 ms each);
# more (a ministry's members, a spokesman quoted daily) go to a task after commit.
INLINE = 2000
BATCH = 5000  # claims per transaction in the task


def speakers_refresh_search(*, speaker_ids: Iterable[int], members: bool = False) -> None:
    """Refresh the search vectors of these speakers' claims, and of their members' too
    when `members` (a body's name or title is in the vector of whoever speaks for it).

    A few claims are refreshed now; more, by `claims.refresh_speaker_search` once the
    change is committed: until then they are found by what they were found by before.
    """
    ids = sorted(set(speaker_ids))
    if connection.vendor != "postgresql" or not ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM claims_claim WHERE {_SPOKEN} LIMIT %s) n",
            [ids, ids if members else [], INLINE + 1],
        )
        (count,) = cursor.fetchone()
    if count > INLINE:
        enqueue_on_commit("claims.refresh_speaker_search", ids, members)
    elif count:
        _refresh_batch(ids, members, after=0, limit=INLINE)


def speakers_refresh_search_batched(*, speaker_ids: list[int], members: bool) -> int:
    """The task's side: every claim of these speakers, BATCH at a time, each batch in its
    own transaction (a body's 100,000 claims are not locked at once). Idempotent: a
    second run computes the same vectors. Returns how many claims were refreshed."""
    if connection.vendor != "postgresql":
        return 0
    done, after = 0, 0
    while True:
        with transaction.atomic():
            ids = _refresh_batch(speaker_ids, members, after=after, limit=BATCH)
        done += len(ids)
        if len(ids) < BATCH:
            return done
        after = max(ids)


# The claims of these speakers, or of speakers whose body is one of the second list.
_SPOKEN = (
    "(speaker_id = ANY(%s) OR speaker_id IN"
    " (SELECT id FROM claims_speaker WHERE body_id = ANY(%s)))"
)


def _refresh_batch(speaker_ids: list[int], members: bool, *, after: int, limit: int) -> list[int]:
    # Rows locked in id order, as claims_prioritise locks them: no deadlock with ingestion.
    sql = f"""
        UPDATE claims_claim SET {REFRESH.format("claims_claim")}
          FROM (SELECT id FROM claims_claim WHERE {_SPOKEN} AND id > %s
                 ORDER BY id LIMIT %s FOR NO KEY UPDATE) batch
         WHERE claims_claim.id = batch.id
        RETURNING claims_claim.id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [speaker_ids, speaker_ids if members else [], after, limit])
        return [pk for (pk,) in cursor.fetchall()]
