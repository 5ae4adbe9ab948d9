"""Ingestion: feeds are polled, articles fetched and detected, claims flagged and ranked.

Views, commands, the admin and tasks call these; none of them writes these rows itself.
Every network call happens outside a transaction; every write is an upsert by a
natural key or guarded by the row's state, so a task run twice has the effect of one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, Max, Min, Q, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims.fetching import fetcher
from claims.link_tasks import suggest_links
from claims.matching import best_match
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
    claimed = Article.objects.filter(pk=article_id, status=Article.Status.PENDING).update(
        attempts=F("attempts") + 1
    )
    if not claimed:
        return IngestResult(article_id, "skipped")
    article = Article.objects.get(pk=article_id)
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
    return article_detect(article_id=article_id, extracted=extracted)


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


def article_detect(*, article_id: int, extracted: ExtractedArticle | None = None) -> IngestResult:
    """Store the extracted text and turn its attributed statements into appearances.

    Detection runs only when the content hash changed since the last run; a changed
    article has its appearances replaced, in the same transaction, never duplicated.
    """
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
        # transaction below then only locks rows, always in id order, and cannot deadlock.
        for key, attribution in sorted({_speaker_name(a): a for a in attributions}.items()):
            speakers[key] = speaker_upsert(
                name=key,
                title=attribution.speaker_title,
                body=attribution.speaker_body,
                official=attribution.official,
                reason=attribution.official_reason,
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
    if new_hash == article.detected_hash:
        result.status = "unchanged"
    else:
        _lock_speakers(speakers[_speaker_name(a)] for a in attributions if a.official)
        touched = set(article.appearances.exclude(claim=None).values_list("claim_id", flat=True))
        article.appearances.all().delete()
        for attribution in attributions:
            claim = None
            speaker = speakers[_speaker_name(attribution)]
            if attribution.official:
                claim, created = claim_match_or_create(
                    speaker=speaker,
                    text=_statement_text(attribution.content, attribution.sentence),
                    stance=_stance(attribution)[0],
                    checkworthiness=attribution.score,
                    note=f"official statement: {attribution.official_reason}; "
                    f"check-worthiness {attribution.score:.2f}",
                )
                touched.add(claim.pk)
                result.claims_created += created
                result.claims_matched += not created
            _appearance_create(article, attribution, speaker, claim)
            result.appearances += 1
        for claim in Claim.objects.filter(pk__in=touched).select_related("speaker").order_by("pk"):
            claim_prioritise(claim=claim)
    article.content_hash = new_hash
    article.detected_hash = new_hash
    article.status = Article.Status.EXTRACTED
    article.error = ""
    article.save()
    return result


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
    the first one's claim instead of creating a twin.
    """
    speakers = list(speakers)
    ids = {s.pk for s in speakers} | {s.body_id for s in speakers if s.body_id}
    if not ids:
        return
    list(Speaker.objects.select_for_update().filter(pk__in=ids).order_by("pk").values("pk"))


def _appearance_create(
    article: Article, attribution: Attribution, speaker: Speaker, claim: Claim | None
) -> Appearance:
    stance, stance_reason = _stance(attribution)
    return Appearance.objects.create(
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
    version = (
        rows.aggregate(n=Count("id"), changed=Max("updated_at")),
        SpeakerAlias.objects.aggregate(n=Count("id"), last=Max("id")),
    )
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


def speaker_upsert(
    *,
    name: str,
    title: str = "",
    body: str = "",
    official: bool = False,
    reason: str = "",
    kind: str = Speaker.Kind.PERSON,
) -> Speaker:
    """Find a speaker by name or alias, creating it, and learn its title, body and status.

    Staff edits win: a speaker edited by staff is never changed here. Detection only
    ever promotes a speaker to official; demoting one is a staff decision.
    """
    key = speaker_key(name)
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

    The caller holds the lock on the speaker (and body) rows, so two workers
    matching the same statement at once see each other's claim.
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
    # What the same speaker or body said before: looked up once the claim is committed.
    suggest_links.delay_on_commit(claim.pk)
    return claim, True


def claim_prioritise(*, claim: Claim, now: datetime | None = None) -> Claim:
    """Recompute reach, recency, check-worthiness and the priority with its reasons.

    Aggregated in the database: a widely carried claim has thousands of appearances.
    """
    appearances = claim.appearances.all()
    seen = Coalesce("article__published_at", "created_at")
    stats = appearances.aggregate(
        count=Count("id"),
        outlets=Count("article__outlet", distinct=True),
        first=Min(seen),
        last=Max(seen),
    )
    best = appearances.order_by("-score", "id").values("score", "score_reasons", "official_reason")
    top = best.first() or {
        "score": claim.checkworthiness,
        "score_reasons": [],
        "official_reason": "",
    }
    claim.appearance_count = stats["count"]
    if stats["count"]:
        claim.checkworthiness = top["score"]
        claim.first_seen_at, claim.last_seen_at = stats["first"], stats["last"]
    speaker = claim.speaker
    title = (speaker.title if speaker else "") or top["official_reason"]
    claim.priority, claim.priority_reasons = priority(
        PriorityInput(
            checkworthiness=claim.checkworthiness,
            checkworthiness_reasons=tuple(top["score_reasons"]),
            official=claim.official,
            speaker_title=title,
            reach=claim.appearance_count,
            outlets=stats["outlets"],
            last_seen_at=claim.last_seen_at,
            now=now or timezone.now(),
        )
    )
    claim.save(
        update_fields=[
            "checkworthiness",
            "appearance_count",
            "first_seen_at",
            "last_seen_at",
            "priority",
            "priority_reasons",
            "updated_at",
        ]
    )
    return claim


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
    )
    if not created:
        # The statement repeats a known claim: it becomes one more sighting of it.
        ReviewEvent.objects.create(claim=claim, action="promoted", actor=actor, note=note)
    appearance.claim = claim
    appearance.save(update_fields=["claim"])
    return claim_prioritise(claim=claim)
