"""The API's one view style: a ViewSet per resource, registered on a router.

Lists, details and the single actions on a resource (`@action`) are methods of
its ViewSet; `claims/api/urls.py` and `reviews/api/urls.py` register them on a
`SimpleRouter(use_regex_path=False)`.
"""

from django.db.models import QuerySet
from rest_framework import viewsets


# No docstring: drf-spectacular would take it as the description of every operation.
class ViewSet(viewsets.GenericViewSet):
    # Path ids through the `id` converter (factcheck/numbers.py): too long is no route.
    lookup_value_converter = "id"

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Query-string filters narrow a list; they never hide the object a URL names.
        return queryset if self.detail else super().filter_queryset(queryset)
