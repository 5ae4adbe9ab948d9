"""Linking reads `claim_text_fts_idx` for every new claim; PostgreSQL only.

With GIN's default `fastupdate`, new claims wait in a pending list that every search
scans linearly until VACUUM (or a 4 MB list) merges it: on the 1,000,000-claim
benchmark 2,600 pending claims doubled the candidate query (7 ms instead of 3.5 ms).
Without it each insert updates the index itself, about 0.3 ms more per claim.
"""

from django.db import migrations

INDEX = "claim_text_fts_idx"


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} SET (fastupdate = off)")
    # Turning it off does not merge what is already pending.
    schema_editor.execute(f"SELECT gin_clean_pending_list(to_regclass('{INDEX}'))")


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("claims", "0006_triage_order_indexes")]

    operations = [migrations.RunPython(forward, backward)]
