"""The API uses another publisher's fact-check as the desk does: as evidence, or to set the
claim aside as already checked, through the same services."""

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from claims.external_models import ExternalFactCheck, ExternalMatch
from claims.models import Claim
from reviews.models import Evidence, Review, ReviewEvent
from reviews.services import claim_assign
from tests.conftest import client_for
from tests.factories import flagged_claim, speaker

pytestmark = pytest.mark.django_db


def attach(user: User, claim_id: int | str, check_id: int | str):
    return client_for(user).post(f"/api/v1/claims/{claim_id}/external-checks/{check_id}/attach/")


def dismiss(user: User, claim_id: int | str, check_id: int | str):
    return client_for(user).post(f"/api/v1/claims/{claim_id}/external-checks/{check_id}/dismiss/")


def test_a_checker_attaches_a_found_check_as_evidence_and_takes_the_claim(
    claim: Claim, alice: User, harbor: ExternalFactCheck
) -> None:
    response = attach(alice, claim.pk, harbor.pk)

    assert response.status_code == 201, response.content
    evidence = Evidence.objects.get(claim=claim)
    assert response.json()["id"] == evidence.pk
    assert evidence.url == harbor.url
    assert evidence.title == "Checked by Harbor Truth Desk: Mostly False, 20 Nov 2026"
    assert evidence.stance == Evidence.Stance.REFUTES
    assert evidence.added_by == alice
    assert evidence.review.assignee == alice
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert ExternalMatch.objects.get(claim=claim).decision == ExternalMatch.Decision.ATTACHED
    actions = list(ReviewEvent.objects.filter(claim=claim).values_list("action", flat=True))
    assert sorted(actions) == ["assigned", "evidence_added"]


def test_an_editor_attaches_to_the_review_a_checker_holds(
    claim: Claim, alice: User, erin: User, harbor: ExternalFactCheck
) -> None:
    review, _ = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)

    response = attach(erin, claim.pk, harbor.pk)

    assert response.status_code == 201, response.content
    evidence = Evidence.objects.get(claim=claim)
    assert (evidence.review, evidence.added_by) == (review, erin)
    assert Review.objects.get(claim=claim).assignee == alice


def test_attaching_the_same_check_twice_is_a_conflict(
    claim: Claim, alice: User, harbor: ExternalFactCheck
) -> None:
    attach(alice, claim.pk, harbor.pk)

    response = attach(alice, claim.pk, harbor.pk)

    assert response.status_code == 409
    assert "already evidence" in response.json()["detail"]
    assert Evidence.objects.filter(claim=claim).count() == 1


def test_a_checker_may_not_attach_to_someone_elses_review(
    claim: Claim, alice: User, bob: User, erin: User, harbor: ExternalFactCheck
) -> None:
    claim_assign(claim_id=claim.pk, actor=erin, assignee=bob)

    response = attach(alice, claim.pk, harbor.pk)

    assert response.status_code == 403
    assert response.json()["detail"]
    assert not Evidence.objects.filter(claim=claim).exists()
    assert ExternalMatch.objects.get(claim=claim).decision == ExternalMatch.Decision.NONE


def test_a_checker_dismisses_the_claim_as_already_checked_with_the_link_kept(
    claim: Claim, alice: User, harbor: ExternalFactCheck
) -> None:
    response = dismiss(alice, claim.pk, harbor.pk)

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "dismissed"
    claim.refresh_from_db()
    assert claim.status == Claim.Status.DISMISSED
    assert claim.dismiss_reason == (
        f"Already checked by Harbor Truth Desk (Mostly False): {harbor.url}"
    )
    assert ExternalMatch.objects.get(claim=claim).decision == ExternalMatch.Decision.DISMISSED
    (event,) = ReviewEvent.objects.filter(claim=claim)
    assert (event.action, event.actor, event.note) == ("dismissed", alice, claim.dismiss_reason)


def test_a_checker_may_not_dismiss_a_claim_someone_else_is_checking(
    claim: Claim, alice: User, bob: User, erin: User, harbor: ExternalFactCheck
) -> None:
    claim_assign(claim_id=claim.pk, actor=erin, assignee=bob)

    response = dismiss(alice, claim.pk, harbor.pk)

    assert response.status_code == 403
    assert response.json()["detail"]
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert ExternalMatch.objects.get(claim=claim).decision == ExternalMatch.Decision.NONE


def test_a_check_found_by_hand_is_remembered_as_the_reason(
    alice: User, harbor: ExternalFactCheck
) -> None:
    unmatched = flagged_claim("the harbour budget was cut", who=speaker("Alma Reyes"))

    response = dismiss(alice, unmatched.pk, harbor.pk)

    assert response.status_code == 200
    match = ExternalMatch.objects.get(claim=unmatched)
    assert (match.fact_check, match.decision) == (harbor, ExternalMatch.Decision.DISMISSED)


@pytest.mark.parametrize("verb", ["attach", "dismiss"])
@pytest.mark.parametrize(
    ("claim_id", "check_id"),
    [
        ("{claim}", "999999"),
        ("999999", "{check}"),
        ("{claim}", "99999999999999999999999"),
        ("{claim}", "abc"),
        ("{claim}", "0"),
    ],
)
def test_unknown_ids_are_not_found_and_change_nothing(
    claim: Claim, erin: User, harbor: ExternalFactCheck, verb: str, claim_id: str, check_id: str
) -> None:
    path = f"/api/v1/claims/{claim_id}/external-checks/{check_id}/{verb}/".format(
        claim=claim.pk, check=harbor.pk
    )

    response = client_for(erin).post(path)

    assert response.status_code == 404, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    claim.refresh_from_db()
    assert claim.status == Claim.Status.FLAGGED
    assert not Evidence.objects.exists()
    assert ExternalMatch.objects.get(claim=claim).decision == ExternalMatch.Decision.NONE


@pytest.mark.parametrize("verb", ["attach", "dismiss"])
def test_only_signed_in_desk_staff_may_use_a_check(
    claim: Claim, harbor: ExternalFactCheck, verb: str
) -> None:
    reader = User.objects.create_user("nils.reader", password="Reader-Password-1")
    path = f"/api/v1/claims/{claim.pk}/external-checks/{harbor.pk}/{verb}/"

    assert APIClient().post(path).status_code == 401
    assert client_for(reader).post(path).status_code == 403
    claim.refresh_from_db()
    assert claim.status == Claim.Status.FLAGGED
    assert not Evidence.objects.exists()
