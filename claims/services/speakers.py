"""The speaker registry: who said it, whom they speak for, what detection may take as settled.

Detection learns speakers, their titles and the roll-up (who speaks for which body,
up to the government: "Kremlin spokesman" → the Kremlin → Russian government) from
what it reads. Staff correct the registry on the desk; every staff edit marks the
speaker as edited by staff, and detection never overwrites such a speaker afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.apps import apps as django_apps
from django.apps.registry import Apps
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, Q, When
from django.utils import timezone

from claims.events import Action, Subject, record_event
from claims.models import Appearance, Speaker, SpeakerAlias
from claims.permissions import can_edit_speakers, require
from claims.pipeline.bodies import BodyPath, is_specific_body, learn
from claims.pipeline.known import KnownTitle, KnownTitles
from claims.pipeline.officials import SpeakerEntry, SpeakerRegistry
from claims.services.search import speakers_refresh_search
from claims.speaker_names import anonymous_speaker, speaker_key
from factcheck.errors import Conflict, InvalidInput, NotFound

# --- Detection's view ---------------------------------------------------------------


def speaker_registry() -> SpeakerRegistry:
    """What detection should take as settled: staff edits and speakers known as officials.

    A speaker the detector once saw without a title is left out, so that a later
    "press secretary X" can still make X an official.
    """
    rows = Speaker.objects.filter(Q(is_official=True) | Q(edited_by_staff=True))
    return SpeakerRegistry(
        SpeakerEntry(
            name=speaker.name,
            is_official=speaker.is_official,
            reason=speaker.official_reason,
            title=speaker.title,
            body=speaker.body.name if speaker.body else "",
            aliases=tuple(alias.alias for alias in speaker.aliases.all()),
        )
        for speaker in rows.select_related("body").prefetch_related("aliases")
    )


def _registry_version() -> tuple[Any, ...]:
    """Count and last change of the registry's speakers and aliases, in one round trip."""
    speakers, aliases = Speaker._meta.db_table, SpeakerAlias._meta.db_table
    settled = "is_official OR edited_by_staff"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {speakers} WHERE {settled}),"
            f" (SELECT MAX(updated_at) FROM {speakers} WHERE {settled}),"
            f" (SELECT COUNT(*) FROM {aliases}), (SELECT MAX(id) FROM {aliases})"
        )
        return tuple(cursor.fetchone())


def speakers_known(names: Iterable[str]) -> dict[str, Speaker]:
    """The speakers already known by each of `names` (as name or alias), in one query.

    Keyed by `speaker_key`; an alias wins over a name, as in `speaker_upsert`.
    """
    keys = {speaker_key(name) for name in names if name}
    rows = list(
        Speaker.objects.filter(Q(key__in=keys) | Q(aliases__key__in=keys)).annotate(
            alias_key=F("aliases__key")
        )
    )
    known: dict[str, Speaker] = {row.alias_key: row for row in rows if row.alias_key in keys}
    for row in rows:
        if row.key in keys:
            known.setdefault(row.key, row)
    return known


class RegistryTitles:
    """Officials the desk has read with a title, for "Ruiz said" in a later article.

    Matching by name and unique surname is the pure `KnownTitles`; only a hit reads
    where the speaker was first seen, so a fact-checker can follow the title back.
    """

    def __init__(self, rows: Iterable[tuple[int, str, str]]) -> None:
        self._speaker_of: dict[str, int] = {}
        entries = []
        for pk, name, title in rows:
            phrase = f"{title} {name}"
            self._speaker_of[phrase] = pk
            entries.append((name, KnownTitle(phrase=phrase, where="an earlier article")))
        self._titles = KnownTitles(entries)
        self._where: dict[int, str] = {}

    def title_of(self, name: str) -> KnownTitle | None:
        hit = self._titles.title_of(name)
        if hit is None:
            return None
        pk = self._speaker_of[hit.phrase]
        if pk not in self._where:
            self._where[pk] = _first_read(pk)
        return replace(hit, where=self._where[pk])


