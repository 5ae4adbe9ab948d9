"""The production shape: compose file, documented variables, deploy checks."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import yaml

BASE_DIR = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def test_compose_file_validates_against_the_compose_specification() -> None:
    result = subprocess.run(
        [
            str(VENV_BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.compose-spec",
            str(BASE_DIR / "docker-compose.yml"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_runs_every_part_of_the_desk_from_one_app_block() -> None:
    compose = yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())
    services = compose["services"]

    assert {"web", "worker", "beat", "postgres", "redis"} <= set(services)
    for name in ("web", "worker", "beat"):
        assert services[name]["image"] == "factcheck-desk:latest"
        assert services[name]["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert "gunicorn" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "factcheck", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "factcheck", "beat"]
    redis_command = services["redis"]["command"]
    assert redis_command[redis_command.index("--appendonly") + 1] == "yes"
    assert redis_command[redis_command.index("--maxmemory-policy") + 1] == "noeviction"
    assert "healthcheck" in services["postgres"]
    assert "pgdata:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    assert "pgdata" in compose["volumes"]


def test_env_example_lists_every_variable_the_settings_read() -> None:
    read = set()
    for module in ("settings.py", "env.py"):
        source = (BASE_DIR / "factcheck" / module).read_text()
        read |= set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', source))
    documented = set(re.findall(r"^([A-Z_]+)=", (BASE_DIR / ".env.example").read_text(), re.M))

    assert read, "no variables found in settings"
    assert read - documented == set()
    assert "FACTCHECK_PASSWORD" in documented


def test_deploy_checks_pass_with_production_like_variables() -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DEBUG"},
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "desk.example.org",
        "DATABASE_URL": "postgres://factcheck@db.internal:5432/factcheck",
        "REDIS_URL": "redis://redis.internal:6379/0",
    }
    env.pop("FACTCHECK_HTTPS", None)
    # Set by the browser tests for this test process only; a deployment never has it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
