"""What `q` matches on PostgreSQL: one stored vector per claim (migration 0022).

A claim matches when `q` matches its statement or text, the content of one of its latest
sightings, its speaker (name, title, an alias, or the body the speaker speaks for), or
the title or outlet of an article it appeared in lately. All of those are in the claim's
own `search_vector` (its words, generated, and `search_context`, which the services that
change its speaker or sightings refresh: claims/services/search.py), so any `q` is one
GIN index scan on claims_claim, or a walk along the requested order testing each claim's
vector, whichever the planner finds cheaper from the column's word frequencies.

Every word must occur somewhere among those: "Peskov grain" finds what Peskov said about
grain, as the substring fallback on other databases does.

The speakers `q` names (by name or alias, with claims of their own) are looked up first,
a few rows: their claims rank first.

A search's count (cap + 1 matches at most) reads the GIN index, or walks the table
testing each claim's vector when that finds cap + 1 matches sooner. The planner chooses
well for one word, but prices a GIN scan of several words low: "Northbay Gazette" (an
outlet; each word in 1 claim in 5 or so) reads both posting lists to their ends, ~500,000
entries, where a walk meets 1,001 of its ~100,000 claims in ~10,000 rows. `walk_counts`
decides from the column's word frequencies.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

from django.db import connection, models
from django.db.models import Expression

TSQUERY = "websearch_to_tsquery('english'::regconfig, %s)"
MAX_SPEAKERS = 5000  # more than that is a common word, not a name ("minister" is a title)

# A speaker is *named* when `q` matches their name or an alias and they have claims of
# their own: a ministry searched by name whose people speak for it reorders nothing.
_OWN_CLAIMS = "EXISTS (SELECT 1 FROM claims_claim c WHERE c.speaker_id = {0})"
_NAMED_SQL = f"""
    SELECT s.id FROM claims_speaker s
     WHERE s.search_vector @@ {TSQUERY}
       AND to_tsvector('english'::regconfig, s.name) @@ {TSQUERY}
       AND {_OWN_CLAIMS.format("s.id")}
    UNION
    SELECT a.speaker_id FROM claims_speakeralias a
     WHERE a.search_vector @@ {TSQUERY} AND {_OWN_CLAIMS.format("a.speaker_id")}
    LIMIT {MAX_SPEAKERS}
"""


def named_speakers(q: str) -> tuple[int, ...]:
    """The speakers `q` names, whose claims a search ranks first."""
    with connection.cursor() as cursor:
        cursor.execute(_NAMED_SQL, [q] * 3)
        return tuple(sorted(pk for (pk,) in cursor.fetchall()))


# A claim tested on a walk costs about as much as this many GIN posting-list entries read
# (1M claims, 2 cores: ~3 µs a row, its vector often out of line, against ~0.15 µs an
# entry; both measured at load 5, where they scale alike).
WALK_ROW_COST = 20
# A walk is chosen only for a search estimated to match at least this share of all claims
# (filters included): it tests ~50,000 claims for a count of 1,001 at this share, and up to
# every claim should the estimate be far too high (common words that seldom meet, which
# the planner takes to be independent).
WALK_MIN_SHARE = 0.02
STATS_SECONDS = 600  # word frequencies change with ANALYZE, not from one request to the next
_AND_OF_WORDS = re.compile(r"'((?:[^']|'')+)'(?: & '((?:[^']|'')+)')*")
_stats: dict[str, Any] = {}


def walk_counts(word_shares: list[float], matching: float, rows: float, cap: int) -> bool:
    """Walking the table finds cap + 1 matches sooner than the GIN index reads the posting
    lists of every word of an AND: `word_shares`, each word's share of all `rows` claims;
    `matching`, the claims the search and its filters are estimated to match."""
    if len(word_shares) < 2 or rows <= 0 or matching < WALK_MIN_SHARE * rows:
        return False
    walked = (cap + 1) * rows / matching
    return walked * WALK_ROW_COST < sum(word_shares) * rows


def word_shares(q: str) -> list[float]:
    """The share of claims holding each word of `q`, when `q` is words that must all occur
    and each is among the column's most common ones; else [] (a rare word makes the GIN
    index quick)."""
    shares = _word_stats()[0]
    if not shares:
        return []  # never analysed: no word is known to be common
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {TSQUERY}::text", [q])
        (query,) = cursor.fetchone()
    if not _AND_OF_WORDS.fullmatch(query):
        return []
    words = [w.replace("''", "'") for w in re.findall(r"'((?:[^']|'')+)'", query)]
    if not all(w in shares for w in words):
        return []
    return [shares[w] for w in words]


def table_rows() -> float:
    return _word_stats()[1]


def _word_stats() -> tuple[dict[str, float], float]:
    """The search vector's most common words with their shares, and the table's rows, as
    ANALYZE last saw them; read again every STATS_SECONDS."""
    if "at" in _stats and time.monotonic() - _stats["at"] < STATS_SECONDS:
        return _stats["shares"], _stats["rows"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples"
            "  FROM pg_class c LEFT JOIN pg_stats s ON s.tablename = c.relname"
            "   AND s.schemaname = current_schema() AND s.attname = 'search_vector'"
            " WHERE c.oid = 'claims_claim'::regclass"
        )
        words, freqs, rows = cursor.fetchone()
    words = words or []  # none before the first ANALYZE
    # The frequencies end with three more figures (least, most, empty): not words'.
    shares = dict(zip(words, (freqs or [])[: len(words)], strict=True))
    _stats.update(at=time.monotonic(), shares=shares, rows=float(rows))
    return shares, float(rows)


def planned_rows(queryset: Any) -> float:
    """The planner's estimate of the rows `queryset` returns."""
    plan = json.loads(queryset.explain(format="json"))
    return float(plan[0]["Plan"]["Plan Rows"])


class Search:
    """A search's words, and whether its count found it common.

    Word frequencies are estimated one word at a time: "Ministry of Fisheries" is
    estimated at ~1,700 claims of 1,000,000, its words being independent, and read as a
    rare search (16,800 rows read and sorted, ~200 ms) where its ~17,000 claims fill a
    page in the first ~60 of the triage order. The count, read first (`capped_count`),
    says how common it really is.
    """

    def __init__(self, q: str) -> None:
        self.q = q
        self.common = False


class VectorMatches(Expression):
    """`q` matches the claim's stored vector: everything it can be found by.

    Shared by the clones of a search (copies keep the same `Search`), so a page read
    after the count knows whether the search is common: it then tests each claim along
    the requested order, the condition written so that the GIN index cannot serve it.
    """

    output_field = models.BooleanField()

    def __init__(self, search: Search) -> None:
        super().__init__()
        self.search = search

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[str]]:
        claim = compiler.quote_name_unless_alias(compiler.query.base_table)
        test = f"{claim}.search_vector @@ {TSQUERY}"
        if self.search.common:
            test = f"({test}) IS TRUE"
        return test, (self.search.q,)
