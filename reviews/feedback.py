"""Reader reports: taking them in, routing them to the right desk, staff decisions.

Routing in one paragraph: the report's URL names a published fact-check or an
article (or nothing we know). A report about a fact-check is linked to it and
waits for an editor, who opens a correction or closes it (reviews/reports.py):
readers never change published work. A factual error about an article becomes
a claim in triage; unknown URLs stay new and unrouted. A repeat of an open
report is grouped under it, never re-queued.
"""

import logging
import re
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.crypto import salted_hmac

from claims.events import Action, record_event
from claims.models import Appearance, Article, Claim
from claims.pipeline.urls import canonical_url
from claims.services.claims import appearance_file, claim_match_or_create, claim_prioritise
from factcheck.errors import Conflict, DomainError, InvalidInput, NotAllowed, QueueUnavailable
from reviews.corrections import OPEN
from reviews.matches import MAX_TEXT as MATCH_TEXT_LIMIT
from reviews.matches import find_matches
from reviews.models import Feedback, Review
from reviews.passages import nearest
from reviews.permissions import is_desk_staff, is_editor
from reviews.publication import plain_text, published_fact_checks

logger = logging.getLogger(__name__)

MAX_LENGTHS = {"url": 2000, "passage": 2000, "message": 5000, "email": 254}
DUPLICATE_WINDOW = timedelta(days=30)
DUPLICATE_SIMILARITY = 85
FACT_CHECK_PATH = re.compile(r"^/fact-checks/(?P<slug>[-\w]+)/?$")


def client_hash(ip: str) -> str:
    """The reader's address, salted and hashed: enough to spot floods, useless to anyone else."""
    if not ip:
        return ""
    return salted_hmac("reviews.feedback.client", ip, algorithm="sha256").hexdigest()


def page_hash(url: str) -> str:
    """One key per reported page, whatever its host, scheme or tracking parameters ("": none)."""
    try:
        canonical = canonical_url(_absolute(plain_text(url)))
    except ValueError:
        return ""
    path = urlsplit(canonical).path
    # A fact-check is one page under any host name (as find_target sees it); others need the host.
    page = path if FACT_CHECK_PATH.match(path) else canonical
    return salted_hmac("reviews.feedback.page", page).hexdigest()


def feedback_submit(
    *,
    url: str,
    category: str,
    message: str,
    passage: str = "",
    email: str = "",
    email_consent: bool = False,
    client_ip: str = "",
    honeypot: str = "",
) -> Feedback:
    """Store a reader's report as plain text and route it.

    A filled honeypot is kept as spam and never routed; the caller answers the
    same way as for a real report, so a bot learns nothing. A broker that is down
    is not the reader's concern: the report and what routing made of it are
    committed, and the work the broker refused waits for its sweep.
    """
    for field, value in (
        ("url", url),
        ("passage", passage),
        ("message", message),
        ("email", email),
    ):
        if len(value) > MAX_LENGTHS[field]:
            raise InvalidInput(
                f"{field}: at most {MAX_LENGTHS[field]} characters, please "
                f"(this one has {len(value)}).",
                field=field,
            )
    if category not in Feedback.Category.values:
        raise InvalidInput(
            f"category: choose one of {', '.join(Feedback.Category.values)}.", field="category"
        )
    page = _absolute(plain_text(url))
    try:
        canonical = canonical_url(page)
    except ValueError:
        raise InvalidInput(
            "url: give the address of the page, starting with https://.", field="url"
        ) from None
    message = plain_text(message)
    if not message:
        raise InvalidInput("message: tell us what is wrong.", field="message")
    email = email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise InvalidInput("email: that is not an email address.", field="email") from None
    spam = bool(honeypot.strip())
    try:
        with transaction.atomic():
            feedback = Feedback.objects.create(
                url=page,
                canonical_url=canonical,
                passage=plain_text(passage),
                category=category,
                message=message,
                # Without consent the address is not kept at all.
                email=email if email_consent else "",
                email_consent=bool(email and email_consent),
                status=Feedback.Status.SPAM if spam else Feedback.Status.NEW,
                client_hash=client_hash(client_ip),
            )
            record_event(
                action=Action.FEEDBACK_RECEIVED,
                feedback_id=feedback.pk,
                to_state=feedback.status,
                note="honeypot filled" if spam else "",
            )
            if not spam:
                try:
                    with transaction.atomic():
                        feedback_route(feedback=feedback)
                except DomainError as error:
                    # The report is safe; staff route it by hand from the inbox.
                    logger.warning("feedback %s left unrouted: %s", feedback.pk, error.detail)
    except QueueUnavailable as error:
        # Raised by the commit, once the report and its routing are saved.
        logger.warning("feedback %s: %s", feedback.pk, error.detail)
    return feedback


