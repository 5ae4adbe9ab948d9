"""Bodies are capped before anyone parses them, and nobody can upload a file.

A 1 GB file part to the public feedback endpoints used to be answered 201
after Django had written it to a temporary file. Now the claimed length alone
refuses it, before the body is read, and no endpoint parses multipart at all.
"""

import glob
import io
import json
import re
import socket
import tempfile
from urllib.parse import urlsplit

import pytest
from django.core.files import temp
from django.test import Client

from reviews.models import Feedback

pytestmark = pytest.mark.django_db

GIGABYTE = 1024**3
BOUNDARY = "----factcheck-test-boundary"


def multipart_head() -> bytes:
    return (
        f"--{BOUNDARY}\r\n"
        'Content-Disposition: form-data; name="message"\r\n\r\nHello\r\n'
        f"--{BOUNDARY}\r\n"
        'Content-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()


def upload_files() -> set[str]:
    return set(glob.glob(f"{tempfile.gettempdir()}/*.upload*"))


def post_claiming(live_url: str, path: str, length: int) -> tuple[bytes, bytes]:
    """Claim `length` bytes of multipart, send only the first part's headers, and
    read the answer (head, body): a server that waited for the body times out here."""
    address = urlsplit(live_url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as sock:
        sock.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: {address.hostname}\r\n"
                f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
                f"Content-Length: {length}\r\nConnection: close\r\n\r\n"
            ).encode()
            + multipart_head()
        )
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65536)
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(re.search(rb"(?im)^content-length:\s*(\d+)", head)[1])  # type: ignore[index]
        while len(body) < length:
            body += sock.recv(65536)
    return head, body


@pytest.mark.parametrize("path", ["/api/v1/feedback/", "/feedback/"])
def test_a_gigabyte_upload_is_refused_early_without_a_temporary_file(live_server, path) -> None:
    before = upload_files()

    head, body = post_claiming(live_server.url, path, GIGABYTE)

    assert b" 413 " in head.split(b"\r\n")[0], head
    if path.startswith("/api/"):
        assert json.loads(body)["detail"] == "Request body is too large."
    assert upload_files() == before
    assert not Feedback.objects.exists()


def test_the_api_takes_no_multipart_at_all() -> None:
    body = multipart_head() + b"12345\r\n" + f"--{BOUNDARY}--\r\n".encode()

    response = Client().generic(
        "POST", "/api/v1/feedback/", body, content_type=f"multipart/form-data; boundary={BOUNDARY}"
    )

    assert response.status_code == 415
    assert "multipart" in response.json()["detail"]
    assert not Feedback.objects.exists()


def test_a_file_part_sent_to_the_feedback_form_is_dropped_unstored(monkeypatch) -> None:
    stored: list[str] = []
    monkeypatch.setattr(temp, "NamedTemporaryFile", lambda *a, **k: stored.append("tmp"))
    form = {"url": "https://desk.example/fact-checks/x/", "category": "grammar",
            "message": "A typo.", "attachment": io.BytesIO(b"x" * 200_000)}  # fmt: skip

    response = Client().post("/feedback/", form)

    assert response.status_code in (200, 302)
    report = Feedback.objects.get()
    assert report.message == "A typo."
    assert stored == []


def test_a_body_over_the_cap_is_refused_from_its_length_alone(settings) -> None:
    # The claimed length is over the cap; the test client would fail loudly if
    # anything tried to read past the 2 bytes actually there.
    response = Client().generic(
        "POST",
        "/api/v1/feedback/",
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(settings.FACTCHECK_MAX_REQUEST_BODY + 1),
    )

    assert response.status_code == 413
    assert response.json()["detail"] == "Request body is too large."


def test_a_page_over_the_cap_answers_the_413_page_under_the_publishers_name(settings) -> None:
    settings.FACTCHECK_PUBLISHER_NAME = "Harbor Truth Desk"

    response = Client().generic(
        "POST",
        "/feedback/",
        b"",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(settings.FACTCHECK_MAX_REQUEST_BODY + 1),
    )

    assert response.status_code == 413
    assert "<title>Too large · Harbor Truth Desk</title>" in response.content.decode()


def test_a_bad_request_page_is_under_the_publishers_name(settings) -> None:
    settings.FACTCHECK_PUBLISHER_NAME = "Harbor Truth Desk"

    # A Host header not in ALLOWED_HOSTS is a SuspiciousOperation: Django's 400.
    response = Client().get("/fact-checks/", HTTP_HOST="forged.example")

    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Bad request · Harbor Truth Desk</title>" in page
    assert "We could not read that request" in page and "Factcheck desk" not in page


def test_a_body_under_the_cap_still_works() -> None:
    body = {"url": "https://desk.example/fact-checks/x/", "category": "grammar",
            "message": "A typo in the second paragraph."}  # fmt: skip

    response = Client().post("/api/v1/feedback/", body, content_type="application/json")

    assert response.status_code == 201, response.content
    assert Feedback.objects.get().message == "A typo in the second paragraph."


def test_a_nul_in_a_form_body_is_refused() -> None:
    response = Client().post(
        "/feedback/",
        "url=https%3A%2F%2Fdesk.example%2F&category=grammar&message=bad%00text",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400
    assert not Feedback.objects.exists()
