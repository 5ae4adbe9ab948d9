"""Checkers own the wording: the statement and headline are edited in the review, shown
in the editor's diff, and once approved they are what every reader sees."""

import json
from html import escape

import lxml.html
import pytest
from django.test import Client

from claims.models import Claim
from reviews.models import Rating, Review
from reviews.publication import published_fact_checks
from reviews.services import (
    claim_assign,
    evidence_add,
    review_approve,
    review_correct,
    review_edit,
    review_submit,
)
from tests.conftest import client_for
from tests.publication.claimreview import inconsistencies, problems_with

pytestmark = pytest.mark.django_db

EDITED = "Press secretary Arkady Velin denied that Ostrian troops fought in the Dorvask region."
HEADLINE = "Velin denied Ostrian troops fought in Dorvask; the army chief said they did"


def _checked(claim: Claim, alice, erin) -> Review:
    """Alice rewords the statement through the API, gathers evidence and submits."""
    review, _ = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)
    response = client_for(alice).patch(
        f"/api/v1/reviews/{review.pk}/",
        {"statement": EDITED, "headline": HEADLINE, "rating": "false", "summary": "Not so."},
        format="json",
        HTTP_IF_MATCH=review.etag,
    )
    assert response.status_code == 200, response.content
    evidence_add(
        claim_id=claim.pk,
        actor=alice,
        url="https://palace.example.org/transcripts/briefing-2025-04-26",
        title="Transcript of the April 26 briefing",
        stance="refutes",
        primary_source=True,
    )
    return review_submit(review_id=review.pk, actor=alice)


def test_the_review_starts_from_the_claims_statement(velin_claim, alice, erin) -> None:
    Claim.objects.filter(pk=velin_claim.pk).update(statement="Velin dismissed the reports.")

    review, _ = claim_assign(claim_id=velin_claim.pk, actor=erin, assignee=alice)

    assert Review.objects.get(pk=review.pk).statement == "Velin dismissed the reports."


def test_an_edited_statement_is_stored_with_the_review_and_logged(velin_claim, alice, erin) -> None:
    review = _checked(velin_claim, alice, erin)

    assert (review.statement, review.headline) == (EDITED, HEADLINE)
    event = review.events.filter(action="edited").get()
    assert event.changes["statement"][1] == EDITED


def test_an_empty_statement_is_refused_with_a_reason(velin_claim, alice, erin) -> None:
    review, _ = claim_assign(claim_id=velin_claim.pk, actor=erin, assignee=alice)

    response = client_for(alice).patch(
        f"/api/v1/reviews/{review.pk}/",
        {"statement": "   "},
        format="json",
        HTTP_IF_MATCH=review.etag,
    )

    assert response.status_code == 400
    assert "detail" in response.json()
    assert Review.objects.get(pk=review.pk).statement == velin_claim.text


def test_the_editor_sees_the_reworded_statement_in_the_diff(
    client: Client, velin_claim, alice, erin
) -> None:
    review = _checked(velin_claim, alice, erin)
    client.force_login(erin)

    page = client.get(f"/desk/reviews/{review.pk}/").content.decode()

    doc = lxml.html.fromstring(page)
    decision = doc.xpath("//section[contains(@class, 'decision')]")[0].text_content()
    assert "Changes since the statement as detected" in decision
    assert "Statement" in decision
    inserted = " ".join(doc.xpath("//section[contains(@class, 'decision')]//ins/text()"))
    assert "denied" in inserted


def test_after_approval_every_reader_sees_the_edited_wording(
    client: Client, velin_claim, alice, erin
) -> None:
    review = _checked(velin_claim, alice, erin)
    review_approve(review_id=review.pk, actor=erin)
    review.refresh_from_db()

    page = client.get(f"/fact-checks/{review.slug}/").content.decode()
    doc = lxml.html.fromstring(page)
    [markup] = [json.loads(s.text) for s in doc.xpath("//script[@type='application/ld+json']")]
    assert doc.xpath("//h1/text()") == [HEADLINE]
    assert doc.xpath("//meta[@property='og:title']/@content") == [HEADLINE]
    assert doc.xpath("//blockquote[@class='claim-quote']/p/text()") == [EDITED]
    assert markup["claimReviewed"] == EDITED
    assert problems_with(markup) == []
    assert inconsistencies(markup, page) == []

    feed = client.get("/fact-checks/feed/").content.decode()
    assert f"<title>{escape(HEADLINE)}</title>" in feed
    assert escape(EDITED) in feed

    public = client.get("/api/v1/public/fact-checks/").json()["results"][0]
    assert (public["statement"], public["headline"]) == (EDITED, HEADLINE)
    assert public["claim_review"]["claimReviewed"] == EDITED

    staff = client_for(erin).get(f"/api/v1/claims/{velin_claim.pk}/").json()
    assert staff["statement"] == EDITED
    assert Claim.objects.get(pk=velin_claim.pk).statement == EDITED


