"""Page-number pagination that validates `page` and `page_size` instead of guessing.

DRF's own falls back to the default size on a negative `page_size` and hands
any `page` string to Django's paginator. Here both are whole numbers in a
stated range, or the request is a 400 naming the parameter; a page past the
last one is a 404, as in DRF.
"""

from typing import Any

from drf_spectacular.utils import OpenApiParameter
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from factcheck.numbers import MAX_INT, require_int


class ValidatedPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_number(self, request: Request, paginator: Any) -> int | str:
        raw = request.query_params.get(self.page_query_param)
        if raw is None or raw == "":
            return 1
        if raw in self.last_page_strings:
            return paginator.num_pages
        return require_int(raw, name=self.page_query_param, minimum=1, maximum=MAX_INT)

    def get_page_size(self, request: Request) -> int | None:
        raw = request.query_params.get(self.page_size_query_param or "")
        if raw is None or raw == "":
            return self.page_size
        return require_int(
            raw, name=self.page_size_query_param, minimum=1, maximum=self.max_page_size
        )

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.page_query_param: {"minimum": 1, "maximum": MAX_INT},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds[parameter["name"]])
        return parameters

    @classmethod
    def openapi_parameters(cls) -> list[OpenApiParameter]:
        """The same parameters, for views that paginate by hand (not a generic list view)."""
        return [
            OpenApiParameter(p["name"], p["schema"], description=p["description"])
            for p in cls().get_schema_operation_parameters(None)
        ]
