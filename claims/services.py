"""Ingestion: feeds are polled, articles fetched and detected, claims flagged and ranked.

Views, commands, the admin and tasks call these; none of them writes these rows itself.
Every network call happens outside a transaction; every write is an upsert by a
natural key or guarded by the row's state, so a task run twice has the effect of one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, Count, F, Max, Min, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims.fetching import fetcher
from claims.link_tasks import suggest_links
from claims.matching import Match, Said, best_match, plan_matches
from claims.models import Appearance, Article, Claim, Feed, Speaker, SpeakerAlias
from claims.pipeline.bodies import is_specific_body
from claims.pipeline.detect import DETECTOR_VERSION, Attribution, detect
from claims.pipeline.extract import ExtractedArticle, ExtractionError, extract_article
from claims.pipeline.feeds import FeedEntry, FeedError, parse_feed
from claims.pipeline.fetch import ARTICLE, FEED
from claims.pipeline.fetch_errors import FetchError
from claims.pipeline.matching import statement_stance
from claims.pipeline.officials import SpeakerEntry, SpeakerRegistry
from claims.pipeline.priority import PriorityInput, priority
from claims.pipeline.urls import canonical_url, content_hash
from factcheck.errors import Conflict, InvalidInput
from reviews.models import ReviewEvent

# Runs that start but never finish (the worker died) before an article is parked.
PARK_AFTER_ATTEMPTS = 3
# A claimed feed is not due again for this long, so a crashed poll is retried by beat.
FEED_LEASE = timedelta(minutes=10)
MAX_FEED_BACKOFF = timedelta(hours=24)
POLL_BATCH = 100
FETCHABLE_SCHEMES = ("http", "https")
STANCES = frozenset(Appearance.Stance.values)
# Advisory lock keys of claim matching: this offset plus a speaker id (bigint keys).
MATCH_LOCK_SPACE = 0x6D61 << 48


# --- Feeds ---------------------------------------------------------------------------


@transaction.atomic
def feed_create(*, url: str, name: str = "", outlet: str = "", poll_interval: int = 900) -> Feed:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in FETCHABLE_SCHEMES or not parts.hostname:
        raise InvalidInput("A feed URL must be an absolute http or https URL.")
    if poll_interval < 60:
        raise InvalidInput("poll_interval must be at least 60 seconds.")
    existing = Feed.objects.filter(url=url).first()
    if existing is not None:
        raise Conflict("This feed is already registered.", id=existing.pk)
    return Feed.objects.create(
        url=url,
        name=name.strip() or parts.hostname,
        outlet=outlet.strip(),
        poll_interval=poll_interval,
        next_poll_at=timezone.now(),  # due at once
    )


def feed_poll_request(*, feed: Feed) -> None:
    """Queue a poll now, whatever the schedule says (staff asked for it)."""
    from claims.tasks import poll_feed

    transaction.on_commit(lambda: poll_feed.delay(feed.pk))


def feeds_claim_due(*, limit: int | None = POLL_BATCH) -> list[int]:
    """Claim due feeds by pushing their next poll past a lease, one conditional UPDATE each.

    Two beats or workers running this at once never claim the same feed: the
    second UPDATE finds the feed no longer due and changes nothing.
    """
    now = timezone.now()
    due = Q(active=True) & (Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
    candidates = Feed.objects.filter(due).order_by(F("next_poll_at").asc(nulls_first=True), "id")
    ids = list(candidates.values_list("id", flat=True)[:limit])
    return [
        pk for pk in ids if Feed.objects.filter(due, pk=pk).update(next_poll_at=now + FEED_LEASE)
    ]


@transaction.atomic
def feeds_poll_due(*, limit: int | None = POLL_BATCH) -> list[int]:
    """Claim a bounded batch of due feeds and queue a poll of each after commit."""
    from claims.tasks import poll_feed

    claimed = feeds_claim_due(limit=limit)
    for pk in claimed:
        transaction.on_commit(lambda pk=pk: poll_feed.delay(pk))
    return claimed


@dataclass
class PollResult:
    feed_id: int
    not_modified: bool = False
    entries: int = 0
    new_article_ids: list[int] = field(default_factory=list)
    warning: str | None = None


def feed_poll(*, feed_id: int, enqueue: bool = True) -> PollResult:
    """Fetch and parse one feed; every unseen entry becomes a pending article.

    Raises FetchError or FeedError after recording the failure on the feed, so
    the caller can decide whether to retry (the task) or report (the command).
    """
    feed = Feed.objects.get(pk=feed_id)
    try:
        response = fetcher().fetch(
            feed.url, kind=FEED, etag=feed.etag or None, last_modified=feed.last_modified or None
        )
        parsed = None
        if not response.not_modified:
            parsed = parse_feed(
                response.body, response.final_url, content_type=response.headers.get("content-type")
            )
    except FetchError as error:
        feed_record_failure(
            feed_id=feed_id, reason=error.reason, status=error.status, retry_after=error.retry_after
        )
        raise
    except FeedError as error:
        feed_record_failure(feed_id=feed_id, reason=error.reason, status=response.status)
        raise
    result = PollResult(feed_id=feed_id, not_modified=parsed is None)
    with transaction.atomic():
        if parsed is not None:
            result.entries = len(parsed.entries)
            result.warning = parsed.warning
            result.new_article_ids = _articles_from_entries(feed, parsed.entries)
            if enqueue:
                _enqueue_ingest(result.new_article_ids)
        now = timezone.now()
        Feed.objects.filter(pk=feed_id).update(
            last_polled_at=now,
            last_success_at=now,
            last_status=response.status,
            last_error=(parsed.warning or "") if parsed else "",
            consecutive_failures=0,
            next_poll_at=now + timedelta(seconds=feed.poll_interval),
            etag=(response.etag or "")[:500],
            last_modified=(response.last_modified or "")[:100],
        )
    return result


def feed_record_failure(
    *, feed_id: int, reason: str, status: int | None = None, retry_after: float | None = None
) -> None:
    """Record a failed poll and back off: the interval doubles with each failure in a row."""
    now = timezone.now()
    with transaction.atomic():
        feed = Feed.objects.select_for_update().filter(pk=feed_id).first()
        if feed is None:
            return
        failures = feed.consecutive_failures + 1
        delay = min(
            timedelta(seconds=feed.poll_interval * 2 ** min(failures, 16)), MAX_FEED_BACKOFF
        )
        if retry_after:
            delay = max(delay, min(timedelta(seconds=retry_after), MAX_FEED_BACKOFF))
        Feed.objects.filter(pk=feed_id).update(
            last_polled_at=now,
            last_status=status,
            last_error=reason,
            consecutive_failures=failures,
            next_poll_at=now + delay,
        )


def _articles_from_entries(feed: Feed, entries: list[FeedEntry]) -> list[int]:
    """Insert the entries not seen before (by this feed's GUID or by canonical URL)."""
    rows: dict[str, FeedEntry] = {}
    for entry in entries:
        if not entry.url:
            continue  # nothing to fetch
        try:
            rows.setdefault(canonical_url(entry.url), entry)
        except ValueError:
            continue
    known_urls = set(
        Article.objects.filter(canonical_url__in=list(rows)).values_list("canonical_url", flat=True)
    )
    guids = [entry.guid[:2000] for entry in rows.values()]
    known_guids = set(
        Article.objects.filter(feed=feed, guid__in=guids).values_list("guid", flat=True)
    )
    created: list[int] = []
    for canonical, entry in rows.items():
        if canonical in known_urls or entry.guid[:2000] in known_guids:
            continue
        try:
            with transaction.atomic():
                article = Article.objects.create(
                    feed=feed,
                    url=entry.url[:2000],
                    canonical_url=canonical[:2000],
                    guid=entry.guid[:2000],
                    outlet=feed.outlet or feed.name,
                    title=entry.title[:1000],
                    author=(entry.author or "")[:500],
                    published_at=entry.published_at,
                    needs_fetch=True,
                )
        except IntegrityError:
            continue  # another poll inserted it a moment ago
        created.append(article.pk)
    return created


def _enqueue_ingest(article_ids: list[int]) -> None:
    from claims.tasks import ingest_article

    for pk in article_ids:
        transaction.on_commit(lambda pk=pk: ingest_article.delay(pk))


# --- Articles ------------------------------------------------------------------------


@transaction.atomic
def article_submit(
    *, url: str, title: str = "", text: str = "", outlet: str = "", enqueue: bool = True
) -> Article:
    """Queue an article for ingestion; an article already known is re-ingested, not copied.

    With `text` the page is not fetched. A `file://` URL is accepted only with text
    (`manage.py ingest PATH` reads local files itself; fetching never opens them).
    """
    try:
        canonical = canonical_url(url)
    except ValueError as error:
        raise InvalidInput(f"url: {error}") from None
    scheme = urlsplit(canonical).scheme
    if scheme not in FETCHABLE_SCHEMES and not (scheme == "file" and text):
        raise InvalidInput("url: only http and https pages can be fetched.")
    if not text and title:
        raise InvalidInput("text: a title needs the article text too.")
    article = Article.objects.select_for_update().filter(canonical_url=canonical).first()
    if article is None:
        try:
            with transaction.atomic():
                article = Article.objects.create(url=url[:2000], canonical_url=canonical)
        except IntegrityError:
            article = Article.objects.select_for_update().get(canonical_url=canonical)
    if text:
        article.text = text
        article.needs_fetch = False
        article.title = title[:1000] or article.title
    else:
        article.needs_fetch = True
    article.outlet = outlet[:200] or article.outlet
    article.status = Article.Status.PENDING
    article.attempts = 0
    article.error = ""
    article.save()
    if enqueue:
        _enqueue_ingest([article.pk])
    return article


@dataclass
class IngestResult:
    article_id: int
    status: str  # "extracted", "failed", "skipped" (not pending) or "unchanged"
    appearances: int = 0
    claims_created: int = 0
    claims_matched: int = 0
    error: str = ""


def article_ingest(*, article_id: int) -> IngestResult:
    """Bring one pending article to `extracted` (or `failed`), exactly once in effect.

    1. Claim the row by counting the attempt; a pending article that has already
       been started too often (its worker keeps dying) is parked as failed.
    2. Fetch and extract the page when needed, outside any transaction.
       A transient FetchError is re-raised for the task to retry.
    3. Detect and store the results in one transaction (`article_detect`).
    """
    article = _article_claim(article_id)
    if article is None:
        return IngestResult(article_id, "skipped")
    if article.attempts > PARK_AFTER_ATTEMPTS:
        reason = (
            f"parked after {article.attempts - 1} attempts that never finished (worker crashed?)"
        )
        article_fail(article_id=article_id, reason=reason)
        return IngestResult(article_id, "failed", error=reason)
    extracted = None
    if article.needs_fetch:
        try:
            extracted = _fetch_and_extract(article.url)
        except FetchError as error:
            if error.transient:
                article_release(article_id=article_id, reason=error.reason)
                raise
            article_fail(article_id=article_id, reason=error.reason)
            return IngestResult(article_id, "failed", error=error.reason)
        except ExtractionError as error:
            article_fail(article_id=article_id, reason=error.reason)
            return IngestResult(article_id, "failed", error=error.reason)
    return article_detect(article_id=article_id, extracted=extracted, article=article)


def articles_requeue_stale(*, limit: int = POLL_BATCH) -> list[int]:
    """Queue again the pending articles nobody has touched for longer than any queued
    message can wait: their message was lost (a crash between commit and enqueue, a
    flushed broker). Anything younger may still be in the queue or waiting on a retry.
    """
    now = timezone.now()
    cutoff = now - timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT)
    with transaction.atomic():
        ids = list(
            Article.objects.select_for_update(skip_locked=True)
            .filter(status=Article.Status.PENDING, updated_at__lt=cutoff)
            .order_by("updated_at")
            .values_list("pk", flat=True)[:limit]
        )
        # Stamped, so the next sweep leaves them to the queue again.
        Article.objects.filter(pk__in=ids).update(updated_at=now)
        _enqueue_ingest(ids)
    return ids


