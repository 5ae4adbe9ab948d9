"""Statements for what was stored before them, and search over what people type.

1. Every stored appearance gets the statement the pipeline writes for it, read in its
   article's order (pronouns and "it" resolve against the statements before it); a
   claim takes the statement of its first sighting, or its own text when it has none.
2. Speakers stored as people whose name reads as a body's become organisations.
3. PostgreSQL only: `q` matches a claim's statement and text, its speaker's name,
   title and aliases, the body it speaks for, and its articles' titles and outlets.
   Each of those gets a stored (generated) tsvector with a GIN index, so a search reads
   indexes, never parses text row by row. The claim's vector now covers its statement.
"""

from typing import Any

from django.db import migrations

from claims.pipeline.detect import Attribution
from claims.pipeline.kinds import is_person
from claims.pipeline.statements import with_statements

BATCH = 200  # articles per round trip

# table: (the text its vector reads, its GIN index)
VECTORS = {
    "claims_claim": ("COALESCE(statement, '') || ' ' || COALESCE(text, '')", "claim_search_idx"),
    "claims_article": ("COALESCE(title, '') || ' ' || COALESCE(outlet, '')", "article_search_idx"),
    "claims_speaker": ("COALESCE(name, '') || ' ' || COALESCE(title, '')", "speaker_search_idx"),
    "claims_speakeralias": ("COALESCE(alias, '')", "speaker_alias_search_idx"),
}


def attribution_of(appearance: Any) -> Attribution:
    speaker = appearance.speaker
    return Attribution(
        sentence_start=appearance.sentence_start,
        sentence_end=appearance.sentence_end,
        sentence=appearance.sentence,
        source=appearance.source,
        source_start=appearance.source_start,
        source_end=appearance.source_end,
        speaker=speaker.name if speaker else "",
        speaker_title=speaker.title if speaker else "",
        speaker_body=speaker.body.name if speaker and speaker.body else "",
        cue=appearance.cue,
        cue_start=appearance.cue_start,
        cue_end=appearance.cue_end,
        content=appearance.content,
        content_start=appearance.content_start,
        content_end=appearance.content_end,
        direct=appearance.direct,
        official=appearance.official,
        official_reason=appearance.official_reason,
        score=appearance.score,
        score_reasons=tuple(appearance.score_reasons or ()),
        stance=appearance.stance,
        stance_reason=appearance.stance_reason,
    )


def backfill(apps, schema_editor):  # type: ignore[no-untyped-def]
    Appearance = apps.get_model("claims", "Appearance")
    Article = apps.get_model("claims", "Article")
    Claim = apps.get_model("claims", "Claim")
    pending = Appearance.objects.filter(statement="").values("article_id").distinct()
    articles = Article.objects.filter(pk__in=pending).only("pk", "text").order_by("pk")
    for article in articles.iterator(chunk_size=BATCH):
        appearances = list(
            Appearance.objects.filter(article_id=article.pk)
            .select_related("speaker", "speaker__body")
            .order_by("sentence_start", "content_start")
        )
        written = with_statements(article.text, (attribution_of(a) for a in appearances))
        for appearance, attribution in zip(appearances, written, strict=True):
            appearance.statement = attribution.statement
        Appearance.objects.bulk_update(appearances, ["statement"])
    for claim in Claim.objects.filter(statement="").iterator(chunk_size=1000):
        first = (
            Appearance.objects.filter(claim_id=claim.pk)
            .exclude(statement="")
            .order_by("created_at", "pk")
            .values_list("statement", flat=True)
            .first()
        )
        Claim.objects.filter(pk=claim.pk).update(statement=first or claim.text)


def speaker_kinds(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Bodies were stored as people ("KCNA", "the Ministry of Agriculture"); staff edits stay."""
    Speaker = apps.get_model("claims", "Speaker")
    people = Speaker.objects.filter(kind="person", edited_by_staff=False).only("name", "title")
    bodies = [s.pk for s in people.iterator(chunk_size=1000) if not is_person(s.name, s.title)]
    Speaker.objects.filter(pk__in=bodies).update(kind="organisation")


def search_forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, (source, index) in VECTORS.items():
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('english'::regconfig, {source})) STORED"
        )
        # No pending list: a new claim is searchable at once, at ~0.3 ms per insert (0007).
        schema_editor.execute(
            f"CREATE INDEX {index} ON {table} USING gin (search_vector) WITH (fastupdate = off)"
        )


def search_backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in VECTORS:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
    schema_editor.execute(
        "ALTER TABLE claims_claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english'::regconfig, COALESCE(text, ''::text))) STORED"
    )


class Migration(migrations.Migration):
    dependencies = [("claims", "0010_statements")]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(speaker_kinds, migrations.RunPython.noop),
        migrations.RunPython(search_forward, search_backward),
    ]
