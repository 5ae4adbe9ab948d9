"""A checker uses another publisher's fact-check: as evidence, or to set the claim aside."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from claims.external_models import ExternalFactCheck, ExternalMatch
from claims.models import Claim
from factcheck.errors import Conflict, NotAllowed
from reviews.external import claim_dismiss_as_checked, external_check_attach
from reviews.models import Evidence, ReviewEvent
from reviews.services import claim_assign
from tests.conftest import client_for
from tests.factories import flagged_claim, speaker

pytestmark = pytest.mark.django_db


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_triage_row_says_who_checked_the_claim(
    claim: Claim, alice: User, harbor: ExternalFactCheck
) -> None:
    page = _signed_in(alice).get("/desk/").content.decode()

    assert "Checked by Harbor Truth Desk: Mostly False, 20 Nov 2026" in page
    assert f'href="{harbor.url}"' in page
    assert f"/desk/claims/{claim.pk}/external/{harbor.pk}/attach/" in page


def test_a_checker_attaches_it_as_evidence_in_one_click(
    claim: Claim, alice: User, harbor: ExternalFactCheck
) -> None:
    response = _signed_in(alice).post(
        f"/desk/claims/{claim.pk}/external/{harbor.pk}/attach/", {"next": "/desk/"}
    )

    assert response.status_code == 302
    evidence = Evidence.objects.get(claim=claim)
    assert evidence.url == harbor.url
    assert evidence.title == "Checked by Harbor Truth Desk: Mostly False, 20 Nov 2026"
    assert evidence.stance == Evidence.Stance.REFUTES
    assert evidence.added_by == alice
    assert evidence.review is not None and evidence.review.assignee == alice
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert ExternalMatch.objects.get(claim=claim).decision == ExternalMatch.Decision.ATTACHED
    actions = set(ReviewEvent.objects.filter(claim=claim).values_list("action", flat=True))
    assert {"assigned", "evidence_added"} <= actions


def test_attaching_twice_is_refused(claim: Claim, alice: User, harbor: ExternalFactCheck) -> None:
    external_check_attach(claim_id=claim.pk, fact_check_id=harbor.pk, actor=alice)

    with pytest.raises(Conflict):
        external_check_attach(claim_id=claim.pk, fact_check_id=harbor.pk, actor=alice)
    assert Evidence.objects.filter(claim=claim).count() == 1


def test_a_checker_may_not_attach_to_someone_elses_review(
    claim: Claim,
    alice: User,
    bob: User,
    erin: User,
    harbor: ExternalFactCheck,
) -> None:
    claim_assign(claim_id=claim.pk, actor=erin, assignee=bob)

    with pytest.raises(NotAllowed):
        external_check_attach(claim_id=claim.pk, fact_check_id=harbor.pk, actor=alice)
    assert not Evidence.objects.filter(claim=claim).exists()


def test_dismissing_as_already_checked_keeps_the_link(
    claim: Claim, alice: User, harbor: ExternalFactCheck
) -> None:
    claim_dismiss_as_checked(claim_id=claim.pk, fact_check_id=harbor.pk, actor=alice)

    claim.refresh_from_db()
    assert claim.status == Claim.Status.DISMISSED
    assert claim.dismiss_reason == (
        "Already checked by Harbor Truth Desk (Mostly False): "
        "https://harbortruth.example/checks/unemployment"
    )
    assert ExternalMatch.objects.get(claim=claim).decision == ExternalMatch.Decision.DISMISSED
    assert ReviewEvent.objects.filter(claim=claim, action="dismissed").count() == 1


def test_the_claim_page_lists_checks_found_since_the_claim_was_filed(
    alice: User, harbor: ExternalFactCheck
) -> None:
    claim = flagged_claim("unemployment in Veltria fell by half in 2025", who=speaker("A. Reyes"))

    page = _signed_in(alice).get(f"/desk/claims/{claim.pk}/").content.decode()

    assert "Checked elsewhere" in page
    assert "Checked by Harbor Truth Desk: Mostly False" in page


def test_the_matches_api_ranks_external_checks_with_the_desks_own(
    claim: Claim, alice: User, harbor: ExternalFactCheck
) -> None:
    response = client_for(alice).get(
        "/api/v1/matches/", {"text": "Unemployment in Veltria fell by half in 2025"}
    )

    assert response.status_code == 200
    results = response.json()["results"]
    sources = {r["source"] for r in results}
    assert sources == {"desk", "external"}
    external = next(r for r in results if r["source"] == "external")
    assert external["fact_check"]["publisher"] == "Harbor Truth Desk"
    assert external["fact_check"]["url"] == harbor.url
    assert external["fact_check"]["rating"] == "Mostly False"
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)


def test_the_claim_detail_api_lists_the_external_checks_found_for_it(
    claim: Claim, alice: User, harbor: ExternalFactCheck
) -> None:
    body = client_for(alice).get(f"/api/v1/claims/{claim.pk}/").json()

    (found,) = body["external_checks"]
    assert found["source"] == "external"
    assert found["fact_check"] == harbor.pk
    assert (found["url"], found["publisher"], found["rating"]) == (
        harbor.url,
        "Harbor Truth Desk",
        "Mostly False",
    )
    assert found["decision"] == ""
    assert found["score"] >= 0.9
