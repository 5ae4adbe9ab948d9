"""What `q` matches on PostgreSQL, as SQL over stored vectors (migrations 0008, 0010).

A claim matches when `q` matches its statement or text, the content of one of its
appearances, its speaker (name, title, an alias, or the body the speaker speaks for), or
the title or outlet of an article it appeared in. Every one of those is a stored
tsvector with a GIN index, so nothing parses text row by row.

1. The speakers that match are looked up first (a few rows); those matched by name or
   alias are *named*, and their claims rank first.
2. A rare search collects the ids of its matches once, as a UNION of index scans; its
   count and its page read those ids (`ClaimIdAmong`) instead of the UNION again.
3. A common one (many claims by text, by speaker or by article) is tested row by row
   along the requested order, so a page costs what it shows (`MatchesRowByRow`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import Expression, QuerySet
from django.db.models.expressions import RawSQL

TSQUERY = "websearch_to_tsquery('english'::regconfig, %s)"
# Past this many claims matched by text, by speaker or through articles, a search walks
# the requested order instead of collecting every match (see BENCHMARKS.md).
COMMON_SEARCH = 1000
COMMON_ARTICLES = 300  # an article holds a handful of claims: ~1,000 of them
# Past this many matching claims, sending their ids back costs more than reading the UNION
# again: the page and the count then read it as a subquery.
MAX_COLLECTED = 10_000
MAX_SPEAKERS = 5000  # a word in every title ("minister") is a common search, not a list

# A speaker is *named* when `q` matches their name or an alias and they have claims of
# their own: a ministry searched by name whose people speak for it reorders nothing, and
# its members' claims are walked like any common match.
_OWN_CLAIMS = "EXISTS (SELECT 1 FROM claims_claim c WHERE c.speaker_id = {0})"
_SPEAKERS_SQL = f"""
    SELECT s.id, to_tsvector('english'::regconfig, s.name) @@ {TSQUERY}
                 AND {_OWN_CLAIMS.format("s.id")}
      FROM claims_speaker s WHERE s.search_vector @@ {TSQUERY}
    UNION
    SELECT a.speaker_id, {_OWN_CLAIMS.format("a.speaker_id")}
      FROM claims_speakeralias a WHERE a.search_vector @@ {TSQUERY}
    UNION
    SELECT s.id, false FROM claims_speaker b JOIN claims_speaker s ON s.body_id = b.id
     WHERE b.search_vector @@ {TSQUERY}
    LIMIT {MAX_SPEAKERS}
