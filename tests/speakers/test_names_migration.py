"""The registry as it stood before names were normalised is merged into one entry each."""

import importlib

import pytest
from django.apps import apps

from claims.events import Action, Subject
from claims.models import Appearance, Claim, Speaker, SpeakerAlias
from reviews.models import ReviewEvent
from tests import factories

pytestmark = pytest.mark.django_db

migration = importlib.import_module("claims.migrations.0015_speaker_names_normalised")


def test_an_empty_registry_is_left_as_it_is() -> None:
    migration.normalise(apps, None)

    assert not Speaker.objects.exists() and not ReviewEvent.objects.exists()


def test_spellings_of_one_body_are_merged_with_everything_they_held() -> None:
    government = factories.speaker("Veltrian government")
    kept = factories.speaker("Department of Transport", body=government)
    spelt = factories.speaker("the Department of Transport")
    shouted = factories.speaker("DEPARTMENT OF TRANSPORT.")
    minister = factories.speaker("Lena Ostrova", "transport minister", body=spelt)
    SpeakerAlias.objects.create(speaker=spelt, alias="DoT", key="dot")
    claims = [
        factories.said("rail fares will rise 4.9 percent", who=kept),
        factories.said("bus use fell 3 percent", who=spelt),
        factories.said("ferry fares will rise 2 percent", who=shouted),
    ]
    unrelated = factories.speaker("Department for Transport")

    migration.normalise(apps, None)

    assert not Speaker.objects.filter(pk__in=[spelt.pk, shouted.pk]).exists()
    kept.refresh_from_db()
    assert kept.key == "department of transport" and kept.body == government
    assert {c.speaker_id for c in Claim.objects.filter(pk__in=[c.pk for c in claims])} == {kept.pk}
    assert set(Appearance.objects.values_list("speaker_id", flat=True)) == {kept.pk}
    # One alias per key: one absorbed spelling stands for the others.
    aliases = dict(kept.aliases.values_list("key", "alias"))
    assert aliases.keys() == {"dot", "department of transport"}
    assert aliases["department of transport"] in {spelt.name, shouted.name}
    assert Speaker.objects.get(pk=minister.pk).body_id == kept.pk
    assert Speaker.objects.filter(pk=unrelated.pk).exists()
    events = ReviewEvent.objects.filter(
        action=Action.SPEAKER_MERGED, subject=Subject.SPEAKER, subject_id=kept.pk
    )
    assert sorted(e.changes["absorbed"]["id"] for e in events) == [spelt.pk, shouted.pk]
    assert sum(e.changes["moved"]["claims"] for e in events) == 2


def test_descriptions_of_unnamed_people_are_folded_into_their_anonymous_entry() -> None:
    senior = factories.speaker("A senior Russian government official", "official")
    kremlin = factories.speaker("a Kremlin official who asked not to be named", "official")
    unnamed = factories.speaker("unnamed source")
    also_unnamed = factories.speaker("an unnamed source")
    factories.said("gas exports will halve in May", who=senior)
    factories.said("pipeline repairs cost 40 billion roubles", who=kremlin)
    factories.said("VAT will rise to 22 percent", who=also_unnamed)

    migration.normalise(apps, None)

    russian = Speaker.objects.get(name="anonymous official of Russian government")
    assert russian.key == "anonymous official of russian government" and russian.title == ""
    assert russian.claims.count() == 2 and not russian.aliases.exists()
    anonymous = Speaker.objects.get(name="anonymous source")
    assert anonymous.pk in {unnamed.pk, also_unnamed.pk} and anonymous.claims.count() == 1
    assert Speaker.objects.count() == 2


def test_two_spellings_of_one_alias_keep_one() -> None:
    port = factories.speaker("Veltria Port Authority")
    SpeakerAlias.objects.create(speaker=port, alias="the VPA", key="the vpa")
    SpeakerAlias.objects.create(speaker=port, alias="V.P.A.", key="v.p.a.")

    migration.normalise(apps, None)

    assert list(port.aliases.values_list("key", flat=True)) == ["vpa"]


def test_a_name_that_is_now_another_entrys_alias_joins_that_entry() -> None:
    treasury = factories.speaker("Veltrian Treasury")
    treasury.edited_by_staff = True
    treasury.save()
    SpeakerAlias.objects.create(speaker=treasury, alias="the Treasury", key="the treasury")
    bare = factories.speaker("Treasury")
    factories.said("the deficit fell to 2.1 percent", who=bare)

    migration.normalise(apps, None)

    assert not Speaker.objects.filter(pk=bare.pk).exists()
    treasury.refresh_from_db()
    assert treasury.key == "veltrian treasury" and treasury.claims.count() == 1
    assert set(treasury.aliases.values_list("key", flat=True)) == {"treasury"}
