"""State changes for staff and reviews. Views, commands and tasks call these."""

from datetime import datetime
from typing import Any

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from claims.events import Action, record_event
from claims.models import Claim
from factcheck.errors import Conflict, InvalidInput, NotAllowed, NotFound
from reviews import permissions
from reviews.corrections import correction_closed, correction_published
from reviews.headlines import default_headline, fact_check_slug
from reviews.models import Evidence, Rating, Review, ReviewVersion
from reviews.publication import plain_text
from reviews.roles import ADMIN, ROLES, sync_groups

MAX_NOTE = 5000


@transaction.atomic
def staff_upsert(
    *, username: str, role: str, password: str | None, email: str = ""
) -> tuple[User, bool]:
    """Create or update a staff user so that they hold exactly `role`.

    A new user needs a password; an existing one keeps theirs unless given one.
    """
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    existing = User.objects.filter(username=username).first()
    created = existing is None
    if existing is None and not password:
        raise ValueError("A new staff user needs a password (--password or FACTCHECK_PASSWORD).")
    user = existing if existing is not None else User(username=username)
    if password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValueError(" ".join(exc.messages)) from None
        user.set_password(password)
    if email:
        user.email = email
    user.is_staff = True
    user.is_active = True
    user.is_superuser = role == ADMIN
    user.save()
    sync_groups()
    user.groups.set([Group.objects.get(name=role)])
    return user, created


# --- Review workflow --------------------------------------------------------
# Claim: flagged ─assign─▶ in_review ─(publish)─▶ checked; flagged/in_review ─dismiss─▶ dismissed.
# Review: assigned ─▶ in_progress ─submit─▶ submitted ─approve─▶ published;
#         submitted ─return─▶ in_progress; published ─correct─▶ in_progress.


class StaleVersion(Conflict):
    """The client edited an older version; `review` is the current one."""

    def __init__(self, review: Review) -> None:
        super().__init__(
            f"The review has changed since you loaded it (now version {review.version}); "
            "reload and apply your edit again.",
            current_version=review.version,
        )
        self.review = review


def _locked_claim(claim_id: int) -> Claim:
    claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
    if claim is None:
        raise NotFound(f"Claim {claim_id} does not exist.")
    return claim


def _locked_review(review_id: int) -> Review:
    review = Review.objects.select_for_update().filter(pk=review_id).first()
    if review is None:
        raise NotFound(f"Review {review_id} does not exist.")
    return review


def _required_note(note: str, action: str) -> str:
    note = (note or "").strip()
    if not note:
        raise InvalidInput(f"A note is required to {action}.")
    _check_note_length(note)
    return note


def _check_note_length(note: str) -> None:
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"The note is longer than {MAX_NOTE} characters.")


def _move(review: Review, to_state: str, **fields: Any) -> str:
    """Change state and fields, bump the version; returns the previous state."""
    from_state = review.state
    review.state = to_state
    for name, value in fields.items():
        setattr(review, name, value)
    review.version += 1
    review.save(update_fields=["state", "version", "updated_at", *fields])
    return from_state


def _set_claim_status(claim: Claim, status: str) -> dict[str, Any]:
    """Move the claim along with its review; the change goes into the event."""
    if claim.status == status:
        return {}
    previous = claim.status
    claim.status = status
    claim.save(update_fields=["status", "updated_at"])
    return {"claim_status": [previous, status]}