def _article_claim(article_id: int) -> Article | None:
    """Count one more attempt at a pending article and read it back, in one statement."""
    table = Article._meta.db_table
    rows = Article.objects.raw(
        f"UPDATE {table} SET attempts = attempts + 1, updated_at = %s "
        "WHERE id = %s AND status = %s RETURNING *",
        [timezone.now(), article_id, Article.Status.PENDING],
    )
    return next(iter(rows), None)


def _fetch_and_extract(url: str) -> ExtractedArticle:
    response = fetcher().fetch(url, kind=ARTICLE)
    return extract_article(
        response.body,
        response.final_url,
        content_type=response.content_type,
        charset=response.charset,
    )


def article_fail(*, article_id: int, reason: str) -> None:
    Article.objects.filter(pk=article_id, status=Article.Status.PENDING).update(
        status=Article.Status.FAILED, error=reason[:2000]
    )


def article_release(*, article_id: int, reason: str) -> None:
    """A run that ended in a transient error finished: it does not count towards parking."""
    Article.objects.filter(pk=article_id, status=Article.Status.PENDING, attempts__gt=0).update(
        attempts=F("attempts") - 1, error=f"will retry: {reason}"[:2000]
    )


def article_detect(
    *, article_id: int, extracted: ExtractedArticle | None = None, article: Article | None = None
) -> IngestResult:
    """Store the extracted text and turn its attributed statements into appearances.

    Detection runs only when the content hash changed since the last run; a changed
    article has its appearances replaced, in the same transaction, never duplicated.
    `article` is the row as the caller just read it (re-read under lock before storing).
    """
    if article is None:
        article = Article.objects.get(pk=article_id)
    text = extracted.text if extracted else article.text
    if not text.strip():
        reason = "no article text found on the page"
        article_fail(article_id=article_id, reason=reason)
        return IngestResult(article_id, "failed", error=reason)
    new_hash = content_hash(text)
    attributions: list[Attribution] = []
    speakers: dict[str, Speaker] = {}
    if new_hash != article.detected_hash:
        attributions = _unique_offsets(detect(text, speaker_registry()))
        # Speakers are committed first, each on its own, in a stable order: the long
        # transaction below then only takes locks, always in id order, and cannot deadlock.
        # Those already known as they are cost one query between them.
        by_name = dict(sorted({_speaker_name(a): a for a in attributions}.items()))
        known = _speakers_known([*by_name, *(a.speaker_body for a in by_name.values())])
        for key, attribution in by_name.items():
            speakers[key] = speaker_upsert(
                name=key,
                title=attribution.speaker_title,
                body=attribution.speaker_body,
                official=attribution.official,
                reason=attribution.official_reason,
                known=known,
            )
    return _article_store(article_id, extracted, text, new_hash, attributions, speakers)


