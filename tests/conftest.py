import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management.base import CommandError
from django.test import TransactionTestCase
from rest_framework.test import APIClient

from reviews.roles import CHECKER, EDITOR
from reviews.services import staff_upsert
from tests.httpserver import LocalHTTPServer
from tests.worker import Worker, start_worker, stop_worker

PASSWORD = "Correct-Horse-42"


@pytest.fixture(scope="session", autouse=True)
def flush_waits_for_the_worker() -> Iterator[None]:
    """Retry the end-of-test TRUNCATE when it deadlocks with the session's worker.

    Once started, the worker stays up for the rest of the session, so it may still be
    running a task the last transactional test queued on commit (a notification, a
    link) while pytest-django truncates every table. PostgreSQL then breaks the deadlock
    by cancelling the TRUNCATE; the task ends within moments, and the flush succeeds.
    """
    # A private Django hook, absent from the stubs, hence getattr/setattr.
    original = getattr(TransactionTestCase, "_fixture_teardown")  # noqa: B009

    def teardown(self: TransactionTestCase) -> None:
        flush_retrying_deadlocks(lambda: original(self))

    setattr(TransactionTestCase, "_fixture_teardown", teardown)  # noqa: B010
    yield
    setattr(TransactionTestCase, "_fixture_teardown", original)  # noqa: B010


def flush_retrying_deadlocks(flush: Callable[[], object]) -> None:
    """Run `flush` (a TRUNCATE of every table), again when it deadlocked with a worker."""
    for attempt in range(5):
        try:
            flush()
            return
        except CommandError as error:
            if "deadlock" not in str(error.__cause__ or error) or attempt == 4:
                raise
            time.sleep(0.5 * (attempt + 1))


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests keep logs and screenshots for a person to look at afterwards."""
    path = Path(__file__).resolve().parent.parent / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def local_http_server() -> Iterator[LocalHTTPServer]:
    """One loopback HTTP server for the session, started before the worker.

    The worker may fetch from it (and only from its exact port), so tests serve
    feeds and pages here by registering routes under their own paths.
    """
    server = LocalHTTPServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def celery_worker_env(local_http_server: LocalHTTPServer) -> dict[str, str]:
    """Extra environment for the worker process; suites override it when they need to."""
    return {
        "FACTCHECK_FETCH_ALLOW_HOSTS": f"127.0.0.1:{local_http_server.port}",
        # Short enough that a test of a silent server does not wait long.
        "FACTCHECK_FETCH_READ_TIMEOUT": "2",
        "FACTCHECK_FETCH_DEADLINE": "10",
    }


@pytest.fixture(scope="session")
def celery_worker(
    django_db_setup: None, django_db_blocker, artifacts_dir: Path, celery_worker_env
) -> Iterator[Worker]:
    with django_db_blocker.unblock():
        worker = start_worker(artifacts_dir, celery_worker_env)
    yield worker
    stop_worker(worker)


# The cast: Alice and Bob check facts, Erin edits, Adam administers.
@pytest.fixture
def alice(db) -> User:
    return staff_upsert(username="alice", role=CHECKER, password=PASSWORD)[0]


@pytest.fixture
def bob(db) -> User:
    return staff_upsert(username="bob", role=CHECKER, password=PASSWORD)[0]


@pytest.fixture
def erin(db) -> User:
    return staff_upsert(username="erin", role=EDITOR, password=PASSWORD)[0]


@pytest.fixture
def frank(db) -> User:
    """A second editor, for separation of duties."""
    return staff_upsert(username="frank", role=EDITOR, password=PASSWORD)[0]


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def client_for(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def unused_tcp_port() -> int:
    """A port nothing listens on (bound, read, released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