def _first_read(speaker_id: int) -> str:
    """ "an earlier article (Harbour Gazette, 2026-12-01)": the speaker's first appearance."""
    first = (
        Appearance.objects.filter(speaker_id=speaker_id)
        .select_related("article__feed")
        .order_by("id")
        .first()
    )
    if first is None:
        return "the speaker registry"
    article = first.article
    outlet = article.outlet or (article.feed.name if article.feed else "") or article.url
    day = (article.published_at or article.created_at).date().isoformat()
    return f"an earlier article ({outlet}, {day})"


def known_titles() -> RegistryTitles:
    """Officials with a title, in one query."""
    rows = (
        Speaker.objects.filter(kind=Speaker.Kind.PERSON, is_official=True)
        .exclude(title="")
        .values_list("id", "name", "title")
    )
    return RegistryTitles(rows)


_lookups_cache: dict[str, Any] = {}


def detection_lookups() -> tuple[SpeakerRegistry, RegistryTitles]:
    """What detection reads from the registry, checked for changes in one round trip.

    Rebuilt only when a speaker or alias changed: one cheap query per article instead
    of loading the table.
    """
    version = _registry_version()
    if _lookups_cache.get("version") != version:
        _lookups_cache.update(version=version, lookups=(speaker_registry(), known_titles()))
    return _lookups_cache["lookups"]


def speaker_upsert(
    *,
    name: str,
    title: str = "",
    body: str = "",
    official: bool = False,
    reason: str = "",
    kind: str = Speaker.Kind.PERSON,
    known: dict[str, Speaker] | None = None,
) -> Speaker:
    """Find a speaker by name or alias, creating it, and learn its title, body and status.

    Staff edits win: a speaker edited by staff is never changed here. Detection only
    ever promotes a speaker to official; demoting one is a staff decision. `known`
    (from `speakers_known`, covering `name` and `body`) saves the lookup.

    A description of an unnamed person ("a senior Russian government official") is no
    name: it is filed under "anonymous official of Russian government", speaking for that
    government, or under the one "anonymous source" when the words name no government.
    """
    anonymous = anonymous_speaker(name, title=title)
    if anonymous is not None:
        name, title, body, kind = anonymous.name, "", anonymous.government, Speaker.Kind.PERSON
        official = official and bool(anonymous.government)
        reason = reason if official else ""
    key = speaker_key(name)
    if known is not None and (key in known or anonymous is None):
        speaker = known.get(key)
    else:
        # One query for the common case, a speaker already known by this name or alias.
        speaker = (
            Speaker.objects.filter(Q(key=key) | Q(aliases__key=key))
            .order_by(Case(When(aliases__key=key, then=0), default=1))  # an alias wins
            .first()
        )
    if speaker is None:
        try:
            with transaction.atomic():
                speaker = Speaker.objects.create(name=name[:300], key=key, kind=kind)
        except IntegrityError:
            speaker = Speaker.objects.get(key=key)
        if known is not None:
            known[key] = speaker  # a second statement by a new body finds it
    if speaker.edited_by_staff:
        return speaker
    changes: dict[str, Any] = {}
    if title and speaker.title != title[:300]:
        changes["title"] = title[:300]
    if official and not speaker.is_official:
        changes["is_official"] = True
        changes["official_reason"] = reason[:300]
    if body and is_specific_body(body) and speaker_key(body) != key:
        body_row = speaker_upsert(
            name=body,
            kind=Speaker.Kind.ORGANISATION,
            official=official,
            reason=f"the body {name} speaks for",
            known=known,
        )
        if speaker.body_id != body_row.pk and body_row.body_id != speaker.pk:
            changes["body_id"] = body_row.pk
    if changes:
        Speaker.objects.filter(pk=speaker.pk).update(**changes, updated_at=timezone.now())
        for attr, value in changes.items():
            setattr(speaker, attr, value)
        if "title" in changes or "body_id" in changes:
            # A body's title is in the vectors of those who speak for it too.
            speakers_refresh_search(speaker_ids=[speaker.pk], members="title" in changes)
    return speaker


