"""A broker that is down, for one block of a test: tasks this process sends go to a
closed local port."""

from collections.abc import Iterator
from contextlib import contextmanager

from factcheck.celery import app as celery_app


@contextmanager
def broker_at(url: str) -> Iterator[None]:
    """Send this process's tasks to `url` until the block ends (the pools are rebuilt)."""
    original = celery_app.conf.broker_url

    def point_at(target: str) -> None:
        celery_app.conf.update(broker_url=target)
        # The app caches its connection and producer pools (private, absent from the stubs).
        setattr(celery_app, "_pool", None)  # noqa: B010
        setattr(celery_app.amqp, "_producer_pool", None)  # noqa: B010

    point_at(url)
    try:
        yield
    finally:
        point_at(original)
