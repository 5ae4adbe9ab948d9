"""Queueing a Celery task from a service, by the task's name.

Tasks sit above services, like views: a task module imports the service it runs,
and a service never imports a task module back. So a service names the task it
queues; the Celery app finds it in its registry, which autodiscovery fills from
every installed app's `tasks` module (a worker at start; any other process, such as
the web server or a command, the first time it queues a task). A misspelt name fails
at once (NotRegistered), in the transaction that asked, not later in a worker.
"""

from functools import partial
from typing import Any

from celery import Task
from django.db import transaction

from factcheck.celery import app


def task_named(task_name: str) -> Task:
    """The registered task called `task_name`."""
    if task_name not in app.tasks:
        app.loader.import_default_modules()  # runs autodiscovery: every app's tasks module
    return app.tasks[task_name]


def enqueue_on_commit(task_name: str, *args: Any) -> None:
    """Queue `task_name(*args)` once the current transaction commits (at once outside one)."""
    task = task_named(task_name)
    transaction.on_commit(partial(task.delay, *args))
