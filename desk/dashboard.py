"""The dashboard: what the desk flagged, what waits, how fast and with what verdicts."""

import statistics
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from claims.models import Appearance, Claim, Speaker
from claims.services.links import link_precision_by_band
from desk import charts
from desk.common import desk_view
from reviews.models import Rating, Review, ReviewVersion
from reviews.publication import published_fact_checks

DAYS = 14
TOP_OUTLETS = 5
TOP_SPEAKERS = 8
PUBLICATION_WINDOW = timedelta(days=90)
# "False" on the dashboard: the bottom of the numeric scale (False, Mostly false).
FALSE_AT_MOST = 2


@desk_view
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    days = [today - timedelta(days=n) for n in range(DAYS - 1, -1, -1)]
    flagged = flagged_per_day(days)
    backlog = backlog_by_state()
    median, weekly = time_to_publication()
    verdicts = verdicts_by_rating()
    by_claims, by_false = top_speakers()
    context: dict[str, Any] = {
        "flagged": flagged,
        "flagged_svg": mark_safe(  # the chart builders escape every label
            charts.stacked_columns(
                [day.strftime("%-d %b") for day in days],
                flagged["series"],
                title=f"Claims flagged per day by outlet, last {DAYS} days",
            )
        ),
        "backlog": backlog,
        "backlog_svg": mark_safe(charts.bar_chart(backlog, title="Backlog by state")),
        "median_hours": median,
        "weekly": weekly,
        "weekly_svg": mark_safe(
            charts.bar_chart(
                weekly, title="Median hours from flag to publication, by week", unit=" h"
            )
        ),
        "verdicts": verdicts,
        "verdicts_svg": mark_safe(charts.bar_chart(verdicts, title="Published verdicts by rating")),
        "by_claims": by_claims,
        "by_claims_svg": mark_safe(charts.bar_chart(by_claims, title="Top speakers by claims")),
        "by_false": by_false,
        "by_false_svg": mark_safe(
            charts.bar_chart(by_false, title="Top speakers by false or mostly false verdicts")
        ),
        "precision": [band for band in link_precision_by_band() if band["decided"]],
    }
    return render(request, "desk/dashboard.html", context)


def flagged_per_day(days: list[date]) -> dict[str, Any]:
    """Claims flagged per day, split by the outlet they were first seen in."""
    first_outlet = (
        Appearance.objects.filter(claim=OuterRef("pk"))
        .order_by("created_at", "id")
        .values("article__outlet")[:1]
    )
    rows = (
        Claim.objects.filter(created_at__date__gte=days[0])
        .annotate(day=TruncDate("created_at"), outlet=Subquery(first_outlet))
        .order_by()
        .values("day", "outlet")
        .annotate(n=Count("id"))
    )
    counts: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    for row in rows:
        outlet = row["outlet"] or "No outlet"
        counts[outlet][row["day"]] += row["n"]
        totals[outlet] += row["n"]
    top = [outlet for outlet, _ in totals.most_common(TOP_OUTLETS)]
    series = [(outlet, [counts[outlet][day] for day in days]) for outlet in top]
    rest = [outlet for outlet in counts if outlet not in top]
    if rest:
        series.append(("Other outlets", [sum(counts[o][day] for o in rest) for day in days]))
    return {
        "series": series,
        "totals": [(name, sum(values)) for name, values in series],
        "total": sum(totals.values()),
        "days": days,
    }


def backlog_by_state() -> list[tuple[str, float]]:
    claims = Claim.objects.awaiting_triage().count()
    reviews = dict(Review.objects.open().order_by().values_list("state").annotate(n=Count("id")))
    return [
        ("Flagged, not assigned", claims),
        ("Assigned", reviews.get(Review.State.ASSIGNED, 0)),
        ("In progress", reviews.get(Review.State.IN_PROGRESS, 0)),
        ("Submitted to editors", reviews.get(Review.State.SUBMITTED, 0)),
    ]


def time_to_publication() -> tuple[float | None, list[tuple[str, float]]]:
    """Median hours from a claim being flagged to its first publication, overall and by week.

    Computed in Python over a bounded window, so it is the same on SQLite and PostgreSQL.
    """
    since = timezone.now() - PUBLICATION_WINDOW
    firsts = ReviewVersion.objects.filter(number=1, published_at__gte=since).values_list(
        "published_at", "review__claim__created_at"
    )
    hours: list[float] = []
    weeks: dict[date, list[float]] = defaultdict(list)
    for published_at, flagged_at in firsts:
        elapsed = max(0.0, (published_at - flagged_at).total_seconds() / 3600)
        hours.append(elapsed)
        day = timezone.localtime(published_at).date()
        weeks[day - timedelta(days=day.weekday())].append(elapsed)
    weekly = [
        (f"week of {week.strftime('%-d %b')}", round(statistics.median(values), 1))
        for week, values in sorted(weeks.items())
    ]
    return (round(statistics.median(hours), 1) if hours else None), weekly


def verdicts_by_rating() -> list[tuple[str, float]]:
    counts = Counter(
        published_fact_checks()  # type: ignore[misc]  # an annotation; stubs know model fields
        .order_by()
        .values_list("current_rating_slug", flat=True)
    )
    return [(rating.label, counts.get(rating.slug, 0)) for rating in Rating.objects.all()]


def top_speakers() -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    by_claims = (
        Speaker.objects.annotate(n=Count("claims"))
        .filter(n__gt=0)
        .order_by("-n", "name")
        .values_list("name", "n")[:TOP_SPEAKERS]
    )
    false_slugs = list(
        Rating.objects.filter(value__lte=FALSE_AT_MOST).values_list("slug", flat=True)
    )
    latest = ReviewVersion.objects.filter(review=OuterRef("pk")).order_by("-number")
    false = (
        Review.objects.annotate(current=Subquery(latest.values("rating__slug")[:1]))
        .filter(current__in=false_slugs, claim__speaker__isnull=False)
        .order_by()
        .values("claim__speaker__name")
        .annotate(n=Count("id"))
        .order_by("-n", "claim__speaker__name")[:TOP_SPEAKERS]
    )
    return (
        [(name, n) for name, n in by_claims],
        [(row["claim__speaker__name"], row["n"]) for row in false],
    )