@transaction.atomic
def _article_store(
    article_id: int,
    extracted: ExtractedArticle | None,
    text: str,
    new_hash: str,
    attributions: list[Attribution],
    speakers: dict[str, Speaker],
) -> IngestResult:
    article = Article.objects.select_for_update().get(pk=article_id)
    if article.status != Article.Status.PENDING:
        return IngestResult(article_id, "skipped")  # a redelivered copy finished first
    if extracted is not None:
        article.text = text
        article.title = article.title or (extracted.title or "")[:1000]
        article.author = article.author or (extracted.author or "")[:500]
        article.published_at = article.published_at or extracted.published_at
        article.language = (extracted.language or "")[:20]
        article.needs_fetch = False
    result = IngestResult(article_id, "extracted")
    changed = new_hash != article.detected_hash
    article.content_hash = new_hash
    article.detected_hash = new_hash
    article.status = Article.Status.EXTRACTED
    article.error = ""
    # Saved first: what follows holds the speakers' matching locks until commit.
    article.save()
    if not changed:
        result.status = "unchanged"
        return result
    touched = _appearances_delete(article)
    claims = _claims_file(attributions, speakers, result)
    Appearance.objects.bulk_create(
        _appearance(article, attribution, speakers[_speaker_name(attribution)], claim)
        for attribution, claim in zip(attributions, claims, strict=True)
    )
    result.appearances = len(attributions)
    claims_prioritise(claim_ids=touched | {c.pk for c in claims if c is not None})
    return result