"""


@dataclass(frozen=True)
class Terms:
    """A search: its words, the speakers they name or describe, and how many claims
    match by their own vector and by speaker, and articles by title or outlet, each
    counted no further than a little past where a search becomes common."""

    q: str
    speakers: tuple[int, ...]
    named: tuple[int, ...]
    own: int = 0
    spoken: int = 0
    articles: int = 0

    @classmethod
    def of(cls, q: str) -> Terms:
        with connection.cursor() as cursor:
            cursor.execute(_SPEAKERS_SQL, [q] * 4)
            rows = cursor.fetchall()
            speakers = sorted({pk for pk, _ in rows})
            named = sorted({pk for pk, by_name in rows if by_name})
            if named:  # always collected (ClaimQuerySet.search): how common does not matter
                return cls(q, tuple(speakers), tuple(named))
            # One past COMMON_SEARCH: more than the search cap by their own vector alone
            # needs no other count (capped_count).
            cursor.execute(
                f"""SELECT
                  (SELECT count(*) FROM (SELECT 1 FROM claims_claim
                     WHERE search_vector @@ {TSQUERY} LIMIT {COMMON_SEARCH + 1}) own),
                  (SELECT count(*) FROM (SELECT 1 FROM claims_claim
                     WHERE speaker_id = ANY(%s) LIMIT {COMMON_SEARCH + 1}) spoken),
                  (SELECT count(*) FROM (SELECT 1 FROM claims_article
                     WHERE search_vector @@ {TSQUERY} LIMIT {COMMON_ARTICLES}) articles)""",
                [q, speakers, q],
            )
            own, spoken, articles = cursor.fetchone()
        return cls(q, tuple(speakers), tuple(named), own, spoken, articles)

    def is_common(self) -> bool:
        """Whether enough claims match to walk the order rather than collect them all."""
        return (
            self.own >= COMMON_SEARCH
            or self.spoken >= COMMON_SEARCH
            or self.articles >= COMMON_ARTICLES
        )

    def matching_ids(self) -> tuple[str, list[Any]]:
        """SQL for the ids of every matching claim: a UNION of index scans (an OR across
        the tables would scan every claim)."""
        sql = f"""
            SELECT id FROM claims_claim WHERE search_vector @@ {TSQUERY}
            UNION SELECT claim_id FROM claims_appearance
             WHERE to_tsvector('english'::regconfig, COALESCE(content, ''::text)) @@ {TSQUERY}
               AND claim_id IS NOT NULL
            UNION SELECT id FROM claims_claim WHERE speaker_id = ANY(%s)
            UNION SELECT a.claim_id FROM claims_appearance a
             WHERE a.article_id IN (SELECT id FROM claims_article
                                     WHERE search_vector @@ {TSQUERY})
               AND a.claim_id IS NOT NULL
        """
        return sql, [self.q, self.q, list(self.speakers), self.q]

    def collected_ids(self) -> list[int] | None:
        """The ids of every matching claim, or None when more than MAX_COLLECTED match."""
        sql, params = self.matching_ids()
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT {MAX_COLLECTED + 1}", params)
            ids = [pk for (pk,) in cursor.fetchall()]
        return ids if len(ids) <= MAX_COLLECTED else None

    def capped_count(self, claims: QuerySet, cap: int) -> int:
        """How many of `claims` (already filtered, not yet searched) `q` matches, counting
        no further than cap + 1.

        Each way a claim can match is read on its own, as a join that stops after a few
        more rows than are still needed (an outlet's articles lead to ~50,000
        appearances; ~1,000 of them are enough). In one UNION ALL, PostgreSQL would plan
        every branch to be read to its end (a hash of every claim). A claim found twice
        is counted once, here; when repeats leave a way short, it is read further.
        """
        if not claims.query.where and max(self.own, self.spoken) > cap:
            return cap + 1  # counted by Terms.of already
        found: set[int] = set()
        for way, repeats in self._ways(claims.order_by()):
            needed = cap + 1 - len(found)
            # A claim comes back once per sighting through its articles.
            limit = needed + needed // 4 if repeats else needed
            while True:
                ids = list(way[:limit])
                found.update(ids)
                if len(found) > cap:
                    return cap + 1
                if len(ids) < limit:  # read to its end
                    break
                limit *= 4
        return len(found)

    def _ways(self, claims: QuerySet) -> list[tuple[QuerySet, bool]]:
        """Each way a claim can match, as the ids of `claims` it reaches, and whether an
        id can come back more than once."""
        contents = RawSQL(
            "SELECT claim_id FROM claims_appearance WHERE to_tsvector('english'::regconfig, "
            f"COALESCE(content, ''::text)) @@ {TSQUERY}",
            [self.q],
        )
        articles = RawSQL(
            f"SELECT id FROM claims_article WHERE search_vector @@ {TSQUERY}", [self.q]
        )
        ways = [
            (_ids(claims.filter(OwnVectorMatches(self.q))), False),
            (_ids(claims.filter(pk__in=contents)), False),
        ]
        if self.speakers:
            ways.insert(1, (_ids(claims.filter(speaker_id__in=self.speakers)), False))
        if claims.query.where:
            ways.append((_ids(claims.filter(appearances__article__in=articles)), True))
        else:  # every claim counts: the (article, claim) index alone answers
            sightings = claims.model._meta.get_field("appearances").related_model.objects
            seen = sightings.filter(article_id__in=articles, claim__isnull=False)
            ways.append((seen.order_by().values_list("claim_id", flat=True), True))
        return ways


def _ids(claims: QuerySet) -> QuerySet:
    return claims.values_list("pk", flat=True)


class OwnVectorMatches(Expression):
    """The claim's own stored vector (statement and text) matches: the GIN index reads it."""

    output_field = models.BooleanField()

    def __init__(self, q: str) -> None:
        super().__init__()
        self.q = q

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[str]]:
        claim = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{claim}.search_vector @@ {TSQUERY}", (self.q,)


class ClaimIdAmong(Expression):
    """The claim is one of `ids` (a search's collected matches), sent as one array."""

    output_field = models.BooleanField()

    def __init__(self, ids: list[int]) -> None:
        super().__init__()
        self.ids = ids

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        claim = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{claim}.id = ANY(%s)", (self.ids,)


class MatchesRowByRow(Expression):
    """`q` matches this claim, tested row by row along the requested order.

    For a common word, ORDER BY priority LIMIT 25 then reads the triage index until 25
    claims match (~1,500 claims for a word in 1.6 % of them) instead of collecting and
    sorting all ~16,000. It reads stored vectors only (parsing text would cost ~10 µs a
    row). A claim's sightings are read once for both their content and their articles'
    titles and outlets (two EXISTS read them twice: ~30 % slower for a topic word).
    OFFSET 0 keeps PostgreSQL from replacing the EXISTS with a hash of every matching
    appearance or article, which reads them all.
    """

    output_field = models.BooleanField()

    def __init__(self, terms: Terms) -> None:
        super().__init__()
        self.terms = terms

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        claim = compiler.quote_name_unless_alias(compiler.query.base_table)
        sql = (
            f"({claim}.search_vector @@ {TSQUERY}"
            f" OR {claim}.speaker_id = ANY(%s)"
            f" OR EXISTS (SELECT 1 FROM claims_appearance search_sighting"
            f" JOIN claims_article search_article"
            f" ON search_article.id = search_sighting.article_id"
            f" WHERE search_sighting.claim_id = {claim}.id"
            f" AND (search_sighting.search_vector @@ {TSQUERY}"
            f" OR search_article.search_vector @@ {TSQUERY}) OFFSET 0))"
        )
        q = self.terms.q
        return sql, (q, list(self.terms.speakers), q, q)