def _absolute(url: str) -> str:
    """Accept a path on this site ("/fact-checks/x/") as well as a full address."""
    url = url.strip()
    if url.startswith("/") and not url.startswith("//"):
        return settings.FACTCHECK_SITE_URL + url
    return url


# --- Routing -------------------------------------------------------------------


def find_target(canonical: str) -> Review | Article | None:
    """The published fact-check or the article a canonical URL names, if any.

    Fact-checks match on the path alone, so http/https or an old host name still find them.
    """
    path = urlsplit(canonical).path
    found = FACT_CHECK_PATH.match(path)
    if found:
        review = published_fact_checks().filter(slug=found["slug"]).first()
        if review is not None:
            return review
    scheme, rest = canonical.split("://", 1)
    other = ("https" if scheme == "http" else "http") + "://" + rest
    return Article.objects.filter(canonical_url__in=[canonical, other]).first()


@transaction.atomic
def feedback_route(*, feedback: Feedback) -> Feedback:
    """Send a new report where it belongs (see the module docstring)."""
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.status != Feedback.Status.NEW or feedback.duplicate_of_id:
        raise Conflict(f"Feedback {feedback.pk} has already been handled.")
    target = find_target(feedback.canonical_url)
    if isinstance(target, Review):
        # Serialise reports about one fact-check: the second waits and sees the first.
        target = Review.objects.select_for_update().get(pk=target.pk)
        feedback.review = target
    elif isinstance(target, Article):
        # Likewise for an article, so two readers cannot create the same claim twice.
        feedback.article = target = Article.objects.select_for_update().get(pk=target.pk)
    original = _original_of(feedback)
    if original is not None:
        return _group(feedback, original)
    if target is None:
        suggested = _checked_already(feedback)
        _event(
            feedback,
            None,
            Action.FEEDBACK_UNROUTED,
            Feedback.Status.NEW,
            "No fact-check or article at this address."
            + (" The desk has checked or flagged something like it." if suggested else ""),
            {"suggested": suggested} if suggested else None,
        )
        return feedback
    changes: dict[str, Any] = {}
    if feedback.category == Feedback.Category.FACTUAL_ERROR:
        if isinstance(target, Review):
            changes = _link_fact_check(feedback, target)
        else:
            changes = _claim_from_report(feedback, target)
    feedback.status = Feedback.Status.ROUTED
    feedback.save()
    _event(feedback, None, Action.FEEDBACK_ROUTED, Feedback.Status.NEW, "", changes)
    return feedback


def _link_fact_check(feedback: Feedback, review: Review) -> dict[str, Any]:
    """Point the report at the fact-check and the statement it quotes; nothing else changes.

    A report never reopens published work by itself: it waits in the inbox for an
    editor, who opens a correction or closes the report (reviews/reports.py).
    """
    matched = nearest(
        _reported_text(feedback),
        [(a.pk, a.sentence) for a in review.claim.appearances.all()] + [(None, review.claim.text)],
    )
    return {"review": review.pk, "matched_appearance": matched and matched[0]}


def _claim_from_report(feedback: Feedback, article: Article) -> dict[str, Any]:
    """Attach the report to the claim it is about, or put a new claim from it into triage."""
    appearances = list(article.appearances.select_related("claim", "speaker"))
    matched = nearest(_reported_text(feedback), [(a, a.sentence) for a in appearances])
    if matched is not None and matched[0].claim is not None:
        feedback.claim = matched[0].claim
        return {"claim": feedback.claim.pk, "matched_appearance": matched[0].pk}
    claim, created = claim_from_report(
        feedback=feedback, article=article, appearance=matched[0] if matched else None, actor=None
    )
    feedback.claim = claim
    return {"claim": claim.pk, "claim_created": created}