# --- Roll-up ------------------------------------------------------------------------

STAFF_REASON = "set by staff"
# Up to this many of a speaker's latest appearances are read to learn its roll-up.
LEARN_FROM_APPEARANCES = 20
LEARN_TRIES = 5


def speaker_body_chain(speaker: Speaker) -> list[Speaker]:
    """The bodies `speaker` speaks for, nearest first: Peskov → [Kremlin, Russian government]."""
    chain: list[Speaker] = []
    seen = {speaker.pk}
    current = speaker
    while current.body_id and current.body_id not in seen and len(chain) < Speaker.MAX_BODY_DEPTH:
        current = current.body  # type: ignore[assignment]
        seen.add(current.pk)
        chain.append(current)
    return chain


def speaker_family_ids(speaker: Speaker, chain: list[Speaker] | None = None) -> set[int]:
    """Every speaker under the top of `speaker`'s chain: all who speak for one government.

    Walks down level by level (one query each), so it works on any database; the visited
    set stops a cycle that slipped past validation.
    """
    chain = speaker_body_chain(speaker) if chain is None else chain
    root = chain[-1] if chain else speaker
    family = {root.pk}
    frontier = {root.pk}
    for _ in range(Speaker.MAX_BODY_DEPTH):
        rows = Speaker.objects.filter(body_id__in=frontier).order_by()
        below = set(rows.values_list("id", flat=True))
        frontier = below - family
        if not frontier:
            break
        family |= frontier
    return family


@transaction.atomic
def speaker_set_body(*, speaker: Speaker, body: Speaker | None) -> Speaker:
    """Staff say whom `speaker` speaks for. Refuses a roll-up that would loop (A → B → A)."""
    speaker = Speaker.objects.select_for_update().get(pk=speaker.pk)
    if body is not None:
        if body.pk == speaker.pk:
            raise InvalidInput("A speaker cannot speak for itself.")
        chain = [body, *speaker_body_chain(body)]
        if any(link.pk == speaker.pk for link in chain):
            path = " → ".join(s.name for s in [speaker, *chain])
            raise InvalidInput(f"That would make a loop: {path}.", loop=[s.pk for s in chain])
    moved = speaker.body_id != (body.pk if body else None)
    if moved:
        # Unchanged, it keeps the reason it was learned with.
        speaker.body_reason = STAFF_REASON if body is not None else ""
    speaker.body = body
    speaker.edited_by_staff = True
    speaker.save(update_fields=["body", "body_reason", "edited_by_staff", "updated_at"])
    if moved:
        speakers_refresh_search(speaker_ids=[speaker.pk])
    return speaker


def speaker_learn_roll_up(*, speaker: Speaker) -> list[Speaker]:
    """Learn whom `speaker` speaks for from how articles introduced them.

    Each of the latest appearances is read (source phrase, the speaker's title and the
    sentence, for an apposition), the fullest introduction first ("Kremlin spokesman
    Dmitry Peskov" before a later "Peskov"); the first that names a government counts.
    """
    rows = Appearance.objects.filter(speaker=speaker).order_by("-id")
    seen = sorted(
        set(rows.values_list("source", "sentence")[:LEARN_FROM_APPEARANCES]),
        key=lambda row: (-len(row[0]), row),
    )
    # Linking asks again for every new claim of a speaker no government claims (a
    # company, a police force): a few introductions are enough to read.
    for source, sentence in seen[:LEARN_TRIES]:
        path = learn(source, speaker.name, title=speaker.title, sentence=sentence)
        if path.bodies:
            return speaker_learn_body(speaker=speaker, path=path)
    return speaker_body_chain(speaker)


