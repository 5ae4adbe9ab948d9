"""The desk navigation: what needs this person now, with counts."""

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.external_models import FactCheckSource
from claims.models import Claim, Feed
from reviews import permissions
from reviews.models import Feedback, Review
from reviews.notifications import unread
from reviews.roles import role_of

NAV_COUNT_CAP = 999


def capped_count(rows: QuerySet) -> int | str:
    """How many, counting no further than the cap: on every page, a queue of a million
    flagged claims would otherwise be counted in full (0.6 s) for a badge."""
    found = rows.order_by().values("pk")[: NAV_COUNT_CAP + 1].count()
    return f"{NAV_COUNT_CAP}+" if found > NAV_COUNT_CAP else found


def desk_nav(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    role = role_of(user) if user is not None else None
    if role is None or not isinstance(user, User):  # a role is held by a signed-in User
        return {"desk_nav": None}
    is_editor = permissions.is_editor(user)
    items = [
        {
            "label": "Triage",
            "url": "/desk/",
            "count": capped_count(Claim.objects.awaiting_triage()),
        },
        {
            "label": "My reviews",
            "url": "/desk/reviews/",
            "count": Review.objects.open()
            .filter(assignee=user)
            .exclude(state=Review.State.SUBMITTED)
            .count(),
        },
    ]
    if is_editor:
        items.append(
            {
                "label": "Editors' queue",
                "url": "/desk/editor/",
                "count": Review.objects.filter(state=Review.State.SUBMITTED).count(),
            }
        )
    items.append(
        {
            "label": "Feedback",
            "url": "/desk/feedback/",
            # Open reports (unrouted or routed, not yet resolved); repeats count once.
            "count": Feedback.objects.filter(
                status__in=(Feedback.Status.NEW, Feedback.Status.ROUTED), duplicate_of__isnull=True
            ).count(),
        }
    )
    if is_editor:
        items.append(
            {
                "label": "Feeds",
                "url": "/desk/feeds/",
                "count": Feed.objects.filter(active=True, consecutive_failures__gt=0).count(),
            }
        )
        items.append(
            {
                "label": "Fact-check sources",
                "url": "/desk/factcheck-sources/",
                "count": FactCheckSource.objects.filter(
                    active=True, consecutive_failures__gt=0
                ).count(),
            }
        )
    items += [
        {"label": "Speakers", "url": "/desk/speakers/", "count": 0},
        {"label": "Dashboard", "url": "/desk/dashboard/", "count": 0},
        {
            "label": "Notifications",
            "url": "/desk/notifications/",
            "count": unread(user).count(),
            "count_label": "unread",
        },
    ]
    return {"desk_nav": {"role": role, "items": items}}
