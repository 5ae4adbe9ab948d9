"""Fact-check sources: other publishers' feeds and data feeds, polled like news feeds.

A source is either an RSS/Atom feed whose items are fact-check pages carrying
ClaimReview JSON-LD (each new page is fetched by its own task), or a ClaimReview
DataFeed (imported whole). Which one it is, is decided by what the URL serves.
Every fetch goes through the same SSRF-guarded fetcher as news feeds.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.external_models import (
    MAX_SOURCE_POLL_INTERVAL,
    MIN_SOURCE_POLL_INTERVAL,
    SOURCE_POLL_INTERVAL_BOUNDS,
    ExternalFactCheck,
    FactCheckPage,
    FactCheckSource,
)
from claims.fetching import fetcher, source_fetcher
from claims.permissions import can_manage_factcheck_sources, require
from claims.pipeline.claimreview import (
    ClaimReviewError,
    Context,
    ExternalCheck,
    Parsed,
    looks_like_json,
    parse_data_feed,
    parse_page,
    url_problem,
)
from claims.pipeline.feeds import FeedEntry, FeedError, parse_feed
from claims.pipeline.fetch import ARTICLE, FACTCHECK_SOURCE
from claims.pipeline.fetch_errors import FetchError
from claims.pipeline.netguard import parse_allow_hosts
from factcheck.errors import Conflict, InvalidInput
from factcheck.queue import enqueue_on_commit

SOURCE_LEASE = timedelta(minutes=10)
MAX_BACKOFF = timedelta(hours=24)
POLL_BATCH = 50
PAGES_PER_POLL = 100  # new item pages queued per poll; the rest wait for the next one
IMPORT_CHUNK = 2000
REASONS_KEPT = 20
MATCH_NEW_CHECKS = 200  # new fact-checks per import compared with the claims in the queue

MANAGE_REFUSAL = "Only editors and admins manage fact-check sources."


def _allow_hosts() -> frozenset[tuple[str, int | None]]:
    return parse_allow_hosts(",".join(settings.FACTCHECK_FETCH_ALLOW_HOSTS))


# --- Sources -------------------------------------------------------------------------------


@transaction.atomic
def factcheck_source_create(
    *,
    url: str,
    name: str = "",
    actor: Any = None,
    poll_interval: int = 3600,
    enqueue: bool = True,
) -> FactCheckSource:
    """Register a source, due at once; the first poll tells a feed from a data feed."""
    require(actor, can_manage_factcheck_sources, MANAGE_REFUSAL)
    url = url.strip()
    problem = url_problem(url, _allow_hosts())
    if problem:
        raise InvalidInput(f"url: {problem}")
    source_check_interval(poll_interval)
    existing = FactCheckSource.objects.filter(url=url).first()
    if existing is not None:
        raise Conflict("This fact-check source is already registered.", id=existing.pk)
    source = FactCheckSource.objects.create(
        url=url,
        name=" ".join(name.split())[:200] or url_host(url),
        poll_interval=poll_interval,
        next_poll_at=timezone.now(),
        added_by=actor if getattr(actor, "pk", None) else None,
    )
    if enqueue:
        factcheck_source_poll_request(source_id=source.pk, actor=actor)
    return source


def source_check_interval(poll_interval: int) -> None:
    """Refuse a poll interval the database would (its named constraints), in words."""
    if not MIN_SOURCE_POLL_INTERVAL <= poll_interval <= MAX_SOURCE_POLL_INTERVAL:
        raise InvalidInput(SOURCE_POLL_INTERVAL_BOUNDS, field="poll_interval")


def url_host(url: str) -> str:
    return urlsplit(url).hostname or url[:200]


def factcheck_source_poll_request(*, source_id: int, actor: Any) -> None:
    """Queue a poll after commit, whatever the schedule says."""
    require(actor, can_manage_factcheck_sources, MANAGE_REFUSAL)
    enqueue_on_commit("claims.poll_factcheck_source", source_id)


@transaction.atomic
def factcheck_sources_poll_due(*, limit: int = POLL_BATCH) -> list[int]:
    """Claim due sources by pushing their next poll past a lease (one conditional UPDATE
    each, so two beats never claim the same source) and queue a poll of each."""
    now = timezone.now()
    due = Q(active=True) & (Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
    ordered = FactCheckSource.objects.filter(due).order_by(
        F("next_poll_at").asc(nulls_first=True), "id"
    )
    claimed = [
        pk
        for pk in ordered.values_list("id", flat=True)[:limit]
        if FactCheckSource.objects.filter(due, pk=pk).update(next_poll_at=now + SOURCE_LEASE)
    ]
    for pk in claimed:
        enqueue_on_commit("claims.poll_factcheck_source", pk)
    return claimed


@dataclass
class SourcePoll:
    source_id: int
    not_modified: bool = False
    kind: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    page_ids: list[int] = field(default_factory=list)


def factcheck_source_poll(*, source_id: int, enqueue: bool = True) -> SourcePoll:
    """Fetch a source once (conditional GET) and take in what it serves.

    1. A data feed is parsed and imported whole, in this call.
    2. A feed's new or updated items become pages, each fetched by its own task
       (or, with `enqueue=False`, by the caller).
    Raises FetchError, FeedError or ClaimReviewError after recording the failure on the
    source, so the task can decide whether to retry.
    """
    source = FactCheckSource.objects.get(pk=source_id)
    result = SourcePoll(source_id=source_id)
    try:
        response = source_fetcher().fetch(
            source.url,
            kind=FACTCHECK_SOURCE,
            etag=source.etag or None,
            last_modified=source.last_modified or None,
        )
        if response.not_modified:
            result.not_modified = True
            parsed_feed = parsed_checks = None
        elif looks_like_json(response.body):
            result.kind = FactCheckSource.Kind.DATA_FEED
            context = Context(response.final_url, source.name, "", _allow_hosts())
            parsed_checks = parse_data_feed(response.body, context)
            parsed_feed = None
        else:
            result.kind = FactCheckSource.Kind.FEED
            parsed_feed = parse_feed(
                response.body, response.final_url, content_type=response.headers.get("content-type")
            )
            parsed_checks = None
    except (FetchError, FeedError, ClaimReviewError) as error:
        factcheck_source_record_failure(
            source_id=source_id,
            reason=error.reason,
            status=getattr(error, "status", None),
            retry_after=getattr(error, "retry_after", None),
        )
        raise
    reasons: list[dict[str, str]] = []
    with transaction.atomic():
        if parsed_checks is not None:
            imported = external_checks_import(source=source, checks=parsed_checks.checks)
            result.created, result.updated, result.unchanged = imported[:3]
            _match_claims_on_commit(imported.new_urls)
            result.skipped = parsed_checks.skipped_count
            reasons = _reasons(parsed_checks)
        if parsed_feed is not None:
            result.page_ids, skipped = _pages_from_entries(source, parsed_feed.entries)
            result.skipped = len(skipped)
            reasons = skipped[:REASONS_KEPT]
            if enqueue:
                _enqueue_pages(result.page_ids)
        now = timezone.now()
        fields: dict[str, Any] = {
            "last_polled_at": now,
            "last_success_at": now,
            "last_status": response.status,
            "last_error": (parsed_feed.warning or "") if parsed_feed else "",
            "consecutive_failures": 0,
            "next_poll_at": now + timedelta(seconds=source.poll_interval),
            "etag": (response.etag or "")[:500],
            "last_modified": (response.last_modified or "")[:100],
        }
        if not result.not_modified:
            fields.update(
                kind=result.kind,
                last_created=result.created,
                last_updated=result.updated,
                last_skipped=result.skipped,
                skipped_reasons=reasons,
            )
        FactCheckSource.objects.filter(pk=source_id).update(**fields)
    return result


def factcheck_source_record_failure(
    *, source_id: int, reason: str, status: int | None = None, retry_after: float | None = None
) -> None:
    """Record a failed poll and back off: the interval doubles with each failure in a row."""
    now = timezone.now()
    with transaction.atomic():
        source = FactCheckSource.objects.select_for_update().filter(pk=source_id).first()
        if source is None:
            return
        failures = source.consecutive_failures + 1
        delay = min(timedelta(seconds=source.poll_interval * 2 ** min(failures, 16)), MAX_BACKOFF)
        if retry_after:
            delay = max(delay, min(timedelta(seconds=retry_after), MAX_BACKOFF))
        FactCheckSource.objects.filter(pk=source_id).update(
            last_polled_at=now,
            last_status=status,
            last_error=reason[:2000],
            consecutive_failures=failures,
            next_poll_at=now + delay,
        )


def _reasons(parsed: Parsed) -> list[dict[str, str]]:
    return [asdict(skip) for skip in parsed.skipped[:REASONS_KEPT]]


# --- Item pages of a feed ------------------------------------------------------------------


def _pages_from_entries(
    source: FactCheckSource, entries: list[FeedEntry]
) -> tuple[list[int], list[dict[str, str]]]:
    """Pages for entries not seen before, or updated since their page was fetched."""
    allow = _allow_hosts()
    wanted: dict[str, datetime | None] = {}
    skipped: list[dict[str, str]] = []
    for entry in entries:
        if not entry.url:
            continue
        problem = url_problem(entry.url, allow)
        if problem:
            skipped.append({"where": entry.url[:2000], "reason": problem})
            continue
        wanted.setdefault(entry.url[:2000], entry.published_at)
    known = {
        page.url: page for page in FactCheckPage.objects.filter(source=source, url__in=list(wanted))
    }
    due: list[int] = []
    for url, updated in wanted.items():
        page = known.get(url)
        if page is None:
            try:
                with transaction.atomic():
                    page = FactCheckPage.objects.create(
                        source=source, url=url, entry_updated_at=updated
                    )
            except IntegrityError:
                continue  # another poll inserted it a moment ago
            due.append(page.pk)
        elif page.fetched_at is None:
            due.append(page.pk)  # its last fetch gave up on a transient error
        elif updated and updated > page.fetched_at:
            FactCheckPage.objects.filter(pk=page.pk).update(entry_updated_at=updated)
            due.append(page.pk)
        if len(due) >= PAGES_PER_POLL:
            break
    return due, skipped


def _enqueue_pages(page_ids: list[int]) -> None:
    for pk in page_ids:
        enqueue_on_commit("claims.fetch_factcheck_page", pk)


def factcheck_source_poll_now(*, source_id: int) -> SourcePoll:
    """Poll in this process and fetch the new pages too (the command's --sync)."""
    result = factcheck_source_poll(source_id=source_id, enqueue=False)
    for page_id in result.page_ids:
        page = factcheck_page_fetch(page_id=page_id)
        if page is not None:
            result.created += page.created
            result.updated += page.updated
            result.skipped += len(page.skipped)
    return result


@dataclass
class PageResult:
    page_id: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)


