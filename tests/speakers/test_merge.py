"""Merging two registry entries for one speaker: everything moves, detection follows."""

import pytest

from claims.events import Action, Subject
from claims.models import Appearance, Article, Claim, ClaimLink, Speaker, SpeakerAlias
from claims.services.speakers import speakers_known
from reviews.models import ReviewEvent
from tests.conftest import client_for
from tests.factories import speaker_with_claims

pytestmark = pytest.mark.django_db


def test_merging_two_speakers_with_1000_claims_each_leaves_nothing_on_the_removed_entry(
    erin,
) -> None:
    article = Article.objects.create(
        url="https://ledger.example/tolls", canonical_url="https://ledger.example/tolls"
    )
    survivor = speaker_with_claims("Department of Transport", article, 1000)
    absorbed = speaker_with_claims("the Department of Transport", article, 1000)
    SpeakerAlias.objects.create(speaker=absorbed, alias="DoT", key="dot")
    first, second = Claim.objects.filter(speaker=absorbed)[:1].get(), survivor.claims.first()
    assert second is not None
    link = ClaimLink.objects.create(from_claim=first, to_claim=second, kind="related", score=0.8)

    response = client_for(erin).post(
        f"/api/v1/speakers/{absorbed.pk}/merge/", {"into": survivor.pk}, format="json"
    )

    assert response.status_code == 200 and response.json()["id"] == survivor.pk
    assert not Speaker.objects.filter(pk=absorbed.pk).exists()
    assert not Claim.objects.filter(speaker_id=absorbed.pk).exists()
    assert not Appearance.objects.filter(speaker_id=absorbed.pk).exists()
    assert survivor.claims.count() == 2000 and survivor.appearances.count() == 2000
    link.refresh_from_db()
    assert link.from_claim.speaker_id == survivor.pk == link.to_claim.speaker_id
    assert set(response.json()["aliases"]) == {"DoT", "the Department of Transport"}
    detected = speakers_known(["the Department of Transport"])
    assert detected["department of transport"].pk == survivor.pk  # detection follows
    event = ReviewEvent.objects.get(
        action=Action.SPEAKER_MERGED, subject=Subject.SPEAKER, subject_id=survivor.pk
    )
    assert event.actor == erin and event.changes["moved"]["claims"] == 1000


def test_a_speaker_cannot_be_merged_into_itself_or_a_missing_one_and_checkers_cannot_merge(
    alice, erin
) -> None:
    ministry = Speaker.objects.create(name="Ministry of Finance", key="ministry of finance")

    itself = client_for(erin).post(f"/api/v1/speakers/{ministry.pk}/merge/", {"into": ministry.pk})
    missing = client_for(erin).post(f"/api/v1/speakers/{ministry.pk}/merge/", {"into": 999999})
    checker = client_for(alice).post(f"/api/v1/speakers/{ministry.pk}/merge/", {"into": 1})
    too_big = client_for(erin).post(f"/api/v1/speakers/{ministry.pk}/merge/", {"into": 2**70})

    assert itself.status_code == 400 and missing.status_code == 404 and too_big.status_code == 400
    assert checker.status_code == 403 and Speaker.objects.filter(pk=ministry.pk).exists()


def test_an_editor_merges_a_duplicate_from_the_desk_by_the_kept_entrys_name(client, erin) -> None:
    kept = Speaker.objects.create(name="Ministry of Health", key="ministry of health")
    duplicate = Speaker.objects.create(name="the Ministry of Health", key="the ministry of health")
    client.force_login(erin)

    response = client.post(
        f"/desk/speakers/{duplicate.pk}/merge/", {"into": "Ministry of Health"}, follow=True
    )

    assert "Merged the Ministry of Health into Ministry of Health." in response.content.decode()
    assert not Speaker.objects.filter(pk=duplicate.pk).exists()
    assert kept.aliases.get().alias == "the Ministry of Health"


def test_a_checker_cannot_merge_from_the_desk(client, alice) -> None:
    one = Speaker.objects.create(name="Ministry of Health", key="ministry of health")
    two = Speaker.objects.create(name="the Ministry of Health", key="the ministry of health")
    client.force_login(alice)

    client.post(f"/desk/speakers/{two.pk}/merge/", {"into": str(one.pk)})

    assert Speaker.objects.count() == 2


def test_a_merged_name_another_speaker_holds_as_an_alias_stays_theirs_and_the_merge_says_so(
    client, erin
) -> None:
    kept = Speaker.objects.create(name="Ministry of Health", key="ministry of health")
    duplicate = Speaker.objects.create(name="Health Ministry", key="health ministry")
    other = Speaker.objects.create(name="Ministry of Defence", key="ministry of defence")
    SpeakerAlias.objects.create(speaker=other, alias="health ministry", key="health ministry")
    client.force_login(erin)

    response = client.post(
        f"/desk/speakers/{duplicate.pk}/merge/", {"into": "Ministry of Health"}, follow=True
    )

    assert not Speaker.objects.filter(pk=duplicate.pk).exists()
    assert SpeakerAlias.objects.get(key="health ministry").speaker == other  # not taken from them
    assert not kept.aliases.exists()
    assert (
        "Merged Health Ministry into Ministry of Health. The name stays an alias of "
        "Ministry of Defence, which held it already." in response.content.decode()
    )
    event = ReviewEvent.objects.get(action=Action.SPEAKER_MERGED, subject_id=kept.pk)
    assert event.changes["alias_held_by"] == {"id": other.pk, "name": "Ministry of Defence"}
    assert "the name stays an alias of Ministry of Defence" in event.note
