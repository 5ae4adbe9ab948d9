from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import AbstractUser
from rest_framework.test import APIClient

from reviews.roles import CHECKER, EDITOR
from reviews.services import staff_upsert
from tests.worker import Worker, start_worker, stop_worker

PASSWORD = "Correct-Horse-42"


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests keep logs and screenshots for a person to look at afterwards."""
    path = Path(__file__).resolve().parent.parent / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def celery_worker_env() -> dict[str, str]:
    """Extra environment for the worker process; suites override it when they need to."""
    return {}


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
def alice(db) -> AbstractUser:
    return staff_upsert(username="alice", role=CHECKER, password=PASSWORD)[0]


@pytest.fixture
def bob(db) -> AbstractUser:
    return staff_upsert(username="bob", role=CHECKER, password=PASSWORD)[0]


@pytest.fixture
def erin(db) -> AbstractUser:
    return staff_upsert(username="erin", role=EDITOR, password=PASSWORD)[0]


@pytest.fixture
def frank(db) -> AbstractUser:
    """A second editor, for separation of duties."""
    return staff_upsert(username="frank", role=EDITOR, password=PASSWORD)[0]


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def client_for(user: AbstractUser) -> APIClient:
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
