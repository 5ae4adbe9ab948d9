"""The claim page lists a claim's first sightings, in article order, up to a limit."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Appearance, Article
from reviews.api import views
from reviews.models import Review
from reviews.services import claim_assign
from tests import factories
from tests.api.conftest import make_claim
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_detail_lists_the_first_sightings_up_to_the_limit(alice, monkeypatch) -> None:
    claim = make_claim("The ferry fares will double.")
    sentence = claim.appearances.get().sentence
    for n in range(3):
        url = f"https://coastalwire.example/ferry-fares-{n}"
        article = Article.objects.create(
            url=url,
            canonical_url=url,
            outlet="Coastal Wire",
            title="Ferry fares",
            text=sentence,
            status=Article.Status.EXTRACTED,
        )
        factories.appearance(article, "The ferry fares will double.", speaker=None, claim=claim)
    make_claim("The ferry timetable changes.")  # another claim's sighting is never listed
    monkeypatch.setattr(views, "MAX_APPEARANCES", 3)

    body = client_for(alice).get(f"/api/v1/claims/{claim.pk}/").json()

    first = Appearance.objects.filter(claim=claim).order_by("article_id", "content_start")[:3]
    assert [row["id"] for row in body["appearances"]] == [a.pk for a in first]
    assert Appearance.objects.filter(claim=claim).count() == 4


def test_the_detail_reads_no_article_text(alice) -> None:
    # A sighting shows its article's title, outlet and link; the whole article's text,
    # often tens of kilobytes stored out of line, is never needed for it.
    claim = make_claim("The ferry fares will double.")
    with CaptureQueriesContext(connection) as queries:
        body = client_for(alice).get(f"/api/v1/claims/{claim.pk}/").json()

    assert body["appearances"][0]["article"]["outlet"] == "Harbour Times"
    article_reads = [q["sql"] for q in queries if '"claims_article"."text"' in q["sql"]]
    assert article_reads == []


def test_the_detail_shows_the_open_review_not_a_closed_one(alice, erin) -> None:
    claim = make_claim("The ferry fares will double.")
    review = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)[0]
    Review.objects.filter(pk=review.pk).update(state=Review.State.WITHDRAWN)
    reopened = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)[0]
    # The closed review is the latest touched, so it would come first if not left out.
    Review.objects.filter(pk=review.pk).update(updated_at=reopened.updated_at + timedelta(hours=1))

    body = client_for(alice).get(f"/api/v1/claims/{claim.pk}/").json()

    assert {r["id"] for r in body["reviews"]} == {review.pk, reopened.pk}
    assert body["open_review"]["id"] == reopened.pk
