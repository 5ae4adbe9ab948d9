"""The triage queue: filters, search, ordering, what each row explains, query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from claims.models import Appearance, Claim, ClaimLink
from reviews.services import claim_assign
from tests.api.conftest import make_claim
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_the_queue_ranks_by_priority_and_says_why(alice) -> None:
    low = make_claim("Taxes will fall.", priority=0.2)
    high = make_claim("The bridge reopens in May.", priority=0.9)

    response = client_for(alice).get("/api/v1/claims/")

    assert ids(response) == [high.pk, low.pk]
    row = response.json()["results"][0]
    assert row["priority"] == 0.9
    assert row["priority_reasons"] == ["official speaker (mayor)", "appears in 1 article"]
    assert row["speaker"]["name"] == "Mara Oduya"
    assert row["speaker"]["is_official"] is True
    assert row["outlet"] == "Harbour Times"
    assert row["appearance_count"] == 1
    assert row["open_review"] is None
    assert response.json()["count"] == 2


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("priority", ["low", "high", "old"]),
        ("recency", ["low", "high", "old"]),
        ("-last_seen_at", ["low", "high", "old"]),
        ("reach", ["old", "high", "low"]),
    ],
)
def test_the_queue_orders_by_recency_or_reach(alice, ordering: str, expected: list) -> None:
    claims = {
        "old": make_claim("Old news.", priority=0.95, seen=timedelta(days=9)),
        "high": make_claim("High.", priority=0.9, seen=timedelta(days=1)),
        "low": make_claim("Low.", priority=0.1),
    }
    Claim.objects.filter(pk=claims["old"].pk).update(appearance_count=30)
    Claim.objects.filter(pk=claims["high"].pk).update(appearance_count=3)

    response = client_for(alice).get(f"/api/v1/claims/?ordering={ordering}")

    assert ids(response) == [claims[name].pk for name in expected]


def test_the_queue_filters_by_status_official_speaker_outlet_and_dates(alice, erin) -> None:
    mayor = make_claim("The bridge reopens in May.", outlet="Harbour Times")
    blogger = make_claim(
        "Bridges are a hoax.", speaker="Random Blogger", official=False, outlet="Blog"
    )
    old = make_claim("Ferries run hourly.", seen=timedelta(days=30))
    claim_assign(claim_id=old.pk, actor=erin, assignee=alice)
    client = client_for(alice)
    week_ago = (timezone.now() - timedelta(days=7)).isoformat().replace("+00:00", "Z")

    assert ids(client.get("/api/v1/claims/?status=in_review")) == [old.pk]
    assert ids(client.get("/api/v1/claims/?official=false")) == [blogger.pk]
    assert ids(client.get(f"/api/v1/claims/?speaker={blogger.speaker_id}")) == [blogger.pk]
    assert ids(client.get("/api/v1/claims/?speaker=blogger")) == [blogger.pk]
    assert ids(client.get("/api/v1/claims/?outlet=blog")) == [blogger.pk]
    assert set(ids(client.get(f"/api/v1/claims/?seen_after={week_ago}"))) == {
        mayor.pk,
        blogger.pk,
    }
    assert ids(client.get(f"/api/v1/claims/?seen_before={week_ago}")) == [old.pk]


def test_search_finds_claim_text_and_appearance_text(alice) -> None:
    by_text = make_claim("The harbour bridge will reopen in May.")
    by_appearance = make_claim(
        "Crossing to be restored.", content="the old harbour crossing will be restored"
    )
    make_claim("Taxes will fall next year.", outlet="City Ledger")  # q matches outlets too
    client = client_for(alice)

    assert set(ids(client.get("/api/v1/claims/?q=harbour"))) == {by_text.pk, by_appearance.pk}
    assert ids(client.get("/api/v1/claims/?q=restored")) == [by_appearance.pk]
    assert ids(client.get("/api/v1/claims/?q=taxes -harbour")) == [
        Claim.objects.get(text__startswith="Taxes").pk
    ]
    assert ids(client.get("/api/v1/claims/?q=volcano")) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_search_stems_words_on_postgresql(alice) -> None:
    claim = make_claim("The ministry denied the reports.")

    assert ids(client_for(alice).get("/api/v1/claims/?q=denying report")) == [claim.pk]


def test_a_claim_in_detail(alice, erin) -> None:
    claim = make_claim("The bridge reopens in May.")
    other = make_claim("The bridge stays shut until autumn.", speaker="Port Authority")
    ClaimLink.objects.create(from_claim=claim, to_claim=other, kind="contradicts", score=0.8)
    review = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)[0]

    body = client_for(alice).get(f"/api/v1/claims/{claim.pk}/").json()

    appearance = Appearance.objects.get(claim=claim)
    assert body["speaker"]["title"] == "mayor"
    assert body["appearances"][0]["article"]["outlet"] == "Harbour Times"
    assert (body["appearances"][0]["content_start"], body["appearances"][0]["content_end"]) == (
        appearance.content_start,
        appearance.content_end,
    )
    assert [r["id"] for r in body["reviews"]] == [review.pk]
    assert body["open_review"]["assignee"]["username"] == "alice"
    assert body["links"] == [
        {
            "id": ClaimLink.objects.get().pk,
            "kind": "contradicts",
            "status": "suggested",
            "score": 0.8,
            "direction": "out",
            "claim": {
                "id": other.pk,
                "text": other.text,
                "statement": other.statement,
                "status": "flagged",
            },
        }
    ]
    assert body["evidence"] == []


# count, page, and (triage only) the open reviews of the page; on PostgreSQL a search
# first reads which speakers it names (their claims come first).
SEARCH_QUERIES = 4 if connection.vendor == "postgresql" else 3


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/api/v1/claims/", 3),
        ("/api/v1/claims/?q=bridge", SEARCH_QUERIES),
        ("/api/v1/reviews/", 2),
    ],
)
def test_list_endpoints_run_a_fixed_number_of_queries(
    alice, bob, erin, path: str, queries: int, django_assert_num_queries
) -> None:
    client = client_for(erin)
    claim_assign(claim_id=make_claim("The bridge opens.").pk, actor=erin, assignee=alice)
    client.get(path)  # warm the permission cache of the signed-in user
    with django_assert_num_queries(queries):
        client.get(path)

    for n in range(20):
        claim = make_claim(f"The bridge number {n} opens.", speaker=f"Speaker {n}")
        claim_assign(claim_id=claim.pk, actor=erin, assignee=bob if n % 2 else alice)

    with django_assert_num_queries(queries):
        response = client.get(path)
    assert len(response.json()["results"]) == 21


def test_the_event_list_runs_a_fixed_number_of_queries(
    erin, alice, django_assert_num_queries
) -> None:
    review = claim_assign(claim_id=make_claim().pk, actor=erin, assignee=alice)[0]
    client = client_for(erin)
    client.get(f"/api/v1/reviews/{review.pk}/events/")
    with django_assert_num_queries(3):  # the review, the count, the page
        client.get(f"/api/v1/reviews/{review.pk}/events/")
    for n in range(6):
        claim_assign(claim_id=review.claim_id, actor=erin, assignee=alice if n % 2 else erin)

    with django_assert_num_queries(3):
        response = client.get(f"/api/v1/reviews/{review.pk}/events/")
    assert response.json()["count"] == 7
