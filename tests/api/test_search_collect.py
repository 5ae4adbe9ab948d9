"""A search's page and its count read the same matches, filtered or not."""

import pytest

from claims.models import Claim
from tests.api.conftest import make_claim
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


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


def test_a_search_is_counted_before_and_after_a_filter(desk) -> None:
    assert Claim.objects.search("harbour").capped_count(10) == 4
    assert Claim.objects.search("harbour").capped_count(2) == 3
    assert Claim.objects.search("harbour").filter(status="dismissed").capped_count(10) == 1
    assert Claim.objects.filter(status="flagged").search("harbour").capped_count(10) == 3


@pytest.mark.parametrize(
    ("path", "count", "first"),
    [
        ("/api/v1/claims/?q=harbour", 4, 0),
        ("/api/v1/claims/?q=harbour&status=flagged", 3, 0),
        ("/api/v1/claims/?q=harbour&page_size=2&page=2", 4, 2),
        ("/api/v1/claims/?q=Mara Oduya", 5, 4),  # named: every claim is hers
    ],
)
def test_a_page_of_a_search_and_its_count_agree(
    alice, desk, path: str, count: int, first: int
) -> None:
    page = client_for(alice).get(path).json()

    assert page["count"] == count
    assert page["results"][0]["id"] == desk[first].pk
