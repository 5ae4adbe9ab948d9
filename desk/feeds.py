"""Feeds and their health, with "poll now" and a form to add one."""

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from claims.models import Article, Feed
from claims.permissions import can_manage_feeds
from claims.pipeline.opml import MAX_OPML_BYTES
from claims.services.feeds import (
    feed_add,
    feed_delete,
    feed_poll_request,
    feed_preview,
    feed_update,
)
from claims.services.opml import feeds_export_opml, feeds_import_opml
from desk.common import answer, desk_view
from desk.forms import FeedEditForm, FeedForm
from factcheck.errors import DomainError, InvalidInput


def _may_manage(request: HttpRequest) -> None:
    if not can_manage_feeds(request.user):
        raise PermissionDenied


# The articles-in-trouble list: failures of the last week, newest first, this many at most.
TROUBLE_WINDOW = timedelta(days=7)
TROUBLE_LIMIT = 30


def _feeds() -> Any:
    return Feed.objects.with_article_count().with_recent_polls().order_by("name", "id")


def _articles_in_trouble() -> list[Article]:
    """Pending articles being retried or overdue, and the latest failures with reasons."""
    now = timezone.now()
    pending = Q(status=Article.Status.PENDING)
    trouble = (pending & (Q(retries__gt=0) | Q(next_attempt_at__lt=now))) | Q(
        status=Article.Status.FAILED, updated_at__gte=now - TROUBLE_WINDOW
    )
    articles = Article.objects.filter(trouble).select_related("feed").defer("text")
    return list(articles.order_by("-updated_at", "-id")[:TROUBLE_LIMIT])


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
        {
            "feeds": _feeds(),
            "troubled": _articles_in_trouble(),
            "form": form,
            "now": timezone.now(),
            **context,
        },
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


@desk_view
@require_POST
def feed_act(request: HttpRequest, feed_id: int, action: str) -> HttpResponse:
    """Pause, resume, edit or delete a feed; the outcome is a message on the feeds page."""
    _may_manage(request)
    feed = get_object_or_404(Feed, pk=feed_id)
    try:
        if action == "delete":
            feed_delete(actor=request.user, feed_id=feed.pk)
            text = f"Deleted {feed.name}; its articles and claims stay on the desk."
        elif action in {"pause", "resume"}:
            feed_update(actor=request.user, feed_id=feed.pk, paused=action == "pause")
            text = f"{'Paused' if action == 'pause' else 'Resumed'} {feed.name}."
        elif action == "edit":
            form = FeedEditForm(request.POST)
            if not form.is_valid():
                raise InvalidInput(" ".join(str(e) for errs in form.errors.values() for e in errs))
            feed = feed_update(
                actor=request.user,
                feed_id=feed.pk,
                name=form.cleaned_data["name"],
                poll_interval=form.cleaned_data["poll_minutes"] * 60,
            )
            text = f"Saved {feed.name}."
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, error.detail)
        return redirect("/desk/feeds/")
    messages.success(request, text)
    return redirect("/desk/feeds/")


@csrf_exempt  # checked by _opml_page, after the upload handler is chosen
def opml_page(request: HttpRequest) -> HttpResponse:
    """The one page that takes a file: a reader's OPML export.

    Everywhere else file parts are dropped unread (factcheck.limits.SkipFileParts).
    Here the file is kept, in memory only: the request body cap bounds it, and it
    is never written to disk. The CSRF check reads the form, so it runs after this.
    """
    if request.method == "POST":
        request.upload_handlers = [MemoryFileUploadHandler(request)]
    return _opml_page(request)


@csrf_protect
@desk_view
def _opml_page(request: HttpRequest) -> HttpResponse:
    """GET: download every feed as OPML. POST: upload a reader's OPML file and follow its feeds."""
    _may_manage(request)
    if request.method != "POST":
        response = HttpResponse(
            feeds_export_opml(actor=request.user), content_type="text/x-opml; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="feeds.opml"'
        return response
    upload = request.FILES.get("document")
    if upload is None:
        messages.error(request, "Choose an OPML file to import.")
        return redirect("/desk/feeds/")
    try:
        report = feeds_import_opml(actor=request.user, document=upload.read(MAX_OPML_BYTES + 1))
    except DomainError as error:
        messages.error(request, error.detail)
        return redirect("/desk/feeds/")
    refused = "; ".join(f"{item['url']}: {item['reason']}" for item in report.refused[:10])
    messages.success(
        request,
        f"Imported the list: {len(report.added)} added, {len(report.skipped)} skipped "
        f"(already followed), {len(report.refused)} refused{' — ' + refused if refused else ''}.",
    )
    return redirect("/desk/feeds/")
