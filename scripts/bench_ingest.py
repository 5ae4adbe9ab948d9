"""Ingestion throughput: a burst of fictional articles through one worker of two processes.

    .venv/bin/python scripts/bench_ingest.py [--articles 2000] [--feeds 20]

1. Recreates the PostgreSQL database `factcheck_bench_ingest` and migrates it.
2. Serves N generated articles and their RSS feeds from a loopback HTTP server.
3. Starts `celery worker --concurrency=2` on its own queue (Redis from REDIS_URL).
4. Registers the feeds, queues one poll of each, and times the burst until no
   article is pending; samples the worker's resident memory (all its processes).
Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and Redis; talks to loopback only.
"""

import argparse
import os
import random
import secrets
import subprocess
import sys
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DB_NAME = "factcheck_bench_ingest"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")

OFFICIALS = [
    ("Prime Minister", "Adrian Kell"),
    ("Finance Minister", "Ilse Varnholt"),
    ("Deputy Minister", "Lena Sorvik"),
    ("Mayor", "Mara Oduya"),
    ("Governor", "Samuel Okafor"),
    ("Defence Minister", "Oren Castellan"),
    ("Water Minister", "Tarek Osei"),
    ("press secretary", "Yuri Dalen"),
    ("Health Minister", "Amara Quist"),
    ("Interior Minister", "Piet Harmsen"),
]
OTHERS = ["Riya Banerjee", "Petra Hale", "Lukas Bren", "Carla Mendes", "Tomas Brenn"]
TOPICS = [
    "grain exports",
    "water rates",
    "the harbour bridge",
    "hospital beds",
    "fuel prices",
    "rail fares",
    "school meals",
    "border patrols",
    "pension payments",
    "power cuts",
]
CUES = ["said", "told reporters", "insisted", "denied", "confirmed"]


def story(n: int, rng: random.Random) -> tuple[str, str]:
    """A fictional newswire story: a few attributed statements, one or two by officials."""
    topic = rng.choice(TOPICS)
    title, name = rng.choice(OFFICIALS)
    other = rng.choice(OTHERS)
    figure = rng.randint(2, 90)
    month = rng.choice(["May", "June", "March"])
    paragraphs = [
        f"VELMORA — The government faced new questions about {topic} on Tuesday, "
        f"report number {n} in a week of rising pressure.",
        f"{title} {name} {rng.choice(CUES)} that spending on {topic} had risen by {figure} "
        f"percent since last year, more than in any year since {2000 + figure % 20}.",
        f"{other} said the figures did not match what people saw in their town.",
        f'"We have kept every promise on {topic}," {name.split()[-1]} told a press conference.',
        f"The ministry said a full report on {topic} would be published in {month}.",
    ]
    html = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(topic)} {n}</title>"
        "<meta property='article:published_time' content='2026-11-18T09:00:00Z'></head><body>"
        f"<article><h1>Questions over {escape(topic)} ({n})</h1>"
        + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    return f"Questions over {topic} ({n})", html


class Publisher:
    def __init__(self, articles: int, feeds: int) -> None:
        rng = random.Random(42)
        self.pages: dict[str, bytes] = {}
        self.feeds: dict[str, bytes] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        items: dict[int, list[str]] = {f: [] for f in range(feeds)}
        for n in range(articles):
            title, html = story(n, rng)
            path = f"/outlet{n % feeds}/story-{n}.html"
            self.pages[path] = html.encode()
            items[n % feeds].append(
                f"<item><title>{escape(title)}</title><link>{self.url(path)}</link>"
                f"<guid>story-{n}</guid></item>"
            )
        for f, entries in items.items():
            self.feeds[f"/outlet{f}/feed.xml"] = (
                "<?xml version='1.0'?><rss version='2.0'><channel>"
                f"<title>Outlet {f}</title><link>{self.url('/')}</link>"
                "<description>bench</description>" + "".join(entries) + "</channel></rss>"
            ).encode()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        publisher = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                if self.path in publisher.feeds:
                    body, kind = publisher.feeds[self.path], "application/rss+xml"
                elif self.path in publisher.pages:
                    body, kind = publisher.pages[self.path], "text/html; charset=utf-8"
                else:
                    body, kind = b"not found", "text/plain"
                self.send_response(200 if kind != "text/plain" else 404)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def start(self) -> None:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def worker_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                todo.extend(int(child) for child in children)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()

    publisher = Publisher(args.articles, args.feeds)
    publisher.start()
    queue = f"bench-ingest-{os.getpid()}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DATABASE_URL": f"{PG_URL}/{DB_NAME}",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DEBUG": "0",
        "FACTCHECK_HTTPS": "0",
        "FACTCHECK_QUEUE": queue,
        "FACTCHECK_FETCH_ALLOW_HOSTS": f"127.0.0.1:{publisher.port}",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    sys.path.insert(0, str(BASE_DIR))
    recreate_database()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )

    import django

    django.setup()
    from claims.models import Appearance, Article, Claim
    from claims.services.feeds import feed_create, feeds_poll_due
    from factcheck.celery import app

    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "factcheck",
            "worker",
            "--pool=prefork",
            "--concurrency=2",
            "--queues",
            queue,
            "--hostname",
            f"{queue}@%h",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[f"{queue}@{os.uname().nodename}"], timeout=0.5):
            if time.monotonic() > deadline or worker.poll() is not None:
                raise SystemExit("the worker did not start")
        for path in publisher.feeds:
            feed_create(actor=None, url=publisher.url(path), name=path.split("/")[1])
        idle_kb = worker_rss_kb(worker.pid)

        load_before = os.getloadavg()[0]
        started = time.monotonic()
        feeds_poll_due(limit=None)
        peak_kb, done = idle_kb, 0
        while time.monotonic() - started < args.timeout:
            peak_kb = max(peak_kb, worker_rss_kb(worker.pid))
            total = Article.objects.count()
            done = Article.objects.exclude(status=Article.Status.PENDING).count()
            if total == args.articles and done == total:
                break
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        failed = Article.objects.filter(status=Article.Status.FAILED).count()
        print(f"articles:        {done} of {args.articles} processed ({failed} failed)")
        print(f"feeds:           {args.feeds}")
        print(f"total time:      {elapsed:.1f} s (poll queued -> no article pending)")
        print(f"throughput:      {done / elapsed:.1f} articles/s")
        print(f"appearances:     {Appearance.objects.count()}")
        print(f"claims flagged:  {Claim.objects.count()}")
        print(
            f"worker RSS:      idle {idle_kb / 1024:.0f} MB, peak {peak_kb / 1024:.0f} MB "
            "(main process + 2 children)"
        )
        # The machine may be shared: throughput is only comparable at a similar load.
        load_after = os.getloadavg()[0]
        print(f"load average:    {load_before:.1f} at the start, {load_after:.1f} at the end")
    finally:
        worker.terminate()  # a warm shutdown: it finishes the linking tasks it holds
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        app.control.purge()


if __name__ == "__main__":
    main()
