"""schemathesis over every API operation: no server error, no answer off the schema.

Stateless (examples, coverage, fuzzing) and stateful phases, a fixed seed and a
bounded number of cases per operation, signed in as an editor, against the
suite's PostgreSQL, on the demo newsroom so ids lead somewhere. The throttles
are raised for the run: a fuzzer that meets 429 on every second call tests
nothing but the throttle.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

from tests.fuzz.conftest import Desk

pytestmark = pytest.mark.django_db(transaction=True)

SEED = 20261207
EXAMPLES_PER_OPERATION = 12
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
]
GENEROUS = {"auth": "100000/min", "feedback": "100000/min", "feedback_daily": "100000/day",
            "feedback_page": "100000/day"}  # fmt: skip


@pytest.fixture
def unthrottled(settings, monkeypatch) -> None:
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], **GENEROUS}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    # DRF's scoped throttle copied the rates when it was imported.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)


def test_schemathesis_finds_no_server_error_and_no_schema_violation(
    live_server, desk: Desk, unthrottled: None, artifacts_dir: Path
) -> None:
    token = Token.objects.create(user=desk.editor)
    report = artifacts_dir / "schemathesis"
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        f"{live_server.url}/api/v1/schema/?format=json",
        "--checks", ",".join(CHECKS),
        "--phases", "examples,coverage,fuzzing,stateful",
        "--seed", str(SEED),
        "--max-examples", str(EXAMPLES_PER_OPERATION),
        "--workers", "1",
        "--request-timeout", "30",
        "--header", f"Authorization: Token {token.key}",
        "--report", "junit",
        "--report-dir", str(report),
        "--no-color",
    ]  # fmt: skip

    # Run from the artifacts folder: schemathesis keeps a cache where it runs.
    run = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=artifacts_dir)

    (artifacts_dir / "schemathesis.txt").write_text(run.stdout + run.stderr)
    assert run.returncode == 0, run.stdout[-12000:] + run.stderr[-3000:]
