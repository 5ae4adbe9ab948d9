import time
import uuid
from collections.abc import Iterator

import pytest

from factcheck.celery import app as celery_app
from tests.httpserver import LocalHTTPServer


@pytest.fixture
def server(local_http_server: LocalHTTPServer, settings) -> LocalHTTPServer:
    """The session's loopback server, which this process may fetch from too."""
    settings.FACTCHECK_FETCH_ALLOW_HOSTS = [f"127.0.0.1:{local_http_server.port}"]
    return local_http_server


@pytest.fixture
def prefix() -> str:
    """A path prefix of this test's own, on the shared server."""
    return f"/{uuid.uuid4().hex[:10]}"


@pytest.fixture(autouse=True)
def worker_idle_before_flush(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test with the real worker ends once the worker is idle, before the database
    is flushed: a task still committing (an ingestion the test did not wait for, or
    the links it queued) would otherwise deadlock with the flush's TRUNCATE."""
    if "celery_worker" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")  # so this ends before the flush
    worker = request.getfixturevalue("celery_worker")
    yield
    quiet, deadline = 0, time.monotonic() + 30
    while quiet < 3 and time.monotonic() < deadline:
        inspect = celery_app.control.inspect(destination=[worker.hostname], timeout=1)
        busy = (inspect.active() or {}).get(worker.hostname) or (inspect.reserved() or {}).get(
            worker.hostname
        )
        quiet = 0 if busy else quiet + 1
        time.sleep(0.2)
