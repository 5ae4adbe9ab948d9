"""Pagination whose count stays cheap on a million-row triage table."""

from functools import cached_property
from typing import Any, cast

from django.core.paginator import Paginator
from rest_framework.response import Response

from claims.models import ClaimQuerySet
from factcheck.pagination import ValidatedPagination

COUNT_CAP = 10_000
# Counting a text search reads a table row per match (a GIN index cannot answer alone):
# 10,000 of them cost ~100 ms on a million claims, 1,000 cost ~5 ms.
SEARCH_COUNT_CAP = 1_000


class CappedPaginator(Paginator):
    """Counts at most cap + 1 claims (`ClaimQuerySet.capped_count`), not every match."""

    object_list: ClaimQuerySet

    @cached_property
    def cap(self) -> int:
        return COUNT_CAP

    @cached_property
    def count(self) -> int:
        return self.object_list.capped_count(self.cap)


class SearchCappedPaginator(CappedPaginator):
    """The API's: a text search is counted only up to SEARCH_COUNT_CAP."""

    @cached_property
    def cap(self) -> int:
        return SEARCH_COUNT_CAP if self.object_list.searched else COUNT_CAP


class TriagePagination(ValidatedPagination):
    django_paginator_class = SearchCappedPaginator

    def get_paginated_response(self, data: Any) -> Response:
        page = self.page
        assert page is not None  # set by paginate_queryset, which runs first
        paginator = cast(CappedPaginator, page.paginator)
        count, cap = paginator.count, paginator.cap
        return Response(
            {
                "count": min(count, cap),
                "count_capped": count > cap,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"]["description"] = (
            f"Number of matching claims, counted up to {COUNT_CAP} "
            f"({SEARCH_COUNT_CAP} when `q` is given)."
        )
        response["properties"]["count_capped"] = {
            "type": "boolean",
            "description": "True when more claims match than were counted; `count` is then "
            "a lower bound. Narrow the filters rather than paging that far.",
        }
        return response
