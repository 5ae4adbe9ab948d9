"""Every review-API endpoint × every kind of caller, each cell asserted.

Columns: anonymous, nora (signed in, no role), bob (checker, not the
assignee), alice (checker, the assignee), erin (editor), adam (admin).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver
from rest_framework.test import APIClient

from claims.external_models import ExternalFactCheck
from claims.models import Claim
from reviews.api import urls as api_urls
from reviews.models import Evidence, Notification, Review, ReviewEvent
from reviews.services import review_approve, review_correct
from tests.api.conftest import add_primary_evidence, etag, make_claim
from tests.conftest import PASSWORD, client_for

ROLES = ("anonymous", "nora", "bob", "alice", "erin", "adam")


@dataclass
class World:
    claim: Claim
    review: Review | None
    evidence: Evidence | None
    actor: User | None
    notification: Notification | None = None


@dataclass
class Endpoint:
    route: str
    method: str
    stage: str  # dismissed, flagged, assigned, submitted, published or correcting
    path: Callable[[World], str]
    expected: tuple[int, int, int, int, int, int]
    body: Callable[[World], dict[str, Any]] | None = None
    if_match: bool = False


def claim_path(suffix: str = "") -> Callable[[World], str]:
    return lambda w: f"/api/v1/claims/{w.claim.pk}/{suffix}"


def external_check_path(verb: str) -> Callable[[World], str]:
    """Another publisher's fact-check of the world's claim, used by `verb`."""

    def path(w: World) -> str:
        check = ExternalFactCheck.objects.create(
            url=f"https://harbortruth.example/checks/{w.claim.pk}",
            publisher="Harbor Truth Desk",
            claim_reviewed=w.claim.text,
            rating_text="False",
            fingerprint=f"matrix-{w.claim.pk}",
        )
        return f"/api/v1/claims/{w.claim.pk}/external-checks/{check.pk}/{verb}/"

    return path


def review_path(suffix: str = "") -> Callable[[World], str]:
    return lambda w: f"/api/v1/reviews/{w.review.pk}/{suffix}"


EVIDENCE = {
    "url": "https://stats.example/x",
    "title": "Stats",
    "excerpt": "Numbers.",
    "stance": "context",
    "primary_source": True,
}

MATRIX = [
    Endpoint(
        "claim-list", "get", "assigned", lambda w: "/api/v1/claims/", (401, 403, 200, 200, 200, 200)
    ),
    Endpoint("claim-detail", "get", "assigned", claim_path(), (401, 403, 200, 200, 200, 200)),
    # Taking an unassigned claim: checkers may take it themselves.
    Endpoint(
        "claim-assign",
        "post",
        "flagged",
        claim_path("assign/"),
        (401, 403, 201, 201, 201, 201),
        body=lambda w: {"assignee": w.actor.username if w.actor else "alice"},
    ),
    # Handing Alice's claim to Bob is an editor's decision.
    Endpoint(
        "claim-assign",
        "post",
        "assigned",
        claim_path("assign/"),
        (401, 403, 403, 403, 200, 200),
        body=lambda w: {"assignee": "bob"},
    ),
    Endpoint(
        "claim-dismiss",
        "post",
        "flagged",
        claim_path("dismiss/"),
        (401, 403, 200, 200, 200, 200),
        body=lambda w: {"reason": "Opinion, not a fact."},
    ),
    Endpoint(
        "claim-dismiss",
        "post",
        "assigned",
        claim_path("dismiss/"),
        (401, 403, 403, 200, 200, 200),
        body=lambda w: {"reason": "Opinion, not a fact."},
    ),
    Endpoint(
        "claim-restore",
        "post",
        "dismissed",
        claim_path("restore/"),
        (401, 403, 403, 403, 200, 200),
    ),
    Endpoint(
        "claim-evidence",
        "post",
        "assigned",
        claim_path("evidence/"),
        (401, 403, 403, 201, 201, 201),
        body=lambda w: EVIDENCE,
    ),
    Endpoint(
        "claim-remove-evidence",
        "delete",
        "assigned",
        lambda w: f"/api/v1/claims/{w.claim.pk}/evidence/{w.evidence.pk}/",
        (401, 403, 403, 204, 204, 204),
    ),
    # As evidence: a checker takes an unassigned claim by attaching; else assignee, editors.
    Endpoint(
        "claim-attach-external-check",
        "post",
        "flagged",
        external_check_path("attach"),
        (401, 403, 201, 201, 201, 201),
    ),
    Endpoint(
        "claim-attach-external-check",
        "post",
        "assigned",
        external_check_path("attach"),
        (401, 403, 403, 201, 201, 201),
    ),
    # As dismiss.
    Endpoint(
        "claim-dismiss-as-checked",
        "post",
        "flagged",
        external_check_path("dismiss"),
        (401, 403, 200, 200, 200, 200),
    ),
    Endpoint(
        "claim-dismiss-as-checked",
        "post",
        "assigned",
        external_check_path("dismiss"),
        (401, 403, 403, 200, 200, 200),
    ),
    Endpoint(
        "rating-list",
        "get",
        "flagged",
        lambda w: "/api/v1/ratings/",
        (200, 200, 200, 200, 200, 200),
    ),
    Endpoint(
        "review-list",
        "get",
        "assigned",
        lambda w: "/api/v1/reviews/",
        (401, 403, 200, 200, 200, 200),
    ),
    Endpoint("review-detail", "get", "assigned", review_path(), (401, 403, 200, 200, 200, 200)),
    Endpoint(
        "review-detail",
        "patch",
        "assigned",
        review_path(),
        (401, 403, 403, 200, 200, 200),
        body=lambda w: {"summary": "Draft."},
        if_match=True,
    ),
    Endpoint(
        "review-start", "post", "assigned", review_path("start/"), (401, 403, 403, 200, 403, 403)
    ),
    Endpoint(
        "review-submit", "post", "assigned", review_path("submit/"), (401, 403, 403, 200, 403, 403)
    ),
    Endpoint(
        "review-approve",
        "post",
        "submitted",
        review_path("approve/"),
        (401, 403, 403, 403, 200, 200),
    ),
    Endpoint(
        "review-return",
        "post",
        "submitted",
        review_path("return/"),
        (401, 403, 403, 403, 200, 200),
        body=lambda w: {"note": "Cite the minutes."},
    ),
    Endpoint(
        "review-correct",
        "post",
        "published",
        review_path("correct/"),
        (401, 403, 403, 403, 200, 200),
        body=lambda w: {"note": "Date was wrong."},
    ),
    Endpoint(
        "review-close-correction",
        "post",
        "correcting",
        review_path("close-correction/"),
        (401, 403, 403, 403, 200, 200),
        body=lambda w: {"note": "The date was right."},
    ),
    Endpoint("claim-story", "get", "flagged", claim_path("story/"), (401, 403, 200, 200, 200, 200)),
    Endpoint(
        "review-comments",
        "get",
        "assigned",
        review_path("comments/"),
        (401, 403, 403, 200, 200, 200),
    ),
    Endpoint(
        "review-comments",
        "post",
        "assigned",
        review_path("comments/"),
        (401, 403, 403, 201, 201, 201),
        body=lambda w: {"text": "@erin is the minute enough?"},
    ),
    Endpoint(
        "notification-list",
        "get",
        "assigned",
        lambda w: "/api/v1/notifications/",
        (401, 403, 200, 200, 200, 200),
    ),
    Endpoint(
        "notification-read",
        "post",
        "assigned",
        lambda w: f"/api/v1/notifications/{w.notification.pk}/read/",
        # Only the recipient (alice, assigned by erin) has this one; for others it does not exist.
        (401, 403, 404, 200, 404, 404),
    ),
    Endpoint(
        "review-events", "get", "assigned", review_path("events/"), (401, 403, 200, 200, 200, 200)
    ),
    Endpoint(
        "review-versions",
        "get",
        "published",
        review_path("versions/"),
        (401, 403, 200, 200, 200, 200),
    ),
    Endpoint(
        "auth-token",
        "post",
        "flagged",
        lambda w: "/api/v1/auth/token/",
        (200, 200, 200, 200, 200, 200),
        body=lambda w: {"username": w.actor.username if w.actor else "alice", "password": PASSWORD},
    ),
]


def build_world(stage: str, alice, erin, frank, rating) -> World:
    if stage == "dismissed":
        return World(make_claim(status=Claim.Status.DISMISSED), None, None, None)
    claim = make_claim()
    if stage == "flagged":
        return World(claim, None, None, None)
    from reviews.services import claim_assign, review_submit

    review = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)[0]
    evidence = add_primary_evidence(review, alice)
    # The verdict is written straight to the row: the matrix is about access, not workflow.
    Review.objects.filter(pk=review.pk).update(rating=rating, summary="September, not May.")
    if stage in ("submitted", "published", "correcting"):
        review_submit(review_id=review.pk, actor=alice)
    if stage in ("published", "correcting"):
        review_approve(review_id=review.pk, actor=frank)
    if stage == "correcting":
        review_correct(review_id=review.pk, actor=frank, note="A reader says the date is wrong.")
    review.refresh_from_db()
    assigned = ReviewEvent.objects.get(review=review, action="assigned")
    notification = Notification.objects.create(
        recipient=alice, kind="assigned", review=review, event=assigned, key=f"event:{assigned.pk}"
    )
    return World(claim, review, evidence, None, notification)


def cells() -> list[Any]:
    return [
        pytest.param(
            endpoint,
            role,
            code,
            id=f"{endpoint.method} {endpoint.route} ({endpoint.stage}) as {role} → {code}",
        )
        for endpoint in MATRIX
        for role, code in zip(ROLES, endpoint.expected, strict=True)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "role", "code"), cells())
def test_permission_matrix(
    endpoint: Endpoint, role: str, code: int, request, alice, bob, erin, frank, adam, nora, rating
) -> None:
    world = build_world(endpoint.stage, alice, erin, frank, rating)
    actor = None if role == "anonymous" else request.getfixturevalue(role)
    world.actor = actor
    client = APIClient() if actor is None else client_for(actor)
    headers = {"HTTP_IF_MATCH": etag(world.review)} if world.review and endpoint.if_match else {}
    body = endpoint.body(world) if endpoint.body else None
    response = getattr(client, endpoint.method)(
        endpoint.path(world), body, format="json", **headers
    )

    assert response.status_code == code, response.content
    if code >= 400:
        assert "detail" in response.json()
    if code == 401:
        assert response["WWW-Authenticate"] == "Token"


def route_names(patterns: list[Any]) -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            names |= route_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(pattern.name)
    return names


def test_the_matrix_covers_every_route_of_the_review_api() -> None:
    assert route_names(api_urls.workflow) == {endpoint.route for endpoint in MATRIX}
