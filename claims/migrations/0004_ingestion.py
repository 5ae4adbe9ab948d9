"""Ingestion: articles remember whether their page still has to be fetched, and claim
text gets a trigram index for near-duplicate matching (PostgreSQL only)."""

from django.db import migrations, models

TRIGRAM_INDEX = "claim_text_trgm_idx"


def create_trigram_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} "
            "ON claims_claim USING gin (text gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_postgres_extensions")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="needs_fetch",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
