"""A search of several common words (an outlet's name) is counted by walking the table
when that meets cap + 1 matches sooner than the GIN index reads every word's posting
list; the count is the same either way."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import claims.search
from claims.models import Claim
from claims.search import walk_counts
from tests import factories

pytestmark = pytest.mark.django_db

MILLION = 1_000_000.0


def test_an_outlets_two_common_words_are_walked() -> None:
    # "Northbay" in 1 claim in 5, "Gazette" in 3 in 10; 1 claim in 10 has both.
    assert walk_counts([0.2, 0.3], 100_000, MILLION, cap=1000)


def test_one_word_is_left_to_the_planner() -> None:
    assert not walk_counts([0.3], 300_000, MILLION, cap=1000)


def test_common_words_that_rarely_meet_read_the_index() -> None:
    # 1 claim in 200 has both: a walk would test ~200,000 claims for 1,001 matches.
    assert not walk_counts([0.2, 0.3], 5_000, MILLION, cap=1000)


def test_words_that_meet_as_often_as_they_occur_read_the_index() -> None:
    # Two 5 % words always together: 100,000 entries read, against ~20,000 claims walked.
    assert not walk_counts([0.05, 0.05], 50_000, MILLION, cap=1000)


def test_a_filter_that_leaves_few_claims_is_never_walked() -> None:
    # The outlet's claims that are checked: 1 in 100, under the least share walked.
    assert not walk_counts([0.2, 0.3], 10_000, MILLION, cap=10)


def test_a_table_never_analysed_is_never_walked() -> None:
    assert not walk_counts([0.2, 0.3], 100_000, -1, cap=1000)


@pytest.fixture
def analysed_desk(monkeypatch) -> list[Claim]:
    """Six claims seen in Coastal Wire and two elsewhere, with the column's word
    frequencies analysed and a walked row priced at half a posting entry: at this size
    the outlet is walked, a word in one claim is not."""
    mayor = factories.speaker("Orla Brandt", "mayor")
    coastal = [
        factories.said(f"the {thing} will reopen", who=mayor, outlet="Coastal Wire")
        for thing in ("ferry", "market", "quay", "pier", "lighthouse", "museum")
    ]
    for thing in ("school", "library"):
        factories.said(f"the {thing} will reopen", who=mayor, outlet="Harbour Times")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")
    monkeypatch.setattr(claims.search, "_stats", {})
    monkeypatch.setattr(claims.search, "WALK_ROW_COST", 0.5)
    return coastal


def counted(q: str, cap: int) -> tuple[int, str]:
    """The capped count of `q` and the SQL of the count query."""
    with CaptureQueriesContext(connection) as queries:
        count = Claim.objects.search(q).capped_count(cap)
    return count, next(qy["sql"] for qy in queries if "COUNT(*)" in qy["sql"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the walk is PostgreSQL's")
@pytest.mark.parametrize("cap", [1, 3, 5, 6, 10])
def test_an_outlet_counted_by_walking_counts_what_the_index_counts(analysed_desk, cap) -> None:
    walked, sql = counted("Coastal Wire", cap)

    assert "IS TRUE" in sql  # walked: the GIN index cannot serve the condition
    assert walked == min(6, cap + 1)
    assert Claim.objects.search("coastal wire -ferry").capped_count(cap) == min(5, cap + 1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the walk is PostgreSQL's")
def test_a_search_with_a_rare_word_reads_the_index(analysed_desk) -> None:
    count, sql = counted("Coastal lighthouse", 3)

    assert count == 1
    assert "IS TRUE" not in sql


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the walk is PostgreSQL's")
def test_a_page_after_a_walked_count_under_the_cap_reads_the_index(analysed_desk) -> None:
    searched = Claim.objects.search("Coastal Wire").order_by("-priority", "-id")

    assert searched.capped_count(10) == 6
    assert "IS TRUE" not in str(searched[:2].query)
    assert {claim.pk for claim in searched} == {claim.pk for claim in analysed_desk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the walk is PostgreSQL's")
def test_a_named_speaker_counted_by_walking_still_collects_the_page(analysed_desk) -> None:
    searched = Claim.objects.search("Orla Brandt").order_by("-priority", "-id")
    count, sql = counted("Orla Brandt", 3)

    assert (count, "IS TRUE" in sql) == (4, True)
    assert searched.capped_count(3) == 4
    assert "IS TRUE" not in str(searched[:2].query)  # her claims first, read from the index