def _appearances_delete(article: Article) -> set[int]:
    """Drop the appearances of an earlier detection; the claims they belonged to."""
    table = Appearance._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE article_id = %s RETURNING claim_id", [article.pk]
        )
        return {row[0] for row in cursor.fetchall() if row[0] is not None}


def _claims_file(
    attributions: list[Attribution],
    speakers: dict[str, Speaker],
    result: IngestResult,
) -> list[Claim | None]:
    """The claim of each attribution: a stored one it repeats, or a new flagged one.

    Only officials' statements become claims. All of them are matched in one query
    under the speakers' matching locks; the new claims and their audit events are
    inserted in one statement each.
    """
    official = [i for i, a in enumerate(attributions) if a.official]
    said = [
        Said(
            speaker=speakers[_speaker_name(attributions[i])],
            text=_statement_text(attributions[i].content, attributions[i].sentence),
            stance=_stance(attributions[i])[0],
        )
        for i in official
    ]
    _lock_speakers(s.speaker for s in said if s.speaker is not None)
    plan = plan_matches(said)
    now = timezone.now()
    new: dict[int, Claim] = {}
    for n, (i, choice) in enumerate(zip(official, plan, strict=True)):
        if choice is None:
            new[n] = Claim(
                text=said[n].text,
                speaker=said[n].speaker,
                official=True,
                checkworthiness=attributions[i].score,
                first_seen_at=now,
                last_seen_at=now,
            )
    Claim.objects.bulk_create(new.values())
    ReviewEvent.objects.bulk_create(
        ReviewEvent(
            claim=claim,
            action="flagged",
            to_state=Claim.Status.FLAGGED,
            note=_flag_note(attributions[official[n]]),
        )
        for n, claim in new.items()
    )
    _suggest_links_on_commit([claim.pk for claim in new.values()])
    claims: list[Claim | None] = [None] * len(attributions)
    for n, (i, choice) in enumerate(zip(official, plan, strict=True)):
        if isinstance(choice, Match):
            claims[i] = choice.claim
        else:
            claims[i] = new[n if choice is None else choice]
    result.claims_created += len(new)
    result.claims_matched += len(official) - len(new)
    return claims


