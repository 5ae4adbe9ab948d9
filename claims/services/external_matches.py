"""Which of other publishers' fact-checks a claim reads like.

The same matcher as claim links and the matches API (`pipeline.matching.compare`: words,
names, figures), plus the speaker: a fact-check of the same person's claim counts for
more. Only fact-checks in the claim's language are compared; where either language is
unknown, both are compared. A new claim's matches are stored once, when it is filed,
so the triage queue reads them instead of searching.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import OuterRef, QuerySet, Subquery

from claims.external_models import ExternalFactCheck, ExternalMatch
from claims.link_candidates import MATCH_CAP, candidates, tsquery
from claims.models import Appearance, Claim
from claims.pipeline.matching import Features, Similarity, compare, features, stem

OPEN_STATUSES = (Claim.Status.FLAGGED, Claim.Status.IN_REVIEW)
STORED_THRESHOLD = 0.4  # a match shown on a claim's triage row; the matches API reads looser
SPEAKER_BONUS = 0.1
CANDIDATES = 20
MATCHES_KEPT = 5
FALLBACK_RECENT = 2000
_WORD_RE = re.compile(r"[A-Za-z][\w'-]*")
_NAME_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class ExternalHit:
    fact_check: ExternalFactCheck
    similarity: Similarity


def _first_language() -> QuerySet:
    return (
        Appearance.objects.filter(claim=OuterRef("pk"))
        .order_by("created_at", "id")
        .values("article__language")[:1]
    )


def claim_language(claim_id: int) -> str:
    """The language of the article a claim was first seen in ("" when unknown)."""
    value = (
        Claim.objects.filter(pk=claim_id)
        .order_by()
        .annotate(language=Subquery(_first_language()))
        .values_list("language", flat=True)
        .first()
    )
    return (value or "").split("-")[0].lower()


def claim_match_external(*, claim_id: int) -> list[ExternalMatch]:
    """Compare a claim with the stored external fact-checks; keep the best few matches.

    Idempotent: a pair already stored is left as it is (its decision included).
    """
    row = (
        Claim.objects.filter(pk=claim_id)
        .order_by()
        .annotate(language=Subquery(_first_language()))
        .values_list("text", "speaker__name", "language")
        .first()
    )
    if row is None:
        return []
    text, speaker, language = row
    hits = external_hits(
        text=text,
        speaker=speaker or "",
        language=(language or "").split("-")[0].lower(),
        threshold=STORED_THRESHOLD,
    )[:MATCHES_KEPT]
    matches = [
        ExternalMatch(
            claim_id=claim_id,
            fact_check=hit.fact_check,
            score=hit.similarity.score,
            reasons=list(hit.similarity.reasons),
        )
        for hit in hits
    ]
    if matches:
        # A pair stored before keeps its row (and what a person decided about it).
        ExternalMatch.objects.bulk_create(matches, ignore_conflicts=True)
    return matches


def external_checks_match_claims(*, fact_check_ids: list[int]) -> int:
    """Compare fact-checks imported just now with the open claims (flagged or in review),
    as a new claim is compared with them; store the matches. Returns how many were new."""
    stored = 0
    for check in ExternalFactCheck.objects.filter(pk__in=fact_check_ids):
        statement = features(check.claim_reviewed)
        found = candidates(
            statement=statement, text=check.claim_reviewed, limit=CANDIDATES, family_limit=0
        )
        if not found:
            continue
        rows = (
            Claim.objects.filter(pk__in=list(found), status__in=OPEN_STATUSES)
            .annotate(language=Subquery(_first_language()))
            .values_list("pk", "text", "speaker__name", "language")
        )
        matches = []
        for pk, text, speaker, language in rows:
            language = (language or "").split("-")[0].lower()
            if check.language and language and check.language != language:
                continue
            similarity = score(
                features(text), check, speaker=speaker or "", text_similarity=found[pk]
            )
            if similarity.score >= STORED_THRESHOLD:
                matches.append(
                    ExternalMatch(
                        claim_id=pk,
                        fact_check=check,
                        score=similarity.score,
                        reasons=list(similarity.reasons),
                    )
                )
        known = set(
            ExternalMatch.objects.filter(
                fact_check=check, claim_id__in=[m.claim_id for m in matches]
            ).values_list("claim_id", flat=True)
        )
        fresh = [m for m in matches if m.claim_id not in known]
        ExternalMatch.objects.bulk_create(fresh, ignore_conflicts=True)
        stored += len(fresh)
    return stored


def external_hits(
    *, text: str, speaker: str = "", language: str = "", threshold: float
) -> list[ExternalHit]:
    """External fact-checks like `text`, best first, each scored as claims are."""
    statement = features(text)
    hits = []
    for check, similarity in _candidates(statement, text, language):
        scored = score(statement, check, speaker=speaker, text_similarity=similarity)
        if scored.score >= threshold:
            hits.append(ExternalHit(check, scored))
    hits.sort(key=lambda hit: (-hit.similarity.score, -_timestamp(hit.fact_check.date_published)))
    return hits


def score(
    statement: Features,
    check: ExternalFactCheck,
    *,
    speaker: str,
    text_similarity: float | None = None,
) -> Similarity:
    """`compare`, with a bonus when the fact-checked claimant is the claim's speaker."""
    similarity = compare(statement, features(check.claim_reviewed), text_similarity=text_similarity)
    if not (speaker and check.claimant and same_person(speaker, check.claimant)):
        return similarity
    return Similarity(
        round(min(1.0, similarity.score + SPEAKER_BONUS), 3),
        similarity.words,
        similarity.entities,
        similarity.text,
        (*similarity.reasons, f"same speaker: {check.claimant}"),
    )


