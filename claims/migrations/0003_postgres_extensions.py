"""pg_trgm for near-duplicate matching; nothing to do on SQLite."""

from django.db import migrations


def create_extensions(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_initial")]

    operations = [migrations.RunPython(create_extensions, migrations.RunPython.noop)]