def _flag_note(attribution: Attribution) -> str:
    return (
        f"official statement: {attribution.official_reason}; "
        f"check-worthiness {attribution.score:.2f}"
    )


def _suggest_links_on_commit(claim_ids: list[int]) -> None:
    # What the same speaker or body said before, and which other publishers checked it
    # already: looked up once the claims are committed.
    from claims.external_tasks import match_external_checks

    for pk in claim_ids:
        suggest_links.delay_on_commit(pk)
        match_external_checks.delay_on_commit(pk)


def _unique_offsets(attributions: list[Attribution]) -> list[Attribution]:
    # One appearance per (article, content offset): the database says so too.
    seen: set[int] = set()
    unique = []
    for attribution in attributions:
        if attribution.content_start not in seen:
            seen.add(attribution.content_start)
            unique.append(attribution)
    return unique


def _speaker_name(attribution: Attribution) -> str:
    return " ".join((attribution.speaker or attribution.source or "unnamed source").split())[:300]


def _statement_text(content: str, sentence: str) -> str:
    # A content span too short to check on its own ("as saying") reads better as the sentence.
    content = content.strip()
    return content if len(content) >= 12 else sentence.strip()


def _lock_speakers(speakers: Iterable[Speaker]) -> None:
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


def _appearance(
    article: Article, attribution: Attribution, speaker: Speaker, claim: Claim | None
) -> Appearance:
    stance, stance_reason = _stance(attribution)
    return Appearance(
        claim=claim,
        article=article,
        speaker=speaker,
        sentence=attribution.sentence,
        sentence_start=attribution.sentence_start,
        sentence_end=attribution.sentence_end,
        source=attribution.source[:500],
        source_start=attribution.source_start,
        source_end=attribution.source_end,
        cue=attribution.cue[:200],
        cue_start=attribution.cue_start,
        cue_end=attribution.cue_end,
        content=attribution.content,
        content_start=attribution.content_start,
        content_end=attribution.content_end,
        direct=attribution.direct,
        official=attribution.official,
        official_reason=attribution.official_reason[:300],
        score=attribution.score,
        score_reasons=list(attribution.score_reasons),
        stance=stance,
        stance_reason=stance_reason[:300],
        detector_version=DETECTOR_VERSION,
    )


