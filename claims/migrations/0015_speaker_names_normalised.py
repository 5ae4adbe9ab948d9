"""One registry entry per real speaker: keys normalised, duplicates merged.

Speakers whose names now share a key ("the Department of Transport" and "Department of
Transport") are folded into one with the merge service's own steps
(`speakers_fold`): claims, appearances, aliases and members move, the absorbed name
stays as an alias, and one audit event per merge says what moved. Descriptions of
unnamed people ("a senior government official") are folded into their anonymous entry.
A name that is now another entry's alias joins that entry. Then every key and alias key
is recomputed. Nothing to do on an empty database.
"""

from collections import defaultdict

from django.db import migrations

from claims.services.speakers import speakers_fold
from claims.speaker_names import anonymous_speaker, speaker_key


def _anonymous(row):  # type: ignore[no-untyped-def]
    anonymous = anonymous_speaker(row.name, title=row.title)
    return anonymous.name if anonymous else ""


def _survivor_first(row, anonymous):  # type: ignore[no-untyped-def]
    """The anonymous entry itself, then one staff edited, then a name without a leading
    "the", then the oldest."""
    starts_with_the = row.name.lower().startswith("the ")
    return (row.name != anonymous, not row.edited_by_staff, starts_with_the, row.pk)


def normalise(apps, schema_editor):  # type: ignore[no-untyped-def]
    speakers = apps.get_model("claims", "Speaker")
    aliases = apps.get_model("claims", "SpeakerAlias")
    events = apps.get_model("reviews", "ReviewEvent")
    # A name that is now another speaker's alias ("Treasury" beside an entry known as "the
    # Treasury") is that speaker: detection would resolve it there from now on.
    alias_of = {}
    for speaker_id, alias in aliases.objects.order_by("pk").values_list("speaker_id", "alias"):
        alias_of.setdefault(speaker_key(alias), speaker_id)
    rows = list(speakers.objects.order_by("pk"))
    key_of = {row.pk: speaker_key(_anonymous(row) or row.name) for row in rows}
    groups = defaultdict(list)
    for row in rows:
        owner = alias_of.get(key_of[row.pk], row.pk)
        groups[key_of.get(owner, key_of[row.pk])].append(row)
    keys = {}
    for rows in groups.values():
        anonymous = _anonymous(rows[0])
        keys[rows[0].pk] = key_of[rows[0].pk]
        if len(rows) == 1 and rows[0].name == (anonymous or rows[0].name):
            continue
        # Read again: an earlier merge may have moved what these rows speak for.
        rows = sorted(
            speakers.objects.filter(pk__in=[row.pk for row in rows]),
            key=lambda row: _survivor_first(row, anonymous),
        )
        survivor = rows[0]
        if anonymous and survivor.name != anonymous:  # and a description has no title
            survivor.name, survivor.title = anonymous, ""
        for row in rows[1:]:
            moved = speakers_fold(absorbed=row, survivor=survivor, apps=apps).moved
            events.objects.create(
                action="speaker_merged",
                subject="speaker",
                subject_id=survivor.pk,
                note=f"{row.name} merged into {survivor.name}: one registry entry per speaker",
                changes={"absorbed": {"id": row.pk, "name": row.name}, "moved": moved},
            )
        survivor.save(update_fields=["name", "title", "body"])
        keys[survivor.pk] = speaker_key(survivor.name)
    _rekey(speakers, keys)
    alias_keys, seen, spelt_twice = {}, set(), []
    for pk, alias in aliases.objects.order_by("pk").values_list("pk", "alias"):
        key = speaker_key(alias)
        if key in seen:
            spelt_twice.append(pk)  # two spellings of one alias
        else:
            alias_keys[pk] = key
            seen.add(key)
    aliases.objects.filter(pk__in=spelt_twice).delete()
    _rekey(aliases, alias_keys)


def _rekey(model, keys):  # type: ignore[no-untyped-def]
    """Set each row's key; through a placeholder, so no two rows hold one key midway."""
    changed = {pk: key for pk, key in keys.items() if key}
    stale = [row for row in model.objects.filter(pk__in=changed) if row.key != changed[row.pk]]
    for row in stale:
        row.key = f"~{row.pk}"  # "~" is never in a key
    model.objects.bulk_update(stale, ["key"], batch_size=500)
    for row in stale:
        row.key = changed[row.pk]
    model.objects.bulk_update(stale, ["key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0014_speaker_body_reason"),
        ("reviews", "0009_event_subjects_feeds_and_speakers"),
    ]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
