"""A real Celery worker process for integration tests (never eager mode)."""

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from factcheck.celery import app as celery_app

BASE_DIR = Path(__file__).resolve().parent.parent


@dataclass
class Worker:
    process: subprocess.Popen
    hostname: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def children(self) -> list[int]:
        """PIDs of the prefork pool's child processes."""
        stats: dict[str, Any] = (
            celery_app.control.inspect(destination=[self.hostname], timeout=2).stats() or {}
        )
        return list(stats.get(self.hostname, {}).get("pool", {}).get("processes", []))


def test_database_url() -> str:
    """The URL of the database pytest-django created, for the worker to share."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(
    log_dir: Path, extra_env: dict[str, str], concurrency: int = 2, queue: str = ""
) -> Worker:
    """A worker on `queue` (the test run's own by default), which its tasks queue to as well."""
    queue = queue or settings.CELERY_TASK_DEFAULT_QUEUE
    if not settings.REDIS_URL:
        raise RuntimeError(
            "REDIS_URL is not set: worker tests need Redis (make test starts a throwaway one)."
        )
    if connection.vendor != "postgresql":
        raise RuntimeError("Worker tests need PostgreSQL: set DATABASE_URL (make test does).")
    hostname = f"test-{uuid.uuid4().hex[:8]}@%h"
    log_path = log_dir / "celery-worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings_test",
        "DATABASE_URL": test_database_url(),
        **extra_env,
        "FACTCHECK_QUEUE": queue,
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "factcheck",
        "worker",
        "--pool=prefork",
        f"--concurrency={concurrency}",
        "--queues",
        queue,
        "--hostname",
        hostname,
        "--without-gossip",
        "--without-mingle",
        "--loglevel=INFO",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    worker = Worker(process, hostname.replace("%h", os.uname().nodename), log_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Celery worker exited early:\n{worker.log()}")
        if celery_app.control.ping(destination=[worker.hostname], timeout=0.5):
            return worker
    stop_worker(worker)
    raise RuntimeError(f"Celery worker did not answer a ping within 60 s:\n{worker.log()}")


def stop_worker(worker: Worker) -> None:
    worker.process.terminate()
    try:
        worker.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.process.kill()
        worker.process.wait()


def wait_for(condition: Callable[[], bool], timeout: float = 30, what: str = "") -> None:
    """Until the worker has done what `condition` checks, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
