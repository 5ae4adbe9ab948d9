"""The Veltria story: articles over six months, run through ingestion and linking.

Veltria is fictional. Its presidential spokesman and its defence minister deny that
Veltrian troops are in Ostmark's Lindau district; in June the defence minister confirms
it. The agriculture minister dismisses an unrelated report in the same words. Three
outlets carry the spokesman's quote; a fourth paraphrases it.
"""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from claims.models import Article, Claim, Speaker
from claims.services.articles import article_ingest, article_submit
from claims.services.links import claim_suggest_links
from tests import factories

FIXTURES = Path(__file__).parent / "fixtures"


def ingest(path: Path) -> Article:
    """Ingest one fixture the way a feed would deliver it, then link its new claims.

    File names read `YYYY-MM-DD-outlet.txt`; the date becomes the publication date.
    """
    date, outlet = path.stem[:10], path.stem[11:]
    text = path.read_text()
    before = set(Claim.objects.values_list("id", flat=True))
    article = article_submit(
        actor=None,
        url=f"https://{outlet}.example/{path.stem}",
        title=text.splitlines()[0],
        text=text,
        outlet=outlet,
        enqueue=False,
    )
    article_ingest(article_id=article.pk)
    published = datetime.fromisoformat(date).replace(hour=9, tzinfo=ZoneInfo("UTC"))
    Article.objects.filter(pk=article.pk).update(published_at=published)
    for claim in Claim.objects.exclude(id__in=before).order_by("id"):
        claim_suggest_links(claim=claim)
    return article


@pytest.fixture
def story(db) -> list[Article]:
    return [ingest(path) for path in sorted(FIXTURES.glob("*.txt"))]


def claim_of(speaker: str, words: str) -> Claim:
    return Claim.objects.get(speaker__name=speaker, text__icontains=words)


def said(speaker: Speaker, text: str, *, stance: str = "asserts", cue: str = "said") -> Claim:
    """A claim with one appearance, stored as ingestion stores it, without an article file."""
    n = Article.objects.count() + 1
    return factories.said(
        text,
        who=speaker,
        cue=cue,
        source=speaker.name,
        with_text=False,
        outlet="wire",
        url=f"https://wire.example/{n}",
        title=f"{speaker.name} speaks",
        stance=stance,
        official=True,
        appearance_official=True,
    )


@pytest.fixture
def person(db):
    def person(name: str, body: Speaker | None = None) -> Speaker:
        return Speaker.objects.create(name=name, key=name.lower(), body=body, is_official=True)

    return person
