"""`manage.py add_feed URL [--name NAME]`: register a feed."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.services.feeds import feed_create
from factcheck.errors import DomainError


class Command(BaseCommand):
    help = "Register an RSS or Atom feed; it is polled at once and then every --interval seconds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--name", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--interval", type=int, default=900, help="seconds between polls")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            feed = feed_create(
                actor=None,
                url=options["url"],
                name=options["name"],
                outlet=options["outlet"],
                poll_interval=options["interval"],
            )
        except DomainError as error:
            raise CommandError(error.detail) from None
        self.stdout.write(f"Feed {feed.pk} registered: {feed.name} <{feed.url}>")