@transaction.atomic
def speaker_learn_body(*, speaker: Speaker, path: BodyPath) -> list[Speaker]:
    """Extend `speaker`'s roll-up with the bodies `path` names, and say why.

    Only the top of the existing chain grows: "Kremlin spokesman" on a speaker already
    under "kremlin" adds Russian government above it. A link staff made, or a speaker
    staff edited, is never changed, nor extended from that speaker's own words: staff
    said whom it speaks for. Returns the chain as it stands afterwards.
    """
    names = path.bodies
    chain = [speaker, *speaker_body_chain(speaker)]
    top = chain[-1]
    settled = names and speaker_key(top.name) == speaker_key(names[-1])
    if not names or settled or speaker.edited_by_staff or top.edited_by_staff or top.body_id:
        return chain[1:]
    rows = [_body_named(name) for name in names]
    ids = [row.pk for row in rows]
    if top.pk in ids:
        rows = rows[ids.index(top.pk) + 1 :]
    on_path = {node.pk for node in chain}
    below = top
    moved = []
    for body in rows:
        if body.pk in on_path:
            continue
        if below.body_id is not None or below.edited_by_staff:
            break
        if any(node.pk == below.pk for node in speaker_body_chain(body)):
            break  # the body already rolls up to this speaker: no loops
        below.body = body
        below.body_reason = path.reason[:500]
        below.save(update_fields=["body", "body_reason", "updated_at"])
        moved.append(below.pk)
        on_path.add(body.pk)
        below = body
    speakers_refresh_search(speaker_ids=moved)
    return speaker_body_chain(speaker)


def _body_named(name: str) -> Speaker:
    key = speaker_key(name)
    alias = SpeakerAlias.objects.select_related("speaker").filter(key=key).first()
    if alias is not None:
        return alias.speaker
    body, _ = Speaker.objects.get_or_create(
        key=key,
        defaults={
            "name": name,
            "kind": Speaker.Kind.ORGANISATION,
            "is_official": True,
            "official_reason": "government body (learned from a title)",
        },
    )
    return body


# --- Staff edits --------------------------------------------------------------------


EDIT_REFUSAL = "Only editors and admins edit the speaker registry."


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
    require(actor, can_edit_speakers, EDIT_REFUSAL)
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
    found_by = (speaker.name, speaker.title)
    speaker.name = name[:300]
    speaker.key = key
    speaker.title = title.strip()[:300]
    speaker.kind = kind
    speaker.is_official = is_official
    speaker.official_reason = official_reason.strip()[:300]
    speaker.edited_by_staff = True
    speaker.save()
    if (speaker.name, speaker.title) != found_by:
        # Their claims are found by the new name and title, and so are their members'.
        speakers_refresh_search(speaker_ids=[speaker.pk], members=True)
    return speaker_set_body(speaker=speaker, body=body)


@transaction.atomic
def speaker_alias_add(*, speaker_id: int, actor: Any, alias: str) -> SpeakerAlias:
    require(actor, can_edit_speakers, EDIT_REFUSAL)
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
    speakers_refresh_search(speaker_ids=[speaker.pk])
    return created


@transaction.atomic
def speaker_alias_remove(*, speaker_id: int, alias_id: int, actor: Any) -> None:
    require(actor, can_edit_speakers, EDIT_REFUSAL)
    deleted, _ = SpeakerAlias.objects.filter(pk=alias_id, speaker_id=speaker_id).delete()
    if not deleted:
        raise Conflict("That alias was already removed.")
    Speaker.objects.filter(pk=speaker_id).update(edited_by_staff=True)
    speakers_refresh_search(speaker_ids=[speaker_id])


@dataclass(frozen=True)
class Folded:
    """What a fold moved, and the speaker who already held the absorbed name as an
    alias (None when nobody else did): an alias names one speaker, so a fold never
    takes it from them."""

    moved: dict[str, int]
    alias_held_by: Any  # a Speaker, or a historical one in a migration


@dataclass(frozen=True)
class Merged:
    survivor: Speaker
    alias_held_by: Speaker | None


