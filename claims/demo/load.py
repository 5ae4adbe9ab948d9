"""Sample data for the demo desk: fictional outlets, people and stories."""

from datetime import datetime
from pathlib import Path

from django.db import transaction

from claims.models import Article, Claim, Feed
from claims.pipeline.urls import canonical_url
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


@transaction.atomic
def load_demo() -> dict[str, int]:
    for username, role in DEMO_USERS:
        staff_upsert(username=username, role=role, password=DEMO_PASSWORD)
    for name, url, outlet in DEMO_FEEDS:
        # Demo feeds point at fictional hosts; they stay paused until someone edits them.
        Feed.objects.get_or_create(
            url=url, defaults={"name": name, "outlet": outlet, "active": False}
        )
    for path in sorted(ARTICLES_DIR.glob("*.txt")):
        fields = read_article(path)
        Article.objects.get_or_create(
            canonical_url=canonical_url(fields["url"]),
            defaults={
                "url": fields["url"],
                "title": fields["title"],
                "outlet": fields["outlet"],
                "author": fields["author"],
                "published_at": datetime.fromisoformat(fields["published"]),
                "text": fields["text"],
                "status": Article.Status.EXTRACTED,
            },
        )
    return {
        "feeds": Feed.objects.count(),
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
    }
