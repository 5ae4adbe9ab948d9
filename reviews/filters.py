"""Query-string filters for the triage list and the review list."""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django_filters import rest_framework as filters

from claims.models import Appearance, Claim, ClaimQuerySet
from factcheck.filters import BoundedFilterSet, IdFilter, UtcIsoDateTimeFilter
from factcheck.numbers import parse_id
from reviews.models import Review, ReviewQuerySet

# ?ordering= value → ORDER BY. The id breaks ties so pages never overlap.
CLAIM_ORDERINGS = {
    "-priority": ("-priority", "-id"),
    "priority": ("priority", "id"),
    "-last_seen_at": ("-last_seen_at", "-id"),
    "recency": ("-last_seen_at", "-id"),
    "last_seen_at": ("last_seen_at", "id"),
    "-appearance_count": ("-appearance_count", "-id"),
    "reach": ("-appearance_count", "-id"),
    "-created_at": ("-created_at", "-id"),
}


class ClaimFilter(BoundedFilterSet):
    status = filters.ChoiceFilter(choices=Claim.Status.choices)
    official = filters.BooleanFilter()
    speaker = filters.CharFilter(
        method="filter_speaker", help_text="A speaker id, or part of a speaker's name."
    )
    outlet = filters.CharFilter(
        method="filter_outlet", help_text="Outlet of any article the claim appeared in."
    )
    seen_after = UtcIsoDateTimeFilter(field_name="last_seen_at", lookup_expr="gte")
    seen_before = UtcIsoDateTimeFilter(field_name="first_seen_at", lookup_expr="lte")
    q = filters.CharFilter(
        method="filter_q",
        max_length=200,
        help_text="Full-text search (web-search syntax): every word in the claim's statement "
        "or text, its speaker's name, title, aliases or body, or the content, article title "
        "or outlet of its latest sightings.",
    )
    ordering = filters.ChoiceFilter(
        choices=[(key, key) for key in CLAIM_ORDERINGS],
        method="filter_ordering",
        empty_label=None,
        help_text="-priority (default), priority, recency (= -last_seen_at), last_seen_at, "
        "reach (= -appearance_count), -created_at.",
    )

    class Meta:
        model = Claim
        fields = ["status", "official"]

    def filter_speaker(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if (speaker_id := parse_id(value)) is not None:
            return queryset.filter(speaker_id=speaker_id)
        return queryset.filter(speaker__name__icontains=value)

    def filter_outlet(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        sightings = Appearance.objects.filter(claim=OuterRef("pk"), article__outlet__iexact=value)
        return queryset.filter(Exists(sightings))

    def filter_q(self, queryset: ClaimQuerySet, name: str, value: str) -> QuerySet:
        return queryset.search(value)

    def filter_ordering(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.order_by(*CLAIM_ORDERINGS[value])


class ReviewFilter(BoundedFilterSet):
    state = filters.ChoiceFilter(choices=Review.State.choices)
    assignee = filters.CharFilter(method="filter_assignee", help_text="A user id or username.")
    overdue = filters.BooleanFilter(
        method="filter_overdue", help_text="Open reviews past their due date."
    )
    claim = IdFilter(field_name="claim_id")

    class Meta:
        model = Review
        fields = ["state", "claim"]

    def filter_assignee(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if (user_id := parse_id(value)) is not None:
            return queryset.filter(assignee_id=user_id)
        return queryset.filter(assignee__username=value)

    def filter_overdue(self, queryset: ReviewQuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        overdue = queryset.overdue(timezone.now())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
