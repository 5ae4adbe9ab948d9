"""`manage.py poll_feeds [--sync]`: poll every due feed now."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from claims.models import Feed
from claims.pipeline.feeds import FeedError
from claims.pipeline.fetch_errors import FetchError
from claims.services.articles import article_fail, article_ingest
from claims.services.feeds import feed_poll, feeds_claim_due, feeds_poll_due


class Command(BaseCommand):
    help = (
        "Poll every due feed. Without --sync the polls are queued for the workers; with "
        "--sync everything runs here and the command returns when claims are flagged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sync", action="store_true", help="do all the work in-process")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["sync"]:
            queued = feeds_poll_due(limit=None)
            self.stdout.write(f"Queued a poll of {len(queued)} due feeds.")
            return
        totals = {"feeds": 0, "articles": 0, "appearances": 0, "claims": 0, "errors": 0}
        for feed_id in feeds_claim_due(limit=None):
            totals["feeds"] += 1
            self._poll(feed_id, totals)
        self.stdout.write(
            f"Polled {totals['feeds']} feeds: {totals['articles']} new articles, "
            f"{totals['appearances']} attributed statements, {totals['claims']} claims flagged, "
            f"{totals['errors']} errors."
        )

    def _poll(self, feed_id: int, totals: dict[str, int]) -> None:
        name = Feed.objects.values_list("name", flat=True).get(pk=feed_id)
        try:
            result = feed_poll(feed_id=feed_id, enqueue=False)
        except (FetchError, FeedError) as error:
            totals["errors"] += 1
            self.stdout.write(f"  {name}: failed: {error.reason}")
            return
        if result.not_modified:
            self.stdout.write(f"  {name}: not modified")
            return
        self.stdout.write(
            f"  {name}: {result.entries} entries, {len(result.new_article_ids)} new articles"
        )
        for article_id in result.new_article_ids:
            totals["articles"] += 1
            try:
                outcome = article_ingest(article_id=article_id)
            except FetchError as error:
                article_fail(article_id=article_id, reason=error.reason)
                totals["errors"] += 1
                self.stdout.write(f"    article {article_id}: failed: {error.reason}")
                continue
            if outcome.status == "failed":
                totals["errors"] += 1
                self.stdout.write(f"    article {article_id}: failed: {outcome.error}")
            totals["appearances"] += outcome.appearances
            totals["claims"] += outcome.claims_created
