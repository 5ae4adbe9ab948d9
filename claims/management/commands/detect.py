"""`manage.py detect PATH... [--jsonl]`: attributed statements in plain-text files."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from claims.pipeline.detect import Attribution, iter_detect
from claims.pipeline.known import KnownSpeakers
from claims.pipeline.officials import SpeakerRegistry

MAX_BYTES = 20 * 1024 * 1024  # larger files are refused, not half-read


class Command(BaseCommand):
    help = "Find attributed statements in plain-text files ('-' reads stdin)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--jsonl", action="store_true", help="one JSON object per statement")
        parser.add_argument(
            "--no-registry",
            action="store_true",
            help="ignore the Speaker table (settled speakers, titles read earlier); lexicons only",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        registry, known = (None, None) if options["no_registry"] else registry_from_db()
        failed = 0
        for path in options["paths"]:
            text, error = read_text(path)
            if error:
                self.stderr.write(f"detect: {path}: {error}")
                failed += 1
                continue
            for attribution in iter_detect(text, registry, known):
                self.stdout.write(render(path, attribution, options["jsonl"]))
        if failed:
            sys.exit(1)


def read_text(path: str) -> tuple[str, str]:
    """Decoded text, or an error message a person can act on."""
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return "", exc.strerror or str(exc)
    if len(raw) > MAX_BYTES:
        return "", f"larger than {MAX_BYTES // (1024 * 1024)} MB; split it first"
    if b"\x00" in raw:
        return "", "binary file (contains NUL bytes), not plain text"
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return "", f"not UTF-8 text (invalid byte at offset {exc.start})"


def render(path: str, attribution: Attribution, as_json: bool) -> str:
    if as_json:
        return json.dumps({"path": path, **attribution.to_json()}, ensure_ascii=False)
    official = (
        f"OFFICIAL ({attribution.official_reason})" if attribution.official else "not official"
    )
    return (
        f"{path}:{attribution.sentence_start}-{attribution.sentence_end}  "
        f"{attribution.speaker or '?'} [{official}] {attribution.cue or '(continued)'}: "
        f"{attribution.content}  (check-worthiness {attribution.score:.2f})"
    )


def registry_from_db() -> tuple[SpeakerRegistry | None, KnownSpeakers | None]:
    """Settled speakers and titles read in earlier articles, when the database is
    reachable; otherwise lexicons only."""
    from django.db import DatabaseError

    from claims.services.speakers import detection_lookups

    try:
        return detection_lookups()
    except DatabaseError:
        return None, None
