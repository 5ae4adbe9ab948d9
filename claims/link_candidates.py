"""A bounded first pass: which stored claims are worth scoring against a statement.

PostgreSQL: full-text search (the GIN index `claim_text_fts_idx` of migration
0005_search_indexes; the expression below must stay identical to it) for claims
sharing at least two of the statement's most distinctive terms, ranked
by pg_trgm `similarity()`. Requiring a *pair* keeps the matched set small on a large
table, where one common word would match a good share of it. Elsewhere (SQLite, the
embedded default): the most recent claims, filtered by shared words in Python.
"""

import re
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from django.db import connection

from claims.models import Claim, Speaker
from claims.pipeline.countries import mentions
from claims.pipeline.matching import Features, stem

SEARCH_TERMS = 5  # distinctive terms taken from the statement; 10 pairs at most
MATCH_CAP = 1000  # matched rows ranked per query, whatever the table size
FALLBACK_RECENT = 2000  # recent claims compared on databases without full-text search
_WORD_RE = re.compile(r"[A-Za-z][\w'-]*")

# Claims sharing a pair of the statement's distinctive terms, through `claim_text_fts_idx`.
_MATCHED = """
    matched AS MATERIALIZED (
        SELECT id, speaker_id, text FROM claims_claim
        WHERE to_tsvector('english'::regconfig, COALESCE(text, ''::text))
              @@ to_tsquery('english', %(query)s)
          AND id <> %(exclude)s
        LIMIT %(cap)s
    )"""
# The stance a claim was first stated with, as stored on its first appearance.
_FIRST_APPEARANCE = """
    LEFT JOIN LATERAL (
        SELECT stance, stance_reason FROM claims_appearance
        WHERE claim_id = {claim}.id ORDER BY created_at, id LIMIT 1
    ) first ON true"""


@dataclass(frozen=True)
class Found:
    """A stored claim as linking needs it, with its first appearance (None without one)."""

    id: int
    speaker_id: int | None
    text: str
    in_family: bool
    similarity: float | None
    stance: str | None
    stance_reason: str | None


@dataclass(frozen=True)
class Context:
    """A claim to link, its first appearance, and its speaker's roll-up as (id, name)
    pairs: the speaker first, then the bodies it speaks for, nearest first."""

    claim: Found
    chain: list[tuple[int, str]]


def candidates(
    *,
    statement: Features,
    text: str,
    exclude: int | None = None,
    family: set[int] | None = None,
    limit: int = 30,
    family_limit: int = 30,
) -> dict[int, float | None]:
    """Claim ids worth scoring → text similarity (None where the database gave none).

    Up to `limit` from all speakers plus up to `family_limit` from `family` (the speakers
    of one government), so a body's own history is never crowded out by the rest.
    """
    if connection.vendor == "postgresql":
        return _postgres(statement, text, exclude, family or set(), limit, family_limit)
    return _fallback(statement, exclude, family or set(), limit, family_limit)


def tsquery(statement: Features) -> str:
    """'(a & b) | (a & c) | ...' over the distinctive terms; terms are letters only."""
    terms = [t for t in statement.key_terms if t.isalpha() and len(t) > 2][:SEARCH_TERMS]
    if len(terms) < 2:
        return " | ".join(terms)
    return " | ".join(f"({a} & {b})" for a, b in combinations(terms, 2))


def _postgres(
    statement: Features,
    text: str,
    exclude: int | None,
    family: set[int],
    limit: int,
    family_limit: int,
) -> dict[int, float | None]:
    query = tsquery(statement)
    if not query:
        return {}
    sql = f"""
        WITH {_MATCHED}, ranked AS (
            SELECT id, speaker_id = ANY(%(family)s) AS in_family,
                   similarity(text, %(text)s) AS similarity
            FROM matched
        )
        (SELECT id, similarity FROM ranked WHERE in_family
         ORDER BY similarity DESC, id DESC LIMIT %(family_limit)s)
        UNION
        (SELECT id, similarity FROM ranked ORDER BY similarity DESC, id DESC LIMIT %(limit)s)
    """
    params: dict[str, Any] = {
        "query": query,
        "exclude": exclude or 0,
        "cap": MATCH_CAP,
        "family": list(family),
        "text": text,
        "family_limit": family_limit if family else 0,
        "limit": limit,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0]: float(row[1]) for row in cursor.fetchall()}


