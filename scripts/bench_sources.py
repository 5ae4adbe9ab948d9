"""Running the desk's sources at scale. Updates `## Sources: OPML and speaker merges`.

1. OPML: 500 feeds exported, imported into a freshly migrated database, exported
   again; the two documents must be identical (issue 16: under 10 s).
2. Merge: two registry entries for one speaker, 1,000 claims and 1,000 appearances
   each, merged with `speaker_merge`; nothing may point at the removed entry
   afterwards (issue 16: under 2 s). Repeated over fresh pairs for p50 and max.

Usage: .venv/bin/python scripts/bench_sources.py [--rounds N] [--dry-run]
Env: BENCH_DATABASE_URL (default: database factcheck_bench_sources on DATABASE_URL's
server, or postgres://postgres@127.0.0.1:5432/factcheck_bench_sources). The database
is dropped and created again on every run.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

from bench_database import bench_database_url
from benchmarks_md import rewrite_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


BENCH_DB = bench_database_url("factcheck_bench_sources")
os.environ["DATABASE_URL"] = BENCH_DB
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")


def fresh_database() -> None:
    import psycopg

    base, name = BENCH_DB.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


fresh_database()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from claims.models import Appearance, Article, Claim, Speaker  # noqa: E402
from claims.services.feeds import feed_create  # noqa: E402
from claims.services.opml import feeds_export_opml, feeds_import_opml  # noqa: E402
from claims.services.speakers import speaker_merge  # noqa: E402
from reviews.services import staff_upsert  # noqa: E402
from tests.factories import speaker_with_claims  # noqa: E402

OUTLETS = ["The Calder Ledger", "Northbridge Wire", "Velmora Daily", "Harbour Times", ""]


def opml_round_trip() -> dict[str, float]:
    for n in range(500):
        outlet = OUTLETS[n % len(OUTLETS)]
        host = (outlet or "independent").lower().replace(" ", "")
        feed_create(
            actor=None, url=f"https://{host}.example/f/{n}.xml", name=f"Desk {n}", outlet=outlet
        )
    started = time.perf_counter()
    first = feeds_export_opml(actor=None)
    exported = time.perf_counter()
    # A fresh database: no feed left, the audit log's table emptied as a new install's is.
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE claims_feed CASCADE")
    truncated = time.perf_counter()
    report = feeds_import_opml(actor=None, document=first)
    imported = time.perf_counter()
    second = feeds_export_opml(actor=None)
    done = time.perf_counter()
    assert len(report.added) == 500 and first == second, "the round trip changed the list"
    return {
        "export": exported - started,
        "import": imported - truncated,
        "export again": done - imported,
        "total": (exported - started) + (done - truncated),
        "bytes": len(first),
    }


def speaker_pair(round_no: int, article: Article) -> tuple[Speaker, Speaker]:
    name = f"Department of Transport {round_no}"
    return (
        speaker_with_claims(name, article, 1000),
        speaker_with_claims(f"the {name}", article, 1000),
    )


def merges(rounds: int) -> list[float]:
    article = Article.objects.create(
        url="https://ledger.example/t", canonical_url="https://ledger.example/t"
    )
    # Merging is an editor's decision; the bench acts as one.
    editor, _ = staff_upsert(username="bench-editor", role="editor", password=secrets.token_hex(16))
    seconds = []
    for round_no in range(rounds):
        survivor, absorbed = speaker_pair(round_no, article)
        started = time.perf_counter()
        speaker_merge(speaker_id=absorbed.pk, into_id=survivor.pk, actor=editor)
        seconds.append(time.perf_counter() - started)
        assert not Claim.objects.filter(speaker_id=absorbed.pk).exists()
        assert not Appearance.objects.filter(speaker_id=absorbed.pk).exists()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    with open("/proc/loadavg") as handle:
        load = handle.read().split()[0]
    opml = opml_round_trip()
    merged = merges(args.rounds)
    section = f"""## Sources: OPML and speaker merges

Produced by `scripts/bench_sources.py` (`make bench`), on a freshly created and migrated
PostgreSQL database; in-process service calls (no HTTP). Machine: 2 vCPU shared with other
engineers' suites; load average (1 min) {load} at the start.

**OPML round trip, 500 feeds** in five outlet folders ({opml["bytes"]:,} bytes): export
{opml["export"] * 1000:.0f} ms, import into the emptied feeds table {opml["import"] * 1000:.0f} ms
(500 feeds and 500 audit events, one transaction),
export again {opml["export again"] * 1000:.0f} ms;
**{opml["total"]:.2f} s** in all (target < 10 s). Both exports are byte-for-byte identical.

**Merging two speakers with 1,000 claims and 1,000 appearances each** (`speaker_merge`, set-based
UPDATEs under both rows' locks, alias and audit event included), {len(merged)} fresh pairs:
p50 **{statistics.median(merged) * 1000:.0f} ms**, max {max(merged) * 1000:.0f} ms (target < 2 s).
Afterwards no claim or appearance points at the removed entry (checked each round).
"""
    print(section)
    if not args.dry_run:
        rewrite_section(section)


if __name__ == "__main__":
    main()
