"""Linking a new claim costs a fixed number of queries, whatever it finds."""

import pytest

from claims.models import ClaimLink
from claims.services.links import claim_suggest_links
from tests.links.conftest import said

pytestmark = pytest.mark.django_db

LONG = "Veltrian troops were deployed to the Lindau district of Ostmark in February"


def test_linking_a_new_claim_costs_a_fixed_number_of_queries(
    person, django_assert_max_num_queries
) -> None:
    government = person("Veltrian government")
    for n in range(6):
        said(person(f"Minister {n}", government), f"{LONG} and {n} more battalions")
    new = said(person("Mira Kessel", government), LONG, stance="confirms", cue="confirmed")

    # Context, candidates, existing links, the insert, and (these are confirmed
    # automatically) the audit events in a transaction, then the links read back.
    with django_assert_max_num_queries(9):
        links = claim_suggest_links(claim=new)

    assert len(links) == 6 and all(link.from_claim == new for link in links)
    with django_assert_max_num_queries(4):
        assert claim_suggest_links(claim=new) == links  # nothing new to store
    assert ClaimLink.objects.count() == 6