@transaction.atomic
def claim_assign(
    *,
    claim_id: int,
    actor: User,
    assignee: User,
    due_at: datetime | None = None,
) -> tuple[Review, bool]:
    """Open a review of the claim for `assignee`, or reassign the open one.

    Returns the review and whether it was created.
    """
    claim = _locked_claim(claim_id)
    open_review = claim.reviews.open().first()
    if not permissions.can_assign(actor, assignee, open_review):
        if open_review is not None and permissions.is_desk_staff(actor):
            raise NotAllowed(
                f"Claim {claim.pk} is already assigned to {open_review.assignee}; "
                "only an editor may reassign it."
            )
        raise NotAllowed("Only editors assign claims to others; a fact-checker may take one.")
    if not permissions.can_hold_reviews(assignee):
        raise InvalidInput(f"{assignee} is not a fact-checker or editor.")
    if claim.status not in (Claim.Status.FLAGGED, Claim.Status.IN_REVIEW):
        raise Conflict(f"Claim {claim.pk} is {claim.status}; it cannot be assigned.")
    if open_review is not None:
        return _reassign(open_review, actor=actor, assignee=assignee, due_at=due_at), False
    review = Review.objects.create(
        claim=claim,
        assignee=assignee,
        assigned_by=actor,
        due_at=due_at,
        statement=claim.statement or claim.text,
    )
    changes: dict[str, Any] = {"assignee": [None, assignee.username]}
    if due_at is not None:
        changes["due_at"] = [None, due_at.isoformat()]
    changes |= _set_claim_status(claim, Claim.Status.IN_REVIEW)
    record_event(
        actor=actor,
        action=Action.ASSIGNED,
        review_id=review.pk,
        claim_id=claim.pk,
        to_state=review.state,
        changes=changes,
    )
    return review, True


def _reassign(review: Review, *, actor: User, assignee: User, due_at: datetime | None) -> Review:
    review = _locked_review(review.pk)
    changes: dict[str, Any] = {}
    if review.assignee_id != assignee.pk:
        changes["assignee"] = [review.assignee.username, assignee.username]
        review.assignee = assignee
    if due_at is not None and due_at != review.due_at:
        changes["due_at"] = [review.due_at and review.due_at.isoformat(), due_at.isoformat()]
        review.due_at = due_at
    if not changes:
        return review
    review.version += 1
    review.save(update_fields=["assignee", "due_at", "version", "updated_at"])
    record_event(
        actor=actor,
        action=Action.REASSIGNED,
        review_id=review.pk,
        claim_id=review.claim_id,
        from_state=review.state,
        to_state=review.state,
        changes=changes,
    )
    return review


@transaction.atomic
def claim_dismiss(*, claim_id: int, actor: User, reason: str) -> Claim:
    """Set a claim aside with a reason; an open review on it is withdrawn."""
    reason = _required_note(reason, "dismiss a claim")
    claim = _locked_claim(claim_id)
    open_review = claim.reviews.open().first()
    if not permissions.can_dismiss(actor, open_review):
        raise NotAllowed("Only the assignee or an editor may dismiss a claim under review.")
    if claim.status not in (Claim.Status.FLAGGED, Claim.Status.IN_REVIEW):
        raise Conflict(f"Claim {claim.pk} is {claim.status}; it cannot be dismissed.")
    if ReviewVersion.objects.filter(review__claim=claim).exists():
        raise Conflict(f"Claim {claim.pk} has a published verdict; correct it instead.")
    if open_review is not None:
        open_review = _locked_review(open_review.pk)
        from_state = _move(open_review, Review.State.WITHDRAWN)
        record_event(
            actor=actor,
            action=Action.WITHDRAWN,
            review_id=open_review.pk,
            from_state=from_state,
            to_state=open_review.state,
            note=reason,
        )
    from_status = claim.status
    claim.status = Claim.Status.DISMISSED
    claim.dismiss_reason = reason
    claim.save(update_fields=["status", "dismiss_reason", "updated_at"])
    record_event(
        actor=actor,
        action=Action.DISMISSED,
        claim_id=claim.pk,
        from_state=from_status,
        to_state=claim.status,
        note=reason,
    )
    return claim


