"""Requests refused before any view reads them, and file parts never stored.

1. A body larger than FACTCHECK_MAX_REQUEST_BODY is refused from its
   Content-Length alone, before a byte of it is read (413). Under WSGI a
   request body is never read past its Content-Length, so this is the cap.
2. Nothing takes files. The API parses no multipart at all (415, settings'
   DEFAULT_PARSER_CLASSES); a page's form may come as multipart, but a file part
   in it is skipped by SkipFileParts, never written to a temporary file (which
   DATA_UPLOAD_MAX_MEMORY_SIZE alone would not prevent).
3. A NUL in the path, the query string or a form body is refused (400):
   PostgreSQL cannot store or compare one, and no name, search or id contains
   one. (JSON bodies: factcheck/parsers.py.)
"""

from collections.abc import Callable

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from factcheck.error_views import is_api

Refusal = tuple[int, str, str]

TOO_LARGE: Refusal = (413, "Request body is too large.", "413.html")
NUL: Refusal = (400, "NUL characters are not accepted.", "400.html")
FORM = "application/x-www-form-urlencoded"


def refusal(request: HttpRequest) -> Refusal | None:
    """Why this request is refused unread, if it is."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0  # Django reads a malformed length as no body at all
    if length > settings.FACTCHECK_MAX_REQUEST_BODY:
        return TOO_LARGE
    query = request.META.get("QUERY_STRING", "")
    if "\x00" in request.path or "%00" in query or "\x00" in query:
        return NUL
    if request.META.get("CONTENT_TYPE", "").lower().startswith(FORM) and (
        b"%00" in request.body or b"\x00" in request.body
    ):
        return NUL
    return None


class RequestLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refused = refusal(request)
        if refused is None:
            return self.get_response(request)
        status, detail, template = refused
        if is_api(request):
            return JsonResponse({"detail": detail}, status=status)
        return render(request, template, {"detail": detail}, status=status)


class SkipFileParts(FileUploadHandler):
    """The only upload handler: a file part is read past and dropped, never stored."""

    def new_file(self, *args: object, **kwargs: object) -> None:
        raise SkipFile("No page takes files.")

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        return None

    def file_complete(self, file_size: int) -> None:
        return None
