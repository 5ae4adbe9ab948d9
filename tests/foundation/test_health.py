import pytest
from django.test import override_settings


@pytest.mark.django_db
def test_healthz_reports_database_broker_and_worker_in_process_mode(client) -> None:
    with override_settings(REDIS_URL=""):
        response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["broker"] == {"ok": True, "mode": "in-process"}
    assert body["worker"] == {"ok": True, "mode": "in-process"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_configured_redis_is_stopped(client, unused_tcp_port) -> None:
    with override_settings(REDIS_URL=f"redis://127.0.0.1:{unused_tcp_port}/0"):
        response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["broker"]["ok"] is False
    assert "ConnectionError" in body["broker"]["error"]
    assert body["worker"] == {"ok": False, "error": "broker unreachable"}


@pytest.mark.worker
@pytest.mark.django_db
def test_healthz_counts_the_running_worker(client, celery_worker) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["worker"]["ok"] is True
    assert response.json()["worker"]["count"] >= 1