@transaction.atomic
def speaker_merge(*, speaker_id: int, into_id: int, actor: Any) -> Merged:
    """Fold one registry entry into another: the same speaker, entered twice.

    Claims, appearances, aliases and the speakers that speak for it move to the
    survivor in set-based UPDATEs (a thousand claims are one statement); the absorbed
    name becomes the survivor's alias, so detection resolves it there from now on,
    unless another speaker holds it as an alias already (it stays theirs; the event
    and the result say so). One audit event on the survivor records what moved.
    """
    require(actor, can_edit_speakers, EDIT_REFUSAL)
    if speaker_id == into_id:
        raise InvalidInput("into: a speaker cannot be merged into itself.")
    # Both rows locked in id order, so two crossed merges wait instead of deadlocking.
    locked = {
        s.pk: s
        for s in Speaker.objects.select_for_update()
        .filter(pk__in=[speaker_id, into_id])
        .order_by("pk")
    }
    if speaker_id not in locked or into_id not in locked:
        raise NotFound("No such speaker.")
    absorbed, survivor = locked[speaker_id], locked[into_id]
    name = absorbed.name
    folded = speakers_fold(absorbed=absorbed, survivor=survivor)
    survivor.edited_by_staff = True
    survivor.save()
    note = f"{name} merged into {survivor.name}"
    changes: dict[str, Any] = {"absorbed": {"id": speaker_id, "name": name}, "moved": folded.moved}
    holder = folded.alias_held_by
    if holder is not None:
        note += f"; the name stays an alias of {holder.name}, which held it already"
        changes["alias_held_by"] = {"id": holder.pk, "name": holder.name}
    # The absorbed claims are found by the survivor's name and aliases, and the absorbed
    # speaker's members by the body they now speak for.
    speakers_refresh_search(speaker_ids=[survivor.pk], members=True)
    record_event(
        action=Action.SPEAKER_MERGED,
        actor=actor,
        subject=Subject.SPEAKER,
        subject_id=survivor.pk,
        note=note,
        changes=changes,
    )
    return Merged(survivor, holder)


def speakers_fold(*, absorbed: Any, survivor: Any, apps: Apps = django_apps) -> Folded:
    """Move everything of `absorbed` to `survivor` and delete it; its name stays an alias
    (of whoever holds that alias already: see Folded).

    Set-based UPDATEs: a thousand claims are one statement. `apps` is the model registry,
    so the data migration that merges duplicate names (0015) folds with these same steps
    on its historical models. The caller holds both rows and saves `survivor` afterwards.
    """
    claims = apps.get_model("claims", "Claim")
    appearances = apps.get_model("claims", "Appearance")
    aliases = apps.get_model("claims", "SpeakerAlias")
    speakers = apps.get_model("claims", "Speaker")
    moved = {
        "claims": claims.objects.filter(speaker_id=absorbed.pk).update(speaker_id=survivor.pk),
        "appearances": appearances.objects.filter(speaker_id=absorbed.pk).update(
            speaker_id=survivor.pk
        ),
        "aliases": aliases.objects.filter(speaker_id=absorbed.pk).update(speaker_id=survivor.pk),
        "members": speakers.objects.filter(body_id=absorbed.pk)
        .exclude(pk=survivor.pk)
        .update(body_id=survivor.pk),
    }
    if survivor.body_id == absorbed.pk:
        survivor.body_id = absorbed.body_id if absorbed.body_id != survivor.pk else None
    name = absorbed.name
    speakers.objects.filter(pk=absorbed.pk).delete()
    key = speaker_key(name)
    holder = None
    if name != survivor.name and anonymous_speaker(name) is None:
        alias, _ = aliases.objects.select_related("speaker").get_or_create(
            key=key, defaults={"speaker_id": survivor.pk, "alias": name}
        )
        if alias.speaker_id != survivor.pk:
            holder = alias.speaker
    return Folded(moved, holder)
