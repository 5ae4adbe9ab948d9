"""What every desk view shares: who may enter, how an action reports back."""

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from reviews import permissions

View = Callable[..., HttpResponse]


def desk_view(view: View) -> View:
    """Signed-in desk staff only: anonymous → sign-in page, no role → styled 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.is_desk_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def editor_view(view: View) -> View:
    """Editors (and admins) only; checked before the method, so a checker gets 403 on any."""

    @desk_view
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def is_htmx(request: HttpRequest) -> bool:
    # Set by django-htmx's middleware from the HX-Request header.
    return bool(request.htmx)  # type: ignore[attr-defined]


def answer(
    request: HttpRequest,
    *,
    template: str,
    context: dict[str, Any],
    text: str,
    level: int = messages.SUCCESS,
    back: str,
) -> HttpResponse:
    """Report the outcome of an action.

    htmx: the fragment that changed, plus an HX-Trigger event desk.js turns
    into a status message (announced to screen readers). Without JavaScript:
    a message for the next page and a redirect back to where the form was.
    """
    if is_htmx(request):
        response = render(request, template, context)
        response["HX-Trigger"] = json.dumps(
            {"desk-message": {"text": text, "level": messages.DEFAULT_TAGS[level]}}
        )
        return response
    messages.add_message(request, level, text)
    return redirect(back)


def safe_back(request: HttpRequest, default: str) -> str:
    """Where to return after a plain form post: the page it came from, if on this site."""
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return target
    return default
