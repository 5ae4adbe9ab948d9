"""Hostile publishers, end to end through a real Celery worker (prefork, Redis, PostgreSQL).

Every case in `hostile.py` is polled at once, each followed by a sound feed, through
one worker of its own (own queue, enough children for the slow cases to overlap).
Each hostile poll must end within 35 s of being queued with a reason on the feed or
its article, each sound feed queued after it must still be polled, and no worker
process may grow past 500 MB. The fetch deadline is 8 s here (30 s in production),
so the slow-drip cases end early by design; the bound they are held to is the same.
"""

import itertools
import json
import os
import threading
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.models import Article, Feed
from claims.services.feeds import feed_create
from claims.tasks import poll_feed
from factcheck.celery import app as celery_app
from tests.conftest import flush_retrying_deadlocks
from tests.hardening.hostile import ARTICLE, Case, cases
from tests.httpserver import LocalHTTPServer
from tests.ingestion.publisher import BRIDGE, publish
from tests.worker import Worker, start_worker, stop_worker

# The mark makes pytest-django create the test database; the campaign writes outside
# the tests' transactions and empties the tables itself when it is done.
pytestmark = [pytest.mark.worker, pytest.mark.django_db]

WALL_LIMIT = 35.0  # seconds from queueing the poll to a recorded outcome
MEMORY_LIMIT_MB = 500
CONCURRENCY = 6
CLOSED_PORT = 9  # "discard": nothing listens there on a test machine
CASES = cases(CLOSED_PORT)


@dataclass
class Outcome:
    seconds: float | None  # None: nothing recorded within the wait
    status: str  # the feed's health or the article's status when it resolved
    reason: str
    next_feed_seconds: float | None
    hits: dict[str, int]


@dataclass
class Campaign:
    outcomes: dict[str, Outcome]
    after_seconds: float | None  # a sound feed queued once every case had resolved
    peak_process_mb: float
    peak_total_mb: float
    wall_seconds: float


