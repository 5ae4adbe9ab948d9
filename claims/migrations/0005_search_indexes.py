"""Full-text search indexes for triage (`Claim.objects.search`); PostgreSQL only.

The indexed expressions are exactly what `SearchVector(field, config="english")`
compiles to, so the planner can use them; SQLite searches by substring instead.
"""

from django.db import migrations

INDEXES = {
    "claim_text_fts_idx": "claims_claim",
    "appearance_content_fts_idx": "claims_appearance",
}
COLUMNS = {"claims_claim": "text", "claims_appearance": "content"}


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table in INDEXES.items():
        column = COLUMNS[table]
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin "
            f"(to_tsvector('english'::regconfig, COALESCE({column}, ''::text)))"
        )


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_ingestion")]

    operations = [migrations.RunPython(forward, backward)]
