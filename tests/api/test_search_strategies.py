"""A search reads one vector per claim, walking the triage order (a common word) or
collecting its matches from the GIN index (a rare one), as the planner finds cheaper:
the same answers either way."""

import pytest
from django.db import connection

from claims.models import Claim
from reviews.api import pagination
from tests.api.conftest import make_claim
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def desk(alice) -> list[Claim]:
    """Five claims about the harbour (two only through an appearance) and one other,
    seen in another outlet (`q` matches outlets too)."""
    return [
        make_claim("The harbour bridge reopens in May.", priority=0.9),
        make_claim("Ferries resume.", content="the harbour ferries resume", priority=0.8),
        make_claim("Harbour fees will double.", priority=0.7, status="dismissed"),
        make_claim("Cranes are idle.", content="harbour cranes stand idle", priority=0.6),
        make_claim("The harbour is dredged.", priority=0.5),
        make_claim("Taxes will fall.", priority=0.95, outlet="City Ledger"),
    ]


PATHS = [
    "/api/v1/claims/?q=harbour",
    "/api/v1/claims/?q=harbour&ordering=priority",
    "/api/v1/claims/?q=harbour&status=flagged",
    "/api/v1/claims/?q=harbour -ferries",
    "/api/v1/claims/?q=harbour&page_size=2&page=2",
    "/api/v1/claims/?q=volcano",
]


def plan(walk: bool) -> None:
    """Make PostgreSQL walk the triage index, testing each claim, or read the GIN index."""
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            cursor.execute(f"SET LOCAL {setting} = {'off' if walk else 'on'}")
        cursor.execute(f"SET LOCAL enable_indexscan = {'on' if walk else 'off'}")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="both ways are PostgreSQL's")
@pytest.mark.parametrize("path", PATHS)
def test_walking_the_order_finds_what_collecting_the_matches_finds(alice, desk, path: str) -> None:
    client = client_for(alice)
    plan(walk=False)
    collected = client.get(path).json()
    plan(walk=True)

    walked = client.get(path).json()

    assert walked == collected
    assert "search_vector" in str(Claim.objects.search("harbour").query)


def test_a_search_ranks_its_matches_by_priority(alice, desk) -> None:
    response = client_for(alice).get("/api/v1/claims/?q=harbour")

    assert ids(response) == [claim.pk for claim in desk[:5]]
    assert response.json()["count"] == 5
    assert response.json()["count_capped"] is False


def test_a_search_is_counted_up_to_its_own_cap(alice, desk, monkeypatch) -> None:
    monkeypatch.setattr(pagination, "SEARCH_COUNT_CAP", 3)
    client = client_for(alice)

    searched = client.get("/api/v1/claims/?q=harbour&page_size=2").json()
    everything = client.get("/api/v1/claims/").json()

    assert (searched["count"], searched["count_capped"]) == (3, True)
    assert [row["id"] for row in searched["results"]] == [desk[0].pk, desk[1].pk]
    assert searched["next"] is not None
    assert (everything["count"], everything["count_capped"]) == (6, False)


def test_a_search_counts_exactly_under_its_cap(desk) -> None:
    # Three claims say "harbour" themselves, two more only through an appearance.
    assert Claim.objects.search("harbour").capped_count(1) == 2
    assert Claim.objects.search("harbour").capped_count(3) == 4
    assert Claim.objects.search("harbour").capped_count(10) == 5
    assert Claim.objects.search("harbour").filter(status="dismissed").capped_count(10) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the walk is PostgreSQL's")
def test_a_search_counted_past_its_cap_walks_the_order_for_its_page(desk) -> None:
    searched = Claim.objects.search("harbour").order_by("-priority", "-id")
    from_the_index = list(searched[:2])

    assert searched.capped_count(2) == 3  # common: the page is read along the order now

    assert "IS TRUE" in str(searched[:2].query)
    assert list(searched[:2]) == from_the_index
    assert searched.capped_count(10) == 5 and "IS TRUE" not in str(searched[:2].query)
