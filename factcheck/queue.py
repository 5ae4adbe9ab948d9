"""Queueing a Celery task from a service, by the task's name.

Tasks sit above services, like views: a task module imports the service it runs,
and a service never imports a task module back. So a service names the task it
queues; the Celery app finds it in its registry, which autodiscovery fills from
every installed app's `tasks` module (a worker at start; any other process, such as
the web server or a command, the first time it queues a task). A misspelt name fails
at once (NotRegistered), in the transaction that asked, not later in a worker.

A task is sent once the transaction that asked for it commits, so a broker that is
down cannot undo the work: the caller hears QueueUnavailable (503 in the API) and
the rows wait for the sweep that queues what was never sent.
"""

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from celery import Task
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerUnavailable

from factcheck.celery import app
from factcheck.errors import QueueUnavailable

QUEUE_DOWN = (
    "The task queue is unavailable right now: the change is saved, but the work it "
    "starts may be delayed."
)


def task_named(task_name: str) -> Task:
    """The registered task called `task_name`."""
    if task_name not in app.tasks:
        app.loader.import_default_modules()  # runs autodiscovery: every app's tasks module
    return app.tasks[task_name]


def enqueue_on_commit(task_name: str, *args: Any) -> None:
    """Queue `task_name(*args)` once the current transaction commits (at once outside one)."""
    enqueue_many_on_commit(task_name, [args])


def enqueue_many_on_commit(
    task_name: str,
    calls: Sequence[tuple[Any, ...]],
    *,
    if_refused: Callable[[list[tuple[Any, ...]]], None] | None = None,
    refused_detail: str = QUEUE_DOWN,
) -> None:
    """Queue `task_name(*args)` for each of `calls` once the current transaction commits.

    If the broker refuses one, the rest are not tried (each would wait on it the same
    way): `if_refused` gets every call not sent, then QueueUnavailable is raised with
    `refused_detail`.
    """
    task = task_named(task_name)
    pending = list(calls)
    if not pending:
        return
    # A partial, not a closure: its repr names the task, for logs and tests that look.
    transaction.on_commit(partial(_send, task, pending, if_refused, refused_detail))


def _send(
    task: Task,
    pending: list[tuple[Any, ...]],
    if_refused: Callable[[list[tuple[Any, ...]]], None] | None,
    refused_detail: str,
) -> None:
    for sent, args in enumerate(pending):
        try:
            task.delay(*args)
        except BrokerUnavailable as error:
            if if_refused is not None:
                if_refused(pending[sent:])
            raise QueueUnavailable(refused_detail) from error
