"""Near-duplicate claims: the same speaker (or body) saying nearly the same thing.

PostgreSQL ranks candidates with pg_trgm `similarity()`; SQLite, the embedded default,
compares the speaker's recent claims with rapidfuzz. Both give a 0..1 score, so one
threshold serves both. Statements that differ in a figure ("up 12 percent" / "up 80
percent") are different claims however alike their words, so the numbers must agree
too; and a statement never joins a claim that was said with the opposite stance.
"""

import hashlib
import heapq
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Q, QuerySet
from rapidfuzz import fuzz

from claims.models import Appearance, Claim, Speaker
from claims.pipeline.matching import STANCES, opposite_stance
from claims.pipeline.trigrams import TrigramIndex, trigrams

DUPLICATE_THRESHOLD = 0.6
FALLBACK_CANDIDATES = 500  # recent claims compared per speaker without trigram support
MATCH_LIMIT = 5  # best candidates considered per statement
# Filing an article compares its statements with each candidate speaker's most recent
# claims; older ones are found when repeated word for word (case aside). So the cost
# of an article is bounded whatever the speaker's history.
RECENT_CLAIMS = 2000


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
        stored = _stored_matches_postgres(statements)
    else:
        stored = _stored_matches_fallback(statements)
    grams = [trigrams(said.text) for said in statements]
    # The statements that made a new claim so far: a later one may repeat one of them.
    made_new = TrigramIndex(DUPLICATE_THRESHOLD, corpus=grams)
    plan: list[Match | int | None] = []
    # Stances filed in this article so far, per claim (stored claim id or statement index).
    stances: dict[int | tuple[str, int], set[str]] = {}
    for j, said in enumerate(statements):
        # (similarity, id, option, figures agree and no stored opposite stance)
        options: list[tuple[float, int, Match | int, bool]] = [
            (match.score, match.claim.pk, match, ok) for match, ok in stored[j]
        ]
        for i, score in sorted(made_new.similar(grams[j])):
            if _in_scope(statements[i], said):
                ok = _numbers(statements[i].text) == _numbers(said.text)
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
        if chosen is None:
            made_new.add(j, grams[j])
        if said.stance:
            stances.setdefault(_claim_key(chosen, j), set()).add(said.stance)
    return plan


Candidates = list[list[tuple[Match, bool]]]


def _claim_key(option: Match | int | None, index: int) -> int | tuple[str, int]:
    """A stored claim by id; a claim new in this article by the statement that made it."""
    if isinstance(option, Match):
        return option.claim.pk
    return ("new", index if option is None else option)


