"""Feeds: registered, polled on their own schedule, backed off when they fail.

Every network call happens outside a transaction; every write is an upsert by a
natural key or guarded by the row's state, so a task run twice has the effect of one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.events import Action, Subject, record_event
from claims.feed_check import FeedPreview, feed_check
from claims.fetching import fetcher
from claims.models import Article, Feed, FeedPoll
from claims.permissions import can_manage_feeds, require
from claims.pipeline.feeds import FeedEntry, FeedError, parse_feed
from claims.pipeline.fetch import FEED
from claims.pipeline.fetch_errors import FetchError
from claims.pipeline.urls import canonical_url
from claims.services.articles import FETCHABLE_SCHEMES, articles_ingest_on_commit
from factcheck.errors import Conflict, InvalidInput, NotFound
from factcheck.queue import enqueue_on_commit

# A claimed feed is not due again for this long, so a crashed poll is retried by beat.
FEED_LEASE = timedelta(minutes=10)
MAX_FEED_BACKOFF = timedelta(hours=24)
POLL_BATCH = 100
# A minute is the politest a newsroom can be to a publisher; a week still notices a dead feed.
MIN_POLL_INTERVAL = 60
MAX_POLL_INTERVAL = 7 * 24 * 3600
# A feed's health history: enough to see a pattern, bounded however long it is followed.
KEEP_POLLS = 50


@transaction.atomic
def feed_create(
    *, actor: Any, url: str, name: str = "", outlet: str = "", poll_interval: int = 900
) -> Feed:
    require(actor, can_manage_feeds, "Only editors and admins manage feeds.")
    url = _new_feed_url(url, poll_interval)
    feed = Feed.objects.create(
        url=url,
        name=name.strip() or urlsplit(url).hostname or url,
        outlet=outlet.strip(),
        poll_interval=poll_interval,
        next_poll_at=timezone.now(),  # due at once
    )
    _record(feed, Action.FEED_ADDED, actor, changes={"url": url, "name": feed.name})
    return feed


@transaction.atomic
def feed_update(
    *,
    actor: Any,
    feed_id: int,
    name: str | None = None,
    paused: bool | None = None,
    poll_interval: int | None = None,
) -> Feed:
    """Rename, pause, resume or reschedule a feed; one audit event says what changed.

    Resuming makes the feed due at once, so an editor sees it polled straight away.
    """
    require(actor, can_manage_feeds, "Only editors and admins manage feeds.")
    feed = Feed.objects.select_for_update().filter(pk=feed_id).first()
    if feed is None:
        raise NotFound("No such feed.")
    changes: dict[str, list[Any]] = {}
    if name is not None:
        if not name.strip():
            raise InvalidInput("A feed's name cannot be empty.")
        _change(feed, "name", name.strip()[:200], changes)
    if poll_interval is not None:
        _check_interval(poll_interval)
        _change(feed, "poll_interval", poll_interval, changes)
    if paused is not None:
        _change(feed, "active", not paused, changes)
        if not paused and "active" in changes:
            feed.next_poll_at = timezone.now()
    if not changes:
        return feed
    feed.save()
    action = Action.FEED_EDITED
    if set(changes) == {"active"}:
        action = Action.FEED_PAUSED if paused else Action.FEED_RESUMED
    _record(feed, action, actor, changes=changes)
    return feed


@transaction.atomic
def feed_delete(*, actor: Any, feed_id: int) -> None:
    """Stop following a feed. Its articles and their claims stay (Article.feed is SET_NULL),
    and so does its history in the audit log."""
    require(actor, can_manage_feeds, "Only editors and admins manage feeds.")
    feed = Feed.objects.select_for_update().filter(pk=feed_id).first()
    if feed is None:
        raise NotFound("No such feed.")
    articles = feed.article_set.count()
    _record(
        feed,
        Action.FEED_DELETED,
        actor,
        note=f"{feed.name} <{feed.url}>; its {articles} articles were kept",
        changes={"url": feed.url, "name": feed.name},
    )
    feed.delete()


def _change(feed: Feed, attribute: str, value: Any, changes: dict[str, list[Any]]) -> None:
    before = getattr(feed, attribute)
    if before != value:
        changes[attribute] = [before, value]
        setattr(feed, attribute, value)


def _check_interval(poll_interval: int) -> None:
    if not MIN_POLL_INTERVAL <= poll_interval <= MAX_POLL_INTERVAL:
        raise InvalidInput(
            f"poll_interval must be between {MIN_POLL_INTERVAL} seconds and "
            f"{MAX_POLL_INTERVAL // 86400} days ({MAX_POLL_INTERVAL} seconds)."
        )


def _record(
    feed: Feed, action: Action, actor: Any, *, note: str = "", changes: dict[str, Any]
) -> None:
    record_event(
        action=action,
        actor=actor,
        subject=Subject.FEED,
        subject_id=feed.pk,
        note=note,
        changes=changes,
    )


def feed_add(
    *, actor: Any, url: str, name: str = "", outlet: str = "", poll_interval: int = 900
) -> Feed:
    """Register a feed only once it has been fetched and parsed as one; poll it at once.

    The check waits on the network, so it runs before the short transaction that
    saves the feed; a refusal is an InvalidInput saying why (with `candidates`
    when the URL is a site's page that offers feeds).
    """
    preview = feed_preview(actor=actor, url=url, poll_interval=poll_interval)
    feed = feed_create(
        actor=actor,
        url=url,
        name=name.strip() or preview.title[:200],
        outlet=outlet,
        poll_interval=poll_interval,
    )
    enqueue_on_commit("claims.poll_feed", feed.pk)
    return feed


def feed_preview(*, actor: Any, url: str, poll_interval: int = 900) -> FeedPreview:
    """What adding `url` would register (title, newest items), or a refusal saying why."""
    require(actor, can_manage_feeds, "Only editors and admins manage feeds.")
    return feed_check(url=_new_feed_url(url, poll_interval))  # cheap refusals first


def _new_feed_url(url: str, poll_interval: int) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in FETCHABLE_SCHEMES or not parts.hostname:
        raise InvalidInput("A feed URL must be an absolute http or https URL.")
    _check_interval(poll_interval)
    existing = Feed.objects.filter(url=url).first()
    if existing is not None:
        raise Conflict("This feed is already registered.", id=existing.pk)
    return url


def feed_poll_request(*, feed: Feed, actor: Any) -> None:
    """Queue a poll now, whatever the schedule says (staff asked for it)."""
    require(actor, can_manage_feeds, "Only editors and admins manage feeds.")
    enqueue_on_commit("claims.poll_feed", feed.pk)


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
    claimed = feeds_claim_due(limit=limit)
    for pk in claimed:
        enqueue_on_commit("claims.poll_feed", pk)
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
    started = time.monotonic()
    try:
        response = fetcher().fetch(
            feed.url, kind=FEED, etag=feed.etag or None, last_modified=feed.last_modified or None
        )
        parsed = None
        if not response.not_modified:
            parsed = parse_feed(
                response.body,
                response.final_url,
                content_type=response.headers.get("content-type"),
                max_entries=settings.FACTCHECK_FEED_MAX_ENTRIES,
            )
    except FetchError as error:
        feed_record_failure(
            feed_id=feed_id,
            reason=error.reason,
            status=error.status,
            retry_after=error.retry_after,
            started=started,
        )
        raise
    except FeedError as error:
        feed_record_failure(
            feed_id=feed_id, reason=error.reason, status=response.status, started=started
        )
        raise
    result = PollResult(feed_id=feed_id, not_modified=parsed is None)
    with transaction.atomic():
        if parsed is not None:
            result.entries = len(parsed.entries)
            result.warning = parsed.warning
            result.new_article_ids = _articles_from_entries(feed, parsed.entries)
            if enqueue:
                articles_ingest_on_commit(result.new_article_ids)
        now = timezone.now()
        still_followed = Feed.objects.filter(pk=feed_id).update(
            last_polled_at=now,
            last_success_at=now,
            last_status=response.status,
            last_error=(parsed.warning or "") if parsed else "",
            consecutive_failures=0,
            next_poll_at=now + timedelta(seconds=feed.poll_interval),
            etag=(response.etag or "")[:500],
            last_modified=(response.last_modified or "")[:100],
        )
        if not still_followed:
            return result  # deleted while it was being fetched
        _record_poll(
            feed_id,
            at=now,
            status=FeedPoll.Status.NOT_MODIFIED if parsed is None else FeedPoll.Status.OK,
            http_status=response.status,
            new_items=len(result.new_article_ids),
            started=started,
            error=result.warning or "",
        )
    return result


def feed_record_failure(
    *,
    feed_id: int,
    reason: str,
    status: int | None = None,
    retry_after: float | None = None,
    started: float | None = None,
) -> None:
    """Record a failed poll and back off: the interval doubles with each failure in a row.

    `started` is the poll's `time.monotonic()` start, for the history's duration."""
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
        _record_poll(
            feed_id,
            at=now,
            status=FeedPoll.Status.FAILED,
            http_status=status,
            started=started,
            error=reason,
        )


def _record_poll(
    feed_id: int,
    *,
    at: Any,
    status: str,
    http_status: int | None,
    started: float | None,
    new_items: int = 0,
    error: str = "",
) -> None:
    """Add a poll to the feed's history and drop what falls off its end, in the caller's
    transaction: the history never holds more than KEEP_POLLS of a feed's polls."""
    elapsed = time.monotonic() - started if started is not None else 0.0
    FeedPoll.objects.create(
        feed_id=feed_id,
        polled_at=at,
        status=status,
        http_status=http_status,
        new_items=new_items,
        duration_ms=round(elapsed * 1000),
        error=error[:500],
    )
    history = FeedPoll.objects.filter(feed_id=feed_id)
    oldest_kept = history.order_by("-id").values_list("id", flat=True)[KEEP_POLLS - 1 : KEEP_POLLS]
    history.filter(id__lt=oldest_kept).delete()


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
                    url=(entry.url or canonical)[:2000],  # entries without one were skipped
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