def factcheck_page_fetch(*, page_id: int) -> PageResult | None:
    """Fetch one item page and import the ClaimReviews on it.

    Idempotent: a page already fetched after its feed entry last changed is left alone,
    and the import itself changes nothing when the markup did not. A page that cannot
    be read records why on its row; the source and its other pages carry on.
    """
    page = FactCheckPage.objects.select_related("source").filter(pk=page_id).first()
    if page is None:
        return None
    if page.fetched_at and not (page.entry_updated_at and page.entry_updated_at > page.fetched_at):
        return None
    result = PageResult(page_id=page_id)
    try:
        response = fetcher().fetch(page.url, kind=ARTICLE)
        context = Context(response.final_url, page.source.name, "", _allow_hosts())
        parsed = parse_page(response.body, context)
    except FetchError as error:
        if error.transient:
            raise
        _page_done(page, found=0, error=error.reason)
        return result
    except ClaimReviewError as error:
        _page_done(page, found=0, error=error.reason)
        return result
    with transaction.atomic():
        imported = external_checks_import(source=page.source, checks=parsed.checks)
        result.created, result.updated, result.unchanged = imported[:3]
        _match_claims_on_commit(imported.new_urls)
        result.skipped = _reasons(parsed)
        problem = "; ".join(f"{s['where']}: {s['reason']}" for s in result.skipped[:5])
        if not parsed.checks and not problem:
            problem = "no ClaimReview markup on the page"
        _page_done(page, found=len(parsed.checks), error=problem)
        if result.skipped:
            FactCheckSource.objects.filter(pk=page.source_id).update(
                skipped_reasons=result.skipped[:REASONS_KEPT],
                last_skipped=F("last_skipped") + len(result.skipped),
            )
    return result


