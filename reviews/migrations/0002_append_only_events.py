"""On PostgreSQL the audit log refuses UPDATE and DELETE in the database itself,
so not even raw SQL or a bulk admin action can rewrite history."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION reviews_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'review events are append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER reviews_event_append_only
    BEFORE UPDATE OR DELETE ON reviews_reviewevent
    FOR EACH ROW EXECUTE FUNCTION reviews_event_is_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS reviews_event_append_only ON reviews_reviewevent;
DROP FUNCTION IF EXISTS reviews_event_is_append_only();
"""


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
