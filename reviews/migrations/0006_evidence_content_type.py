"""Evidence moved from claims to reviews (state only: the table is still claims_evidence).

Databases migrated before the move have its content type under claims; renaming it
keeps its permissions, with every group and user holding them, and the admin log.
A new database has no such row yet (post_migrate creates it under reviews).
"""

from django.db import migrations


def move(apps, schema_editor, source: str, target: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label=target, model="evidence").exists():
        content_type.objects.filter(app_label=source, model="evidence").update(app_label=target)


def forward(apps, schema_editor) -> None:
    move(apps, schema_editor, "claims", "reviews")


def backward(apps, schema_editor) -> None:
    move(apps, schema_editor, "reviews", "claims")


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0005_api_token_proxy"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, backward)]
