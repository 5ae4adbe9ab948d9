"""One stored vector per claim holds everything `q` matches; PostgreSQL only.

`q` matched a claim through five tables (its own vector, its sightings' content, its
articles' titles and outlets, its speaker and aliases, the body): a UNION of index
scans for a rare word, and for a common one a walk that tested each claim's sightings
(~1,000 claims and their rows for a topic word at 1M claims). Now:

1. `claims_search_context(claim)` is what a claim's sightings and speaker add to its
   words: the speaker's name, title and aliases, the body's name and title, and the
   content, article title and outlet of its latest SIGHTINGS sightings (bounded: see
   the function).
2. `search_context` stores it; the services that change those inputs refresh it
   (claims/services/search.py). A plain column, not in the model (SQLite has no
   tsvector).
3. `search_vector` stays generated, now from the statement, the text and that context,
   so a claim created or edited anywhere is searchable by its own words at once. One
   GIN index on it answers every `q`.

The backfill is one UPDATE, before the vector and its index exist: the table is
rewritten twice (the context, then the generated column) and the index built once.
"""

from django.db import migrations

# Latest sightings read for a claim's words. A claim is read row by row when a common
# word walks the triage order, so its vector must stay small enough to live in the row
# (PostgreSQL moves values out of line past ~2 kB, and then every row tested costs a
# second read). Ten sightings hold a claim's wording as it was reported and where it
# was seen lately; a claim carried by hundreds of articles is no longer found by the
# title of its eleventh-latest, but it stays found by every newer one and its own words.
SIGHTINGS = 10
CONTENT_CHARS = 500  # a content span is a sentence or two; a longer one is a parse error

CONTEXT_FUNCTION = f"""
CREATE OR REPLACE FUNCTION claims_search_context(claim bigint) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('english'::regconfig, concat_ws(' ',
        sp.name, sp.title, body.name, body.title,
        (SELECT string_agg(alias, ' ') FROM claims_speakeralias WHERE speaker_id = sp.id),
        (SELECT string_agg(DISTINCT part, ' ')
           FROM (SELECT left(a.content, {CONTENT_CHARS}) AS content, ar.title, ar.outlet
                   FROM claims_appearance a JOIN claims_article ar ON ar.id = a.article_id
                  WHERE a.claim_id = claim
                  ORDER BY a.claim_id, a.created_at DESC, a.id DESC
                  LIMIT {SIGHTINGS}) seen,
                LATERAL (VALUES (seen.content), (seen.title), (seen.outlet)) parts(part))))
      FROM claims_claim c
      LEFT JOIN claims_speaker sp ON sp.id = c.speaker_id
      LEFT JOIN claims_speaker body ON body.id = sp.body_id
     WHERE c.id = claim
$$
"""
OWN_WORDS = (
    "to_tsvector('english'::regconfig, COALESCE(statement, '') || ' ' || COALESCE(text, ''))"
)


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    run = schema_editor.execute
    run(CONTEXT_FUNCTION)
    run("DROP INDEX IF EXISTS claim_search_idx")
    run("ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector")
    # A constant default: no rewrite here; the UPDATE writes every row once.
    run("ALTER TABLE claims_claim ADD COLUMN search_context tsvector NOT NULL DEFAULT ''")
    run("SET LOCAL maintenance_work_mem = '256MB'")
    run("UPDATE claims_claim SET search_context = claims_search_context(id)")
    run(
        "ALTER TABLE claims_claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        f"({OWN_WORDS} || search_context) STORED"
    )
    # No pending list: a new claim is searchable at once (0007).
    run(
        "CREATE INDEX claim_search_idx ON claims_claim USING gin (search_vector) "
        "WITH (fastupdate = off)"
    )
    # The planner chooses between the index and walking the triage order from this
    # column's word frequencies: without them it guesses.
    run("ANALYZE claims_claim")


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    run = schema_editor.execute
    run("DROP INDEX IF EXISTS claim_search_idx")
    run("ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector")
    run("ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_context")
    run("DROP FUNCTION IF EXISTS claims_search_context(bigint)")
    run(
        f"ALTER TABLE claims_claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({OWN_WORDS}) STORED"
    )
    run(
        "CREATE INDEX claim_search_idx ON claims_claim USING gin (search_vector) "
        "WITH (fastupdate = off)"
    )


class Migration(migrations.Migration):
    dependencies = [("claims", "0021_factcheck_source_interval_at_most_30_days")]

    operations = [migrations.RunPython(forward, backward)]
