"""Staff edits of the speaker registry: name, title, official or not, aliases.

The roll-up (whom a speaker speaks for) is `speaker_registry.speaker_set_body`,
which guards against loops. Every edit here marks the speaker as edited by
staff, so that detection never overwrites it afterwards.
"""

from typing import Any

from django.db import IntegrityError, transaction

from claims.models import Speaker, SpeakerAlias
from claims.services import speaker_key
from claims.speaker_registry import speaker_set_body
from factcheck.errors import Conflict, InvalidInput, NotAllowed

EDIT_PERMISSION = "claims.change_speaker"


def _require_editor(actor: Any) -> None:
    if not actor.has_perm(EDIT_PERMISSION):
        raise NotAllowed("Only editors and admins edit the speaker registry.")


@transaction.atomic
def speaker_update(
    *,
    speaker_id: int,
    actor: Any,
    name: str,
    title: str,
    kind: str,
    is_official: bool,
    official_reason: str,
    body: Speaker | None,
) -> Speaker:
    """Replace the registry entry's fields; the body goes through the loop check."""
    _require_editor(actor)
    speaker = Speaker.objects.select_for_update().get(pk=speaker_id)
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("name: a speaker needs a name.")
    if kind not in Speaker.Kind.values:
        raise InvalidInput(f"kind: choose one of {', '.join(Speaker.Kind.values)}.")
    key = speaker_key(name)
    clash = Speaker.objects.filter(key=key).exclude(pk=speaker.pk).first()
    if clash is not None:
        raise Conflict(f"Another speaker is already called {clash.name}.", speaker=clash.pk)
    speaker.name = name[:300]
    speaker.key = key
    speaker.title = title.strip()[:300]
    speaker.kind = kind
    speaker.is_official = is_official
    speaker.official_reason = official_reason.strip()[:300]
    speaker.edited_by_staff = True
    speaker.save()
    return speaker_set_body(speaker=speaker, body=body)


@transaction.atomic
def speaker_alias_add(*, speaker_id: int, actor: Any, alias: str) -> SpeakerAlias:
    _require_editor(actor)
    speaker = Speaker.objects.select_for_update().get(pk=speaker_id)
    alias = " ".join(alias.split())[:300]
    if not alias:
        raise InvalidInput("alias: enter the other name.")
    key = speaker_key(alias)
    if key == speaker.key:
        raise InvalidInput("alias: that is the speaker's own name.")
    taken = SpeakerAlias.objects.select_related("speaker").filter(key=key).first()
    if taken is not None:
        raise Conflict(f"{alias} is already an alias of {taken.speaker.name}.")
    try:
        with transaction.atomic():
            created = SpeakerAlias.objects.create(speaker=speaker, alias=alias, key=key)
    except IntegrityError:
        raise Conflict(f"{alias} is already an alias of another speaker.") from None
    speaker.edited_by_staff = True
    speaker.save(update_fields=["edited_by_staff", "updated_at"])
    return created


@transaction.atomic
def speaker_alias_remove(*, speaker_id: int, alias_id: int, actor: Any) -> None:
    _require_editor(actor)
    deleted, _ = SpeakerAlias.objects.filter(pk=alias_id, speaker_id=speaker_id).delete()
    if not deleted:
        raise Conflict("That alias was already removed.")
    Speaker.objects.filter(pk=speaker_id).update(edited_by_staff=True)
