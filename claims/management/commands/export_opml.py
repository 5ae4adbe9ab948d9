"""`manage.py export_opml [FILE]`: every feed as an OPML 2.0 document (stdout without FILE)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from claims.services.opml import feeds_export_opml


class Command(BaseCommand):
    help = "Write every feed as OPML 2.0, grouped by outlet, to FILE or standard output."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="where to write; standard output if left out")

    def handle(self, *args: Any, **options: Any) -> None:
        document = feeds_export_opml(actor=None)
        if options["file"]:
            Path(options["file"]).write_bytes(document)
        else:
            self.stdout.write(document.decode("utf-8"), ending="")
