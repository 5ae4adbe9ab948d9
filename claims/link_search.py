"""A bounded first pass: which stored claims are worth scoring against a statement.

PostgreSQL: full-text search (the GIN index `claim_text_fts_idx` of migration
0005_search_indexes; the expression below must stay identical to it) for claims
sharing at least two of the statement's most distinctive terms, ranked
by pg_trgm `similarity()`. Requiring a *pair* keeps the matched set small on a large
table, where one common word would match a good share of it. Elsewhere (SQLite, the
embedded default): the most recent claims, filtered by shared words in Python.
"""

import re
from itertools import combinations

from django.db import connection

from claims.models import Claim
from claims.pipeline.matching import Features, stem

SEARCH_TERMS = 5  # distinctive terms taken from the statement; 10 pairs at most
MATCH_CAP = 1000  # matched rows ranked per query, whatever the table size
FALLBACK_RECENT = 2000  # recent claims compared on databases without full-text search
_WORD_RE = re.compile(r"[A-Za-z][\w'-]*")


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
    sql = """
        WITH matched AS MATERIALIZED (
            SELECT id, speaker_id, text FROM claims_claim
            WHERE to_tsvector('english'::regconfig, COALESCE(text, ''::text))
                  @@ to_tsquery('english', %(query)s)
              AND id <> %(exclude)s
            LIMIT %(cap)s
        ), ranked AS (
            SELECT id, speaker_id = ANY(%(family)s) AS in_family,
                   similarity(text, %(text)s) AS similarity
            FROM matched
        )
        (SELECT id, similarity FROM ranked WHERE in_family
         ORDER BY similarity DESC, id DESC LIMIT %(family_limit)s)
        UNION
        (SELECT id, similarity FROM ranked ORDER BY similarity DESC, id DESC LIMIT %(limit)s)
    """
    params = {
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
        shared = len(statement.words & {stem(w) for w in _WORD_RE.findall(claim_text)})
        if shared >= 2 or (shared and statement.short):
            overlaps[claim_id] = (speaker_id in family, shared)
    in_family = sorted((k for k, v in overlaps.items() if v[0]), key=lambda k: -overlaps[k][1])
    ranked = sorted(overlaps, key=lambda k: -overlaps[k][1])
    chosen = in_family[:family_limit] + ranked[:limit]
    return dict.fromkeys(chosen)
