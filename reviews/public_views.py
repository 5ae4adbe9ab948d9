"""Public pages: the fact-check list and pages, their RSS feed, the feedback form."""

import math
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from factcheck.auth import client_ip
from factcheck.errors import InvalidInput
from reviews.feedback import MAX_LENGTHS, feedback_submit
from reviews.models import Feedback, Rating, ReviewVersion
from reviews.publication import (
    FactCheck,
    Scale,
    claim_review,
    fact_check_url,
    json_ld,
    published_fact_checks,
    sanitise_html,
    search_fact_checks,
)
from reviews.throttling import feedback_wait

PAGE_SIZE = 20
DESCRIPTION_LENGTH = 200  # characters a search result shows


def fact_check_list(request: HttpRequest) -> HttpResponse:
    filters = {name: request.GET.get(name, "").strip()[:200] for name in ("q", "rating", "speaker")}
    reviews = search_fact_checks(published_fact_checks(), **filters)
    page = Paginator(reviews, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode({name: value for name, value in filters.items() if value})
    return render(
        request,
        "reviews/public/fact_check_list.html",
        {
            "page": page,
            "fact_checks": [FactCheck.of(review) for review in page],
            "filters": filters,
            "query": query,
            "ratings": Rating.objects.all(),
        },
    )


def fact_check_detail(request: HttpRequest, slug: str) -> HttpResponse:
    review = published_fact_checks().filter(slug=slug).first()
    if review is None:
        raise Http404("No published fact-check here.")
    fact_check = FactCheck.of(review)
    # The evidence frozen with the published version: drafts of a correction stay private.
    evidence = fact_check.current.evidence
    report = urlencode({"url": fact_check.url})
    quote = fact_check.first_appearance
    return render(
        request,
        "reviews/public/fact_check_detail.html",
        {
            "fc": fact_check,
            "description": description(fact_check),
            "byline": byline(fact_check.current),
            "quote": quote,
            "quote_href": _http(quote.article.url) if quote else "",
            "explanation": sanitise_html(fact_check.current.explanation),
            "evidence": [(item, _http(item["url"])) for item in evidence],
            "appearances": [(a, _http(a.article.url)) for a in fact_check.appearances],
            "claim_review": json_ld(claim_review(fact_check, Scale.current())),
            "report_url": f"/feedback/?{report}",
        },
    )


def ratings(request: HttpRequest) -> HttpResponse:
    """The verdict scale and how the desk arrives at a verdict: linked from every page."""
    return render(request, "reviews/public/ratings.html", {"ratings": Rating.objects.all()})


def description(fact_check: FactCheck) -> str:
    """One line for search results and link previews: the verdict on the statement."""
    text = f"{fact_check.current.rating.label}: {fact_check.statement}"
    return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1] + "…"


def byline(version: ReviewVersion) -> str:
    """ "By Alice Moreau. Edited by Erin Vos.", as FACTCHECK_BYLINE asks."""
    parts = []
    if "checker" in settings.FACTCHECK_BYLINE:
        parts.append(f"By {_name(version.author)}.")
    if "editor" in settings.FACTCHECK_BYLINE:
        parts.append(f"Edited by {_name(version.approved_by)}.")
    return " ".join(parts)


def _name(user: Any) -> str:
    return user.get_full_name() or user.get_username()


def _http(url: str) -> str:
    """A link only when it is a web address: never javascript: or data: in an href."""
    return url if url.startswith(("https://", "http://")) else ""


class FactCheckFeed(Feed):
    description = "Fact-checks as they are published and corrected."
    link = "/fact-checks/"

    def title(self) -> str:
        return f"{settings.FACTCHECK_PUBLISHER_NAME}: fact-checks"

    def items(self) -> list[FactCheck]:
        return [FactCheck.of(review) for review in published_fact_checks()[:50]]

    def item_title(self, item: FactCheck) -> str:
        return item.headline

    def item_description(self, item: FactCheck) -> str:
        """The statement checked and its verdict, the summary, then every correction note
        with its date, newest first."""
        notes = [
            f"Correction, {version.published_at:%-d %B %Y}: {version.correction_note}"
            for version in reversed(item.corrections)
            if version.correction_note
        ]
        verdict = f"{item.statement} Our verdict: {item.current.rating.label}."
        return "\n\n".join([verdict, item.current.summary, *notes])

    def item_link(self, item: FactCheck) -> str:
        return fact_check_url(item.review)

    def item_guid(self, item: FactCheck) -> str:
        return fact_check_url(item.review)

    def item_pubdate(self, item: FactCheck) -> Any:
        return item.date_published

    def item_updateddate(self, item: FactCheck) -> Any:
        return item.date_modified


# --- Reader feedback -----------------------------------------------------------


# No CSRF token: the form acts for nobody's session (it is anonymous, throttled per
# address), and a stale or blocked cookie must not turn a reader's report into a 403.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def feedback_form(request: HttpRequest) -> HttpResponse:
    """The report form. Problems re-render it with a message; readers never see an error page."""
    if request.method == "GET":
        initial = {
            "url": request.GET.get("url", "")[: MAX_LENGTHS["url"]],
            "passage": request.GET.get("passage", "")[: MAX_LENGTHS["passage"]],
            "category": Feedback.Category.FACTUAL_ERROR,
        }
        return _form(request, initial)
    values: dict[str, Any] = {
        name: request.POST.get(name, "")
        for name in ("url", "passage", "category", "message", "email", "website")
    }
    values["email_consent"] = request.POST.get("email_consent") == "on"
    wait = feedback_wait(request)
    if wait is not None:
        minutes = max(1, math.ceil(wait / 60))
        response = _form(
            request,
            values,
            f"We have received many reports from your connection just now. Please try "
            f"again in {minutes} minute{'s' if minutes > 1 else ''}; your text is kept below.",
            status=429,
        )
        response["Retry-After"] = str(math.ceil(wait))
        return response
    if values["email"].strip() and not values["email_consent"]:
        return _form(
            request,
            values,
            "To hear back from us, tick the box that lets us email you, "
            "or leave the email address out.",
        )
    honeypot = values.pop("website")
    try:
        feedback_submit(**values, honeypot=honeypot, client_ip=client_ip(request))
    except InvalidInput as error:
        return _form(request, {**values, "website": ""}, _friendly(error))
    return redirect("feedback-thanks")


def feedback_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/public/feedback_thanks.html")


def _form(
    request: HttpRequest, values: dict[str, Any], problem: str = "", status: int = 200
) -> HttpResponse:
    return render(
        request,
        "reviews/public/feedback_form.html",
        {
            "values": values,
            "problem": problem,
            "categories": Feedback.Category.choices,
            "limits": MAX_LENGTHS,
        },
        status=status,
    )


def _friendly(error: InvalidInput) -> str:
    labels = {
        "url": "The page address",
        "passage": "The passage",
        "message": "Your message",
        "email": "The email address",
        "category": "The kind of problem",
    }
    field = error.extra.get("field", "")
    detail = error.detail.split(": ", 1)[-1]
    return f"{labels.get(field, 'Your report')}: {detail}" if field else detail
