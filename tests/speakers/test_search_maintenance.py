"""What `q` finds a claim by follows its sightings and its speaker: a new sighting, a
rename, an alias, a body's new name and a merge each make the claims findable at once
(or, for a speaker with many claims, once the queued refresh ran)."""

import pytest
from django.db import connection

import claims.services.search
from claims.models import Article, Claim, Speaker
from claims.services.claims import appearance_promote
from claims.services.speakers import speaker_alias_add, speaker_merge, speaker_update
from claims.tasks import refresh_speaker_search
from tests import factories

pytestmark = pytest.mark.django_db


def found(q: str) -> list[int]:
    return list(Claim.objects.search(q).order_by("-priority", "-id").values_list("pk", flat=True))


@pytest.fixture
def vell() -> Speaker:
    ministry = factories.speaker("Ministry of Harbours", official=True)
    return factories.speaker("Tomas Vell", "port commissioner", body=ministry)


@pytest.fixture
def dredging(vell: Speaker) -> Claim:
    return factories.said("dredging will finish in June", who=vell, priority=0.5)


def rename(speaker: Speaker, actor, name: str, *, body: Speaker | None = None) -> None:
    speaker_update(
        speaker_id=speaker.pk,
        actor=actor,
        name=name,
        title=speaker.title,
        kind=speaker.kind,
        is_official=speaker.is_official,
        official_reason=speaker.official_reason,
        body=body if body is not None else speaker.body,
    )


def test_a_new_sighting_makes_the_claim_findable_by_its_articles_title(
    erin, vell, dredging
) -> None:
    url = "https://coastalwire.example/lighthouse-strike"
    article = Article.objects.create(
        url=url,
        canonical_url=url,
        outlet="Coastal Wire",
        title="Lighthouse keepers walk out",
        text="Tomas Vell said dredging will finish in June.",
        status=Article.Status.EXTRACTED,
    )
    sighting = factories.appearance(
        article, "dredging will finish in June", speaker=vell, claim=None, official=False
    )
    assert found("lighthouse keepers") == []

    claim = appearance_promote(appearance_id=sighting.pk, actor=erin)

    assert claim == dredging  # the statement repeats the claim: one more sighting of it
    assert found("lighthouse keepers") == [dredging.pk]
    assert found('"Coastal Wire"') == [dredging.pk]


def test_renaming_a_speaker_finds_their_claims_by_the_new_name_only(erin, vell, dredging) -> None:
    rename(vell, erin, "Tomas Vell-Harju")

    assert found("Harju") == [dredging.pk]
    assert found("Vell-Harju dredging") == [dredging.pk]
    assert found("Tomas") == [dredging.pk]
    assert found("commissioner") == [dredging.pk]


@pytest.fixture
def mentions() -> Claim:
    """The mayor's claim that names Vell by a nickname, of a higher priority than his."""
    orla = factories.speaker("Orla Brandt", "mayor")
    return factories.said("Tommy V. is late with the dredging", who=orla, priority=0.9)


def test_an_alias_finds_the_speakers_claims(erin, vell, dredging, mentions) -> None:
    assert found("Tommy") == [mentions.pk]

    speaker_alias_add(speaker_id=vell.pk, actor=erin, alias="Tommy V.")

    assert set(found("Tommy")) == {dredging.pk, mentions.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="names are looked up in SQL")
def test_a_new_alias_ranks_the_speakers_claims_first(erin, vell, dredging, mentions) -> None:
    speaker_alias_add(speaker_id=vell.pk, actor=erin, alias="Tommy V.")

    assert found("Tommy") == [dredging.pk, mentions.pk]


def test_a_bodys_new_name_finds_the_claims_of_those_who_speak_for_it(erin, vell, dredging) -> None:
    rename(vell.body, erin, "Port Authority")

    assert found('"Port Authority"') == [dredging.pk]
    assert found("Ministry") == []


def test_merged_claims_are_found_by_the_survivors_name_first(erin, vell, dredging) -> None:
    duplicate = factories.speaker("T. Vell", "commissioner")
    quay = factories.said("the quay reopens on Monday", who=duplicate, priority=0.9)
    assert found("Tomas quay") == []

    speaker_merge(speaker_id=duplicate.pk, into_id=vell.pk, actor=erin)

    assert found("Tomas quay") == [quay.pk]
    assert found("Ministry") == [quay.pk, dredging.pk]  # the body it now speaks for
    assert found('"T. Vell"') == [quay.pk, dredging.pk]  # the old name is an alias now


@pytest.mark.skipif(connection.vendor != "postgresql", reason="elsewhere search reads the rows")
def test_a_speaker_with_many_claims_is_refreshed_by_a_task_after_commit(
    erin, vell, dredging, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    monkeypatch.setattr(claims.services.search, "INLINE", 0)
    monkeypatch.setattr(claims.services.search, "BATCH", 1)  # one claim per transaction
    ferry = factories.said("the ferry runs again", who=vell, priority=0.7)

    with django_capture_on_commit_callbacks(execute=False) as queued:
        rename(vell, erin, "Tomas Harju")
    assert len(queued) == 1 and found("Harju") == []  # not yet

    assert refresh_speaker_search([vell.pk], True) == 2
    assert refresh_speaker_search([vell.pk], True) == 2  # a redelivery changes nothing
    assert found("Harju") == [ferry.pk, dredging.pk]