@transaction.atomic
def claim_restore(*, claim_id: int, actor: User) -> Claim:
    """Undo a dismissal: the claim goes back to triage; the reason is kept in the event."""
    if not permissions.is_editor(actor):
        raise NotAllowed("Only editors restore dismissed claims.")
    claim = _locked_claim(claim_id)
    if claim.status != Claim.Status.DISMISSED:
        raise Conflict(f"Claim {claim.pk} is {claim.status}, not dismissed.")
    reason = claim.dismiss_reason
    claim.status = Claim.Status.FLAGGED
    claim.dismiss_reason = ""
    claim.save(update_fields=["status", "dismiss_reason", "updated_at"])
    record_event(
        actor=actor,
        action=Action.RESTORED,
        claim_id=claim.pk,
        from_state=Claim.Status.DISMISSED,
        to_state=claim.status,
        note=reason,
    )
    return claim


@transaction.atomic
def review_set_due(*, review_id: int, actor: User, due_at: datetime | None) -> Review:
    """Set, change or clear the due date of an open review (editors)."""
    review = _locked_review(review_id)
    if not permissions.is_editor(actor):
        raise NotAllowed("Only editors set due dates.")
    if review.state not in Review.OPEN_STATES:
        raise Conflict(f"The review is {review.state}; only an open review has a due date.")
    if due_at == review.due_at:
        return review
    before = review.due_at
    review.due_at = due_at
    review.version += 1
    review.save(update_fields=["due_at", "version", "updated_at"])
    record_event(
        actor=actor,
        action=Action.DUE_CHANGED,
        review_id=review.pk,
        claim_id=review.claim_id,
        from_state=review.state,
        to_state=review.state,
        changes={"due_at": [before and before.isoformat(), due_at and due_at.isoformat()]},
    )
    return review


def _evidence_review(claim: Claim, actor: User) -> Review | None:
    """Check that `actor` may change the claim's evidence now; returns the open review."""
    open_review = claim.reviews.open().first()
    if not permissions.can_manage_evidence(actor, open_review):
        raise NotAllowed("Only the assignee of the open review or an editor may change evidence.")
    if claim.status == Claim.Status.DISMISSED:
        raise Conflict(f"Claim {claim.pk} is dismissed.")
    if open_review is not None and open_review.state == Review.State.SUBMITTED:
        raise Conflict("The review is submitted; return it before changing its evidence.")
    return open_review


@transaction.atomic
def evidence_add(
    *,
    claim_id: int,
    actor: User,
    url: str,
    title: str,
    excerpt: str = "",
    stance: str,
    primary_source: bool = False,
) -> Evidence:
    claim = _locked_claim(claim_id)
    open_review = _evidence_review(claim, actor)
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise InvalidInput("url: enter a valid http(s) URL.") from None
    # Stored as the text a reader sees; templates escape it on the way out.
    title = plain_text(title)
    if not title:
        raise InvalidInput("title: a title is required.")
    if stance not in Evidence.Stance.values:
        raise InvalidInput(f"stance: choose one of {', '.join(Evidence.Stance.values)}.")
    evidence = Evidence.objects.create(
        claim=claim,
        review=open_review,
        url=url,
        title=title[:500],
        excerpt=plain_text(excerpt),
        stance=stance,
        primary_source=primary_source,
        added_by=actor,
    )
    record_event(
        actor=actor,
        action=Action.EVIDENCE_ADDED,
        review_id=open_review.pk if open_review else None,
        claim_id=claim.pk,
        changes={"evidence": _evidence_summary(evidence)},
    )
    return evidence


@transaction.atomic
def evidence_remove(*, claim_id: int, evidence_id: int, actor: User) -> None:
    claim = _locked_claim(claim_id)
    evidence = claim.evidence.filter(pk=evidence_id).first()
    if evidence is None:
        raise NotFound(f"Evidence {evidence_id} does not exist on claim {claim.pk}.")
    open_review = _evidence_review(claim, actor)
    summary = _evidence_summary(evidence)
    evidence.delete()
    record_event(
        actor=actor,
        action=Action.EVIDENCE_REMOVED,
        review_id=open_review.pk if open_review else None,
        claim_id=claim.pk,
        changes={"evidence": summary},
    )


