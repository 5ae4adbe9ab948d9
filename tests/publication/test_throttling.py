import pytest
from django.test import Client

from reviews.models import Feedback
from reviews.throttling import FeedbackThrottle

pytestmark = pytest.mark.django_db

FLOOD = "198.51.100.66"


def body(n: int) -> dict:
    """Report n, each about its own page, so only the per-address limits apply."""
    url = f"https://news.example.org/a-{n}"
    return {"url": url, "category": "other", "message": f"Report {n}"}


def test_a_burst_from_one_address_is_throttled_while_real_readers_get_through(api) -> None:
    answers = []
    readers = []
    for n in range(100):
        answers.append(api.post("/api/v1/feedback/", body(n), format="json", REMOTE_ADDR=FLOOD))
        if n % 10 == 0:
            # A real reader somewhere else, in the middle of the flood.
            reader = api.post(
                "/api/v1/feedback/",
                body(1000 + n),
                format="json",
                REMOTE_ADDR=f"192.0.2.{n // 10 + 1}",
            )
            readers.append(reader)

    statuses = [answer.status_code for answer in answers]
    assert statuses[:10] == [201] * 10
    assert set(statuses[10:]) == {429}
    refused = answers[-1]
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"].startswith("Request was throttled")
    assert [reader.status_code for reader in readers] == [201] * 10
    assert Feedback.objects.filter(message__startswith="Report 10").count() == 10
    assert Feedback.objects.count() == 20


def test_a_spoofed_forwarded_for_header_does_not_escape_the_limit(api) -> None:
    statuses = [
        api.post(
            "/api/v1/feedback/",
            body(n),
            format="json",
            REMOTE_ADDR=FLOOD,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        ).status_code
        for n in range(15)
    ]

    assert statuses.count(201) == 10 and statuses.count(429) == 5


def test_the_daily_limit_holds_after_the_minute_passes(api, monkeypatch) -> None:
    clock = [1_000_000.0]
    monkeypatch.setattr(FeedbackThrottle, "timer", staticmethod(lambda: clock[0]))
    statuses = []
    for n in range(60):
        clock[0] += 7  # under ten a minute: only the daily limit can stop it
        statuses.append(
            api.post("/api/v1/feedback/", body(n), format="json", REMOTE_ADDR=FLOOD).status_code
        )

    assert statuses.count(201) == 50
    assert statuses[50:] == [429] * 10
    clock[0] += 86400
    assert (
        api.post("/api/v1/feedback/", body(99), format="json", REMOTE_ADDR=FLOOD).status_code == 201
    )


def test_a_throttled_reader_of_the_form_sees_the_form_with_a_message_not_an_error(
    client: Client,
) -> None:
    for n in range(10):
        client.post("/feedback/", body(n), REMOTE_ADDR=FLOOD)

    response = client.post("/feedback/", body(99), REMOTE_ADDR=FLOOD)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Please try again in 1 minute; your text is kept below." in html
    assert "Report 99" in html and "/static/css/desk.css" in html
    assert not Feedback.objects.filter(message="Report 99").exists()