def _stance(attribution: Attribution) -> tuple[str, str]:
    """The statement's stance toward its content: the cue verb, then the content's own
    negation or dismissal ("told reporters there were no plans" denies)."""
    cue_stance = attribution.stance if attribution.stance in STANCES else "asserts"
    stance, reason = statement_stance(cue_stance, attribution.cue, attribution.content)
    if stance == cue_stance and attribution.stance_reason:
        reason = attribution.stance_reason
    return (stance if stance in STANCES else "asserts"), reason


# --- Speakers ------------------------------------------------------------------------


def speaker_key(name: str) -> str:
    return " ".join(name.lower().split())[:300]


_registry_cache: dict[str, Any] = {}


def speaker_registry() -> SpeakerRegistry:
    """What detection should take as settled: staff edits and speakers known as officials.

    A speaker the detector once saw without a title is left out, so that a later
    "press secretary X" can still make X an official. Rebuilt only when a speaker
    or alias changed: one cheap query per article instead of loading the table.
    """
    rows = Speaker.objects.filter(Q(is_official=True) | Q(edited_by_staff=True))
    version = _registry_version()
    if _registry_cache.get("version") == version:
        return _registry_cache["registry"]
    registry = SpeakerRegistry(
        SpeakerEntry(
            name=speaker.name,
            is_official=speaker.is_official,
            reason=speaker.official_reason,
            title=speaker.title,
            body=speaker.body.name if speaker.body else "",
            aliases=tuple(alias.alias for alias in speaker.aliases.all()),
        )
        for speaker in rows.select_related("body").prefetch_related("aliases")
    )
    _registry_cache.update(version=version, registry=registry)
    return registry


def _registry_version() -> tuple[Any, ...]:
    """Count and last change of the registry's speakers and aliases, in one round trip."""
    speakers, aliases = Speaker._meta.db_table, SpeakerAlias._meta.db_table
    settled = "is_official OR edited_by_staff"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {speakers} WHERE {settled}),"
            f" (SELECT MAX(updated_at) FROM {speakers} WHERE {settled}),"
            f" (SELECT COUNT(*) FROM {aliases}), (SELECT MAX(id) FROM {aliases})"
        )
        return tuple(cursor.fetchone())


def _speakers_known(names: Iterable[str]) -> dict[str, Speaker]:
    """The speakers already known by each of `names` (as name or alias), in one query.

    Keyed by `speaker_key`; an alias wins over a name, as in `speaker_upsert`.
    """
    keys = {speaker_key(name) for name in names if name}
    rows = list(
        Speaker.objects.filter(Q(key__in=keys) | Q(aliases__key__in=keys)).annotate(
            alias_key=F("aliases__key")
        )
    )
    known = {row.alias_key: row for row in rows if row.alias_key in keys}
    for row in rows:
        if row.key in keys:
            known.setdefault(row.key, row)
    return known


