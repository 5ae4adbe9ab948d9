"""`manage.py add_feed URL [--name NAME]`: check a feed, then register it."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.services.feeds import feed_add
from factcheck.errors import DomainError


class Command(BaseCommand):
    help = (
        "Check an RSS or Atom feed, then register it; it is polled at once and then "
        "every --interval seconds. Given a site's page, lists the feeds it offers."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--name", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--interval", type=int, default=900, help="seconds between polls")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            feed = feed_add(
                actor=None,
                url=options["url"],
                name=options["name"],
                outlet=options["outlet"],
                poll_interval=options["interval"],
            )
        except DomainError as error:
            offered = "".join(f"\n  {url}" for url in error.extra.get("candidates", []))
            raise CommandError(error.detail + offered) from None
        self.stdout.write(f"Feed {feed.pk} registered: {feed.name} <{feed.url}>")
