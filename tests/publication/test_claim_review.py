import json
import re

import lxml.html
import pytest
from django.test import Client
from django.utils import timezone

from reviews.models import Review
from reviews.publication import published_fact_checks
from tests.publication.claimreview import inconsistencies, problems_with

pytestmark = pytest.mark.django_db


def markup_of(html: str) -> list[dict]:
    doc = lxml.html.fromstring(html)
    return [json.loads(s.text) for s in doc.xpath("//script[@type='application/ld+json']")]


def test_a_published_fact_check_page_carries_one_complete_claim_review(
    client: Client, publish, velin_claim
) -> None:
    review = publish(velin_claim)

    response = client.get(f"/fact-checks/{review.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    [data] = markup_of(html)
    assert problems_with(data) == []
    assert inconsistencies(data, html) == []
    assert data["url"] == f"http://127.0.0.1:8000/fact-checks/{review.slug}/"
    assert data["claimReviewed"] == velin_claim.text
    assert data["author"] == {
        "@type": "Organization",
        "name": "Factcheck desk",
        "url": "http://127.0.0.1:8000",
    }
    assert data["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "False",
        "name": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    speaker = data["itemReviewed"]["author"]
    assert speaker["name"] == "Arkady Velin"
    assert speaker["jobTitle"] == "Veltran Palace press secretary"
    assert speaker["affiliation"]["name"] == "The Veltran Palace"
    [appearance] = data["itemReviewed"]["appearance"]
    assert appearance["url"] == "https://news.example.org/world/palace-ostrian-troops"
    assert appearance["publisher"]["name"] == "Example News"
    assert data["itemReviewed"]["firstAppearance"] == appearance
    review.refresh_from_db()
    assert data["datePublished"] == review.published_at.isoformat()
    assert data["dateModified"] == review.modified_at.isoformat()


def test_every_published_page_passes_the_markup_checks(
    client: Client, publish, velin_claim, marenko_claim, settings
) -> None:
    settings.FACTCHECK_PUBLISHER_NAME = "The Example Desk"
    publish(velin_claim)
    publish(marenko_claim, rating="true", summary="He said so on the record.")

    slugs = list(published_fact_checks().values_list("slug", flat=True))

    assert len(slugs) == 2
    for slug in slugs:
        html = client.get(f"/fact-checks/{slug}/").content.decode()
        [data] = markup_of(html)
        assert problems_with(data) == [], slug
        assert inconsistencies(data, html) == [], slug
        assert data["author"]["name"] == "The Example Desk"


def test_an_unproven_verdict_is_named_without_inventing_a_number(
    client: Client, publish, marenko_claim
) -> None:
    review = publish(marenko_claim, rating="unproven")

    [data] = markup_of(client.get(f"/fact-checks/{review.slug}/").content.decode())

    assert problems_with(data) == []
    assert data["reviewRating"]["alternateName"] == "Unproven"
    assert "ratingValue" not in data["reviewRating"]
    assert (data["reviewRating"]["bestRating"], data["reviewRating"]["worstRating"]) == (5, 1)


def test_the_first_appearance_is_the_earliest_article(
    client: Client, publish, velin_claim, article
) -> None:
    from datetime import timedelta

    from claims.models import Article
    from tests.publication.conftest import appear

    earlier = Article.objects.create(
        url="https://wire.example.net/velin-disinformation",
        canonical_url="https://wire.example.net/velin-disinformation",
        outlet="Example Wire",
        title="Velin: troop reports are disinformation",
        published_at=article.published_at - timedelta(days=90),
        text=article.text,
        status=Article.Status.EXTRACTED,
    )
    appear(
        earlier,
        velin_claim.speaker,
        "reports of Ostrian involvement as disinformation",
        velin_claim,
    )
    review = publish(velin_claim)

    html = client.get(f"/fact-checks/{review.slug}/").content.decode()
    [data] = markup_of(html)

    assert problems_with(data) == []
    assert inconsistencies(data, html) == []
    claim = data["itemReviewed"]
    assert [work["url"] for work in claim["appearance"]] == [earlier.url, article.url]
    assert claim["firstAppearance"]["url"] == earlier.url
    assert claim["datePublished"] == earlier.published_at.isoformat()


def test_a_claim_text_with_a_script_tag_cannot_leave_the_json_ld_block(
    client: Client, publish, velin_claim
) -> None:
    velin_claim.text = 'Troops "</script><script>alert(1)</script>" are disinformation & lies'
    velin_claim.save()
    review = publish(velin_claim)

    html = client.get(f"/fact-checks/{review.slug}/").content.decode()

    assert "<script>alert(1)" not in html
    [data] = markup_of(html)
    assert data["claimReviewed"] == velin_claim.text
    assert len(re.findall(r"<script type=\"application/ld\+json\">", html)) == 1


def test_a_review_that_was_never_published_has_no_page(client: Client, velin_claim, alice) -> None:
    # A slug and a publication date, as a review reopened mid-way could carry, but no
    # published version: only a published version makes a page.
    review = Review.objects.create(
        claim=velin_claim, assignee=alice, slug="draft-1", published_at=timezone.now()
    )

    assert client.get(f"/fact-checks/{review.slug}/").status_code == 404
    assert not Review.objects.published().filter(pk=review.pk).exists()
