"""Ratings, reviews and their published versions, the audit log, reader feedback."""

from datetime import datetime
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from rest_framework.authtoken.models import TokenProxy

from claims.events import Action


class Rating(models.Model):
    """One step of the verdict scale; `value` feeds ClaimReview's ratingValue."""

    slug = models.SlugField(max_length=50, unique=True)
    label = models.CharField(max_length=100)
    value = models.SmallIntegerField(
        null=True, blank=True, help_text="Numeric value on the scale; empty for Unproven."
    )
    order = models.PositiveSmallIntegerField(unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.label


class ReviewQuerySet(models.QuerySet["Review"]):
    def published(self) -> "ReviewQuerySet":
        """What the public may read: reviews with at least one published version.

        A review reopened for correction stays in: its last published version is public.
        """
        versions = ReviewVersion.objects.filter(review=OuterRef("pk"))
        return self.filter(slug__isnull=False, published_at__isnull=False).filter(Exists(versions))

    def open(self) -> "ReviewQuerySet":
        return self.filter(state__in=Review.OPEN_STATES)

    def overdue(self, now: datetime) -> "ReviewQuerySet":
        return self.open().filter(due_at__lt=now)


class Review(models.Model):
    """One check of one claim. A correction reopens it; published versions stay."""

    class State(models.TextChoices):
        ASSIGNED = "assigned", "Assigned"
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"
        PUBLISHED = "published", "Published"
        # Terminal: the claim was dismissed before any verdict was published.
        WITHDRAWN = "withdrawn", "Withdrawn"

    OPEN_STATES = (State.ASSIGNED, State.IN_PROGRESS, State.SUBMITTED)

    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="reviews")
    state = models.CharField(max_length=16, choices=State.choices, default=State.ASSIGNED)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_at = models.DateTimeField(null=True, blank=True)
    rating = models.ForeignKey(Rating, null=True, blank=True, on_delete=models.PROTECT)
    summary = models.TextField(blank=True)
    explanation = models.TextField(blank=True)
    # The checker's wording of what is checked, and the fact-check's headline (blank:
    # taken from the statement). Both are versioned with the verdict.
    statement = models.TextField(blank=True, db_default="")
    headline = models.CharField(max_length=200, blank=True, db_default="")
    # Optimistic lock: every saved edit or transition bumps it (ETag).
    version = models.PositiveIntegerField(default=1)
    is_correction = models.BooleanField(default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_reviews",
    )
    slug = models.SlugField(max_length=120, unique=True, null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    modified_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        permissions = [
            ("assign_review", "Can assign claims to any fact-checker"),
            ("approve_review", "Can approve, return and publish reviews"),
            ("correct_review", "Can reopen a published review as a correction"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    state__in=["assigned", "in_progress", "submitted", "published", "withdrawn"]
                ),
                name="review_state_valid",
            ),
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(state__in=["assigned", "in_progress", "submitted"]),
                name="one_open_review_per_claim",
            ),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("assignee")),
                name="approver_is_not_author",
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False, slug__isnull=False),
                name="published_review_has_date_and_slug",
            ),
        ]

    def __str__(self) -> str:
        return f"Review {self.pk} of claim {self.claim_id}"

    @property
    def etag(self) -> str:
        return f'"review-{self.pk}-v{self.version}"'

    def is_overdue(self, now: datetime) -> bool:
        return self.state in self.OPEN_STATES and self.due_at is not None and self.due_at < now


