"""The claims seen in an article, read from an index alone.

Searching an outlet's name reaches ~5,000 articles; counting their claims up to the
cap reads (article, claim) pairs from this index instead of ~1,000 appearance rows
scattered over the table. It also serves every lookup by article, so the foreign key's
own index goes (the new one is built first).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0017_article_retries_and_next_attempt"),
    ]

    operations = [
        migrations.AlterField(
            model_name="appearance",
            name="article",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="appearances",
                to="claims.article",
            ),
        ),
        migrations.AddIndex(
            model_name="appearance",
            index=models.Index(fields=["article", "claim"], name="appearance_article_claim_idx"),
        ),
    ]
