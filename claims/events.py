"""The audit log, as every layer writes it: `record_event` and `record_events`.

The log itself (`reviews.models.ReviewEvent`) belongs to reviews: an event may be
about a review or a reader's report as well as a claim, and those live above this
layer. The claims layer must not import reviews, so the one writer is plugged in
from above: `ReviewsConfig.ready` connects it when Django starts, and every event,
from ingestion to publication, goes through the functions here. Nothing is written
on commit or in the background: the event is inserted in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models


class Action(models.TextChoices):
    """Everything the audit log records. Writers and readers (permissions, diffs,
    corrections) name actions through this, never by a string of their own."""

    # Claims
    FLAGGED = "flagged", "Flagged"
    PROMOTED = "promoted", "Promoted"
    DISMISSED = "dismissed", "Dismissed"
    RESTORED = "restored", "Restored"
    LINK_AUTO_CONFIRMED = "link_auto_confirmed", "Link confirmed automatically"
    LINK_CONFIRMED = "link_confirmed", "Link confirmed"
    LINK_REJECTED = "link_rejected", "Link rejected"
    ADMIN_EDITED = "admin_edited", "Changed in the admin"
    ADMIN_DELETED = "admin_deleted", "Deleted in the admin"
    # Reviews
    ASSIGNED = "assigned", "Assigned"
    REASSIGNED = "reassigned", "Reassigned"
    WITHDRAWN = "withdrawn", "Withdrawn"
    EVIDENCE_ADDED = "evidence_added", "Evidence added"
    EVIDENCE_REMOVED = "evidence_removed", "Evidence removed"
    STARTED = "started", "Started"
    EDITED = "edited", "Edited"
    SUBMITTED = "submitted", "Submitted"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned"
    DUE_CHANGED = "due_changed", "Due date changed"
    COMMENTED = "commented", "Commented"
    CORRECTED = "corrected", "Corrected"
    CORRECTION_CLOSED = "correction_closed", "Correction closed without change"
    # Reader feedback
    FEEDBACK_RECEIVED = "feedback_received", "Report received"
    FEEDBACK_ROUTED = "feedback_routed", "Report routed"
    FEEDBACK_UNROUTED = "feedback_unrouted", "Report left for the desk"
    FEEDBACK_GROUPED = "feedback_grouped", "Report grouped with an earlier one"
    FEEDBACK_REROUTED = "feedback_rerouted", "Report routed by staff"
    FEEDBACK_CONVERTED = "feedback_converted", "Report turned into a claim"
    FEEDBACK_MARKED_SPAM = "feedback_marked_spam", "Report marked as spam"
    FEEDBACK_RESOLVED = "feedback_resolved", "Report resolved"
    FEEDBACK_CORRECTION_OPENED = "feedback_correction_opened", "Correction opened from a report"
    FEEDBACK_CLOSED = "feedback_closed", "Report closed"
    # Sources: feeds and the speaker registry (the subject is named by kind and id)
    FEED_ADDED = "feed_added", "Feed added"
    FEED_EDITED = "feed_edited", "Feed edited"
    FEED_PAUSED = "feed_paused", "Feed paused"
    FEED_RESUMED = "feed_resumed", "Feed resumed"
    FEED_DELETED = "feed_deleted", "Feed deleted"
    SPEAKER_MERGED = "speaker_merged", "Speaker merged into another"
    # Ingestion
    ARTICLE_PARKED = "article_parked", "Article given up on"


class Subject(models.TextChoices):
    """What an event is about when it is neither a claim, a review nor a report.

    Named by kind and id rather than a foreign key: a deleted feed keeps its history."""

    FEED = "feed", "Feed"
    SPEAKER = "speaker", "Speaker"
    ARTICLE = "article", "Article"


@dataclass(frozen=True)
class Event:
    """One entry of the audit log: who did what to which claim, review or report."""

    action: Action
    actor: Any = None
    claim_id: int | None = None
    review_id: int | None = None
    feedback_id: int | None = None
    subject: str = ""
    subject_id: int | None = None
    from_state: str = ""
    to_state: str = ""
    note: str = ""
    changes: dict[str, Any] = field(default_factory=dict)


Writer = Callable[[Sequence[Event]], None]
_writer: list[Writer] = []


def connect_writer(writer: Writer) -> None:
    """Install the audit log's writer (reviews does, once, when Django starts)."""
    _writer[:] = [writer]


def record_events(events: Sequence[Event]) -> None:
    """Append `events` to the audit log in one statement, in the caller's transaction."""
    if not events:
        return
    if not _writer:
        raise ImproperlyConfigured("No audit log is installed: add `reviews` to INSTALLED_APPS.")
    _writer[0](events)


def record_event(
    *,
    action: Action,
    actor: Any = None,
    claim_id: int | None = None,
    review_id: int | None = None,
    feedback_id: int | None = None,
    subject: str = "",
    subject_id: int | None = None,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    changes: dict[str, Any] | None = None,
) -> None:
    """Append one event to the audit log, in the caller's transaction."""
    record_events(
        [
            Event(
                action=action,
                actor=actor,
                claim_id=claim_id,
                review_id=review_id,
                feedback_id=feedback_id,
                subject=subject,
                subject_id=subject_id,
                from_state=from_state,
                to_state=to_state,
                note=note,
                changes=changes or {},
            )
        ]
    )
