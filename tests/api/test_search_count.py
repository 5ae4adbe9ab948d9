"""A search that reaches claims through their articles (an outlet's name) is counted no
further than the cap, and exactly under it: each claim once, however often it was seen."""

import pytest

from claims.models import Article, Claim
from reviews.api import pagination
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

OUTLET = "Coastal Wire"


def seen_again(claim: Claim, times: int) -> None:
    """`claim` reported again in `times` more of the outlet's articles."""
    appearance = claim.appearances.get()
    for n in range(times):
        url = f"https://coastalwire.example/follow-up-{claim.pk}-{n}"
        article = Article.objects.create(
            url=url,
            canonical_url=url,
            outlet=OUTLET,
            title="Harbour follow-up",
            text=appearance.sentence,
            status=Article.Status.EXTRACTED,
        )
        factories.appearance(article, appearance.content, speaker=claim.speaker, claim=claim)


@pytest.fixture
def desk() -> list[Claim]:
    """Five claims seen in Coastal Wire (one dismissed, one in four of its articles),
    by priority, and one seen only in another outlet."""
    mayor = factories.speaker("Orla Brandt", "mayor")
    # Seen four times and stored first, so a read in storage order meets its repeats first.
    lighthouse = factories.said(
        "the lighthouse will reopen in May", who=mayor, priority=0.8, outlet=OUTLET
    )
    seen_again(lighthouse, 3)
    ferry, market = (
        factories.said(f"the {thing} will reopen in May", who=mayor, priority=p, outlet=OUTLET)
        for thing, p in (("ferry", 0.9), ("market", 0.7))
    )
    quay = factories.said(
        "the quay will be rebuilt",
        who=mayor,
        priority=0.6,
        outlet=OUTLET,
        status=Claim.Status.DISMISSED,
    )
    pier = factories.said("the pier stays shut", who=mayor, priority=0.5, outlet=OUTLET)
    factories.said("fares stay at two crowns", who=mayor, priority=0.95, outlet="Harbour Times")
    return [ferry, lighthouse, market, quay, pier]


def listed(user, **params) -> dict:
    response = client_for(user).get("/api/v1/claims/", {"q": OUTLET, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_an_outlet_search_past_the_cap_says_the_count_is_capped(alice, desk, monkeypatch) -> None:
    monkeypatch.setattr(pagination, "SEARCH_COUNT_CAP", 3)

    page = listed(alice, page_size=2)

    assert (page["count"], page["count_capped"]) == (3, True)
    assert [row["id"] for row in page["results"]] == [desk[0].pk, desk[1].pk]


def test_under_the_cap_each_claim_seen_in_the_outlet_counts_once(alice, desk) -> None:
    everything = listed(alice)
    flagged = listed(alice, status="flagged")

    assert (everything["count"], everything["count_capped"]) == (5, False)
    assert [row["id"] for row in everything["results"]] == [claim.pk for claim in desk]
    assert (flagged["count"], flagged["count_capped"]) == (4, False)


@pytest.mark.parametrize("cap", range(1, 7))
def test_a_claim_seen_in_many_articles_never_cuts_the_count_short(desk, cap) -> None:
    # The lighthouse claim comes back once per article: four rows, one claim.
    assert Claim.objects.search(OUTLET).capped_count(cap) == min(5, cap + 1)
