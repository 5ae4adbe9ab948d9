"""What the public sees: published fact-checks, their ClaimReview markup, safe text.

A fact-check page always shows the latest published version (ReviewVersion),
never the working copy on Review, so a correction in progress stays private
until an editor approves it.
"""

import html
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import nh3
from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.safestring import SafeString, mark_safe

from claims.models import Appearance, Article, Speaker
from factcheck.numbers import parse_id
from reviews.headlines import default_headline
from reviews.models import Rating, Review, ReviewVersion

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # Reviews with the current version's rating, summary and date annotated.
    FactChecks = QuerySet[WithAnnotations[Review]]

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote"}


# --- Safe text ---------------------------------------------------------------


def sanitise_html(text: str) -> str:
    """Markup a reader may see: a small allow-list, http(s) links only, no images or scripts."""
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="nofollow noopener noreferrer",
    )


def plain_text(text: str) -> str:
    """Text with every tag removed (script and style contents included), entities decoded.

    The result is stored as text and escaped again wherever it is shown.
    """
    return html.unescape(nh3.clean(text.replace("\x00", ""), tags=set())).strip()


def json_ld(data: dict[str, Any]) -> SafeString:
    """JSON for a <script> element: `<`, `>` and `&` escaped so text cannot close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return mark_safe(text)  # escaped above, so safe inside <script>


# --- Published fact-checks -----------------------------------------------------


def fact_check_path(review: Review) -> str:
    return f"/fact-checks/{review.slug}/"


def fact_check_url(review: Review) -> str:
    return settings.FACTCHECK_SITE_URL + fact_check_path(review)


def published_fact_checks() -> "FactChecks":
    """Reviews with at least one published version, newest first, with what pages need.

    A review reopened for correction stays listed: its last published version is public.
    """
    latest = ReviewVersion.objects.filter(review=OuterRef("pk")).order_by("-number")
    return (
        Review.objects.published()
        .annotate(
            current_rating_slug=Subquery(latest.values("rating__slug")[:1]),
            current_summary=Subquery(latest.values("summary")[:1]),
            last_published_at=Subquery(latest.values("published_at")[:1]),
        )
        .select_related("claim__speaker__body")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=ReviewVersion.objects.select_related("rating").order_by("number"),
            ),
            Prefetch(
                "claim__appearances",
                queryset=Appearance.objects.select_related("article").order_by(
                    Coalesce("article__published_at", "article__created_at"), "id"
                ),
            ),
        )
        .order_by("-published_at", "-id")
    )


def search_fact_checks(
    reviews: "FactChecks", *, q: str = "", rating: str = "", speaker: str = ""
) -> "FactChecks":
    """The public list's filters: text search, rating slug, speaker id or name."""
    if q:
        if connection.vendor == "postgresql":
            reviews = reviews.annotate(
                search=SearchVector("claim__text", "current_summary", config="english")
            ).filter(search=SearchQuery(q, config="english", search_type="websearch"))
        else:
            reviews = reviews.filter(Q(claim__text__icontains=q) | Q(current_summary__icontains=q))
    if rating:
        # An annotation of published_fact_checks: the stubs know only model fields.
        reviews = reviews.filter(current_rating_slug=rating)  # type: ignore[misc]
    if speaker:
        if (speaker_id := parse_id(speaker)) is not None:
            reviews = reviews.filter(claim__speaker_id=speaker_id)
        else:
            reviews = reviews.filter(claim__speaker__name__icontains=speaker)
    return reviews


@dataclass(frozen=True)
class Scale:
    """The ends of the verdict scale, for bestRating and worstRating."""

    best: int | None
    worst: int | None

    @classmethod
    def current(cls) -> "Scale":
        ends = Rating.objects.filter(value__isnull=False).aggregate(
            best=Max("value"), worst=Min("value")
        )
        return cls(best=ends["best"], worst=ends["worst"])