def _stored_matches_postgres(statements: list[Said]) -> Candidates:
    """Each statement's best stored candidates, as `similar_claims` ranks them (the best
    MATCH_LIMIT by similarity, then figures and stance), in one query however many
    statements and however long the speakers' history.

    Candidates are the claims of the speaker, of the body it speaks for and of that
    body's other members: each one's RECENT_CLAIMS latest claims, read through the
    (speaker, id) index, and any older claim repeated word for word, read through the
    (speaker, md5(lower(text))) index; each with the stances its appearances took.
    Similarity is pg_trgm's, computed here through a trigram index, once per distinct
    statement: an article costs time linear in its statements.
    """
    scopes = sorted({(s.speaker.pk, s.speaker.body_id) for s in statements})  # type: ignore[union-attr]
    table, appearances, speakers = (
        Claim._meta.db_table,
        Appearance._meta.db_table,
        Speaker._meta.db_table,
    )
    sql = f"""
        WITH scope AS (
            SELECT DISTINCT p.n, m.id AS speaker_id
            FROM unnest(%(speaker)s::bigint[], %(body)s::bigint[]) WITH ORDINALITY
                AS p(speaker_id, body_id, n)
            CROSS JOIN LATERAL (
                SELECT p.speaker_id AS id
                UNION SELECT p.body_id WHERE p.body_id IS NOT NULL
                UNION SELECT sp.id FROM {speakers} sp WHERE sp.body_id = p.body_id
            ) m
        ), found AS (
            SELECT c.id, c.speaker_id, c.text FROM (SELECT DISTINCT speaker_id FROM scope) s
            CROSS JOIN LATERAL (
                SELECT id, speaker_id, text FROM {table} WHERE speaker_id = s.speaker_id
                ORDER BY id DESC LIMIT %(recent)s
            ) c
            UNION
            SELECT id, speaker_id, text FROM {table}
            WHERE speaker_id IN (SELECT speaker_id FROM scope)
              AND md5(lower(text)) = ANY(%(verbatim)s)
        )
        SELECT n, speaker_id, NULL, NULL, NULL FROM scope
        UNION ALL
        SELECT NULL, f.speaker_id, f.id, f.text, ARRAY(
            SELECT DISTINCT a.stance FROM {appearances} a WHERE a.claim_id = f.id)
        FROM found f
    """
    params: dict[str, Any] = {
        "speaker": [speaker for speaker, _ in scopes],
        "body": [body for _, body in scopes],
        "recent": RECENT_CLAIMS,
        "verbatim": sorted({_md5_lower(s.text) for s in statements}),
    }
    in_scope: dict[int, set[int]] = defaultdict(set)
    by_speaker: dict[int, list[tuple[Claim, frozenset[str]]]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for n, speaker_id, claim_id, text, claim_stances in cursor.fetchall():
            if claim_id is None:
                in_scope[n - 1].add(speaker_id)
            else:
                claim = Claim(pk=claim_id, text=text, speaker_id=speaker_id)
                by_speaker[speaker_id].append((claim, frozenset(claim_stances)))
    position = {scope: n for n, scope in enumerate(scopes)}
    indexes: dict[frozenset[int], _ClaimsIndex] = {}
    # A statement repeated in the article (same scope, words and stance) is matched once.
    memo: dict[tuple[frozenset[int], str, str | None], list[tuple[Match, bool]]] = {}
    stored: Candidates = []
    for said in statements:
        scope = frozenset(in_scope[position[(said.speaker.pk, said.speaker.body_id)]])  # type: ignore[union-attr]
        if scope not in indexes:
            indexes[scope] = _ClaimsIndex([row for sp in sorted(scope) for row in by_speaker[sp]])
        key = (scope, said.text, said.stance)
        if key not in memo:
            memo[key] = indexes[scope].best(said)
        stored.append(memo[key])
    return stored


class _ClaimsIndex:
    """Stored claims (with their appearances' stances), searchable by similarity."""

    def __init__(self, rows: list[tuple[Claim, frozenset[str]]]) -> None:
        self._rows = rows
        self._ids = [claim.pk for claim, _ in rows]
        grams = [trigrams(claim.text) for claim, _ in rows]
        self._index = TrigramIndex(DUPLICATE_THRESHOLD, corpus=grams)
        for n, claim_grams in enumerate(grams):
            self._index.add(n, claim_grams)

    def best(self, said: Said) -> list[tuple[Match, bool]]:
        """The best MATCH_LIMIT, each with whether figures agree and no stance opposes."""
        hits = self._index.similar(trigrams(said.text))
        ids = self._ids
        found = heapq.nsmallest(MATCH_LIMIT, hits, key=lambda hit: (-hit[1], ids[hit[0]]))
        opposed = set(_opposed(said.stance))
        best = []
        for n, score in found:
            claim, stances = self._rows[n]
            ok = not (stances & opposed) and _numbers(claim.text) == _numbers(said.text)
            best.append((Match(claim, score), ok))
        return best


def _md5_lower(text: str) -> str:
    return hashlib.md5(text.lower().encode()).hexdigest()  # noqa: S324 — a lookup key


def _stored_matches_fallback(statements: list[Said]) -> Candidates:
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
    return stored


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