def test_a_draft_rewording_stays_private_until_approved(
    client: Client, velin_claim, alice, erin, frank
) -> None:
    review = _checked(velin_claim, alice, erin)
    review_approve(review_id=review.pk, actor=erin)

    review_correct(review_id=review.pk, actor=frank, note="The date was wrong.")
    review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=Review.objects.get(pk=review.pk).version,
        statement="A draft wording nobody approved.",
        rating=Rating.objects.get(slug="false"),
    )

    page = client.get(f"/fact-checks/{Review.objects.get(pk=review.pk).slug}/").content.decode()

    assert "A draft wording nobody approved." not in page
    assert escape(EDITED) in page


def test_a_headline_defaults_from_the_statement_and_the_slug_keeps_numbers(
    article, marenko, alice, erin
) -> None:
    claim = Claim.objects.create(
        text="stocks stood at 2.3 million tonnes",
        statement="Army chief Oleg Marenko said stocks stood at 2.3 million tonnes.",
        speaker=marenko,
        official=True,
    )
    review, _ = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)
    review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version,
        rating=Rating.objects.get(slug="true"),
        summary="The ministry's figures agree.",
    )
    evidence_add(
        claim_id=claim.pk,
        actor=alice,
        url="https://stats.example.org/grain",
        title="Grain stocks",
        stance="supports",
        primary_source=True,
    )
    review_submit(review_id=review.pk, actor=alice)

    review = review_approve(review_id=review.pk, actor=erin)

    version = review.versions.get()
    assert version.headline == claim.statement.removesuffix(".")
    assert "2-3-million-tonnes" in review.slug
    assert "23-million" not in review.slug


def test_every_published_page_carries_googles_claim_review_fields(
    client: Client, publish, velin_claim, article, palace
) -> None:
    """A person is a Person with a jobTitle, a body an Organization; every appearance has
    its url, headline and date; the markup says what the page shows."""
    palace_claim = Claim.objects.create(
        text="no Ostrian soldier is on Veltrian soil",
        statement="The Veltran Palace said no Ostrian soldier is on Veltrian soil.",
        speaker=palace,
        official=True,
    )
    untitled = article.__class__.objects.create(
        url="https://wire.example.org/item/77",
        canonical_url="https://wire.example.org/item/77",
        outlet="Example Wire",
        text="Palace: no Ostrian soldier on Veltrian soil\n\nThe palace said so on Monday.",
        status=article.Status.EXTRACTED,
    )
    palace_claim.appearances.create(
        article=untitled,
        speaker=palace,
        sentence="The palace said so on Monday.",
        sentence_start=46,
        sentence_end=75,
        source="The palace",
        source_start=46,
        source_end=56,
        cue="said",
        cue_start=57,
        cue_end=61,
        content="so",
        content_start=62,
        content_end=64,
        detector_version="test",
    )
    publish(velin_claim)
    publish(palace_claim, rating="false")

    checked = 0
    for review in published_fact_checks():
        page = client.get(f"/fact-checks/{review.slug}/").content.decode()
        doc = lxml.html.fromstring(page)
        [data] = [json.loads(s.text) for s in doc.xpath("//script[@type='application/ld+json']")]
        assert problems_with(data) == [], review.slug
        assert inconsistencies(data, page) == [], review.slug
        author = data["itemReviewed"]["author"]
        if review.claim.speaker.kind == "person":
            assert (author["@type"], author["jobTitle"]) == ("Person", review.claim.speaker.title)
        else:
            assert author["@type"] == "Organization"
            assert "jobTitle" not in author
        for work in data["itemReviewed"]["appearance"]:
            assert work["headline"] and work["datePublished"] and work["url"]
        checked += 1
    assert checked == 2


def test_the_page_reads_like_a_publication(client: Client, publish, velin_claim, settings) -> None:
    settings.FACTCHECK_PUBLISHER_NAME = "The Harbour Ledger"
    review = publish(velin_claim)

    page = client.get(f"/fact-checks/{review.slug}/").content.decode()

    doc = lxml.html.fromstring(page)
    assert doc.xpath("//title/text()")[0].endswith("· The Harbour Ledger")
    assert doc.xpath("//header//a[@class='brand']/text()") == ["The Harbour Ledger"]
    assert doc.xpath("//meta[@property='og:site_name']/@content") == ["The Harbour Ledger"]
    assert doc.xpath("//meta[@name='description']/@content")[0].startswith("False: ")
    assert doc.xpath("//link[@rel='icon']/@href")
    assert doc.xpath("//p[@class='byline']/text()") == ["By alice. Edited by erin."]
    rating = Rating.objects.get(slug="false")
    assert doc.xpath("//p[@class='rating-description']/text()") == [rating.description]
    assert doc.xpath("//a[@href='/fact-checks/ratings/']")

    ratings = client.get("/fact-checks/ratings/").content.decode()
    assert all(escape(r.label) in ratings for r in Rating.objects.all())


@pytest.mark.parametrize(("roles", "byline"), [(("editor",), "Edited by erin."), ((), None)])
def test_the_byline_names_whom_the_newsroom_chose(
    client: Client, publish, velin_claim, settings, roles, byline
) -> None:
    settings.FACTCHECK_BYLINE = roles
    review = publish(velin_claim)

    doc = lxml.html.fromstring(client.get(f"/fact-checks/{review.slug}/").content)

    assert doc.xpath("//p[@class='byline']/text()") == ([byline] if byline else [])
