"""Feed lists in and out as OPML, the format every feed reader uses.

Import registers what is new and reports every outline: added, skipped (already
followed, or listed twice) or refused (with the reason). It does not fetch: a list
of hundreds of feeds is brought in at once, and each new feed is polled on its
schedule, where a broken one shows on the feeds page like any other. Importing
the same document again adds nothing.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from claims.models import Feed
from claims.permissions import can_manage_feeds, require
from claims.pipeline.opml import OpmlError, OpmlFeed, build_opml, parse_opml
from claims.services.feeds import feed_create
from factcheck.errors import DomainError, InvalidInput

EXPORT_TITLE = "Factcheck desk feeds"


@dataclass
class OpmlImport:
    added: list[dict[str, str]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[dict[str, str]]]:
        return {"added": self.added, "skipped": self.skipped, "refused": self.refused}


def feeds_export_opml(*, actor: Any) -> bytes:
    require(actor, can_manage_feeds, "Only editors and admins manage feeds.")
    feeds = [
        OpmlFeed(url=url, name=name, outlet=outlet)
        for url, name, outlet in Feed.objects.values_list("url", "name", "outlet")
    ]
    return build_opml(feeds, title=EXPORT_TITLE)


@transaction.atomic
def feeds_import_opml(*, actor: Any, document: bytes) -> OpmlImport:
    require(actor, can_manage_feeds, "Only editors and admins manage feeds.")
    try:
        outlines = parse_opml(document)
    except OpmlError as error:
        raise InvalidInput(f"Not a usable OPML document: {error}.") from None
    report = OpmlImport()
    known = set(Feed.objects.values_list("url", flat=True))
    for outline in outlines:
        url = outline.url.strip()
        if url in known:
            report.skipped.append({"url": url, "reason": "already followed"})
            continue
        try:
            with transaction.atomic():
                feed = feed_create(
                    actor=actor,
                    url=url,
                    name=outline.name[:200],
                    outlet=outline.outlet[:200],
                )
        except DomainError as error:
            report.refused.append({"url": url, "reason": error.detail})
            continue
        known.add(feed.url)
        report.added.append({"url": feed.url, "name": feed.name})
    return report
