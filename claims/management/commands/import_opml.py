"""`manage.py import_opml FILE`: follow every feed an OPML document lists (idempotent)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.services.opml import feeds_import_opml
from factcheck.errors import DomainError


class Command(BaseCommand):
    help = "Register the feeds an OPML file lists; ones already followed are skipped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = feeds_import_opml(actor=None, document=Path(options["file"]).read_bytes())
        except (DomainError, OSError) as error:
            raise CommandError(getattr(error, "detail", str(error))) from None
        for item in report.refused:
            self.stderr.write(f"refused {item['url']}: {item['reason']}")
        self.stdout.write(
            f"{len(report.added)} added, {len(report.skipped)} skipped (already followed), "
            f"{len(report.refused)} refused"
        )
