"""Who may edit the speaker registry: editors and admins, and the system itself (a
command, a task: `actor=None`), as for every other service; never a checker."""

from collections.abc import Callable

import pytest

from claims.models import Speaker, SpeakerAlias
from claims.services.speakers import (
    speaker_alias_add,
    speaker_alias_remove,
    speaker_merge,
    speaker_update,
)
from factcheck.errors import NotAllowed

pytestmark = pytest.mark.django_db


def ministry(name: str = "Ministry of Finance") -> Speaker:
    return Speaker.objects.create(name=name, key=name.lower(), kind="organisation")


def test_the_system_edits_the_registry_without_a_user() -> None:
    speaker = ministry()

    for edit in (rename, remove_alias, add_alias, merge_into):
        edit(speaker, None)

    speaker.refresh_from_db()
    assert speaker.name == "Treasury"
    assert set(speaker.aliases.values_list("alias", flat=True)) == {
        "MoF",
        "the Ministry of Finance",
    }


def test_an_editor_edits_the_registry(erin) -> None:
    speaker = ministry()

    for edit in (rename, remove_alias, add_alias, merge_into):
        edit(speaker, erin)

    speaker.refresh_from_db()
    assert speaker.name == "Treasury" and speaker.aliases.count() == 2


def rename(speaker: Speaker, actor: object) -> None:
    speaker_update(
        speaker_id=speaker.pk,
        actor=actor,
        name="Treasury",
        title="",
        kind="organisation",
        is_official=True,
        official_reason="",
        body=None,
    )


def add_alias(speaker: Speaker, actor: object) -> None:
    speaker_alias_add(speaker_id=speaker.pk, actor=actor, alias="MoF")


def remove_alias(speaker: Speaker, actor: object) -> None:
    alias = SpeakerAlias.objects.create(speaker=speaker, alias="MoF", key="mof")
    speaker_alias_remove(speaker_id=speaker.pk, alias_id=alias.pk, actor=actor)


def merge_into(speaker: Speaker, actor: object) -> None:
    twin = ministry("the Ministry of Finance")
    speaker_merge(speaker_id=twin.pk, into_id=speaker.pk, actor=actor)


@pytest.mark.parametrize(
    ("edit", "speakers_left", "aliases_left"),
    [(rename, 1, 0), (add_alias, 1, 0), (remove_alias, 1, 1), (merge_into, 2, 0)],
)
def test_a_checker_may_not_edit_the_registry(
    alice, edit: Callable[[Speaker, object], None], speakers_left: int, aliases_left: int
) -> None:
    speaker = ministry()

    with pytest.raises(NotAllowed, match="Only editors and admins edit the speaker registry."):
        edit(speaker, alice)

    speaker.refresh_from_db()
    assert speaker.name == "Ministry of Finance" and not speaker.edited_by_staff
    assert Speaker.objects.count() == speakers_left
    assert SpeakerAlias.objects.count() == aliases_left
