"""A small newsroom: one article quoting two officials, and a way to publish a verdict."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from claims.models import Appearance, Article, Claim, Speaker
from reviews.models import Rating, Review
from reviews.services import claim_assign, evidence_add, review_approve, review_edit, review_submit
from tests import factories

ARTICLE_TEXT = (
    "Veltran Palace contradicts itself over Ostrian troops\n\n"
    "On April 26, Veltrian Chief of the General Staff Oleg Marenko acknowledged that "
    "Ostrian troops had participated in combat operations in the Dorvask region.\n\n"
    "This admission contradicts earlier statements by press secretary Arkady Velin, who "
    "dismissed reports of Ostrian involvement as disinformation.\n\n"
    "The bridge was built in 1998 and carries 40,000 vehicles a day, the mayor said.\n"
)
ARTICLE_URL = "https://news.example.org/world/palace-ostrian-troops"


@pytest.fixture(autouse=True)
def _private_cache(settings) -> None:
    """Throttle counters in this process only, empty for every test."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tests-publication",
        }
    }
    cache.clear()


@pytest.fixture
def palace(db) -> Speaker:
    return Speaker.objects.create(
        name="The Veltran Palace",
        key="the veltran palace",
        kind=Speaker.Kind.ORGANISATION,
        is_official=True,
    )


@pytest.fixture
def velin(palace: Speaker) -> Speaker:
    return Speaker.objects.create(
        name="Arkady Velin",
        key="arkady velin",
        title="Veltran Palace press secretary",
        body=palace,
        is_official=True,
    )


@pytest.fixture
def marenko(db) -> Speaker:
    return Speaker.objects.create(
        name="Oleg Marenko",
        key="oleg marenko",
        title="Chief of the General Staff",
        is_official=True,
    )


@pytest.fixture
def article(db) -> Article:
    return Article.objects.create(
        url=ARTICLE_URL,
        canonical_url=ARTICLE_URL,
        outlet="Example News",
        title="Veltran Palace contradicts itself over Ostrian troops",
        published_at=datetime(2025, 4, 27, 9, 30, tzinfo=UTC),
        text=ARTICLE_TEXT,
        status=Article.Status.EXTRACTED,
    )


def appear(
    article: Article, speaker: Speaker | None, content: str, claim: Claim | None
) -> Appearance:
    """An appearance of `content` in `article`, with offsets taken from the text."""
    return factories.appearance(article, content, speaker=speaker, claim=claim)


@pytest.fixture
def velin_claim(article: Article, velin: Speaker) -> Claim:
    text = "reports of Ostrian involvement as disinformation"
    claim = Claim.objects.create(
        text=f"Reports of Ostrian involvement are {text.split()[-1]}.",
        speaker=velin,
        official=True,
    )
    appear(article, velin, text, claim)
    return claim


@pytest.fixture
def marenko_claim(article: Article, marenko: Speaker) -> Claim:
    text = "Ostrian troops had participated in combat operations in the Dorvask region"
    claim = Claim.objects.create(text=text, speaker=marenko, official=True)
    appear(article, marenko, text, claim)
    return claim


Publish = Callable[..., Review]


@pytest.fixture
def publish(alice: User, erin: User) -> Publish:
    """Take a claim through the real workflow: Alice checks it, Erin approves it."""

    def publish(
        claim: Claim,
        *,
        rating: str = "false",
        summary: str = "Russia's own chief of staff later confirmed the deployment.",
        explanation: str = "<p>Marenko acknowledged the troops on April 26.</p>",
    ) -> Review:
        review, _ = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)
        review = review_edit(
            review_id=review.pk,
            actor=alice,
            expected_version=review.version,
            rating=Rating.objects.get(slug=rating),
            summary=summary,
            explanation=explanation,
        )
        evidence_add(
            claim_id=claim.pk,
            actor=alice,
            url="https://palace.example.org/transcripts/briefing-2025-04-26",
            title="Transcript of the April 26 briefing",
            stance="refutes",
            primary_source=True,
        )
        review_submit(review_id=review.pk, actor=alice)
        return review_approve(review_id=review.pk, actor=erin)

    return publish
