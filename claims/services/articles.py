"""Articles: submitted or found in a feed, fetched, extracted, detected, stored once.

Every network call happens outside a transaction; every write is guarded by the
row's state, so a redelivered task has the effect of one. An article's official
statements are filed as claims by `claims.services.claims.claims_file`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.duplicates import Said
from claims.events import Action, Subject, record_event
from claims.fetching import fetcher
from claims.models import Appearance, Article, Claim, Speaker
from claims.permissions import can_submit_articles, require
from claims.pipeline.detect import DETECTOR_VERSION, Attribution, detect
from claims.pipeline.extract import ExtractedArticle, ExtractionError, extract_article
from claims.pipeline.fetch import ARTICLE
from claims.pipeline.fetch_errors import FetchError
from claims.pipeline.kinds import is_person
from claims.pipeline.stance import decided_stance
from claims.pipeline.urls import canonical_url, content_hash
from claims.services.claims import Flag, claims_file, claims_prioritise, statement_text
from claims.services.speakers import detection_lookups, speaker_upsert, speakers_known
from factcheck.errors import InvalidInput
from factcheck.queue import enqueue_many_on_commit

# Runs that start but never finish (the worker died) before an article is parked.
PARK_AFTER_ATTEMPTS = 3
REQUEUE_BATCH = 100
# How late past its next attempt a pending article may be before the sweep queues it
# again: a busy worker starts a due retry a little late without losing it.
OVERDUE_GRACE = timedelta(seconds=60)
FETCHABLE_SCHEMES = ("http", "https")


@transaction.atomic
def article_submit(
    *,
    actor: Any,
    url: str,
    title: str = "",
    text: str = "",
    outlet: str = "",
    enqueue: bool = True,
) -> Article:
    """Queue an article for ingestion; an article already known is re-ingested, not copied.

    With `text` the page is not fetched. A `file://` URL is accepted only with text
    (`manage.py ingest PATH` reads local files itself; fetching never opens them).
    """
    require(actor, can_submit_articles, "Only desk staff may submit articles.")
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
    article.retries = 0
    article.next_attempt_at = None
    article.error = ""
    article.save()
    if enqueue:
        articles_ingest_on_commit([article.pk])
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
        article_park(article_id=article_id, reason=reason)
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


def articles_requeue_stale(*, limit: int = REQUEUE_BATCH, now: datetime | None = None) -> list[int]:
    """Queue again the pending articles nobody is working on and no message will bring
    back: a retry or a run that is overdue (its worker died, or its database connection
    did and the failure could not be recorded), one the broker refused, or one left in
    the queue for longer than any queued message can wait (lost in a crash between
    commit and enqueue, or a flushed broker).
    """
    now = now or timezone.now()
    queued_too_long = now - timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT)
    stale = Q(next_attempt_at__lt=now - OVERDUE_GRACE) | Q(
        next_attempt_at__isnull=True, updated_at__lt=queued_too_long
    )
    with transaction.atomic():
        ids = list(
            Article.objects.select_for_update(skip_locked=True)
            .filter(stale, status=Article.Status.PENDING)
            .order_by("updated_at")
            .values_list("pk", flat=True)[:limit]
        )
        # Back in the queue: the next sweep leaves them to it again.
        Article.objects.filter(pk__in=ids).update(updated_at=now, next_attempt_at=None)
        articles_ingest_on_commit(ids)
    return ids


def _article_claim(article_id: int) -> Article | None:
    """Count one more attempt at a pending article and read it back, in one statement.

    The attempt is due again once the task's hard time limit has passed: by then the
    run has finished or died, and if it could not say so the sweep takes it up.
    """
    now = timezone.now()
    table = Article._meta.db_table
    rows = Article.objects.raw(
        f"UPDATE {table} SET attempts = attempts + 1, updated_at = %s, next_attempt_at = %s "
        "WHERE id = %s AND status = %s RETURNING *",
        [
            now,
            now + timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT),
            article_id,
            Article.Status.PENDING,
        ],
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
        status=Article.Status.FAILED, error=reason[:2000], next_attempt_at=None
    )


@transaction.atomic
def article_park(*, article_id: int, reason: str) -> bool:
    """Give up on a pending article that kept failing: failed, with the reason and one
    audit event. False when it was no longer pending (another run finished it)."""
    article = (
        Article.objects.select_for_update()
        .filter(pk=article_id, status=Article.Status.PENDING)
        .only("pk", "retries", "attempts")
        .first()
    )
    if article is None:
        return False
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.FAILED, error=reason[:2000], next_attempt_at=None
    )
    record_event(
        action=Action.ARTICLE_PARKED,
        subject=Subject.ARTICLE,
        subject_id=article_id,
        from_state=Article.Status.PENDING,
        to_state=Article.Status.FAILED,
        note=reason[:2000],
        changes={"retries": article.retries, "attempts": article.attempts},
    )
    return True


@transaction.atomic
def article_retry_later(
    *, article_id: int, reason: str, max_retries: int, backoff: Callable[[int], float]
) -> float | None:
    """After a failure that may pass: count the retry and say when it happens, or park
    the article once `max_retries` retries are spent.

    Returns the seconds until the retry (`backoff` of the retry's number, from 1), or
    None when the article was parked or is no longer pending.
    """
    article = (
        Article.objects.select_for_update()
        .filter(pk=article_id, status=Article.Status.PENDING)
        .only("pk", "retries")
        .first()
    )
    if article is None:
        return None
    if article.retries >= max_retries:
        article_park(
            article_id=article_id,
            reason=f"gave up after {article.retries + 1} attempts: {reason}",
        )
        return None
    countdown = backoff(article.retries + 1)
    Article.objects.filter(pk=article_id).update(
        retries=F("retries") + 1,
        next_attempt_at=timezone.now() + timedelta(seconds=countdown),
        error=f"will retry: {reason}"[:2000],
    )
    return countdown


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
        attributions = _unique_offsets(detect(text, *detection_lookups()))
        # Speakers are committed first, each on its own, in a stable order: the long
        # transaction below then only takes locks, always in id order, and cannot deadlock.
        # Those already known as they are cost one query between them.
        by_name = dict(sorted({_speaker_name(a): a for a in attributions}.items()))
        known = speakers_known([*by_name, *(a.speaker_body for a in by_name.values())])
        for key, attribution in by_name.items():
            speakers[key] = speaker_upsert(
                name=key,
                title=attribution.speaker_title,
                body=attribution.speaker_body,
                official=attribution.official,
                reason=attribution.official_reason,
                kind=Speaker.Kind.PERSON
                if is_person(key, attribution.speaker_title)
                else Speaker.Kind.ORGANISATION,
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
    article.next_attempt_at = None
    # Saved first: what follows holds the speakers' matching locks until commit.
    article.save()
    if not changed:
        result.status = "unchanged"
        return result
    touched = _appearances_delete(article)
    # Decided once, here, and stored: matching, linking and the API read it back.
    stances = [decided_stance(a.stance, a.stance_reason, a.cue, a.content) for a in attributions]
    claims = _claims_of(attributions, stances, speakers, result)
    Appearance.objects.bulk_create(
        _appearance(article, attribution, stance, speakers[_speaker_name(attribution)], claim)
        for attribution, stance, claim in zip(attributions, stances, claims, strict=True)
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


def _claims_of(
    attributions: list[Attribution],
    stances: list[tuple[str, str]],
    speakers: dict[str, Speaker],
    result: IngestResult,
) -> list[Claim | None]:
    """The claim of each attribution: officials' statements that assert something are
    filed; the others (non-officials, requests, questions) are kept without a claim."""
    official = [i for i, a in enumerate(attributions) if a.official and not a.not_a_claim]
    flags = [
        Flag(
            said=Said(
                speaker=speakers[_speaker_name(attributions[i])],
                text=statement_text(attributions[i].content, attributions[i].sentence),
                stance=stances[i][0],
            ),
            checkworthiness=attributions[i].score,
            note=_flag_note(attributions[i]),
            statement=attributions[i].statement,
        )
        for i in official
    ]
    filed, created = claims_file(flags=flags)
    claims: list[Claim | None] = [None] * len(attributions)
    for i, claim in zip(official, filed, strict=True):
        claims[i] = claim
    result.claims_created += created
    result.claims_matched += len(official) - created
    return claims


def articles_ingest_on_commit(article_ids: list[int]) -> None:
    """Queue the ingestion of each article once the current transaction commits.

    Those the broker refuses stay pending and are made due at once, so the sweep
    queues them when it is back; QueueUnavailable then tells the caller.
    """
    enqueue_many_on_commit(
        "claims.ingest_article",
        [(pk,) for pk in article_ids],
        if_refused=_articles_due_now,
        refused_detail=(
            "The task queue is unavailable right now: the article is saved and is queued "
            "automatically once the queue is back."
        ),
    )


def _articles_due_now(refused: list[tuple[int]]) -> None:
    Article.objects.filter(pk__in=[pk for (pk,) in refused], status=Article.Status.PENDING).update(
        next_attempt_at=timezone.now()
    )


def _flag_note(attribution: Attribution) -> str:
    return (
        f"official statement: {attribution.official_reason}; "
        f"check-worthiness {attribution.score:.2f}"
    )


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


def _appearance(
    article: Article,
    attribution: Attribution,
    decided: tuple[str, str],
    speaker: Speaker,
    claim: Claim | None,
) -> Appearance:
    stance, stance_reason = decided
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
        statement=attribution.statement,
        not_a_claim=attribution.not_a_claim[:300],
        detector_version=DETECTOR_VERSION,
    )
