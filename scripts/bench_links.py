"""Claim linking: suggestions per 1,000 claims on PolNeAR dev, and time per new claim
with 1,000,000 claims stored in PostgreSQL. Updates `## Linking` in BENCHMARKS.md.

Usage: .venv/bin/python scripts/bench_links.py [--polnear-only] [--claims N]
(SHARED overrides the shared folder; BENCH_DATABASE_URL the benchmark database,
default postgres://postgres@127.0.0.1:5432/factcheck_bench_links, created if missing.)
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from importlib import import_module
from pathlib import Path

from benchmarks_md import rewrite_section

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
BENCH_DB = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench_links"
)
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = BENCH_DB
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from claims.models import Appearance, Article, Claim, Speaker  # noqa: E402
from claims.pipeline.detect import detect  # noqa: E402
from claims.pipeline.matching import compare, features  # noqa: E402
from claims.pipeline.stance import decided_stance  # noqa: E402
from claims.services.links import Statement, claim_suggest_links, classify  # noqa: E402

NEW_CLAIMS = 200
VOCABULARY = 20_000
NAMES = 3_000
SPEAKERS = 5_000
GOVERNMENTS = 40
SEARCH_INDEXES = ("claim_text_trgm_idx", "claim_text_fts_idx", "appearance_content_fts_idx")


def polnear() -> dict[str, float]:
    """Every official statement becomes a claim (identical text per speaker = one claim);
    each new claim is compared with the same speaker's earlier ones, in publication order."""
    with open(SHARED / "data/polnear/metadata.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    dates = {r["filename"]: r["publication_date"] for r in rows if r["compartment"] == "dev"}
    by_speaker: dict[str, list[Statement]] = defaultdict(list)
    kinds: Counter[str] = Counter()
    claims = 0
    started = time.perf_counter()
    for name in sorted(dates, key=lambda n: (dates[n], n)):
        text = (SHARED / "data/polnear/dev/text" / f"{name}.txt").read_text(encoding="utf-8")
        for attribution in detect(text):
            if not attribution.official:
                continue
            speaker = " ".join(attribution.speaker.lower().split())
            earlier = by_speaker[speaker]
            if any(s.claim.text == attribution.content for s in earlier):
                continue  # the same quote again: one claim, another appearance
            claims += 1
            claim = Claim(pk=claims, text=attribution.content, speaker_id=hash(speaker) % 10**9)
            stance, reason = decided_stance(
                attribution.stance, attribution.stance_reason, attribution.cue, attribution.content
            )
            new = Statement(claim, features(claim.text), stance, reason)
            for old in earlier:
                verdict = classify(
                    new, old, compare(new.features, old.features), family=set(), government=""
                )
                if verdict:
                    kinds[verdict[0]] += 1
            earlier.append(new)
    elapsed = time.perf_counter() - started
    pairs = sum(kinds.values())
    return {
        "claims": claims,
        "pairs": pairs,
        "per_1000": 1000 * pairs / claims,
        **{f"per_1000_{kind}": 1000 * count / claims for kind, count in kinds.items()},
        "seconds": elapsed,
    }


def words() -> tuple[list[str], list[str]]:
    """Pseudo-words; rarer words are longer, as in real text (Zipf's law of abbreviation)."""
    rng = random.Random(7)
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    vocabulary: list[str] = []
    seen: set[str] = set()
    while len(vocabulary) < VOCABULARY:
        size = 1 + min(5, int(len(vocabulary) ** 0.25 * rng.random() * 1.2) + 1)
        word = "".join(rng.choice(syllables) for _ in range(size))
        if word not in seen:
            seen.add(word)
            vocabulary.append(word)
    names = [w.capitalize() for w in vocabulary[5000 : 5000 + NAMES]]
    return vocabulary, names


def sentence(rng: random.Random, vocabulary: list[str], names: list[str]) -> str:
    # Zipf-like: index ~ u^3 favours the head of the vocabulary, with a long tail.
    size = rng.randint(8, 22)
    out = [vocabulary[int(VOCABULARY * rng.random() ** 3)] for _ in range(size)]
    for _ in range(rng.randint(0, 2)):
        out.insert(rng.randint(1, len(out)), names[int(NAMES * rng.random() ** 2)])
    return " ".join(out)


def load(total: int) -> None:
    """Speakers under governments, `total` claims with one appearance each, in bulk SQL."""
    if Appearance.objects.filter(detector_version="bench").count() >= total:
        return  # loaded by an earlier run
    vocabulary, names = words()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE claims_appearance, claims_claimlink, claims_claim CASCADE")
        cursor.execute("DELETE FROM claims_speaker")
        cursor.execute("DELETE FROM claims_article")
        cursor.execute(
            """INSERT INTO claims_speaker (id, name, key, kind, title, is_official,
                   official_reason, edited_by_staff, created_at, updated_at, body_id)
               SELECT g, 'Bench ' || g || ' government', 'bench ' || g || ' government',
                      'organisation', '', true, '', false, now(), now(), NULL
               FROM generate_series(1, %s) g""",
            [GOVERNMENTS],
        )
        cursor.execute(
            """INSERT INTO claims_speaker (id, name, key, kind, title, is_official,
                   official_reason, edited_by_staff, created_at, updated_at, body_id)
               SELECT g, 'Speaker ' || g, 'speaker ' || g, 'person', 'minister', true, '',
                      false, now(), now(), 1 + g %% %s
               FROM generate_series(%s, %s) g""",
            [GOVERNMENTS, GOVERNMENTS + 1, GOVERNMENTS + SPEAKERS],
        )
        cursor.execute("SELECT setval('claims_speaker_id_seq', %s)", [GOVERNMENTS + SPEAKERS])
        cursor.execute(
            """INSERT INTO claims_article (id, url, canonical_url, guid, outlet, title, author,
                   language, text, content_hash, detected_hash, status, error, attempts,
                   retries, needs_fetch, created_at, updated_at)
               SELECT g, 'https://bench.example/' || g, 'https://bench.example/' || g, '',
                      'bench', 'Article ' || g, '', 'en', '', '', '', 'extracted', '', 1, 0,
                      false, now(), now()
               FROM generate_series(1, %s) g""",
            [total // 5],
        )
        cursor.execute("SELECT setval('claims_article_id_seq', %s)", [total // 5])
        cursor.execute("CREATE TEMP TABLE bench_text (id bigint, text text)")
        rng = random.Random(11)
        batch = 50_000
        for start in range(0, total, batch):
            rows = "\n".join(
                f"{start + n + 1}\t{sentence(rng, vocabulary, names)}"
                for n in range(min(batch, total - start))
            )
            with cursor.copy("COPY bench_text (id, text) FROM STDIN") as copy:
                copy.write(rows + "\n")
        # GIN indexes are built far faster once than row by row: drop, load, rebuild.
        for index in SEARCH_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {index}")
        # Speakers follow a power law: a few officials are quoted very often.
        cursor.execute(
            f"""INSERT INTO claims_claim (id, text, speaker_id, status, official,
                    checkworthiness, priority, priority_reasons, appearance_count,
                    dismiss_reason, created_at, updated_at)
                SELECT id, text, {GOVERNMENTS + 1} + floor({SPEAKERS - 1} * random() ^ 3)::int,
                       'flagged', true, 0.5, 0.5, '[]', 1, '', now(), now()
                FROM bench_text"""
        )
        cursor.execute("SELECT setval('claims_claim_id_seq', %s)", [total])
        cursor.execute(
            """INSERT INTO claims_appearance (claim_id, article_id, speaker_id, sentence,
                   sentence_start, sentence_end, source, source_start, source_end, cue,
                   cue_start, cue_end, content, content_start, content_end, direct, official,
                   official_reason, score, score_reasons, stance, stance_reason,
                   detector_version, created_at)
               SELECT c.id, 1 + c.id %% %s, c.speaker_id, c.text, 0, length(c.text),
                      'Speaker', 0, 7, 'said', 8, 12, c.text, c.id, c.id + length(c.text), false,
                      true, 'bench', 0.5, '[]',
                      (ARRAY['asserts','asserts','asserts','denies','confirms','dismisses'])
                          [1 + c.id %% 6],
                      '', 'bench', now()
               FROM claims_claim c""",
            [total // 5],
        )
    rebuild_search_indexes()
    with connection.cursor() as cursor:
        # As autovacuum does for a table that grew: statistics, and the visibility map
        # that lets a capped count read an index alone.
        cursor.execute("VACUUM ANALYZE")


def rebuild_search_indexes() -> None:
    """Recreate the indexes exactly as the migrations define them."""
    with connection.schema_editor() as editor:
        import_module("claims.migrations.0004_ingestion").create_trigram_index(None, editor)
        import_module("claims.migrations.0005_search_indexes").forward(None, editor)
        import_module("claims.migrations.0007_fts_index_without_pending_list").forward(None, editor)


def new_claim(text: str, speaker: Speaker, article_id: int, offset: int) -> Claim:
    """A claim and its one appearance, at an offset clear of the loaded ones."""
    claim = Claim.objects.create(text=text, speaker=speaker, official=True)
    Appearance.objects.create(
        claim=claim,
        article=Article.objects.get(pk=article_id),
        speaker=speaker,
        sentence=text,
        sentence_start=0,
        sentence_end=len(text),
        source=speaker.name,
        source_start=0,
        source_end=7,
        cue="said",
        cue_start=8,
        cue_end=12,
        content=text,
        content_start=offset + claim.pk,
        content_end=offset + claim.pk + len(text),
        official=True,
        detector_version="bench",
    )
    return claim


def time_new_claims(total: int) -> dict[str, float]:
    vocabulary, names = words()
    # A fresh seed per run, so a rerun's new claims are not copies of the last run's.
    rng = random.Random(Claim.objects.count())
    timings = []
    links = 0
    for n in range(NEW_CLAIMS):
        speaker = Speaker.objects.get(pk=GOVERNMENTS + 1 + int((SPEAKERS - 1) * rng.random() ** 3))
        claim = new_claim(sentence(rng, vocabulary, names), speaker, 1 + n, 10 * total)
        started = time.perf_counter()
        links += len(claim_suggest_links(claim=claim))
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "stored": total,
        "p50": statistics.median(timings),
        "p95": timings[int(0.95 * len(timings)) - 1],
        "max": timings[-1],
        "links_per_claim": links / NEW_CLAIMS,
    }


def ensure_database() -> None:
    import psycopg

    base, name = BENCH_DB.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--polnear-only", action="store_true")
    parser.add_argument("--claims", type=int, default=1_000_000)
    args = parser.parse_args()
    quality = polnear()
    print("PolNeAR dev:", quality)
    lines = [
        "Produced by `scripts/bench_links.py`.",
        "",
        "**Suggestions on PolNeAR dev** (84 articles, detection → one claim per distinct "
        "official statement per speaker; each claim compared with the same speaker's earlier "
        f"ones): {quality['claims']} claims, {quality['pairs']} same-speaker pairs suggested "
        f"= **{quality['per_1000']:.1f} per 1,000 claims** ("
        + ", ".join(
            f"{k.removeprefix('per_1000_')} {v:.1f}"
            for k, v in sorted(quality.items())
            if k.startswith("per_1000_")
        )
        + f"); {quality['seconds']:.1f} s including detection.",
    ]
    if not args.polnear_only:
        ensure_database()
        started = time.perf_counter()
        load(args.claims)
        print(f"loaded in {time.perf_counter() - started:.0f} s")
        speed = time_new_claims(args.claims)
        print("PostgreSQL:", speed)
        postgres_major = getattr(connection, "pg_version", 0) // 10000  # a PostgreSQL attribute
        lines += [
            "",
            f"**Time per new claim** with {speed['stored']:,} claims stored (PostgreSQL "
            f"{postgres_major}, database `factcheck_bench_links`; synthetic "
            f"text with a Zipf-like vocabulary of {VOCABULARY:,} words and {NAMES:,} names; "
            f"{SPEAKERS:,} speakers under {GOVERNMENTS} governments, quoted by a power law): "
            f"`claim_suggest_links` over {NEW_CLAIMS} new claims — "
            f"p50 **{speed['p50']:.1f} ms**, p95 **{speed['p95']:.1f} ms**, "
            f"max {speed['max']:.1f} ms (target p95 ≤ 20 ms); "
            f"{speed['links_per_claim']:.2f} links stored per claim. Machine: "
            f"{os.cpu_count()} vCPU, load average {os.getloadavg()[0]:.1f} at the end of the "
            "run (other suites share it).",
            "",
            "Where the time goes: three queries for a claim with nothing to link (its context "
            "with its first appearance and its speaker's roll-up, walked up in one recursive "
            "query; the candidates with their first appearances and the government family, "
            "walked down by the body index in the same query), about six when links are stored "
            "(existing links, one insert, the stored links back) and no transaction unless a "
            "link is confirmed automatically. Before: about 11 queries and a commit per claim. "
            "The candidate query runs in 1.5–3 ms on this data (EXPLAIN ANALYZE); it was 7 ms "
            "while 2,600 new claims waited in the GIN pending list of `claim_text_fts_idx`, "
            "which migration 0007 turns off. At this load most of the rest is round-trip "
            "latency and the matcher's Python (`features` of each candidate, ~1 ms).",
        ]
    rewrite_section("## Linking\n\n" + "\n".join(lines).strip() + "\n")


if __name__ == "__main__":
    main()
