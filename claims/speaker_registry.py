"""The speaker registry's roll-up: who speaks for which body, up to the government.

Detection learns it from titles ("Kremlin spokesman" → the Kremlin → Russian
government); staff correct it, and a staff edit is never overwritten by learning.
"""

from django.db import transaction

from claims.models import Speaker, SpeakerAlias
from claims.pipeline.bodies import learn
from factcheck.errors import InvalidInput

MAX_DEPTH = 10  # a roll-up deeper than this is a data error, not a government


def _body_key(name: str) -> str:
    """A body's name without a leading "the", so "the Kremlin" and "Kremlin" meet."""
    words = name.lower().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def speaker_body_chain(speaker: Speaker) -> list[Speaker]:
    """The bodies `speaker` speaks for, nearest first: Peskov → [Kremlin, Russian government]."""
    chain: list[Speaker] = []
    seen = {speaker.pk}
    current = speaker
    while current.body_id and current.body_id not in seen and len(chain) < MAX_DEPTH:
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
    for _ in range(MAX_DEPTH):
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
    speaker.body = body
    speaker.edited_by_staff = True
    speaker.save(update_fields=["body", "edited_by_staff", "updated_at"])
    return speaker


@transaction.atomic
def speaker_learn_body(*, speaker: Speaker, phrase: str) -> list[Speaker]:
    """Extend `speaker`'s roll-up with the bodies its source phrase names.

    Only the top of the existing chain grows: "Kremlin spokesman" on a speaker already
    under "kremlin" adds Russian government above it. A link staff made, or a speaker
    staff edited, is never changed. Returns the chain as it stands afterwards.
    """
    names = learn(phrase, speaker.name).bodies
    path = [speaker, *speaker_body_chain(speaker)]
    top = path[-1]
    settled = names and _body_key(top.name) == _body_key(names[-1])
    if not names or settled or top.edited_by_staff or top.body_id:
        return path[1:]
    rows = [_body_named(name) for name in names]
    ids = [row.pk for row in rows]
    if top.pk in ids:
        rows = rows[ids.index(top.pk) + 1 :]
    on_path = {node.pk for node in path}
    below = top
    for body in rows:
        if body.pk in on_path:
            continue
        if below.body_id is not None or below.edited_by_staff:
            break
        if any(node.pk == below.pk for node in speaker_body_chain(body)):
            break  # the body already rolls up to this speaker: no loops
        below.body = body
        below.save(update_fields=["body", "updated_at"])
        on_path.add(body.pk)
        below = body
    return speaker_body_chain(speaker)


def _body_named(name: str) -> Speaker:
    key = _body_key(name)
    alias = SpeakerAlias.objects.select_related("speaker").filter(key=key).first()
    if alias is not None:
        return alias.speaker
    existing = Speaker.objects.filter(key__in=[key, f"the {key}"]).first()
    if existing is not None:
        return existing
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
