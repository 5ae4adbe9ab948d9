"""Error answers outside DRF's views: JSON under /api/, the site's own pages elsewhere.

Django answers an unknown route, a refused request or a crash with an HTML
page. API clients parse every answer as JSON, so under /api/ each of those is
`{"detail": ...}` with the same status instead.
"""

import logging
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views import defaults
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from factcheck.errors import QueueUnavailable

API_PREFIX = "/api/"
logger = logging.getLogger(__name__)


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Bad request."}, status=400)
    # Django's default renders without the request, so without the context processors
    # (the brand). Nothing here reads the host, so a forged Host header renders too.
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return JsonResponse(
            {"detail": "You do not have permission to perform this action."}, status=403
        )
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Server error; it has been logged."}, status=500)
    return defaults.server_error(request)


class JsonErrors:
    """For API views that render YAML or HTML when all is well (schema, docs):
    their errors are JSON like every other API error."""

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        if isinstance(response, Response) and response.status_code >= 400:
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]


class QueueOutagePages:
    """A page whose change is saved but whose work could not be queued answers 503 with
    what happened, not a 500: the sweep or the next poll picks the work up. (The API
    answers the same through its exception handler.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, QueueUnavailable) or is_api(request):
            return None
        logger.warning("%s %s: %s", request.method, request.path, exception.detail)
        return render(request, "503.html", {"detail": exception.detail}, status=503)
