"""Reviews take the wording of their claim's statement; published versions keep what
was published (the claim's text), since a published fact-check changes only by a
correction an editor approves."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def backfill(apps, schema_editor):  # type: ignore[no-untyped-def]
    Claim = apps.get_model("claims", "Claim")
    Review = apps.get_model("reviews", "Review")
    ReviewVersion = apps.get_model("reviews", "ReviewVersion")
    claim = Claim.objects.filter(pk=OuterRef("claim_id"))
    Review.objects.filter(statement="").update(statement=Subquery(claim.values("statement")[:1]))
    Review.objects.filter(statement="").update(statement=Subquery(claim.values("text")[:1]))
    versions = ReviewVersion.objects.filter(statement="").select_related("review__claim")
    for version in versions.iterator(chunk_size=1000):
        ReviewVersion.objects.filter(pk=version.pk).update(statement=version.review.claim.text)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0007_statements"),
        ("claims", "0011_statement_backfill_and_search"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
