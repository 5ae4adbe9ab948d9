"""A checker for ClaimReview markup: schema.org types, Google's required and
recommended fact-check fields, and agreement with what the page shows."""

from datetime import datetime
from typing import Any

import lxml.html


def problems_with(data: dict[str, Any]) -> list[str]:
    """Everything missing or mistyped in one ClaimReview object (empty = valid)."""
    found: list[str] = []

    def need(condition: bool, message: str) -> None:
        if not condition:
            found.append(message)

    need(data.get("@context") == "https://schema.org", "@context must be https://schema.org")
    need(data.get("@type") == "ClaimReview", "@type must be ClaimReview")
    need(_absolute(data.get("url")), "url must be an absolute http(s) URL")
    need(_text(data.get("claimReviewed")), "claimReviewed must be non-empty text")
    published, modified = _date(data.get("datePublished")), _date(data.get("dateModified"))
    need(published is not None, "datePublished must be an ISO 8601 date")
    need(modified is not None, "dateModified must be an ISO 8601 date")
    if published and modified:
        need(modified >= published, "dateModified must not precede datePublished")
    author = data.get("author") or {}
    need(author.get("@type") == "Organization", "author must be an Organization")
    need(_text(author.get("name")), "author.name is required")
    need(_absolute(author.get("url")), "author.url should be an absolute URL")

    rating = data.get("reviewRating") or {}
    need(rating.get("@type") == "Rating", "reviewRating must be a Rating")
    need(_text(rating.get("alternateName")), "reviewRating.alternateName is required")
    best, worst = rating.get("bestRating"), rating.get("worstRating")
    need(isinstance(best, int) and isinstance(worst, int), "bestRating and worstRating are numbers")
    if "ratingValue" in rating:
        value = rating["ratingValue"]
        need(isinstance(value, int), "ratingValue must be a number")
        if isinstance(value, int) and isinstance(best, int) and isinstance(worst, int):
            need(worst <= value <= best, "ratingValue must lie between worstRating and bestRating")
    # Without ratingValue the rating is textual (Unproven): alternateName carries it.

    claim = data.get("itemReviewed") or {}
    need(claim.get("@type") == "Claim", "itemReviewed must be a Claim")
    speaker = claim.get("author") or {}
    need(speaker.get("@type") in ("Person", "Organization"), "itemReviewed.author needs a type")
    need(_text(speaker.get("name")), "itemReviewed.author.name is required")
    if "jobTitle" in speaker:
        need(_text(speaker["jobTitle"]), "itemReviewed.author.jobTitle must be text")
    appearances = claim.get("appearance")
    need(isinstance(appearances, list) and bool(appearances), "itemReviewed.appearance is a list")
    for work in appearances or []:
        need(work.get("@type") == "CreativeWork", "each appearance is a CreativeWork")
        need(_absolute(work.get("url")), "each appearance has an absolute url")
        need(_text(work.get("headline")), "each appearance has a headline")
        need(_date(work.get("datePublished")) is not None, "each appearance has datePublished")
        need(_text((work.get("publisher") or {}).get("name")), "each appearance has a publisher")
    first = claim.get("firstAppearance")
    need(first is not None and first in (appearances or []), "firstAppearance is an appearance")
    if first and appearances:
        dates = [_date(work["datePublished"]) for work in appearances]
        earliest = min(date for date in dates if date is not None)
        need(_date(first["datePublished"]) == earliest, "firstAppearance is the earliest")
        need(claim.get("datePublished") == first["datePublished"], "Claim dated by first sighting")
    return found


def inconsistencies(data: dict[str, Any], page: str) -> list[str]:
    """Where the markup says something the page does not show."""
    doc = lxml.html.fromstring(page)
    found: list[str] = []

    def same(markup: Any, shown: Any, what: str) -> None:
        if markup != shown:
            found.append(f"{what}: markup {markup!r} but page {shown!r}")

    same(data["url"], doc.xpath("//link[@rel='canonical']/@href")[0], "url")
    same(data["claimReviewed"], _one(doc, "//blockquote[@class='claim-quote']/p"), "claim")
    same(data["reviewRating"]["alternateName"], _one(doc, "//span[@class='verdict']"), "verdict")
    speaker = data["itemReviewed"]["author"]
    same(speaker["name"], _one(doc, "//span[@class='speaker']"), "speaker")
    roles = doc.xpath("//span[@class='job-title']/text()")
    same(speaker.get("jobTitle"), roles[0] if roles else None, "jobTitle")
    times = doc.xpath("//main//p[contains(@class,'muted')]/time/@datetime")
    same(data["datePublished"], times[0], "datePublished")
    same(data["dateModified"], times[1] if len(times) > 1 else times[0], "dateModified")
    shown = doc.xpath("//ul[@class='appearances']/li/a/@href")
    same(
        [work["url"] for work in data["itemReviewed"]["appearance"]],
        list(dict.fromkeys(shown)),
        "appearances",
    )
    return found


def _one(doc: Any, xpath: str) -> str:
    return " ".join(doc.xpath(xpath)[0].text_content().split())


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _absolute(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def _date(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
