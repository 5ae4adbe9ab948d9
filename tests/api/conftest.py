"""The cast and the claims of the review API tests."""

import itertools
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from claims.models import Claim
from reviews.models import Evidence, Rating, Review
from reviews.roles import ADMIN
from reviews.services import claim_assign, review_edit, review_submit, staff_upsert
from tests import factories
from tests.conftest import PASSWORD

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def private_cache(settings) -> None:
    """Throttle and lockout counters start from zero in every test.

    A fresh local-memory cache instead of clearing the shared Redis database,
    which other test runs and workers use at the same time.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"api-tests-{uuid.uuid4()}",
        }
    }


@pytest.fixture
def adam(db) -> User:
    return staff_upsert(username="adam", role=ADMIN, password=PASSWORD)[0]


@pytest.fixture
def nora(db) -> User:
    """Signed in, but holds no desk role."""
    return get_user_model().objects.create_user("nora", password=PASSWORD)


def make_claim(
    text: str = "The harbour bridge will reopen in May.",
    *,
    speaker: str = "Mara Oduya",
    outlet: str = "Harbour Times",
    priority: float = 0.5,
    official: bool = True,
    content: str | None = None,
    status: str = Claim.Status.FLAGGED,
    seen: timedelta = timedelta(0),
) -> Claim:
    """A mayor's claim, seen `seen` ago, in a one-sentence article ("Mayor X said …")."""
    person = factories.speaker(speaker, "mayor", official=official)
    return factories.said(
        content or text,
        who=person,
        claim_text=text,
        source=f"Mayor {speaker}",
        shape="{source} {cue} {content}",
        outlet=outlet,
        priority=priority,
        reasons=(f"official speaker ({person.title})", "appears in 1 article"),
        age=seen,
        status=status,
        official=official,
        appearance_official=False,
    )


@pytest.fixture
def claim(db) -> Claim:
    return make_claim()


@pytest.fixture
def rating(db) -> Rating:
    return Rating.objects.get(slug="false")


@pytest.fixture
def review(claim: Claim, alice: User, erin: User) -> Review:
    """Alice's review of the claim, assigned by Erin, nothing written yet."""
    return claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)[0]


def add_primary_evidence(review: Review, actor: User) -> Evidence:
    return factories.add_evidence(
        review,
        actor,
        url="https://stats.example/bridge-report.pdf",
        title="Bridge authority works schedule",
        excerpt="Works finish in September.",
    )


def write_verdict(review: Review, actor: User, rating: Rating) -> Review:
    review.refresh_from_db()
    return review_edit(
        review_id=review.pk,
        actor=actor,
        expected_version=review.version,
        rating=rating,
        summary="The works schedule says September.",
        explanation="The bridge authority's schedule ends in September.",
    )


@pytest.fixture
def submitted(review: Review, alice: User, rating: Rating) -> Review:
    add_primary_evidence(review, alice)
    write_verdict(review, alice, rating)
    return review_submit(review_id=review.pk, actor=alice)


def etag(review: Review) -> str:
    review.refresh_from_db()
    return review.etag