class MemoryWatch:
    """Samples the worker's processes (the main one and its pool) from /proc: the peak
    resident size any one of them reached (VmHWM), and the most they held together as
    proportional set size (Pss: pages the pool shares since the fork counted once)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_process_kb = 0
        self.peak_total_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "MemoryWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        # VmHWM keeps its own peak, so a few looks suffice (a recycled child takes its
        # peak with it); Pss costs a walk of the page tables, so it is sampled less.
        for tick in itertools.count():
            if self._stop.wait(0.25):
                return
            pids = [self.pid, *_children(self.pid)]
            for pid in pids:
                peak = _proc_kb(f"/proc/{pid}/status", "VmHWM")
                self.peak_process_kb = max(self.peak_process_kb, peak)
            if tick % 4 == 0:
                total = sum(_proc_kb(f"/proc/{pid}/smaps_rollup", "Pss") for pid in pids)
                self.peak_total_kb = max(self.peak_total_kb, total)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _proc_kb(path: str, name: str) -> int:
    """A "Name:  1234 kB" line of a /proc file, in kB (0 once the process is gone)."""
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return 0
    for line in lines:
        key, _, value = line.partition(":")
        if key == name:
            return int(value.split()[0])
    return 0


@pytest.fixture(scope="module")
def campaign(
    django_db_setup: None,
    django_db_blocker,
    local_http_server: LocalHTTPServer,
    artifacts_dir: Path,
) -> Campaign:
    """Poll every case at once through a worker of its own; record when each resolved
    and what it said, then leave the database and the queue as the next test expects."""
    queue = f"{celery_app.conf.task_default_queue}-hostile"
    env = {
        "FACTCHECK_FETCH_ALLOW_HOSTS": f"127.0.0.1:{local_http_server.port}",
        "FACTCHECK_FETCH_READ_TIMEOUT": "2",
        "FACTCHECK_FETCH_DEADLINE": "8",
        # Retries come quickly, so the always-busy page is parked within the wall limit.
        "FACTCHECK_RETRY_BACKOFF_MAX": "1",
    }
    log_dir = artifacts_dir / "hostile-servers"
    log_dir.mkdir(exist_ok=True)
    with django_db_blocker.unblock():
        worker = start_worker(log_dir, env, concurrency=CONCURRENCY, queue=queue)
        try:
            result = _run(worker, queue, local_http_server)
        finally:
            stop_worker(worker)
            with celery_app.connection_for_write() as connection:
                connection.SimpleQueue(queue).clear()  # retries still waiting
            # Written outside any test's transaction: empty the tables, as a test would.
            flush_retrying_deadlocks(lambda: call_command("flush", verbosity=0, interactive=False))
    (log_dir / "outcomes.json").write_text(json.dumps(asdict(result), indent=2))
    return result


def _run(worker: Worker, queue: str, server: LocalHTTPServer) -> Campaign:
    run = uuid.uuid4().hex[:8]
    feeds: dict[str, tuple[Feed, Feed, str]] = {}
    for n, (name, case) in enumerate(CASES.items()):
        prefix = f"/hostile-{run}-{n}"
        hostile = feed_create(actor=None, url=case.serve(server, prefix), name=name)
        sound = feed_create(
            actor=None, url=publish(server, f"{prefix}-next", [BRIDGE]), name=f"after {name}"
        )
        feeds[name] = (hostile, sound, prefix)

    started = time.monotonic()
    queued: dict[str, float] = {}
    with MemoryWatch(worker.process.pid) as memory:
        for name, (hostile, sound, _) in feeds.items():
            queued[name] = time.monotonic()
            poll_feed.apply_async(args=(hostile.pk,), queue=queue)
            poll_feed.apply_async(args=(sound.pk,), queue=queue)
        outcomes = _wait_for_outcomes(feeds, queued, deadline=started + WALL_LIMIT + 15)
        after_seconds = _poll_one_more(server, queue, run)
        wall = time.monotonic() - started
    for name, (_, _, prefix) in feeds.items():
        outcomes[name].hits = {
            path: server.hits(f"{prefix}{path}") for path in CASES[name].untouched
        }
    return Campaign(
        outcomes=outcomes,
        after_seconds=after_seconds,
        peak_process_mb=memory.peak_process_kb / 1024,
        peak_total_mb=memory.peak_total_kb / 1024,
        wall_seconds=wall,
    )


def _wait_for_outcomes(
    feeds: dict[str, tuple[Feed, Feed, str]], queued: dict[str, float], deadline: float
) -> dict[str, Outcome]:
    outcomes = {name: Outcome(None, "", "", None, {}) for name in feeds}
    while time.monotonic() < deadline:
        for name, (hostile, sound, _) in feeds.items():
            outcome, case = outcomes[name], CASES[name]
            if outcome.seconds is None and (found := _resolved(case, hostile)):
                outcome.status, outcome.reason = found
                outcome.seconds = time.monotonic() - queued[name]
            polled = Feed.objects.filter(pk=sound.pk, last_success_at__isnull=False).exists()
            if outcome.next_feed_seconds is None and polled:
                outcome.next_feed_seconds = time.monotonic() - queued[name]
        if all(
            o.seconds is not None and o.next_feed_seconds is not None for o in outcomes.values()
        ):
            break
        time.sleep(0.25)
    return outcomes


def _resolved(case: Case, feed: Feed) -> tuple[str, str] | None:
    """(status, reason) once the case has a recorded outcome, else None."""
    feed = Feed.objects.get(pk=feed.pk)
    if feed.last_polled_at is None:
        return None
    if case.where != ARTICLE or feed.consecutive_failures:
        return ("healthy" if feed.healthy else "failing", feed.last_error)
    article = Article.objects.filter(feed=feed).first()
    if article is None or article.status == Article.Status.PENDING and not article.retries:
        return None
    if case.final and article.status == Article.Status.PENDING:
        return None
    status = f"retrying ({article.retries})" if article.status == "pending" else article.status
    return (status, article.error)


def _poll_one_more(server: LocalHTTPServer, queue: str, run: str) -> float | None:
    """Once every case has resolved, a fresh feed and its article still go through."""
    feed = feed_create(actor=None, url=publish(server, f"/hostile-{run}-after", [BRIDGE]))
    started = time.monotonic()
    poll_feed.apply_async(args=(feed.pk,), queue=queue)
    while time.monotonic() < started + WALL_LIMIT:
        if Article.objects.filter(feed=feed, status=Article.Status.EXTRACTED).exists():
            return time.monotonic() - started
        time.sleep(0.25)
    return None


@pytest.mark.parametrize("name", CASES)
def test_a_hostile_server_ends_in_time_with_a_reason(campaign: Campaign, name: str) -> None:
    outcome, case = campaign.outcomes[name], CASES[name]

    assert outcome.seconds is not None, f"nothing recorded within {WALL_LIMIT + 15:.0f} s"
    assert outcome.seconds <= WALL_LIMIT, outcome
    assert outcome.status.startswith(case.status), outcome
    assert case.expect in outcome.reason if case.expect else outcome.reason == "", outcome
    assert all(hits == 0 for hits in outcome.hits.values()), outcome


@pytest.mark.parametrize("name", CASES)
def test_the_feed_queued_after_a_hostile_one_is_still_polled(campaign: Campaign, name: str) -> None:
    seconds = campaign.outcomes[name].next_feed_seconds

    assert seconds is not None and seconds <= WALL_LIMIT


def test_a_feed_polled_after_them_all_is_ingested_promptly(campaign: Campaign) -> None:
    assert campaign.after_seconds is not None and campaign.after_seconds < 15


def test_no_worker_process_grows_past_500_mb(campaign: Campaign) -> None:
    assert 0 < campaign.peak_process_mb < MEMORY_LIMIT_MB
