"""`manage.py ingest URL_OR_PATH [--sync]`: ingest one article from a URL or a local file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.models import Article
from claims.pipeline.extract import ExtractionError, extract_article
from claims.pipeline.fetch_errors import FetchError
from claims.services.articles import article_fail, article_ingest, article_submit
from factcheck.errors import DomainError

MAX_BYTES = 20 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Ingest one article: an http(s) URL is fetched, a local .html or .txt file is read "
        "here. Without --sync the work is queued for the workers."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", metavar="URL_OR_PATH")
        parser.add_argument("--sync", action="store_true", help="do all the work in-process")

    def handle(self, *args: Any, **options: Any) -> None:
        source: str = options["source"]
        sync: bool = options["sync"]
        try:
            if source.startswith(("http://", "https://")):
                article = article_submit(actor=None, url=source, enqueue=not sync)
            else:
                article = article_submit(actor=None, **read_local(Path(source)), enqueue=not sync)
        except DomainError as error:
            raise CommandError(error.detail) from None
        if not sync:
            self.stdout.write(f"Article {article.pk} queued for ingestion.")
            return
        try:
            outcome = article_ingest(article_id=article.pk)
        except FetchError as error:
            article_fail(article_id=article.pk, reason=error.reason)
            raise CommandError(f"article {article.pk}: {error.reason}") from None
        article = Article.objects.get(pk=article.pk)
        if article.status == Article.Status.FAILED:
            raise CommandError(f"article {article.pk}: {article.error}")
        self.stdout.write(
            f"Article {article.pk} {article.status}: {article.title or article.canonical_url} — "
            f"{outcome.appearances} attributed statements, {outcome.claims_created} new claims, "
            f"{outcome.claims_matched} seen before."
        )


def read_local(path: Path) -> dict[str, str]:
    """Title and text of a local file, extracted here: fetching never opens local paths."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror or error}") from None
    if len(raw) > MAX_BYTES:
        raise CommandError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    url = "file://localhost" + str(path.resolve())
    content_type = "text/html" if path.suffix.lower() in (".html", ".htm") else "text/plain"
    try:
        article = extract_article(raw, url, content_type=content_type)
    except ExtractionError as error:
        raise CommandError(f"{path}: {error.reason}") from None
    title = article.title or next(
        (ln.strip() for ln in article.text.splitlines() if ln.strip()), ""
    )
    return {"url": url, "title": title[:1000], "text": article.text}