def claim_context(claim_id: int) -> Context | None:
    """PostgreSQL, one query: the claim, its first appearance and its speaker's roll-up."""
    sql = f"""
        WITH RECURSIVE chain(id, name, body_id, depth) AS (
            SELECT s.id, s.name, s.body_id, 0
            FROM claims_speaker s JOIN claims_claim c ON c.speaker_id = s.id
            WHERE c.id = %(claim)s
            UNION ALL
            SELECT s.id, s.name, s.body_id, chain.depth + 1
            FROM claims_speaker s JOIN chain ON s.id = chain.body_id
            WHERE chain.depth < %(depth)s
        )
        SELECT c.id, c.speaker_id, c.text, first.stance, first.stance_reason,
               ARRAY(SELECT id FROM chain ORDER BY depth),
               ARRAY(SELECT name FROM chain ORDER BY depth)
        FROM claims_claim c {_FIRST_APPEARANCE.format(claim="c")}
        WHERE c.id = %(claim)s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, {"claim": claim_id, "depth": Speaker.MAX_BODY_DEPTH})
        row = cursor.fetchone()
    if row is None:
        return None
    claim_id, speaker_id, text, stance, stance_reason, ids, names = row
    chain: list[tuple[int, str]] = []
    for pk, name in zip(ids, names, strict=True):
        if any(pk == seen for seen, _ in chain):
            break  # a loop that slipped past validation
        chain.append((pk, name))
    return Context(Found(claim_id, speaker_id, text, False, None, stance, stance_reason), chain)


def family_candidates(
    *,
    statement: Features,
    text: str,
    exclude: int,
    root: int | None,
    limit: int = 30,
    family_limit: int = 30,
) -> list[Found]:
    """PostgreSQL, one query: `candidates` with each one's text, speaker and first
    appearance, where the family is every speaker under `root` (the top of the new
    claim's roll-up), walked down in the same query: always current, never cached."""
    query = tsquery(statement)
    if not query:
        return []
    sql = f"""
        WITH RECURSIVE family(id) AS (
            SELECT %(root)s::bigint WHERE %(root)s::bigint IS NOT NULL
            UNION
            -- LATERAL: each level's members by the body_id index, not a scan of all speakers
            SELECT s.id FROM family f
            CROSS JOIN LATERAL (SELECT id FROM claims_speaker WHERE body_id = f.id OFFSET 0) s
        ), {_MATCHED}, ranked AS (
            SELECT id, speaker_id, text,
                   COALESCE(speaker_id IN (SELECT id FROM family), false) AS in_family,
                   similarity(text, %(text)s) AS similarity
            FROM matched
        ), chosen AS (
            (SELECT * FROM ranked WHERE in_family
             ORDER BY similarity DESC, id DESC LIMIT %(family_limit)s)
            UNION
            (SELECT * FROM ranked ORDER BY similarity DESC, id DESC LIMIT %(limit)s)
        )
        SELECT chosen.id, chosen.speaker_id, chosen.text, chosen.in_family, chosen.similarity,
               first.stance, first.stance_reason
        FROM chosen {_FIRST_APPEARANCE.format(claim="chosen")}
    """
    params: dict[str, Any] = {
        "root": root,
        "query": query,
        "exclude": exclude,
        "cap": MATCH_CAP,
        "text": text,
        "family_limit": family_limit if root is not None else 0,
        "limit": limit,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            Found(pk, speaker_id, claim_text, in_family, float(similarity), stance, reason)
            for pk, speaker_id, claim_text, in_family, similarity, stance, reason in (
                cursor.fetchall()
            )
        ]


def _fallback(
    statement: Features, exclude: int | None, family: set[int], limit: int, family_limit: int
) -> dict[int, float | None]:
    recent = Claim.objects.exclude(pk=exclude or 0).order_by("-id")
    rows = list(recent.values_list("id", "speaker_id", "text")[:FALLBACK_RECENT])
    if family:
        rows += list(
            recent.filter(speaker_id__in=family).values_list("id", "speaker_id", "text")[
                :FALLBACK_RECENT
            ]
        )
    overlaps: dict[int, tuple[bool, int]] = {}
    for claim_id, speaker_id, claim_text in rows:
        words = {stem(w) for w in _WORD_RE.findall(claim_text)}
        # States are one word however named, as `features` counts them.
        words |= {m.country.name.lower() for m in mentions(claim_text)}
        shared = len(statement.words & words)
        if shared >= 2 or (shared and statement.short):
            overlaps[claim_id] = (speaker_id in family, shared)
    in_family = sorted((k for k, v in overlaps.items() if v[0]), key=lambda k: -overlaps[k][1])
    ranked = sorted(overlaps, key=lambda k: -overlaps[k][1])
    chosen = in_family[:family_limit] + ranked[:limit]
    return dict.fromkeys(chosen)
