"""The one place where exceptions become HTTP error responses.

Every error body is JSON with a `detail`; field-level validation problems are
kept under `errors` so clients can show them next to the right input.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from factcheck.errors import DomainError


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        return Response({"detail": exc.detail, **exc.extra}, status=exc.status_code)
    if isinstance(exc, RequestDataTooBig):
        return Response(
            {"detail": "Request body is too large."},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, ValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    # Validation errors are keyed by field; give them a readable `detail` too.
    if not isinstance(response.data, dict) or "detail" not in response.data:
        response.data = {"detail": _first_message(response.data), "errors": response.data}
    return response


def _first_message(data: Any, prefix: str = "") -> str:
    """A readable one-line summary of a nested DRF error structure."""
    if isinstance(data, dict):
        for key, value in data.items():
            label = "" if key in ("non_field_errors", "detail") else f"{key}: "
            return _first_message(value, prefix + label)
    if isinstance(data, list) and data:
        return _first_message(data[0], prefix)
    return f"{prefix}{data}" if data else "Invalid input."
