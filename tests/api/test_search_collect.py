"""A rare search collects the ids of its matches once; its count and its page read them."""

import pytest
from django.db import connection

import claims.search
from claims.models import Claim
from tests.api.conftest import make_claim
from tests.conftest import client_for

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="collecting is PostgreSQL's"),
]


@pytest.fixture
def desk(alice) -> list[Claim]:
    """Four claims about the harbour (one only through an appearance) and one other."""
    return [
        make_claim("The harbour bridge reopens in May.", priority=0.9),
        make_claim("Ferries resume.", content="the harbour ferries resume", priority=0.8),
        make_claim("Harbour fees will double.", priority=0.7, status="dismissed"),
        make_claim("The harbour is dredged.", priority=0.5),
        make_claim("Taxes will fall.", priority=0.95, outlet="City Ledger"),
    ]


def test_a_rare_search_is_counted_from_its_collected_ids_without_another_query(
    desk, django_assert_num_queries
) -> None:
    searched = Claim.objects.search("harbour")

    with django_assert_num_queries(0):
        assert searched.capped_count(10) == 4
        assert searched.capped_count(2) == 3


def test_a_filtered_rare_search_is_counted_by_reading_its_ids(desk) -> None:
    assert Claim.objects.search("harbour").filter(status="dismissed").capped_count(10) == 1
    assert Claim.objects.filter(status="flagged").search("harbour").capped_count(10) == 3


@pytest.mark.parametrize(
    ("path", "count"),
    [
        ("/api/v1/claims/?q=harbour", 4),
        ("/api/v1/claims/?q=harbour&status=flagged", 3),
        ("/api/v1/claims/?q=harbour&page_size=2&page=2", 4),
        ("/api/v1/claims/?q=Mara Oduya", 5),  # named: every claim is hers
    ],
)
def test_past_the_collected_limit_a_search_finds_the_same_claims(
    alice, desk, path: str, count: int, monkeypatch
) -> None:
    client = client_for(alice)
    collected = client.get(path).json()
    monkeypatch.setattr(claims.search, "MAX_COLLECTED", 2)  # too many ids to send back

    read_again = client.get(path).json()

    assert read_again == collected
    assert collected["count"] == count