@dataclass(frozen=True)
class FactCheck:
    """A published fact-check as the public sees it: the latest version plus its history."""

    review: Review
    current: ReviewVersion
    first: ReviewVersion
    corrections: list[ReviewVersion]
    appearances: list[Appearance]

    @classmethod
    def of(cls, review: Review) -> "FactCheck":
        versions = list(review.versions.all())
        return cls(
            review=review,
            current=versions[-1],
            first=versions[0],
            corrections=[version for version in versions if version.number > 1],
            appearances=list(review.claim.appearances.all()),
        )

    @property
    def speaker(self) -> Speaker | None:
        return self.review.claim.speaker

    @property
    def statement(self) -> str:
        """What was checked, in the published wording (versions before statements: the
        claim's text, as it was published)."""
        claim = self.review.claim
        return self.current.statement or claim.statement or claim.text

    @property
    def headline(self) -> str:
        return self.current.headline or default_headline(self.statement)

    @property
    def date_published(self) -> datetime:
        return self.review.published_at or self.first.published_at

    @property
    def date_modified(self) -> datetime:
        return self.current.published_at

    @property
    def first_appearance(self) -> Appearance | None:
        return self.appearances[0] if self.appearances else None

    @property
    def url(self) -> str:
        return fact_check_url(self.review)


def claim_review(fact_check: FactCheck, scale: Scale) -> dict[str, Any]:
    """The ClaimReview object for one fact-check (schema.org, Google's fact-check rules).

    A rating without a numeric value (Unproven) carries its name and the
    scale's ends but no ratingValue: claiming a number it has not got would
    misstate the verdict.
    """
    version = fact_check.current
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": version.rating.label,
        "name": version.rating.label,
    }
    if version.rating.value is not None:
        rating["ratingValue"] = version.rating.value
    if scale.best is not None and scale.worst is not None:
        rating["bestRating"] = scale.best
        rating["worstRating"] = scale.worst
    publisher = _organisation(settings.FACTCHECK_PUBLISHER_NAME, settings.FACTCHECK_PUBLISHER_URL)
    claim: dict[str, Any] = {"@type": "Claim"}
    if fact_check.speaker is not None:
        claim["author"] = _speaker(fact_check.speaker)
    articles = {appearance.article_id: appearance.article for appearance in fact_check.appearances}
    appearances = [_creative_work(article) for article in articles.values()]
    if appearances:
        claim["appearance"] = appearances
        claim["firstAppearance"] = appearances[0]
        if appearances[0].get("datePublished"):
            claim["datePublished"] = appearances[0]["datePublished"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": fact_check.url,
        "claimReviewed": fact_check.statement,
        "name": fact_check.headline,
        "reviewBody": version.summary,
        "datePublished": fact_check.date_published.isoformat(),
        "dateModified": fact_check.date_modified.isoformat(),
        "author": publisher,
        "publisher": publisher,
        "reviewRating": rating,
        "itemReviewed": claim,
    }


def _organisation(name: str, url: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name, "url": url}


def _speaker(speaker: Speaker) -> dict[str, Any]:
    kind = "Person" if speaker.kind == Speaker.Kind.PERSON else "Organization"
    author: dict[str, Any] = {"@type": kind, "name": speaker.name}
    if speaker.title and kind == "Person":
        author["jobTitle"] = speaker.title
    if speaker.body is not None:
        author["affiliation" if kind == "Person" else "parentOrganization"] = {
            "@type": "Organization",
            "name": speaker.body.name,
        }
    return author


def _creative_work(article: Article) -> dict[str, Any]:
    """Where the claim appeared, with what Google asks of it: url, headline, date."""
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": article.url,
        "headline": _headline_of(article),
        "datePublished": (article.published_at or article.created_at).isoformat(),
    }
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def _headline_of(article: Article) -> str:
    """The article's title; untitled, its first line (a headline in extracted text)."""
    if article.title.strip():
        return article.title.strip()
    first = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
    return default_headline(first) if first else (article.outlet or article.url)
