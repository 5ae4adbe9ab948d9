"""One long article against a long history: matching cost per article is bounded.

    .venv/bin/python scripts/bench_long_article.py [--statements 2000] [--history 100000]

1. Recreates the PostgreSQL database `factcheck_bench_long` and migrates it.
2. Stores `--history` claims for one official, Finance Minister Ilse Varnholt
   (fictional), written from the same templates as the article, so most of them
   are near-duplicates of its statements: the hard case for matching.
3. In a fresh process, as a worker child would, ingests one article of
   `--statements` statements by her (about 250 KB for 2,000), and reports the wall
   time of the ingestion and the process's peak resident memory.
Writes the figures to the "One long article" section of BENCHMARKS.md.
Needs PostgreSQL (DATABASE_URL, or 127.0.0.1:5432 user postgres); loopback only.
"""

import argparse
import json
import os
import random
import resource
import secrets
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(BASE_DIR), str(Path(__file__).resolve().parent)]

from bench_ingest import TOPICS as BURST_TOPICS  # noqa: E402

DB_NAME = "factcheck_bench_long"
SPEAKER = ("Finance Minister", "Ilse Varnholt")
# The burst benchmark's topics and a few more, so the history is not all one subject.
TOPICS = [*BURST_TOPICS, "teacher salaries", "road repairs", "tax receipts", "housing starts"]
VERBS = ["had risen by", "had fallen by", "would grow by", "was cut by", "stood at"]
SPANS = ["year", "decade", "term"]


def statement(rng: random.Random) -> str:
    return (
        f"spending on {rng.choice(TOPICS)} {rng.choice(VERBS)} {rng.randint(1, 99)} percent "
        f"since {rng.randint(1990, 2026)}, more than in any {rng.choice(SPANS)} before"
    )


def page_text(statements: int) -> str:
    """Newswire paragraphs, each one attributed statement; about one in ten repeats one."""
    rng = random.Random(7)
    said: list[str] = []
    for n in range(statements):
        said.append(rng.choice(said) if said and n % 10 == 9 else statement(rng))
    title, name = SPEAKER
    return "\n\n".join(f"{title} {name} said {text}." for text in said)


def database_url() -> str:
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    return base.rsplit("/", 1)[0]


def child_env() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DATABASE_URL": f"{database_url()}/{DB_NAME}",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(64),
        "DEBUG": "0",
        "FACTCHECK_HTTPS": "0",
        "LOG_LEVEL": "WARNING",
    }


def seed(history: int) -> None:
    import django

    django.setup()
    from django.utils import timezone

    from claims.models import Claim
    from claims.services.speakers import speaker_upsert

    title, name = SPEAKER
    speaker = speaker_upsert(name=name, title=title, official=True, reason=title)
    rng = random.Random(11)
    now = timezone.now()
    for start in range(0, history, 10_000):
        Claim.objects.bulk_create(
            Claim(
                text=statement(rng),
                speaker=speaker,
                official=True,
                checkworthiness=0.5,
                first_seen_at=now,
                last_seen_at=now,
            )
            for _ in range(min(10_000, history - start))
        )


def ingest(statements: int) -> None:
    import django

    django.setup()
    from claims.services.articles import article_ingest, article_submit

    text = page_text(statements)
    started = time.monotonic()
    url = f"https://wire.example/long-{secrets.token_hex(4)}"
    article = article_submit(actor=None, url=url, text=text, enqueue=False)
    result = article_ingest(article_id=article.pk)
    elapsed = time.monotonic() - started
    print(
        json.dumps(
            {
                "bytes": len(text.encode()),
                "seconds": elapsed,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "status": result.status,
                "appearances": result.appearances,
                "created": result.claims_created,
                "matched": result.claims_matched,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--history", type=int, default=100_000)
    parser.add_argument("--child", choices=["seed", "ingest"])
    args = parser.parse_args()
    if args.child == "seed":
        return seed(args.history)
    if args.child == "ingest":
        return ingest(args.statements)

    import psycopg

    with psycopg.connect(f"{database_url()}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    env = child_env()
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=BASE_DIR, env=env, check=True)
    me = [sys.executable, __file__, "--statements", str(args.statements)]
    subprocess.run([*me, "--history", str(args.history), "--child", "seed"], env=env, check=True)
    load_before = os.getloadavg()[0]
    out = subprocess.run(
        [*me, "--child", "ingest"], env=env, check=True, capture_output=True, text=True
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    load_after = os.getloadavg()[0]
    summary = (
        f"{figures['bytes'] / 1024:.0f} KB page, {figures['appearances']} statements by one "
        f"official with {args.history:,} stored claims: **{figures['seconds']:.1f} s**, peak "
        f"**{figures['peak_mb']:.0f} MB** in the ingesting process ({figures['created']} new "
        f"claims, {figures['matched']} matched; {figures['status']}); load average "
        f"{load_before:.1f} → {load_after:.1f}"
    )
    print(summary)
    from benchmarks_md import rewrite_section

    rewrite_section(
        "## One long article\n\n"
        "Produced by `scripts/bench_long_article.py` (`make bench`). Target: < 10 s and "
        "< 300 MB peak per worker process.\n\n"
        "**How measured.** PostgreSQL (migrated), one speaker with the stated number of "
        "stored claims written from the same templates as the article (near-duplicates of "
        "its statements). A fresh Python process, as a worker child, submits the article "
        "text and runs `article_ingest`: detection, speakers, matching against stored "
        "claims and within the article, claims, appearances, priorities. Wall time of "
        "that call; peak RSS of the process (`ru_maxrss`, Django loaded).\n\n"
        f"- {summary}\n"
    )


if __name__ == "__main__":
    main()
