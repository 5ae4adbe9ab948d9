"""Settings fail loudly on bad values instead of running half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.env import ConfigError, env_bool, env_int, env_url

BASE_DIR = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 30 + "Zq8!pW3@xY" * 3


def load_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    clean.pop("SECRET_KEY", None)
    clean.pop("DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "factcheck.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_start_without_a_secret_key() -> None:
    result = load_settings()

    assert result.returncode != 0
    assert "SECRET_KEY must be set unless DEBUG is on" in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be a boolean"),
        ({"SECRET_KEY": GOOD_KEY, "REDIS_URL": "http://x"}, "REDIS_URL must be a URL"),
        ({"SECRET_KEY": GOOD_KEY, "DATABASE_URL": "mysql://x/y"}, "DATABASE_URL must be"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY must be at least 50"),
        ({"SECRET_KEY": GOOD_KEY, "EMAIL_PORT": "twenty-five"}, "EMAIL_PORT must be an integer"),
    ],
)
def test_settings_name_the_bad_value(env: dict[str, str], message: str) -> None:
    result = load_settings(**env)

    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_load_with_good_values() -> None:
    result = load_settings(
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="desk.example.org",
        DATABASE_URL="postgres://u@db:5432/factcheck",
        REDIS_URL="redis://redis:6379/0",
    )

    assert result.returncode == 0, result.stderr


def test_env_helpers_parse_and_refuse() -> None:
    assert env_bool("X", environ={"X": "Yes"}) is True
    assert env_bool("X", environ={}) is False
    assert env_int("X", 5, environ={"X": "7"}) == 7
    assert env_url("X", ("redis",), environ={"X": ""}) == ""
    with pytest.raises(ConfigError, match="at least 1"):
        env_int("X", 5, environ={"X": "0"}, minimum=1)
    with pytest.raises(ConfigError):
        env_url("X", ("redis",), environ={"X": "redis-without-scheme"})


def test_visibility_timeout_outlasts_twice_the_longest_run_and_backoff() -> None:
    from django.conf import settings

    longest = settings.CELERY_TASK_TIME_LIMIT + settings.FACTCHECK_RETRY_BACKOFF_MAX
    assert settings.CELERY_VISIBILITY_TIMEOUT >= 2 * longest
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] == (
        settings.CELERY_VISIBILITY_TIMEOUT
    )
    assert settings.CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS["visibility_timeout"] == (
        settings.CELERY_VISIBILITY_TIMEOUT
    )


@pytest.mark.django_db
def test_postgresql_connections_run_without_jit() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.fail("This suite runs on PostgreSQL (make test provides it).")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_workers_recycle_their_processes_by_task_count_and_memory_from_the_environment() -> None:
    script = (
        "import django; django.setup(); from factcheck.celery import app; "
        "print(app.conf.worker_max_tasks_per_child, app.conf.worker_max_memory_per_child)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "factcheck.settings",
            "SECRET_KEY": GOOD_KEY,
            "FACTCHECK_WORKER_MAX_TASKS_PER_CHILD": "40",
            "FACTCHECK_WORKER_MAX_MEMORY_PER_CHILD": "250000",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["40", "250000"]
