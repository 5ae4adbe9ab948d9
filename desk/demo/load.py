"""Sample data for the demo desk: fictional outlets, people and stories."""

from datetime import datetime
from pathlib import Path

from claims.models import Article, Claim, Feed
from claims.services.articles import article_ingest, article_submit
from desk.demo.desk import load_desk_work
from reviews.services import staff_upsert

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
DEMO_PASSWORD = "Factcheck-Demo-2026"
DEMO_USERS = [("alice", "checker"), ("bob", "checker"), ("erin", "editor"), ("adam", "admin")]
DEMO_FEEDS = [
    (
        "The Calder Ledger — News",
        "https://calderledger.example/feeds/news.xml",
        "The Calder Ledger",
    ),
    (
        "Northbridge Wire — Economy",
        "https://northbridgewire.example/rss/economy",
        "Northbridge Wire",
    ),
]


def read_article(path: Path) -> dict[str, str]:
    """A demo article file: `key: value` header lines, a blank line, then the text."""
    header, _, text = path.read_text(encoding="utf-8").partition("\n\n")
    fields = dict(line.split(": ", 1) for line in header.splitlines())
    fields["text"] = text.strip() + "\n"
    return fields


def load_demo() -> dict[str, int]:
    """Users, paused feeds, the sample articles run through the real ingestion, and
    some editorial work on the claims they raise.

    Detection runs here, in-process, as `manage.py ingest --sync` would; loading
    twice changes nothing (articles are upserted, unchanged text is not re-detected).
    """
    for username, role in DEMO_USERS:
        staff_upsert(username=username, role=role, password=DEMO_PASSWORD)
    feeds: dict[str, Feed] = {}
    for name, url, outlet in DEMO_FEEDS:
        # Demo feeds point at fictional hosts, so they start paused (a poll could only
        # fail); an editor may resume them from the desk like any other feed.
        feeds[outlet], _ = Feed.objects.get_or_create(
            url=url, defaults={"name": name, "outlet": outlet, "active": False}
        )
    for path in sorted(ARTICLES_DIR.glob("*.txt")):
        fields = read_article(path)
        article = article_submit(
            actor=None,
            url=fields["url"],
            title=fields["title"],
            text=fields["text"],
            outlet=fields["outlet"],
            enqueue=False,
        )
        # Each sample story came from its outlet's feed, so the feed counts it.
        Article.objects.filter(pk=article.pk).update(
            feed=feeds.get(fields["outlet"]),
            author=fields["author"],
            published_at=datetime.fromisoformat(fields["published"]),
        )
        article_ingest(article_id=article.pk)
    load_desk_work()
    return {
        "feeds": Feed.objects.count(),
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
    }
