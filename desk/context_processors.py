"""The desk navigation: what needs this person now, with counts."""

from typing import Any

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.external_models import FactCheckSource
from claims.models import Claim, Feed
from reviews import permissions
from reviews.models import Feedback, Review
from reviews.notifications import unread
from reviews.roles import role_of

NAV_COUNT_CAP = 999


def capped(count: int) -> int | str:
    return f"{NAV_COUNT_CAP}+" if count > NAV_COUNT_CAP else count


def counted_together(queries: list[QuerySet]) -> list[int]:
    """How many rows each query finds, in one round trip: on a busy server each query
    waits its turn for a CPU, and the nav is on every desk page."""
    selects, params = [], []
    for n, rows in enumerate(queries):
        sql, query_params = rows.query.get_compiler(using=rows.db).as_sql()
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted_{n})")
        params.extend(query_params)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(selects)}", params)
        row = cursor.fetchone()
    return list(row) if row else [0] * len(queries)


def desk_nav(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    role = role_of(user) if user is not None else None
    if role is None or not isinstance(user, User):  # a role is held by a signed-in User
        return {"desk_nav": None}
    is_editor = permissions.is_editor(user)
    # Each badge's rows, counted below in one query; the triage queue only up to its cap.
    items: list[dict[str, Any]] = [
        {
            "label": "Triage",
            "url": "/desk/",
            "rows": Claim.objects.awaiting_triage(),
            "capped": True,
        },
        {
            "label": "My reviews",
            "url": "/desk/reviews/",
            "rows": Review.objects.open()
            .filter(assignee=user)
            .exclude(state=Review.State.SUBMITTED),
        },
    ]
    if is_editor:
        items.append(
            {
                "label": "Editors' queue",
                "url": "/desk/editor/",
                "rows": Review.objects.filter(state=Review.State.SUBMITTED),
            }
        )
    items.append(
        {
            "label": "Feedback",
            "url": "/desk/feedback/",
            # Open reports (unrouted or routed, not yet resolved); repeats count once.
            "rows": Feedback.objects.filter(
                status__in=(Feedback.Status.NEW, Feedback.Status.ROUTED), duplicate_of__isnull=True
            ),
        }
    )
    if is_editor:
        items.append(
            {
                "label": "Feeds",
                "url": "/desk/feeds/",
                "rows": Feed.objects.filter(active=True, consecutive_failures__gt=0),
            }
        )
        items.append(
            {
                "label": "Fact-check sources",
                "url": "/desk/factcheck-sources/",
                "rows": FactCheckSource.objects.filter(active=True, consecutive_failures__gt=0),
            }
        )
    items += [
        {"label": "Speakers", "url": "/desk/speakers/", "count": 0},
        {"label": "Dashboard", "url": "/desk/dashboard/", "count": 0},
        {
            "label": "Notifications",
            "url": "/desk/notifications/",
            "rows": unread(user),
            "count_label": "unread",
        },
    ]
    counted = [item for item in items if "rows" in item]
    queries = []
    for item in counted:
        rows = item.pop("rows").order_by().values("pk")
        queries.append(rows[: NAV_COUNT_CAP + 1] if item.get("capped") else rows)
    for item, count in zip(counted, counted_together(queries), strict=True):
        item["count"] = capped(count) if item.pop("capped", False) else count
    return {"desk_nav": {"role": role, "items": items}}
