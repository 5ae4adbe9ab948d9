"""Bad input gets a 4xx with a JSON `detail`, never a 500, and changes nothing."""

import json

import pytest
from django.contrib.auth.models import User

from claims.models import Claim
from reviews.models import Evidence, Review, ReviewEvent
from tests.api.conftest import etag
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def assert_refused(response, code: int) -> dict:
    assert response.status_code == code, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"]
    return body


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"rating": "no-such-rating"}, "rating"),
        ({"rating": 999999}, "rating"),
        ({"rating": True}, "rating"),
        ({"rating": [1]}, "rating"),
        ({"summary": ["a", "list"]}, "summary"),
        ({"summary": {"an": "object"}}, "summary"),
        ({"summary": "x" * 20_001}, "summary"),
        ({"explanation": "x" * 20_001}, "explanation"),
        ({"state": "published"}, None),
    ],
)
def test_a_bad_edit_is_refused_and_leaves_the_review_alone(
    review: Review, alice: User, body: dict, field: str | None
) -> None:
    response = client_for(alice).patch(
        f"/api/v1/reviews/{review.pk}/", body, format="json", HTTP_IF_MATCH=etag(review)
    )

    error = assert_refused(response, 400)
    if field:
        assert field in error["errors"]
    review.refresh_from_db()
    assert (review.version, review.state, review.summary) == (1, "assigned", "")


def test_a_body_that_is_not_an_object_is_refused(review: Review, alice: User) -> None:
    response = client_for(alice).patch(
        f"/api/v1/reviews/{review.pk}/", [1, 2], format="json", HTTP_IF_MATCH=etag(review)
    )

    assert_refused(response, 400)


def test_malformed_json_is_refused(review: Review, alice: User) -> None:
    response = client_for(alice).generic(
        "PATCH",
        f"/api/v1/reviews/{review.pk}/",
        '{"summary": ',
        content_type="application/json",
        HTTP_IF_MATCH=etag(review),
    )

    assert_refused(response, 400)


def test_a_huge_body_is_refused_as_too_large(review: Review, alice: User) -> None:
    body = json.dumps({"summary": "x" * 2_000_000})

    response = client_for(alice).generic(
        "PATCH",
        f"/api/v1/reviews/{review.pk}/",
        body,
        content_type="application/json",
        HTTP_IF_MATCH=etag(review),
    )

    assert_refused(response, 413)
    assert Review.objects.get(pk=review.pk).summary == ""


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://files.example/report.pdf",
        "not a url",
        "https://",
        "http://exa mple.com/x",
        "",
        "https://example.com/" + "a" * 2000,
    ],
)
def test_evidence_with_an_invalid_url_is_refused(review: Review, alice: User, url: str) -> None:
    body = {"url": url, "title": "A source", "stance": "supports"}

    response = client_for(alice).post(
        f"/api/v1/claims/{review.claim_id}/evidence/", body, format="json"
    )

    assert "url" in assert_refused(response, 400)["errors"]
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"url": "https://a.example/", "title": "", "stance": "supports"},
        {"url": "https://a.example/", "title": "T", "stance": "agrees"},
        {"url": "https://a.example/", "title": "T", "stance": "context", "primary_source": "x"},
        {"url": "https://a.example/", "title": "T" * 501, "stance": "context"},
        {"url": "https://a.example/", "title": "T", "stance": "context", "excerpt": "x" * 20_001},
        {"url": 42, "title": "T", "stance": "context"},
    ],
)
def test_evidence_with_bad_fields_is_refused(review: Review, alice: User, body) -> None:
    response = client_for(alice).post(
        f"/api/v1/claims/{review.claim_id}/evidence/", body, format="json"
    )

    assert_refused(response, 400)
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/claims/999999/"),
        ("get", "/api/v1/claims/abc/"),
        ("get", "/api/v1/claims/99999999999999999999999/"),
        ("post", "/api/v1/claims/999999/assign/"),
        ("post", "/api/v1/claims/999999/dismiss/"),
        ("post", "/api/v1/claims/999999/evidence/"),
        ("delete", "/api/v1/claims/{claim}/evidence/999999/"),
        ("delete", "/api/v1/claims/{claim}/evidence/abc/"),
        ("get", "/api/v1/reviews/999999/"),
        ("patch", "/api/v1/reviews/999999/"),
        ("post", "/api/v1/reviews/999999/submit/"),
        ("post", "/api/v1/reviews/999999/approve/"),
        ("post", "/api/v1/reviews/999999/return/"),
        ("post", "/api/v1/reviews/999999/correct/"),
        ("get", "/api/v1/reviews/999999/events/"),
        ("get", "/api/v1/reviews/abc/versions/"),
    ],
)
def test_unknown_ids_are_not_found(erin: User, claim: Claim, method: str, path: str) -> None:
    bodies = {
        "assign": {"assignee": "erin"},
        "dismiss": {"reason": "r"},
        "evidence": {"url": "https://a.example/", "title": "T", "stance": "context"},
        "return": {"note": "n"},
        "correct": {"note": "n"},
    }
    body = next((b for key, b in bodies.items() if path.endswith(f"/{key}/")), {})
    response = getattr(client_for(erin), method)(
        path.format(claim=claim.pk), body, format="json", HTTP_IF_MATCH='"review-999999-v1"'
    )

    assert_refused(response, 404)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"assignee": "nobody-by-this-name"},
        {"assignee": 999999},
        {"assignee": "alice", "due_at": "tomorrow"},
        {"assignee": ["alice"]},
    ],
)
def test_assigning_with_bad_input_is_refused(erin, alice, claim: Claim, body) -> None:
    response = client_for(erin).post(f"/api/v1/claims/{claim.pk}/assign/", body, format="json")

    assert_refused(response, 400)
    assert not Review.objects.exists()


def test_assigning_to_someone_without_a_desk_role_is_refused(erin, nora, claim) -> None:
    response = client_for(erin).post(
        f"/api/v1/claims/{claim.pk}/assign/", {"assignee": "nora"}, format="json"
    )

    assert "not a fact-checker" in assert_refused(response, 400)["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "status=bogus",
        "ordering=-text",
        "page=99",
        "page=abc",
        "seen_after=yesterday",
        "q=" + "x" * 201,
    ],
)
def test_bad_triage_queries_are_refused(alice: User, claim: Claim, query: str) -> None:
    response = client_for(alice).get(f"/api/v1/claims/?{query}")

    assert response.status_code in (400, 404)
    assert response.json()["detail"]


def test_a_blank_dismissal_reason_is_refused(alice: User, claim: Claim) -> None:
    response = client_for(alice).post(
        f"/api/v1/claims/{claim.pk}/dismiss/", {"reason": "   "}, format="json"
    )

    assert_refused(response, 400)
    claim.refresh_from_db()
    assert claim.status == "flagged"
    assert not ReviewEvent.objects.exists()
