"""Who hears about what: notifications on the desk and by email, one per person per event.

A service that records an event passes it to `event_recorded`; after commit a
worker runs `notify_for_event`, which works out who should hear of it, stores
one notification each and emails those who want email. Due dates are watched
by a beat task (`notify_due`). The unique (recipient, key) constraint makes
every step safe to repeat: a redelivered task adds nothing and sends nothing twice.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import BadHeaderError, send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from claims.events import Action
from factcheck.queue import task_named
from reviews import permissions
from reviews.corrections import header_text
from reviews.models import Notification, NotificationSettings, Review, ReviewEvent

logger = logging.getLogger(__name__)

Kind = Notification.Kind
NOTIFYING = frozenset(
    {
        Action.ASSIGNED,
        Action.REASSIGNED,
        Action.RETURNED,
        Action.APPROVED,
        Action.COMMENTED,
        Action.FEEDBACK_ROUTED,
        Action.FEEDBACK_REROUTED,
    }
)
DUE_SOON = timedelta(hours=24)


def event_recorded(event: ReviewEvent) -> None:
    """Queue the notifications an event calls for, to be worked out once it is committed."""
    if event.action in NOTIFYING:
        transaction.on_commit(lambda: _enqueue(event.pk))


def _enqueue(event_id: int) -> None:
    """Hand the event to a worker without ever holding up or failing the person's request.

    No publish retries: with the broker down, the notification is lost (and logged)
    rather than the page hanging; the change itself is already committed.
    """
    try:
        task_named("reviews.notify_event").apply_async((event_id,), retry=False)
    except Exception:  # the broker's errors vary by transport; none may reach the person
        logger.exception("notifications for event %s not queued", event_id)


@dataclass(frozen=True)
class Planned:
    recipient: User
    kind: str
    text: str


def _claim(review: Review) -> str:
    return header_text(review.claim.text, 120)


def followers(review: Review) -> set[User]:
    """Everyone on the desk who has worked on the review: its checker and whoever acted on it."""
    people = {review.assignee}
    if review.assigned_by is not None:
        people.add(review.assigned_by)
    acted = ReviewEvent.objects.filter(review=review, actor__isnull=False).select_related("actor")
    people |= {event.actor for event in acted if event.actor is not None}
    return {person for person in people if permissions.is_desk_staff(person)}


def authors(review: Review) -> set[User]:
    """Who wrote or edited the fact-check: its checkers and everyone who edited its verdict."""
    people = {review.assignee}
    people |= {version.author for version in review.versions.select_related("author")}
    edits = ReviewEvent.objects.filter(review=review, action=Action.EDITED, actor__isnull=False)
    people |= {event.actor for event in edits.select_related("actor") if event.actor is not None}
    return {person for person in people if permissions.is_desk_staff(person)}


def plan(event: ReviewEvent) -> list[Planned]:
    """The notifications one event calls for (before leaving out the person who acted)."""
    review = event.review
    if review is None:
        return []
    who = event.actor_name
    action = event.action
    if action in (Action.ASSIGNED, Action.REASSIGNED) and "assignee" in event.changes:
        return [Planned(review.assignee, Kind.ASSIGNED, f"{who} assigned you: {_claim(review)}")]
    if action == Action.RETURNED:
        note = header_text(event.note, 200)
        return [Planned(review.assignee, Kind.RETURNED, f"{who} returned your review: {note}")]
    if action == Action.APPROVED:
        return [
            Planned(
                review.assignee,
                Kind.PUBLISHED,
                f"{who} published your fact-check: {_claim(review)}",
            )
        ]
    if action == Action.COMMENTED:
        text = header_text(event.note, 200)
        mentioned = set(event.changes.get("mentions", []))
        planned = []
        for person in followers(review) | set(_users(mentioned)):
            if person.get_username() in mentioned:
                planned.append(Planned(person, Kind.MENTION, f"{who} mentioned you: {text}"))
            else:
                planned.append(Planned(person, Kind.COMMENT, f"{who} commented: {text}"))
        return planned
    if action in (Action.FEEDBACK_ROUTED, Action.FEEDBACK_REROUTED) and review.versions.exists():
        text = f"A reader reported a problem with your fact-check: {_claim(review)}"
        return [Planned(person, Kind.REPORT, text) for person in authors(review)]
    return []


def _users(usernames: set[str]) -> list[User]:
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(username__in=usernames, is_active=True))


def notify_for_event(event_id: int) -> int:
    """Store the event's notifications (once) and email them; returns how many were emailed."""
    event = (
        ReviewEvent.objects.select_related("actor", "review__claim", "review__assignee")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return 0
    notifications = [
        Notification(
            recipient=item.recipient,
            kind=item.kind,
            review=event.review,
            event=event,
            key=f"event:{event.pk}",
            text=item.text[:500],
        )
        for item in plan(event)
        if item.recipient.pk != event.actor_id
    ]
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    return email_pending(Notification.objects.filter(event=event))


def notify_due(now: datetime) -> int:
    """Tell checkers about open reviews due within a day or overdue, once per due date.

    Submitted reviews wait for an editor, so their checker is not chased.
    """
    open_reviews = (
        Review.objects.open()
        .exclude(state=Review.State.SUBMITTED)
        .filter(due_at__isnull=False, due_at__lte=now + DUE_SOON)
        .select_related("assignee", "claim")
    )
    keys = []
    notifications = []
    for review in open_reviews.iterator():
        if review.due_at is None:  # filtered out above; says so to the type checker
            continue
        overdue = review.due_at < now
        kind = Kind.OVERDUE if overdue else Kind.DUE_SOON
        when = timezone.localtime(review.due_at).strftime("%d %b %H:%M")
        text = f"{'Overdue since' if overdue else 'Due'} {when}: {_claim(review)}"
        key = f"{kind}:{review.pk}:{review.due_at.isoformat()}"
        keys.append(key)
        notifications.append(
            Notification(
                recipient=review.assignee, kind=kind, review=review, key=key, text=text[:500]
            )
        )
    Notification.objects.bulk_create(notifications, ignore_conflicts=True, batch_size=500)
    return email_pending(Notification.objects.filter(key__in=keys))


def email_pending(notifications: QuerySet[Notification]) -> int:
    """Email the notifications not emailed yet, to people with an address who want email.

    Each is sent in its own transaction holding its row (skipping rows another run
    holds) and marked only once sent, so a failure leaves it for the retry.
    """
    pending = (
        notifications.filter(emailed_at__isnull=True, recipient__is_active=True)
        .exclude(recipient__email="")
        .exclude(recipient__notification_settings__email=False)
    )
    sent = 0
    for notification_id in list(pending.values_list("pk", flat=True)):
        with transaction.atomic():
            notification = (
                Notification.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("recipient", "review")
                .filter(pk=notification_id, emailed_at__isnull=True)
                .first()
            )
            if notification is None:
                continue
            try:
                send_mail(*notification_email(notification), None, [notification.recipient.email])
            except BadHeaderError:
                logger.error("notification %s not emailed: bad header", notification.pk)
                continue
            notification.emailed_at = timezone.now()
            notification.save(update_fields=["emailed_at"])
        sent += 1
    return sent


def notification_email(notification: Notification) -> tuple[str, str]:
    subject = (
        f"[Factcheck desk] {notification.get_kind_display()}: {header_text(notification.text)}"
    )
    link = settings.FACTCHECK_SITE_URL + (
        f"/desk/reviews/{notification.review_id}/" if notification.review_id else "/desk/"
    )
    body = (
        f"{notification.text}\n\n{link}\n\n"
        "You get these emails as a member of the desk. Turn them off at "
        f"{settings.FACTCHECK_SITE_URL}/desk/notifications/\n"
    )
    return subject, body


def unread(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user, read_at__isnull=True)


@transaction.atomic
def notification_read(*, notification_id: int, user: User) -> Notification | None:
    """Mark one of the user's notifications read; None if it is not theirs."""
    notification = (
        Notification.objects.select_for_update().filter(pk=notification_id, recipient=user).first()
    )
    if notification is not None and notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_read_all(*, user: User) -> int:
    return unread(user).update(read_at=timezone.now())


def wants_email(user: User) -> bool:
    choice = NotificationSettings.objects.filter(user=user).first()
    return choice is None or choice.email


@transaction.atomic
def notification_email_set(*, user: User, email: bool) -> None:
    NotificationSettings.objects.update_or_create(user=user, defaults={"email": email})