def same_person(a: str, b: str) -> bool:
    """The same name, or the same surname with no clash of first names ("A. Reyes")."""
    left = [w.lower() for w in _NAME_RE.findall(a)]
    right = [w.lower() for w in _NAME_RE.findall(b)]
    if not left or not right:
        return False
    if left == right:
        return True
    if left[-1] != right[-1] or len(left[-1]) < 3:
        return False
    firsts = (left[0], right[0]) if len(left) > 1 and len(right) > 1 else None
    return firsts is None or firsts[0][0] == firsts[1][0]


Candidate = tuple[ExternalFactCheck, float | None]


def _candidates(statement: Features, text: str, language: str) -> list[Candidate]:
    if connection.vendor == "postgresql":
        return _postgres(statement, text, language)
    return _fallback(statement, language)


def _postgres(statement: Features, text: str, language: str) -> list[Candidate]:
    """One query: the matching rows, ranked by trigram similarity, read whole."""
    query = tsquery(statement)
    if not query:
        return []
    # The expression is the one `external_check_fts_idx` (migration 0009) indexes.
    sql = """
        WITH matched AS MATERIALIZED (
            SELECT id, claim_reviewed FROM claims_externalfactcheck
            WHERE to_tsvector('english'::regconfig, COALESCE(claim_reviewed, ''::text))
                  @@ to_tsquery('english', %(query)s)
              AND (%(language)s = '' OR language = '' OR language = %(language)s)
            LIMIT %(cap)s
        ), ranked AS (
            SELECT id, similarity(claim_reviewed, %(text)s) AS text_similarity FROM matched
            ORDER BY text_similarity DESC, id DESC LIMIT %(limit)s
        )
        SELECT e.*, ranked.text_similarity
        FROM ranked JOIN claims_externalfactcheck e ON e.id = ranked.id
    """
    params: dict[str, Any] = {
        "query": query,
        "language": language,
        "cap": MATCH_CAP,
        "text": text,
        "limit": CANDIDATES,
    }
    rows = ExternalFactCheck.objects.raw(sql, params)
    # `text_similarity` is a column of the raw query, not a field.
    return [(row, float(row.text_similarity)) for row in rows]  # type: ignore[attr-defined]


def _fallback(statement: Features, language: str) -> list[Candidate]:
    """Databases without full-text search: the most recent fact-checks, by shared words."""
    rows = ExternalFactCheck.objects.order_by("-id")
    if language:
        rows = rows.filter(language__in=["", language])
    overlaps: dict[int, int] = {}
    for pk, claim in rows.values_list("id", "claim_reviewed")[:FALLBACK_RECENT]:
        shared = len(statement.words & {stem(w) for w in _WORD_RE.findall(claim)})
        if shared >= 2:
            overlaps[pk] = shared
    ranked = sorted(overlaps, key=lambda pk: -overlaps[pk])[:CANDIDATES]
    checks = ExternalFactCheck.objects.in_bulk(ranked)
    return [(checks[pk], None) for pk in ranked if pk in checks]


def _timestamp(moment: datetime | None) -> float:
    return moment.timestamp() if moment else 0.0