def _page_done(page: FactCheckPage, *, found: int, error: str) -> None:
    FactCheckPage.objects.filter(pk=page.pk).update(
        fetched_at=timezone.now(), checks_found=found, error=error[:2000]
    )


# --- Import --------------------------------------------------------------------------------


class Imported(NamedTuple):
    created: int
    updated: int
    unchanged: int
    new_urls: list[str]  # of the new fact-checks, most recently published first


def external_checks_import(
    *, source: FactCheckSource | None, checks: list[ExternalCheck]
) -> Imported:
    """Upsert fact-checks by URL → (created, updated, unchanged, the new ones' URLs).

    A stored fact-check is rewritten only when its markup changed, and never by an
    older version of itself (an earlier `dateModified`), so importing the same feed
    twice, or two mirrors out of order, changes nothing.
    """
    latest: dict[str, ExternalCheck] = {}
    for check in checks:
        latest[check.url] = check  # the last of duplicates within one document wins
    created = updated = unchanged = 0
    new_checks: list[ExternalCheck] = []
    urls = list(latest)
    for start in range(0, len(urls), IMPORT_CHUNK):
        chunk = urls[start : start + IMPORT_CHUNK]
        stored = {
            row.url: row
            for row in ExternalFactCheck.objects.filter(url__in=chunk).only(
                "id", "url", "fingerprint", "date_modified"
            )
        }
        new_rows, changed = [], []
        for url in chunk:
            check = latest[url]
            fingerprint = _fingerprint(check)
            row = stored.get(url)
            if row is None:
                new_rows.append(_row(source, check, fingerprint))
                new_checks.append(check)
            elif row.fingerprint == fingerprint or _older(check, row):
                unchanged += 1
            else:
                replacement = _row(source, check, fingerprint)
                replacement.pk = row.pk
                changed.append(replacement)
        if new_rows:
            # A concurrent import of the same URLs: the other one's rows stand.
            inserted = ExternalFactCheck.objects.bulk_create(
                new_rows, ignore_conflicts=True, batch_size=1000
            )
            created += len(inserted)
        if changed:
            ExternalFactCheck.objects.bulk_update(changed, _UPDATED_FIELDS, batch_size=500)
            updated += len(changed)
    if created:
        _merge_pending_index_entries()
    new_checks.sort(key=lambda c: c.date_published.timestamp() if c.date_published else 0.0)
    return Imported(created, updated, unchanged, [c.url for c in reversed(new_checks)])


