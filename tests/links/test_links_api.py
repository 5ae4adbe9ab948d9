"""The links and matches endpoints: who may do what, and the side-by-side evidence."""

import pytest
from django.contrib.auth.models import User

from claims.models import Claim, ClaimLink
from reviews.models import Rating, Review, ReviewEvent
from reviews.services import claim_assign, evidence_add, review_approve, review_edit, review_submit
from tests.conftest import client_for
from tests.links.conftest import claim_of

pytestmark = pytest.mark.django_db


def test_a_claims_links_show_both_statements_side_by_side(story, alice) -> None:
    confirmation = claim_of("Mira Kessel", "had been deployed to the Lindau district")
    response = client_for(alice).get(f"/api/v1/links/?claim={confirmation.pk}&kind=contradicts")
    assert response.status_code == 200
    assert response.json()["count"] == 4
    link = response.json()["results"][0]
    assert link["from_claim"]["id"] == confirmation.pk
    assert link["from_claim"]["stance"] == "confirms"
    assert link["to_claim"]["stance"] in {"denies", "dismisses"}
    for side in ("from_claim", "to_claim"):
        assert link[side]["speaker"]["name"] in {"Mira Kessel", "Arvid Solberg"}
        assert link[side]["first_appearance"]["url"].startswith("https://")
        assert link[side]["first_appearance"]["sentence"]
        assert link[side]["first_appearance"]["published_at"]


def test_listing_links_costs_a_fixed_number_of_queries(
    story, alice, django_assert_max_num_queries
) -> None:
    client = client_for(alice)
    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/links/")
    assert response.json()["count"] == ClaimLink.objects.count() > 5


def test_a_bad_filter_is_a_400_with_detail(alice) -> None:
    response = client_for(alice).get("/api/v1/links/?status=maybe")
    assert response.status_code == 400
    assert "status" in response.json()["detail"]


def test_an_editor_confirms_a_contradiction(story, erin) -> None:
    link = ClaimLink.objects.filter(kind="contradicts").first()
    response = client_for(erin).post(
        f"/api/v1/links/{link.pk}/confirm/", {"note": "clear reversal"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "confirmed"
    assert response.json()["decided_by"] == "erin"
    link.refresh_from_db()
    assert link.status == "confirmed"
    assert ReviewEvent.objects.filter(action="link_confirmed", note="clear reversal").count() == 1


def test_a_checker_may_not_reject_a_link(story, alice) -> None:
    link = ClaimLink.objects.filter(kind="contradicts").first()
    response = client_for(alice).post(f"/api/v1/links/{link.pk}/reject/")
    assert response.status_code == 403
    link.refresh_from_db()
    assert link.status == "suggested"


def test_deciding_on_a_missing_link_is_a_404(erin) -> None:
    assert client_for(erin).post("/api/v1/links/999999/confirm/").status_code == 404


def test_anonymous_callers_see_no_links(api) -> None:
    assert api.get("/api/v1/links/").status_code in {401, 403}
    assert api.get("/api/v1/matches/?text=troops").status_code in {401, 403}


def test_precision_endpoint_reports_every_band(story, erin) -> None:
    link = ClaimLink.objects.filter(kind="contradicts").first()
    client_for(erin).post(f"/api/v1/links/{link.pk}/reject/")
    body = client_for(erin).get("/api/v1/links/precision/").json()
    assert len(body["bands"]) == 10
    assert sum(band["rejected"] for band in body["bands"]) == 1
    assert body["suggest_threshold"] < body["auto_threshold"]


def publish(claim: Claim, alice: User, erin: User) -> Review:
    review, _ = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)
    review = review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version,
        rating=Rating.objects.get(slug="false"),
        summary="The defence minister confirmed the deployment in June.",
        explanation="<p>Kessel confirmed it on June 18.</p>",
    )
    evidence_add(
        claim_id=claim.pk,
        actor=alice,
        url="https://defence.veltria.example/statement-0618",
        title="Ministry statement of June 18",
        stance="refutes",
        primary_source=True,
    )
    review_submit(review_id=review.pk, actor=alice)
    return review_approve(review_id=review.pk, actor=erin)


def test_a_checked_claim_is_found_again_from_new_words(story, alice, erin) -> None:
    denial = claim_of("Arvid Solberg", "had crossed into the Ostmark border district")
    review = publish(denial, alice, erin)
    text = "Veltria says its troops never crossed the border into Lindau in Ostmark"
    response = client_for(alice).get("/api/v1/matches/", {"text": text})
    assert response.status_code == 200
    results = response.json()["results"]
    checked = [r for r in results if r["type"] == "fact_check"]
    assert checked[0]["claim"]["id"] == denial.pk
    assert checked[0]["fact_check"]["url"] == f"/fact-checks/{review.slug}/"
    assert checked[0]["fact_check"]["rating"] == "False"
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    assert all(r["type"] == "claim" for r in results if r["claim"]["id"] != denial.pk)


def test_an_article_url_lists_what_has_been_checked_already(story, alice, erin) -> None:
    denial = claim_of("Arvid Solberg", "had crossed into the Ostmark border district")
    publish(denial, alice, erin)
    url = story[0].url + "?utm_source=newsletter"
    results = client_for(alice).get("/api/v1/matches/", {"url": url}).json()["results"]
    own = [r for r in results if r["claim"]["id"] == denial.pk]
    assert own and own[0]["type"] == "fact_check" and own[0]["score"] == 1.0


@pytest.mark.parametrize(
    "query, detail",
    [
        ({}, "either text or url"),
        ({"text": "troops", "url": "https://a.example/"}, "either text or url"),
        ({"text": "x" * 5001}, "at most 5000"),
        ({"url": "not a url"}, "url"),
    ],
)
def test_a_bad_match_query_is_a_400_with_detail(alice, query, detail) -> None:
    response = client_for(alice).get("/api/v1/matches/", query)
    assert response.status_code == 400
    assert detail in response.json()["detail"]


def test_an_unknown_article_url_is_a_404(alice) -> None:
    response = client_for(alice).get("/api/v1/matches/", {"url": "https://nowhere.example/x"})
    assert response.status_code == 404
    assert "submit it first" in response.json()["detail"]