class Evidence(models.Model):
    """A source a checker cites for a claim, during one review."""

    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        REFUTES = "refutes", "Refutes"
        CONTEXT = "context", "Context"

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="evidence")
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    url = models.URLField(max_length=2000)
    title = models.CharField(max_length=500)
    excerpt = models.TextField(blank=True)
    stance = models.CharField(max_length=16, choices=Stance.choices)
    primary_source = models.BooleanField(default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table keeps the name it had when claims held this model: no data moved.
        db_table = "claims_evidence"
        ordering = ["created_at", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=Q(stance__in=["supports", "refutes", "context"]),
                name="evidence_stance_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ReviewVersion(models.Model):
    """A published verdict, frozen. Corrections add a version; none is rewritten."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT)
    summary = models.TextField()
    explanation = models.TextField(blank=True)
    statement = models.TextField(blank=True, db_default="")
    headline = models.CharField(max_length=200, blank=True, db_default="")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    correction_note = models.TextField(blank=True)
    # The evidence as published, frozen like the verdict: drafts added or removed during
    # a correction stay off the public page until the next version is approved.
    evidence = models.JSONField(default=list, blank=True)
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["review_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="one_version_number"),
            models.CheckConstraint(
                condition=~Q(approved_by=F("author")), name="version_approver_is_not_author"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review_id} v{self.number}"


class AppendOnlyQuerySet(models.QuerySet["ReviewEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("Audit events cannot be changed.")

    def delete(self) -> NoReturn:
        raise PermissionError("Audit events cannot be deleted.")


# Events without an actor that a reader caused; every other actor-less event is the system's.
READER_ACTIONS = frozenset({Action.FEEDBACK_RECEIVED})


class ReviewEvent(models.Model):
    """The audit trail: who did what to which review, claim or report, and when.

    Append-only here and, on PostgreSQL, enforced by a trigger as well.
    """

    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    feedback = models.ForeignKey(
        "reviews.Feedback", null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A feed or a registry speaker (claims.events.Subject); no foreign key, so the
    # history of a deleted feed or a merged-away speaker stays in the log.
    subject = models.CharField(max_length=16, blank=True)
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review__isnull=False)
                | Q(claim__isnull=False)
                | Q(feedback__isnull=False)
                | Q(subject_id__isnull=False),
                name="event_has_subject",
            ),
            models.CheckConstraint(
                condition=Q(subject="", subject_id__isnull=True)
                | (~Q(subject="") & Q(subject_id__isnull=False)),
                name="event_subject_named_with_its_id",
            ),
        ]
        indexes = [models.Index(fields=["subject", "subject_id"], name="event_subject_idx")]

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_name} at {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("Audit events cannot be deleted.")

    @property
    def actor_name(self) -> str:
        """Who acted: a person on the desk, the reader who wrote in, or the system."""
        if self.actor is not None:
            return self.actor.get_username()
        return "a reader" if self.action in READER_ACTIONS else "system"


class Feedback(models.Model):
    class Category(models.TextChoices):
        FACTUAL_ERROR = "factual_error", "Factual error"
        GRAMMAR = "grammar", "Grammar or spelling"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        NEW = "new", "New"
        ROUTED = "routed", "Routed"
        SPAM = "spam", "Spam"
        RESOLVED = "resolved", "Resolved"

    url = models.URLField(max_length=2000)
    canonical_url = models.URLField(max_length=2000, db_index=True)
    passage = models.TextField(blank=True)
    category = models.CharField(max_length=16, choices=Category.choices)
    message = models.TextField()
    email = models.EmailField(blank=True)
    email_consent = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)
    # Where the router sent it; empty when unrouted.
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    article = models.ForeignKey(
        "claims.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    # Repeat reports of the same thing point at the first one instead of re-queueing.
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    client_hash = models.CharField(max_length=64, blank=True)
    # An editor's answer when closing the report with no change; emailed to a consenting reader.
    reply = models.TextField(blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feedback"
        constraints = [
            models.CheckConstraint(
                condition=Q(category__in=["factual_error", "grammar", "other"]),
                name="feedback_category_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["new", "routed", "spam", "resolved"]),
                name="feedback_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(email="") | Q(email_consent=True),
                name="feedback_email_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.url}"


class Comment(models.Model):
    """A note between the people on a review: plain text, @username mentions."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="comment_has_text"),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on review {self.review_id}"


class Notification(models.Model):
    """Something a staff member should know, shown in the desk and (unless opted out) emailed."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "Assigned to you"
        RETURNED = "returned", "Returned to you"
        PUBLISHED = "published", "Approved and published"
        COMMENT = "comment", "New comment"
        MENTION = "mention", "You were mentioned"
        REPORT = "report", "Reader report"
        DUE_SOON = "due_soon", "Due within 24 hours"
        OVERDUE = "overdue", "Overdue"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(
        ReviewEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # What makes it one notification: "event:<id>", or "<kind>:<review>:<due date>".
    key = models.CharField(max_length=120)
    text = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_event"),
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "assigned",
                        "returned",
                        "published",
                        "comment",
                        "mention",
                        "report",
                        "due_soon",
                        "overdue",
                    ]
                ),
                name="notification_kind_valid",
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.recipient_id}"


class NotificationSettings(models.Model):
    """A staff member's choice about email; without a row, notifications are emailed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    email = models.BooleanField(default=True)

    class Meta:
        verbose_name_plural = "notification settings"

    def __str__(self) -> str:
        return f"Notification settings of {self.user_id}"


class ApiToken(TokenProxy):
    """An API token as the admin shows it: the key is a password, so only its start appears."""

    class Meta:
        proxy = True
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.key[:4]}… ({self.user})"