def speaker_upsert(
    *,
    name: str,
    title: str = "",
    body: str = "",
    official: bool = False,
    reason: str = "",
    kind: str = Speaker.Kind.PERSON,
    known: dict[str, Speaker] | None = None,
) -> Speaker:
    """Find a speaker by name or alias, creating it, and learn its title, body and status.

    Staff edits win: a speaker edited by staff is never changed here. Detection only
    ever promotes a speaker to official; demoting one is a staff decision. `known`
    (from `_speakers_known`, covering `name` and `body`) saves the lookup.
    """
    key = speaker_key(name)
    if known is not None:
        speaker = known.get(key)
    else:
        # One query for the common case, a speaker already known by this name or alias.
        speaker = (
            Speaker.objects.filter(Q(key=key) | Q(aliases__key=key))
            .order_by(Case(When(aliases__key=key, then=0), default=1))  # an alias wins
            .first()
        )
    if speaker is None:
        try:
            with transaction.atomic():
                speaker = Speaker.objects.create(name=name[:300], key=key, kind=kind)
        except IntegrityError:
            speaker = Speaker.objects.get(key=key)
        if known is not None:
            known[key] = speaker  # a second statement by a new body finds it
    if speaker.edited_by_staff:
        return speaker
    changes: dict[str, Any] = {}
    if title and speaker.title != title[:300]:
        changes["title"] = title[:300]
    if official and not speaker.is_official:
        changes["is_official"] = True
        changes["official_reason"] = reason[:300]
    if body and is_specific_body(body) and speaker_key(body) != key:
        body_row = speaker_upsert(
            name=body,
            kind=Speaker.Kind.ORGANISATION,
            official=official,
            reason=f"the body {name} speaks for",
            known=known,
        )
        if speaker.body_id != body_row.pk and body_row.body_id != speaker.pk:
            changes["body_id"] = body_row.pk
    if changes:
        Speaker.objects.filter(pk=speaker.pk).update(**changes, updated_at=timezone.now())
        for attr, value in changes.items():
            setattr(speaker, attr, value)
    return speaker


# --- Claims --------------------------------------------------------------------------


def claim_match_or_create(
    *,
    speaker: Speaker | None,
    text: str,
    checkworthiness: float,
    note: str,
    official: bool = True,
    actor: Any = None,
    stance: str | None = None,
) -> tuple[Claim, bool]:
    """The existing claim this statement repeats, or a new flagged one with its audit event.

    The caller holds the lock on the speaker (and body), so two workers matching the
    same statement at once see each other's claim. (Ingestion files all of an
    article's statements at once: `_claims_file`.)
    """
    match = best_match(speaker=speaker, text=text, stance=stance)
    if match is not None:
        return match.claim, False
    now = timezone.now()
    claim = Claim.objects.create(
        text=text,
        speaker=speaker,
        official=official,
        checkworthiness=checkworthiness,
        first_seen_at=now,
        last_seen_at=now,
    )
    ReviewEvent.objects.create(
        claim=claim, action="flagged", actor=actor, to_state=Claim.Status.FLAGGED, note=note
    )
    _suggest_links_on_commit([claim.pk])
    return claim, True


def claim_prioritise(*, claim: Claim, now: datetime | None = None) -> Claim:
    """Recompute reach, recency, check-worthiness and the priority with its reasons."""
    claims_prioritise(claim_ids=[claim.pk], now=now)
    claim.refresh_from_db()
    return claim


def claims_prioritise(*, claim_ids: Iterable[int], now: datetime | None = None) -> None:
    """Recompute reach, recency, check-worthiness and priority of many claims at once.

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
        if figures.count:
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
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Claim._meta.db_table} SET checkworthiness = %s, appearance_count = %s,"
            " first_seen_at = %s, last_seen_at = %s, priority = %s, priority_reasons = %s,"
            " updated_at = %s WHERE id = %s",
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
    appearance = Appearance.objects.select_for_update().get(pk=appearance_id)
    if appearance.claim_id is not None:
        raise Conflict("This statement is already a claim.", claim=appearance.claim_id)
    if appearance.speaker is not None:
        _lock_speakers([appearance.speaker])
    note = f"promoted by staff from appearance {appearance.pk} in article {appearance.article_id}"
    claim, created = claim_match_or_create(
        speaker=appearance.speaker,
        text=_statement_text(appearance.content, appearance.sentence),
        checkworthiness=appearance.score,
        note=note,
        official=appearance.official,
        actor=actor,
        stance=appearance.stance,  # a denial never joins a claim that was confirmed
    )
    if not created:
        # The statement repeats a known claim: it becomes one more sighting of it.
        ReviewEvent.objects.create(claim=claim, action="promoted", actor=actor, note=note)
    appearance.claim = claim
    appearance.save(update_fields=["claim"])
    return claim_prioritise(claim=claim)
