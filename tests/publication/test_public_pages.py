from html import escape

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from reviews.models import ReviewVersion
from reviews.publication import plain_text, sanitise_html

pytestmark = pytest.mark.django_db


def test_the_list_shows_published_fact_checks_newest_first(
    client: Client, publish, velin_claim, marenko_claim
) -> None:
    older = publish(velin_claim)
    newer = publish(marenko_claim, rating="true")

    html = client.get("/fact-checks/").content.decode()

    assert html.index(newer.slug) < html.index(older.slug)
    assert '<span class="verdict">True</span>' in html
    assert 'href="/fact-checks/feed/"' in html


def test_the_list_filters_by_rating_speaker_and_text(
    client: Client, publish, velin_claim, marenko_claim, velin
) -> None:
    false = publish(velin_claim)
    true = publish(marenko_claim, rating="true", summary="He said so on the record in Moscow.")

    def slugs(**query: str) -> list[str]:
        page = client.get("/fact-checks/", query).content.decode()
        return [slug for slug in (false.slug, true.slug) if slug in page]

    assert slugs(rating="true") == [true.slug]
    assert slugs(speaker=str(velin.pk)) == [false.slug]
    assert slugs(speaker="marenko") == [true.slug]
    assert slugs(q="disinformation") == [false.slug]
    assert slugs(q="record in Moscow") == [true.slug]  # summary
    assert slugs(q="Dorvask") == [true.slug]  # claim text
    assert slugs(q="bananas") == []


def test_the_list_pages_by_twenty(client: Client, publish, article, velin) -> None:
    from claims.models import Claim
    from tests.publication.conftest import appear

    for number in range(21):
        text = f"Statement number {number} about the troops"
        claim = Claim.objects.create(text=text, speaker=velin)
        article.text += f"\n{text}\n"
        article.save()
        appear(article, velin, text, claim)
        publish(claim)

    first = client.get("/fact-checks/").content.decode()
    second = client.get("/fact-checks/", {"page": 2}).content.decode()

    assert first.count('class="card"') == 20 and "Page 1 of 2" in first
    assert second.count('class="card"') == 1 and "Statement number 0 " in second


def test_the_page_shows_the_verdict_evidence_appearances_and_a_report_link(
    client: Client, publish, velin_claim
) -> None:
    review = publish(velin_claim)

    html = client.get(f"/fact-checks/{review.slug}/").content.decode()

    assert "Arkady Velin" in html and "Veltran Palace press secretary" in html
    assert "Russia&#x27;s own chief of staff later confirmed the deployment." in html
    assert "<p>Marenko acknowledged the troops on April 26.</p>" in html
    assert 'href="https://palace.example.org/transcripts/briefing-2025-04-26"' in html
    assert "Example News" in html
    assert "No corrections." in html
    report = f"/feedback/?url=http%3A%2F%2F127.0.0.1%3A8000%2Ffact-checks%2F{review.slug}%2F"
    assert f'href="{report}"' in html


def test_explanations_are_sanitised_before_readers_see_them(
    client: Client, publish, velin_claim
) -> None:
    review = publish(
        velin_claim,
        explanation=(
            '<p onclick="steal()">See <a href="javascript:alert(1)">this</a> and '
            '<a href="https://example.org/source">the source</a>.</p>'
            '<img src="https://tracker.example.com/pixel.gif"><script>alert(1)</script>'
            "<style>body{display:none}</style><iframe src='https://evil.example'></iframe>"
        ),
    )

    html = client.get(f"/fact-checks/{review.slug}/").content.decode()
    explanation = html.split('<div class="explanation">')[1].split("</div>")[0]

    assert "<script" not in explanation and "alert(1)" not in explanation
    assert "<img" not in explanation and "tracker.example.com" not in explanation
    assert "<iframe" not in explanation and "<style" not in explanation
    assert "onclick" not in explanation and "javascript:" not in explanation
    assert (
        '<a href="https://example.org/source" rel="nofollow noopener noreferrer">the source</a>'
        in explanation
    )


def test_the_sanitisers_keep_the_allowed_markup_and_plain_text_has_none() -> None:
    allowed = "<p><strong>a</strong> <em>b</em></p><ul><li>c</li></ul><blockquote>d</blockquote>"

    assert sanitise_html(allowed) == allowed
    assert (
        sanitise_html('<a href="data:text/html,x">x</a>')
        == '<a rel="nofollow noopener noreferrer">x</a>'
    )
    assert plain_text("<b>Bold</b> &amp; <script>alert(1)</script>x < y") == "Bold & x < y"


def test_the_rss_feed_lists_published_fact_checks(client: Client, publish, velin_claim) -> None:
    review = publish(velin_claim)

    response = client.get("/fact-checks/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert f"<link>http://127.0.0.1:8000/fact-checks/{review.slug}/</link>" in body
    version = review.versions.get()
    assert f"<title>{escape(version.headline)}</title>" in body
    assert escape(f"{version.statement} Our verdict: False.") in body


def test_the_public_api_returns_fact_checks_with_their_claim_review(
    api, publish, velin_claim, marenko_claim
) -> None:
    publish(velin_claim)
    review = publish(marenko_claim, rating="true")

    response = api.get("/api/v1/public/fact-checks/", {"rating": "true"})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["next"] is None and body["previous"] is None
    [item] = body["results"]
    assert item["slug"] == review.slug
    assert item["rating"] == {"slug": "true", "label": "True", "value": 5}
    assert item["speaker"]["name"] == "Oleg Marenko"
    assert item["claim_review"]["@type"] == "ClaimReview"
    assert item["claim_review"]["url"] == item["url"]


def test_the_public_list_and_api_do_not_query_per_fact_check(
    client: Client, api, publish, article, velin
) -> None:
    from claims.models import Claim
    from tests.publication.conftest import appear

    def queries(count: int) -> tuple[int, int]:
        for number in range(count):
            text = f"Claim {count}-{number} on troop numbers"
            claim = Claim.objects.create(text=text, speaker=velin)
            article.text += f"\n{text}\n"
            article.save()
            appear(article, velin, text, claim)
            publish(claim)
        with CaptureQueriesContext(connection) as page:
            client.get("/fact-checks/")
        with CaptureQueriesContext(connection) as listing:
            api.get("/api/v1/public/fact-checks/")
        return len(page), len(listing)

    assert queries(2) == queries(5)
    assert ReviewVersion.objects.count() == 7