def claim_from_report(
    *,
    feedback: Feedback,
    article: Article | None,
    appearance: Appearance | None,
    actor: Any,
) -> tuple[Claim, bool]:
    """The claim a report is about, filed like any statement the desk reads.

    The reported statement (`appearance`, else the reported passage where it stands in
    the article, else the passage alone) joins the claim it repeats or becomes a new
    flagged one, with its `flagged` event, its links queued and its priority computed
    (`claim_match_or_create`). Returns the claim and whether it is new.
    """
    note = f"reported by a reader (report {feedback.pk})"
    if appearance is not None:
        return appearance_file(appearance=appearance, actor=actor, note=note)
    # The claim reads as the reader reported it; where the passage stands in the article,
    # it is recorded there as the report's statement.
    text = feedback.passage or feedback.message[:1000]
    passage = _passage_appearance(article, text) if article is not None else None
    if passage is not None and passage.claim is not None:
        return passage.claim, False
    claim, created = claim_match_or_create(
        speaker=None, text=text, checkworthiness=0.0, note=note, official=False, actor=actor
    )
    if passage is not None:
        passage.claim = claim
        passage.save(update_fields=["claim"])
    return claim_prioritise(claim=claim), created


def _passage_appearance(article: Article, text: str) -> Appearance | None:
    """The statement stored where the reported passage stands in the article, recorded
    as a reader's report when the detector found none there; None when it is not there."""
    span = _locate(text, article.text)
    if span is None:
        return None
    start, end = span
    found = article.appearances.select_for_update().filter(content_start=start).first()
    if found is not None:
        return found
    return Appearance.objects.create(
        article=article,
        sentence=article.text[start:end],
        sentence_start=start,
        sentence_end=end,
        source="",
        source_start=start,
        source_end=start,
        cue="reader report",
        cue_start=start,
        cue_end=start,
        content=article.text[start:end],
        content_start=start,
        content_end=end,
        detector_version="reader-report",
    )


def _locate(passage: str, text: str) -> tuple[int, int] | None:
    """Where `passage` sits in `text`, ignoring case and differences in whitespace."""
    words = passage.split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text, flags=re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def _checked_already(feedback: Feedback) -> list[dict[str, Any]]:
    """What the desk has published or flagged that reads like an unplaceable report,
    so the editor who routes it by hand starts from the likely claim."""
    text = _reported_text(feedback).strip()[:MATCH_TEXT_LIMIT]
    if not text:
        return []
    return [
        {
            "kind": match.kind,
            "claim": match.claim.pk,
            "review": match.review.pk if match.review else None,
            "score": round(match.score, 2),
        }
        for match in find_matches(text=text, limit=3)
    ]


def _reported_text(feedback: Feedback) -> str:
    return feedback.passage or feedback.message


def _original_of(feedback: Feedback) -> Feedback | None:
    """An open earlier report of the same thing: same target, category and passage or message."""
    earlier = Feedback.objects.filter(
        category=feedback.category,
        status__in=OPEN,
        duplicate_of__isnull=True,
        # No upper bound on created_at: a report stored a moment later may have been
        # routed first while this one waited for the lock on the fact-check.
        created_at__gte=feedback.created_at - DUPLICATE_WINDOW,
    ).exclude(pk=feedback.pk)
    if feedback.review_id:
        earlier = earlier.filter(review_id=feedback.review_id)
    elif feedback.article_id:
        earlier = earlier.filter(article_id=feedback.article_id)
    else:
        earlier = earlier.filter(canonical_url=feedback.canonical_url)
    for candidate in earlier.order_by("created_at", "id")[:100]:
        if _same_report(candidate, feedback):
            return candidate
    return None


def _same_report(a: Feedback, b: Feedback) -> bool:
    if a.passage and b.passage:
        return nearest(a.passage, [(True, b.passage)], threshold=DUPLICATE_SIMILARITY) is not None
    return nearest(a.message, [(True, b.message)], threshold=DUPLICATE_SIMILARITY) is not None