def _merge_pending_index_entries() -> None:
    """Fold the new rows into the full-text index now, in one pass.

    GIN keeps fresh entries in a pending list that every search scans linearly until
    VACUUM merges it: after a 20,000-review import each match took 115 ms instead of
    about 1. Inserting with the list turned off instead (as migration 0007 does for
    claims) made that import twice as slow; merging once after it costs a few seconds.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('external_check_fts_idx'::regclass)")


def _match_claims_on_commit(new_urls: list[str]) -> None:
    """New fact-checks are compared with the open claims of the queue, once committed.

    Bounded: an archive of thousands imported at once is old news; the most recently
    published are the ones a claim in the queue may be about.
    """
    if not new_urls:
        return
    ids = list(
        ExternalFactCheck.objects.filter(url__in=new_urls[:MATCH_NEW_CHECKS]).values_list(
            "id", flat=True
        )
    )
    enqueue_on_commit("claims.match_claims_to_external", ids)


_UPDATED_FIELDS = [
    "source",
    "publisher",
    "claim_reviewed",
    "claimant",
    "claimant_title",
    "rating_text",
    "rating_value",
    "date_published",
    "date_modified",
    "language",
    "appearance_url",
    "fingerprint",
    "updated_at",
]


def _older(check: ExternalCheck, row: ExternalFactCheck) -> bool:
    return bool(
        check.date_modified and row.date_modified and check.date_modified < row.date_modified
    )


def _fingerprint(check: ExternalCheck) -> str:
    fields = asdict(check)
    for key in ("date_published", "date_modified"):
        fields[key] = fields[key].isoformat() if fields[key] else None
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def _row(
    source: FactCheckSource | None, check: ExternalCheck, fingerprint: str
) -> ExternalFactCheck:
    return ExternalFactCheck(
        source=source,
        url=check.url,
        publisher=check.publisher[:300],
        claim_reviewed=check.claim_reviewed,
        claimant=check.claimant[:300],
        claimant_title=check.claimant_title[:300],
        rating_text=check.rating_text[:300],
        rating_value=check.rating_value,
        date_published=check.date_published,
        date_modified=check.date_modified,
        language=check.language[:8],
        appearance_url=check.appearance_url[:2000],
        fingerprint=fingerprint,
        updated_at=timezone.now(),
    )
