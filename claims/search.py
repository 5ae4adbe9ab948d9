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
"""

from __future__ import annotations

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