def _evidence_summary(evidence: Evidence) -> dict[str, Any]:
    return {
        "id": evidence.pk,
        "url": evidence.url,
        "title": evidence.title,
        "stance": evidence.stance,
        "primary_source": evidence.primary_source,
    }


@transaction.atomic
def review_start(*, review_id: int, actor: User) -> Review:
    review = _locked_review(review_id)
    if not permissions.can_submit_review(actor, review):
        raise NotAllowed("Only the assignee starts work on a review.")
    if review.state != Review.State.ASSIGNED:
        raise Conflict(f"The review is {review.state}; only an assigned review can be started.")
    from_state = _move(review, Review.State.IN_PROGRESS)
    record_event(
        actor=actor,
        action=Action.STARTED,
        review_id=review.pk,
        from_state=from_state,
        to_state=review.state,
    )
    return review


_UNSET: Any = object()


@transaction.atomic
def review_edit(
    *,
    review_id: int,
    actor: User,
    expected_version: int,
    rating: Rating | None = _UNSET,
    summary: str = _UNSET,
    explanation: str = _UNSET,
    statement: str = _UNSET,
    headline: str = _UNSET,
) -> Review:
    """Edit the verdict, if nobody else has changed the review since `expected_version`.

    The write is a conditional UPDATE on (id, version), so of two concurrent
    edits of one version exactly one matches a row; the other gets StaleVersion.
    """
    review = Review.objects.select_related("rating").filter(pk=review_id).first()
    if review is None:
        raise NotFound(f"Review {review_id} does not exist.")
    if not permissions.can_edit_review(actor, review):
        raise NotAllowed("Only the assignee or an editor may edit this review.")
    if review.version != expected_version:
        raise StaleVersion(review)
    if review.state not in (Review.State.ASSIGNED, Review.State.IN_PROGRESS):
        raise Conflict(
            f"The review is {review.state}; it can be edited only while assigned or in progress."
        )
    if statement is not _UNSET and not statement.strip():
        raise InvalidInput("The statement cannot be empty: it is what the fact-check checks.")
    wanted: dict[str, Any] = {
        "rating": rating,
        "summary": summary,
        "explanation": explanation,
        "statement": statement,
        "headline": headline,
    }
    values: dict[str, Any] = {}
    changes: dict[str, list[Any]] = {}
    for field, new in wanted.items():
        if new is _UNSET:
            continue
        old = getattr(review, field)
        if new == old:
            continue
        values[field] = new
        if field == "rating":
            changes[field] = [old and old.slug, new and new.slug]
        else:
            changes[field] = [old, new]
    from_state = review.state
    if not values:
        return review
    updated = Review.objects.filter(pk=review.pk, version=expected_version).update(
        **values,
        state=Review.State.IN_PROGRESS,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if updated != 1:
        raise StaleVersion(Review.objects.get(pk=review.pk))
    review.refresh_from_db()
    record_event(
        actor=actor,
        action=Action.EDITED,
        review_id=review.pk,
        from_state=from_state,
        to_state=review.state,
        changes=changes,
    )
    return review


def missing_for_submission(review: Review) -> list[str]:
    """What a review still lacks before an editor may see it."""
    missing = []
    if review.rating_id is None:
        missing.append("rating")
    if not review.summary.strip():
        missing.append("summary")
    evidence = Evidence.objects.filter(claim_id=review.claim_id)
    if not evidence.exists():
        missing.append("evidence")
    if not evidence.filter(primary_source=True).exists():
        missing.append("primary_source")
    return missing


@transaction.atomic
def review_submit(*, review_id: int, actor: User) -> Review:
    review = _locked_review(review_id)
    if not permissions.can_submit_review(actor, review):
        raise NotAllowed("Only the assignee submits a review.")
    if review.state not in (Review.State.ASSIGNED, Review.State.IN_PROGRESS):
        raise Conflict(f"The review is {review.state}; it cannot be submitted.")
    missing = missing_for_submission(review)
    if missing:
        raise Conflict(
            "The review cannot be submitted yet; it needs: "
            + ", ".join(MISSING_LABELS[item] for item in missing)
            + ".",
            missing=missing,
        )
    from_state = _move(review, Review.State.SUBMITTED, submitted_at=timezone.now())
    record_event(
        actor=actor,
        action=Action.SUBMITTED,
        review_id=review.pk,
        from_state=from_state,
        to_state=review.state,
    )
    return review


MISSING_LABELS = {
    "rating": "a rating",
    "summary": "a summary",
    "evidence": "at least one piece of evidence",
    "primary_source": "at least one primary source",
}


def _check_decider(actor: User, review: Review, action: str) -> None:
    if permissions.can_decide_review(actor, review):
        return
    if not permissions.is_editor(actor):
        raise NotAllowed(f"Only editors {action} reviews.")
    if review.assignee_id == actor.pk:
        raise NotAllowed(f"You wrote this verdict; another editor must {action} it.")
    raise NotAllowed(
        f"You edited this verdict, which makes you a co-author; another editor must {action} it."
    )


@transaction.atomic
def review_approve(
    *,
    review_id: int,
    actor: User,
    note: str = "",
    expected_version: int | None = None,
) -> Review:
    """Publish the submitted verdict as the review's next version.

    1. Refuse the author, co-authors and non-editors, a wrong state or a stale view.
    2. A correction needs the editor's public note saying what changed; it is
       published as the correction note, word for word.
    3. Stamp slug and first publication date once, the modification date each time.
    4. Freeze the verdict and its evidence as a ReviewVersion; the claim becomes checked.
    """
    review = _locked_review(review_id)
    _check_decider(actor, review, "approve")
    if review.state != Review.State.SUBMITTED:
        raise Conflict(f"The review is {review.state}; only a submitted review can be approved.")
    if expected_version is not None and expected_version != review.version:
        raise StaleVersion(review)
    number = review.versions.count() + 1
    if number > 1:
        note = _required_note(
            note, "publish a correction (say publicly what changed, e.g. the corrected date)"
        )
    note = (note or "").strip()
    _check_note_length(note)
    now = timezone.now()
    fields: dict[str, Any] = {"approved_by": actor, "modified_at": now}
    if review.published_at is None:
        fields["published_at"] = now
    if not review.slug:
        fields["slug"] = fact_check_slug(review.statement or review.claim.text, review.pk)
    rating = review.rating
    if rating is None:  # submission requires one; a verdict is never published without it
        raise Conflict(f"Review {review.pk} has no rating to publish.")
    from_state = _move(review, Review.State.PUBLISHED, **fields)
    version = ReviewVersion.objects.create(
        review=review,
        number=number,
        rating=rating,
        summary=review.summary,
        explanation=review.explanation,
        statement=review.statement or review.claim.statement or review.claim.text,
        headline=review.headline or default_headline(review.statement or review.claim.text),
        author=review.assignee,
        approved_by=actor,
        correction_note=note if number > 1 else "",
        evidence=[evidence_snapshot(item) for item in published_evidence(review)],
        published_at=now,
    )
    changes: dict[str, Any] = {"published_version": number}
    if version.statement != review.claim.statement:
        # The desk reads the claim as it was published: the checker's wording wins.
        changes["claim_statement"] = [review.claim.statement, version.statement]
        Claim.objects.filter(pk=review.claim_id).update(statement=version.statement)
        review.claim.statement = version.statement
    changes |= _set_claim_status(review.claim, Claim.Status.CHECKED)
    record_event(
        actor=actor,
        action=Action.APPROVED,
        review_id=review.pk,
        claim_id=review.claim_id,
        from_state=from_state,
        to_state=review.state,
        note=note,
        changes=changes,
    )
    if number > 1:
        correction_published(review=review, version=version)
    return review


def published_evidence(review: Review) -> QuerySet[Evidence]:
    """The claim's evidence that goes out with the review: its own and any not tied to a review."""
    return Evidence.objects.filter(claim_id=review.claim_id).filter(
        Q(review=review) | Q(review__isnull=True)
    )


def evidence_snapshot(evidence: Evidence) -> dict[str, Any]:
    """One piece of evidence as frozen into a published version (what readers see)."""
    return {
        "id": evidence.pk,
        "url": evidence.url,
        "title": evidence.title,
        "excerpt": evidence.excerpt,
        "stance": evidence.stance,
        "primary_source": evidence.primary_source,
    }


@transaction.atomic
def review_return(*, review_id: int, actor: User, note: str) -> Review:
    note = _required_note(note, "return a review")
    review = _locked_review(review_id)
    _check_decider(actor, review, "return")
    if review.state != Review.State.SUBMITTED:
        raise Conflict(f"The review is {review.state}; only a submitted review can be returned.")
    from_state = _move(review, Review.State.IN_PROGRESS, submitted_at=None)
    record_event(
        actor=actor,
        action=Action.RETURNED,
        review_id=review.pk,
        from_state=from_state,
        to_state=review.state,
        note=note,
    )
    return review


@transaction.atomic
def review_correct(
    *, review_id: int, actor: User, note: str, feedback_id: int | None = None
) -> Review:
    """Reopen a published review; its published versions stay as they are.

    `note` is the editor's internal reason; the public note is written at approval.
    `feedback_id` names the reader's report that led to it, if any.
    """
    note = _required_note(note, "correct a review")
    review = _locked_review(review_id)
    if not permissions.can_correct_review(actor):
        raise NotAllowed("Only editors open corrections.")
    if review.state != Review.State.PUBLISHED:
        raise Conflict(f"The review is {review.state}; only a published review can be corrected.")
    # The next version needs a fresh approval, by whoever is not its author then.
    from_state = _move(
        review, Review.State.IN_PROGRESS, is_correction=True, approved_by=None, submitted_at=None
    )
    changes = _set_claim_status(review.claim, Claim.Status.IN_REVIEW)
    if feedback_id is not None:
        changes["feedback"] = feedback_id
    record_event(
        actor=actor,
        action=Action.CORRECTED,
        review_id=review.pk,
        claim_id=review.claim_id,
        from_state=from_state,
        to_state=review.state,
        note=note,
        changes=changes,
    )
    return review


@transaction.atomic
def review_close_correction(*, review_id: int, actor: User, note: str) -> Review:
    """Close an open correction with no change: nothing is published.

    The working copy goes back to the published version (drafts are kept in the
    history), the review is published again as it was, and the reports behind the
    correction are resolved.
    """
    note = _required_note(note, "close a correction without change")
    review = _locked_review(review_id)
    if not permissions.can_correct_review(actor):
        raise NotAllowed("Only editors close corrections.")
    published = review.versions.order_by("-number").first()
    if review.state not in Review.OPEN_STATES or not review.is_correction or published is None:
        raise Conflict(f"Review {review.pk} has no open correction to close.")
    discarded = {
        field: [getattr(review, field), getattr(published, field)]
        for field in ("summary", "explanation")
        if getattr(review, field) != getattr(published, field)
    }
    if review.rating_id != published.rating_id:
        discarded["rating"] = [review.rating and review.rating.slug, published.rating.slug]
    from_state = _move(
        review,
        Review.State.PUBLISHED,
        rating=published.rating,
        summary=published.summary,
        explanation=published.explanation,
        approved_by=published.approved_by,
        is_correction=False,
        submitted_at=None,
    )
    changes: dict[str, Any] = {"discarded": discarded} if discarded else {}
    changes |= _set_claim_status(review.claim, Claim.Status.CHECKED)
    record_event(
        actor=actor,
        action=Action.CORRECTION_CLOSED,
        review_id=review.pk,
        claim_id=review.claim_id,
        from_state=from_state,
        to_state=review.state,
        note=note,
        changes=changes,
    )
    correction_closed(review=review, actor=actor, note=note)
    return review