def _group(feedback: Feedback, original: Feedback) -> Feedback:
    feedback.duplicate_of = original
    feedback.review_id = original.review_id
    feedback.claim_id = original.claim_id
    feedback.article_id = original.article_id
    feedback.status = original.status
    feedback.save()
    _event(
        feedback,
        None,
        Action.FEEDBACK_GROUPED,
        Feedback.Status.NEW,
        f"Same as report {original.pk}.",
        {"duplicate_of": original.pk},
    )
    return feedback


# --- Staff decisions ---------------------------------------------------------


@transaction.atomic
def feedback_reroute(
    *,
    feedback: Feedback,
    actor: Any,
    review: Review | None = None,
    claim: Claim | None = None,
    note: str = "",
) -> Feedback:
    """Send a report to a review or a claim chosen by a person."""
    _require_staff(actor)
    if (review is None) == (claim is None):
        raise InvalidInput("Route to either a review or a claim.")
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    before = feedback.status
    feedback.review = review
    feedback.claim = claim
    feedback.status = Feedback.Status.ROUTED
    feedback.save()
    _event(
        feedback,
        actor,
        Action.FEEDBACK_REROUTED,
        before,
        note,
        {"review": review and review.pk, "claim": claim and claim.pk},
    )
    return feedback


@transaction.atomic
def feedback_convert_to_claim(*, feedback: Feedback, actor: Any, note: str = "") -> Feedback:
    """An editor turns a report into a flagged claim (linked to its article when known)."""
    if not is_editor(actor):
        raise NotAllowed("Only editors turn reader reports into claims.")
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.claim_id:
        raise Conflict(f"Feedback {feedback.pk} is already linked to claim {feedback.claim_id}.")
    before = feedback.status
    article = feedback.article
    if article is None:
        target = find_target(feedback.canonical_url)
        article = target if isinstance(target, Article) else None
    feedback.article = article
    feedback.claim, _ = claim_from_report(
        feedback=feedback, article=article, appearance=None, actor=actor
    )
    feedback.status = Feedback.Status.ROUTED
    feedback.save()
    _event(feedback, actor, Action.FEEDBACK_CONVERTED, before, note, {"claim": feedback.claim_id})
    return feedback


@transaction.atomic
def feedback_mark_spam(*, feedback: Feedback, actor: Any, note: str = "") -> Feedback:
    return _close(feedback, actor, Feedback.Status.SPAM, Action.FEEDBACK_MARKED_SPAM, note)


@transaction.atomic
def feedback_resolve(*, feedback: Feedback, actor: Any, note: str = "") -> Feedback:
    """Close a report; the repeats grouped under it are closed with it.

    A report about a fact-check is settled by an editor only (reviews/reports.py
    closes it with an optional reply); anyone on the desk may mark it spam.
    """
    if feedback.review_id is not None and not is_editor(actor):
        raise NotAllowed("Only an editor settles a report about a fact-check.")
    feedback = _close(feedback, actor, Feedback.Status.RESOLVED, Action.FEEDBACK_RESOLVED, note)
    for duplicate in feedback.duplicates.filter(status__in=OPEN):
        _close(
            duplicate,
            actor,
            Feedback.Status.RESOLVED,
            Action.FEEDBACK_RESOLVED,
            f"With report {feedback.pk}.",
        )
    return feedback


def _close(feedback: Feedback, actor: Any, status: str, action: Action, note: str) -> Feedback:
    _require_staff(actor)
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.status == status:
        raise Conflict(
            f"Feedback {feedback.pk} is already {feedback.get_status_display().lower()}."
        )
    before = feedback.status
    feedback.status = status
    feedback.save(update_fields=["status", "updated_at"])
    _event(feedback, actor, action, before, note)
    return feedback


def _require_staff(actor: Any) -> None:
    if not is_desk_staff(actor):
        raise NotAllowed("Only desk staff handle reader feedback.")


def _event(
    feedback: Feedback,
    actor: Any,
    action: Action,
    from_state: str,
    note: str,
    changes: dict[str, Any] | None = None,
) -> None:
    record_event(
        action=action,
        actor=actor,
        feedback_id=feedback.pk,
        review_id=feedback.review_id,
        claim_id=feedback.claim_id,
        from_state=from_state,
        to_state=feedback.status,
        note=note,
        changes=changes,
    )
