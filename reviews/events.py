"""The audit log's writer, plugged into `claims.events` when Django starts.

Everyone records through `claims.events.record_event(s)`; this is the only code
that inserts `ReviewEvent` rows, and so the one place that hands each new event to
the notifications (which queue their work after commit).
"""

from collections.abc import Sequence

from claims.events import Event
from reviews.models import ReviewEvent
from reviews.notifications import event_recorded


def write_events(events: Sequence[Event]) -> None:
    written = ReviewEvent.objects.bulk_create(
        ReviewEvent(
            action=event.action,
            actor=event.actor,
            claim_id=event.claim_id,
            review_id=event.review_id,
            feedback_id=event.feedback_id,
            subject=event.subject,
            subject_id=event.subject_id,
            from_state=event.from_state,
            to_state=event.to_state,
            note=event.note,
            changes=event.changes,
        )
        for event in events
    )
    for row in written:
        event_recorded(row)
