"""Claim matching reads a speaker's recent claims and verbatim repeats through indexes
(PostgreSQL only), whatever the length of the speaker's history."""

from django.db import migrations

INDEXES = {
    "claim_speaker_recent_idx": "ON claims_claim (speaker_id, id DESC)",
    "claim_speaker_verbatim_idx": "ON claims_claim (speaker_id, md5(lower(text)))",
}


def create_indexes(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")


def drop_indexes(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_statement_backfill_and_search")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
