"""Pagination whose count stays cheap on a million-row triage table."""

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP + 1 rows instead of every row that matches.

    Ordering and annotations are dropped first: any COUNT_CAP + 1 matching ids
    will do, and the database need not sort or compute anything to find them.
    """

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by().values("pk")[: COUNT_CAP + 1].count()


class TriagePagination(PageNumberPagination):
    django_paginator_class = CappedPaginator
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_paginated_response(self, data: Any) -> Response:
        count = self.page.paginator.count
        return Response(
            {
                "count": min(count, COUNT_CAP),
                "count_capped": count > COUNT_CAP,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"]["description"] = (
            f"Number of matching claims, counted up to {COUNT_CAP}."
        )
        response["properties"]["count_capped"] = {
            "type": "boolean",
            "description": f"True when more than {COUNT_CAP} claims match; `count` is then "
            "a lower bound. Narrow the filters rather than paging that far.",
        }
        return response


class StaffPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100
