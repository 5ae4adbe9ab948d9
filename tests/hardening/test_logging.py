"""An expected refusal is one line in the server log; a crash keeps its traceback."""

import io
import logging
from collections.abc import Iterator

import pytest
from django.test import Client

from factcheck.logs import OneLineRefusals
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def server_log() -> Iterator[io.StringIO]:
    """What the configured console handler writes, as an operator would read it."""
    handler = next(h for h in logging.getLogger().handlers if h.filters)
    stream = io.StringIO()
    previous = handler.setStream(stream)  # type: ignore[attr-defined]
    yield stream
    handler.setStream(previous)  # type: ignore[attr-defined]


def test_a_checker_on_an_editor_page_is_logged_as_one_line(alice, server_log) -> None:
    client = Client()
    client.force_login(alice)

    response = client.get("/desk/editor/")

    assert response.status_code == 403
    lines = [line for line in server_log.getvalue().splitlines() if line.strip()]
    assert len(lines) == 1, server_log.getvalue()
    assert "Forbidden" in lines[0] and "/desk/editor/" in lines[0]
    assert "Traceback" not in server_log.getvalue()


def test_an_api_denial_is_logged_as_one_line(alice, server_log) -> None:
    response = client_for(alice).post(
        "/api/v1/feeds/", {"url": "https://a.example/"}, format="json"
    )

    assert response.status_code == 403
    assert "Traceback" not in server_log.getvalue()
    assert len(server_log.getvalue().strip().splitlines()) == 1


def test_an_oversized_body_is_logged_without_a_traceback(alice, server_log) -> None:
    client = Client()
    client.force_login(alice)

    client.post("/desk/claims/1/dismiss/", {"reason": "x" * 2_000_000})

    assert "Traceback" not in server_log.getvalue()


def test_a_server_error_keeps_its_traceback() -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        crash = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal "
                                  "Server Error: /x", (), __import__("sys").exc_info())  # fmt: skip
    crash.status_code = 500
    denial = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Forbidden",
                               (), crash.exc_info)  # fmt: skip
    denial.status_code = 403

    OneLineRefusals().filter(crash)
    OneLineRefusals().filter(denial)

    assert crash.exc_info is not None
    assert denial.exc_info is None
