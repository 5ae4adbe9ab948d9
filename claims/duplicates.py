"""Near-duplicate claims: the same speaker (or body) saying nearly the same thing.

PostgreSQL ranks candidates with pg_trgm `similarity()`; SQLite, the embedded default,
compares the speaker's recent claims with rapidfuzz. Both give a 0..1 score, so one
threshold serves both. Statements that differ in a figure ("up 12 percent" / "up 80
percent") are different claims however alike their words, so the numbers must agree
too; and a statement never joins a claim that was said with the opposite stance.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Q, QuerySet
from rapidfuzz import fuzz

from claims.models import Appearance, Claim, Speaker
from claims.pipeline.matching import STANCES, opposite_stance

DUPLICATE_THRESHOLD = 0.6
FALLBACK_CANDIDATES = 500  # recent claims compared per speaker without trigram support
MATCH_LIMIT = 5  # best candidates considered per statement


@dataclass(frozen=True)
class Match:
    claim: Claim
    score: float


@dataclass(frozen=True)
class Said:
    """A statement to file: who said it, the claim text it would have, and its stance."""

    speaker: Speaker | None
    text: str
    stance: str | None = None


def similar_claims(
    *,
    speaker: Speaker | None,
    text: str,
    threshold: float = DUPLICATE_THRESHOLD,
    limit: int = MATCH_LIMIT,
) -> list[Match]:
    """Claims by `speaker` or by the body it speaks for whose text is near `text`, best first."""
    candidates = _candidates(speaker)
    if connection.vendor == "postgresql":
        rows = (
            candidates.annotate(similarity=TrigramSimilarity("text", text))
            .filter(similarity__gte=threshold)
            .order_by("-similarity", "id")[:limit]
        )
        return [
            Match(claim, float(claim.similarity))
            for claim in rows
            if _numbers(claim.text) == _numbers(text)
        ]
    normalised = _normalise(text)
    scored = [
        Match(claim, fuzz.ratio(normalised, _normalise(claim.text)) / 100)
        for claim in candidates.order_by("-id")[:FALLBACK_CANDIDATES]
    ]
    matches = [
        match
        for match in scored
        if match.score >= threshold and _numbers(match.claim.text) == _numbers(text)
    ]
    return sorted(matches, key=lambda m: (-m.score, m.claim.id))[:limit]


def best_match(*, speaker: Speaker | None, text: str, stance: str | None = None) -> Match | None:
    """The claim this statement repeats. A denial and a later confirmation of the same
    words are two claims (and a contradiction to link), never one."""
    plan = plan_matches([Said(speaker, text, stance)])[0]
    return plan if isinstance(plan, Match) else None


def plan_matches(statements: list[Said]) -> list[Match | int | None]:
    """What each statement of one article repeats, in order, deciding them all at once.

    For each statement: the stored claim it repeats (a Match), or the index of an earlier
    statement in the list whose new claim it repeats (an int), or None for a new claim.
    As matching them one by one would, creating each new claim before the next (the
    best MATCH_LIMIT by similarity, then figures and stance), in one query on
    PostgreSQL instead of two per statement. The caller must hold the matching locks
    of every speaker (`services._lock_speakers`).
    """
    if not statements:
        return []
    if connection.vendor == "postgresql" and all(s.speaker is not None for s in statements):
        stored, pairs = _stored_matches_postgres(statements)
    else:
        stored, pairs = _stored_matches_fallback(statements)
    plan: list[Match | int | None] = []
    # Stances filed in this article so far, per claim (stored claim id or statement index).
    stances: dict[int | tuple[str, int], set[str]] = {}
    for j, said in enumerate(statements):
        # (similarity, id, option, figures agree and no stored opposite stance)
        options: list[tuple[float, int, Match | int, bool]] = [
            (match.score, match.claim.pk, match, ok) for match, ok in stored[j]
        ]
        for i in range(j):
            if (i, j) in pairs and plan[i] is None and _in_scope(statements[i], said):
                score, ok = pairs[(i, j)]
                # Statement i's claim is newer than any stored one: it sorts last on a tie.
                options.append((score, 1 << 62, i, ok))
        options.sort(key=lambda o: (-o[0], o[1]))
        chosen: Match | int | None = None
        for _score, _id, option, ok in options[:MATCH_LIMIT]:
            filed = stances.get(_claim_key(option, j), set())
            if ok and not (said.stance and any(opposite_stance(said.stance, s) for s in filed)):
                chosen = option
                break
        plan.append(chosen)
        if said.stance:
            stances.setdefault(_claim_key(chosen, j), set()).add(said.stance)
    return plan


Candidates = list[list[tuple[Match, bool]]]
Pairs = dict[tuple[int, int], tuple[float, bool]]


def _claim_key(option: Match | int | None, index: int) -> int | tuple[str, int]:
    """A stored claim by id; a claim new in this article by the statement that made it."""
    if isinstance(option, Match):
        return option.claim.pk
    return ("new", index if option is None else option)


def _stored_matches_postgres(statements: list[Said]) -> tuple[Candidates, Pairs]:
    """One query: each statement's best stored candidates, and the statements' own
    pairwise similarities (a later statement may repeat an earlier one's new claim).

    Candidates are the claims of the speaker, of the body it speaks for and of that
    body's other members, read through the speaker index before any similarity is
    computed (an OR across a join, or similarity in the same WHERE, would score every
    claim). As `similar_claims`, the best MATCH_LIMIT by similarity are then checked
    for figures; and any that has an appearance of the opposite stance is left out.
    """
    table, appearances, speakers = (
        Claim._meta.db_table,
        Appearance._meta.db_table,
        Speaker._meta.db_table,
    )
    sql = f"""
        WITH said AS (
            SELECT * FROM unnest(%(idx)s::int[], %(speaker)s::bigint[], %(body)s::bigint[],
                                 %(text)s::text[], %(opposed)s::text[])
                AS s(idx, speaker_id, body_id, text, opposed)
        )
        SELECT said.idx, m.id, m.text, m.speaker_id, m.similarity, EXISTS (
                   SELECT 1 FROM {appearances} a
                   WHERE a.claim_id = m.id
                     AND a.stance = ANY(string_to_array(said.opposed, ',')))
        FROM said CROSS JOIN LATERAL (
            SELECT * FROM (
                SELECT id, text, speaker_id, similarity(text, said.text) AS similarity
                FROM {table}
                WHERE speaker_id = ANY(ARRAY(
                    SELECT sp.id FROM {speakers} sp
                    WHERE sp.id = said.speaker_id OR sp.id = said.body_id
                       OR sp.body_id = said.body_id))
                OFFSET 0  -- the speakers' claims by index first, then similarity on those
            ) c
            WHERE similarity >= %(threshold)s
            ORDER BY similarity DESC, id
            LIMIT %(limit)s
        ) m
        UNION ALL
        SELECT b.idx, -1 - a.idx, NULL, NULL, similarity(a.text, b.text), false
        FROM said a JOIN said b ON a.idx < b.idx
        WHERE similarity(a.text, b.text) >= %(threshold)s
    """
    params: dict[str, Any] = {
        "idx": list(range(len(statements))),
        "speaker": [s.speaker.pk for s in statements],  # type: ignore[union-attr]
        "body": [s.speaker.body_id for s in statements],  # type: ignore[union-attr]
        "text": [s.text for s in statements],
        "opposed": [",".join(_opposed(s.stance)) for s in statements],
        "threshold": DUPLICATE_THRESHOLD,
        "limit": MATCH_LIMIT,
    }
    stored: Candidates = [[] for _ in statements]
    pairs: Pairs = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for idx, claim_id, text, speaker_id, score, opposed in cursor.fetchall():
            if claim_id < 0:
                i = -1 - claim_id
                same = _numbers(statements[i].text) == _numbers(statements[idx].text)
                pairs[(i, idx)] = (float(score), same)
            else:
                claim = Claim(pk=claim_id, text=text, speaker_id=speaker_id)
                ok = not opposed and _numbers(text) == _numbers(statements[idx].text)
                stored[idx].append((Match(claim, float(score)), ok))
    return stored, pairs


def _stored_matches_fallback(statements: list[Said]) -> tuple[Candidates, Pairs]:
    """Statement by statement, for databases without pg_trgm (or a statement without speaker)."""
    stored: Candidates = []
    for said in statements:
        matches = similar_claims(speaker=said.speaker, text=said.text)
        opposed = _opposed(said.stance)
        against: set[int] = set()
        if opposed and matches:
            against = set(
                Appearance.objects.filter(
                    claim__in=[m.claim for m in matches], stance__in=opposed
                ).values_list("claim_id", flat=True)
            )
        stored.append([(m, m.claim.pk not in against) for m in matches])
    pairs: Pairs = {}
    for j, said in enumerate(statements):
        for i in range(j):
            if _numbers(statements[i].text) != _numbers(said.text):
                continue
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT similarity(%s, %s)", [statements[i].text, said.text])
                    score = float(cursor.fetchone()[0])
            else:
                score = fuzz.ratio(_normalise(statements[i].text), _normalise(said.text)) / 100
            if score >= DUPLICATE_THRESHOLD:
                pairs[(i, j)] = (score, True)
    return stored, pairs


def _in_scope(earlier: Said, later: Said) -> bool:
    """Whether a claim by `earlier`'s speaker is among `later`'s candidates (`_candidates`)."""
    if later.speaker is None or earlier.speaker is None:
        return later.speaker is None and earlier.speaker is None
    speaker_id = earlier.speaker.pk
    body_id = later.speaker.body_id
    return speaker_id == later.speaker.pk or (
        body_id is not None and (speaker_id == body_id or earlier.speaker.body_id == body_id)
    )


def _opposed(stance: str | None) -> list[str]:
    return [s for s in STANCES if stance and opposite_stance(stance, s)]


def _candidates(speaker: Speaker | None) -> QuerySet[Claim]:
    if speaker is None:
        return Claim.objects.filter(speaker__isnull=True)
    same = Q(pk=speaker.pk)
    if speaker.body_id:
        # "The Kremlin said" and "Peskov said" can be one claim carried two ways.
        same |= Q(pk=speaker.body_id) | Q(body_id=speaker.body_id)
    # One IN over the speakers: PostgreSQL then reads each one's claims by index.
    return Claim.objects.filter(speaker_id__in=Speaker.objects.filter(same).values("pk"))


def _numbers(text: str) -> list[str]:
    return sorted(re.findall(r"\d+(?:[.,]\d+)*", text))


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())
