"""`q` finds what people type: a statement, a speaker's name, alias or title, the body
they speak for, an article's title or outlet; a name ranks that speaker's claims first."""

import pytest
from django.db import connection

import claims.search
from claims.models import Speaker, SpeakerAlias
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    """Four claims of a small newsroom; the words searched for are each in one place."""
    ministry = factories.speaker("Ministry of Harbours", official=True)
    vell = factories.speaker("Tomas Vell", "port commissioner", body=ministry)
    SpeakerAlias.objects.create(speaker=vell, alias="Tom Vell", key="tom vell")
    orla = factories.speaker("Orla Brandt", "mayor")
    return {
        "vell": factories.said(
            "dredging will finish in June", who=vell, priority=0.2, outlet="Coastal Wire"
        ),
        "orla": factories.said(
            "the ferry fare stays at two crowns",
            who=orla,
            priority=0.9,
            title="Ferry fares frozen for a year",
        ),
        "orla_on_vell": factories.said(
            "Vell's dredging plan is late", who=orla, priority=0.8, claim_text="the plan is late"
        ),
        "statement_only": factories.said(
            "it will close",
            who=orla,
            priority=0.1,
            statement="Mayor Orla Brandt said the Northgate lighthouse will close.",
        ),
    }


def found(user, q: str) -> list[int]:
    response = client_for(user).get("/api/v1/claims/", {"q": q})
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_a_word_only_in_the_statement_finds_the_claim(alice, desk) -> None:
    assert found(alice, "lighthouse") == [desk["statement_only"].pk]


def test_an_alias_finds_the_speakers_claims(alice, desk) -> None:
    assert found(alice, '"Tom Vell"') == [desk["vell"].pk]


def test_a_title_finds_the_claims_of_who_holds_it(alice, desk) -> None:
    assert found(alice, "commissioner") == [desk["vell"].pk]


def test_a_body_finds_the_claims_of_who_speaks_for_it(alice, desk) -> None:
    assert found(alice, "Ministry of Harbours") == [desk["vell"].pk]


def test_an_outlet_and_an_article_title_find_the_claims_seen_there(alice, desk) -> None:
    assert found(alice, "Coastal Wire") == [desk["vell"].pk]
    assert found(alice, "frozen") == [desk["orla"].pk]


def test_a_name_ranks_that_speakers_claims_before_claims_that_mention_them(alice, desk) -> None:
    # Orla Brandt's claim about Vell has the higher priority; Vell's own comes first.
    assert found(alice, "Vell") == [desk["vell"].pk, desk["orla_on_vell"].pk]


def test_the_statement_is_in_each_row(alice, desk) -> None:
    response = client_for(alice).get("/api/v1/claims/", {"q": "lighthouse"})
    row = response.json()["results"][0]
    assert row["statement"] == "Mayor Orla Brandt said the Northgate lighthouse will close."
    assert row["text"] == "it will close"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="names are looked up in SQL")
def test_only_a_named_speaker_with_claims_of_their_own_is_ranked_first(desk) -> None:
    # The ministry speaks through Vell; its name finds his claim but reorders nothing,
    # so a common search by it can walk the triage order.
    vell = Speaker.objects.get(name="Tomas Vell")

    assert claims.search.named_speakers("Ministry of Harbours") == ()
    assert claims.search.named_speakers("Tom Vell") == (vell.pk,)
