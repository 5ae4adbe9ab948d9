"""Feeds and their health, with "poll now" and a form to add one."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from claims.models import Feed
from claims.permissions import can_manage_feeds
from claims.services.feeds import feed_add, feed_poll_request, feed_preview
from desk.common import answer, desk_view
from desk.forms import FeedForm
from factcheck.errors import DomainError


def _may_manage(request: HttpRequest) -> None:
    if not can_manage_feeds(request.user):
        raise PermissionDenied


def _feeds() -> Any:
    return Feed.objects.with_article_count().order_by("name", "id")


@desk_view
def feeds_page(request: HttpRequest) -> HttpResponse:
    """List the feeds; adding one is two steps: check (preview or pick a feed), then add."""
    _may_manage(request)
    form = FeedForm()
    context: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form = FeedForm(request.POST)
        if form.is_valid():
            try:
                if request.POST.get("step") == "add":
                    feed = feed_add(actor=request.user, **form.cleaned_data)
                    messages.success(
                        request, f"Added {feed.name}; it was checked and its first poll is queued."
                    )
                    return redirect("/desk/feeds/")
                context["preview"] = feed_preview(actor=request.user, url=form.cleaned_data["url"])
            except DomainError as error:
                form.add_error("url", error.detail)
                context["candidates"] = error.extra.get("candidates", [])
        if "preview" not in context:
            status = 400
    return render(
        request,
        "desk/feeds.html",
        {"feeds": _feeds(), "form": form, "now": timezone.now(), **context},
        status=status,
    )


@desk_view
@require_POST
def poll_now(request: HttpRequest, feed_id: int) -> HttpResponse:
    _may_manage(request)
    feed = get_object_or_404(Feed, pk=feed_id)
    feed_poll_request(actor=request.user, feed=feed)
    text = f"Polling {feed.name} now; new articles appear in a minute."
    return answer(
        request,
        template="desk/partials/feed_row.html",
        context={
            "feed": _feeds().get(pk=feed.pk),
            "note": text,
            "level": "success",
            "now": timezone.now(),
        },
        text=text,
        level=messages.SUCCESS,
        back="/desk/feeds/",
    )
