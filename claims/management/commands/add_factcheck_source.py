"""`manage.py add_factcheck_source URL [--name NAME]`: register another publisher's fact-checks."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.pipeline.claimreview import ClaimReviewError
from claims.pipeline.feeds import FeedError
from claims.pipeline.fetch_errors import FetchError
from claims.services.factcheck_sources import factcheck_source_create, factcheck_source_poll_now
from factcheck.errors import DomainError


class Command(BaseCommand):
    help = (
        "Register a feed of fact-check pages carrying ClaimReview markup, or a ClaimReview "
        "data feed; it is polled at once and then every --interval seconds."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--name", default="", help="the publisher's name")
        parser.add_argument("--interval", type=int, default=3600, help="seconds between polls")
        parser.add_argument(
            "--sync", action="store_true", help="poll now, in this process, and report"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            source = factcheck_source_create(
                url=options["url"],
                name=options["name"],
                poll_interval=options["interval"],
                enqueue=not options["sync"],
            )
        except DomainError as error:
            raise CommandError(error.detail) from None
        self.stdout.write(f"Fact-check source {source.pk} registered: {source.name} <{source.url}>")
        if not options["sync"]:
            return
        try:
            result = factcheck_source_poll_now(source_id=source.pk)
        except (FetchError, FeedError, ClaimReviewError) as error:
            raise CommandError(f"Registered, but the first poll failed: {error.reason}") from None
        self.stdout.write(
            f"{result.created} fact-checks added, {result.updated} updated, "
            f"{result.skipped} items skipped"
        )
