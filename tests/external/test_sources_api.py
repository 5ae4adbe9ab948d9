"""`/api/v1/factcheck-sources/`, the desk page and the command: editors and admins only."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from claims.external_models import ExternalFactCheck, FactCheckSource
from tests.conftest import client_for
from tests.external.conftest import JSON, fixture_bytes
from tests.httpserver import LocalHTTPServer

pytestmark = pytest.mark.django_db


def test_an_editor_adds_a_source_through_the_api(erin: User) -> None:
    response = client_for(erin).post(
        "/api/v1/factcheck-sources/",
        {"url": "https://meridianfact.example/feed.json", "name": "Meridian FactWatch"},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["url"], body["name"], body["kind"]) == (
        "https://meridianfact.example/feed.json",
        "Meridian FactWatch",
        "unknown",
    )
    source = FactCheckSource.objects.get(pk=body["id"])
    assert source.added_by == erin
    listed = client_for(erin).get("/api/v1/factcheck-sources/").json()
    assert [s["id"] for s in listed["results"]] == [source.pk]


def test_a_checker_may_not_see_or_add_sources(alice: User) -> None:
    client = client_for(alice)

    assert client.get("/api/v1/factcheck-sources/").status_code == 403
    response = client.post(
        "/api/v1/factcheck-sources/", {"url": "https://x.example/f.json"}, format="json"
    )
    assert response.status_code == 403
    assert not FactCheckSource.objects.exists()


def test_bad_source_urls_are_a_400_and_a_repeat_a_409(erin: User) -> None:
    client = client_for(erin)

    private = client.post(
        "/api/v1/factcheck-sources/", {"url": "http://10.0.0.5/feed.json"}, format="json"
    )
    client.post("/api/v1/factcheck-sources/", {"url": "https://a.example/f"}, format="json")
    repeat = client.post(
        "/api/v1/factcheck-sources/", {"url": "https://a.example/f"}, format="json"
    )
    garbage = client.post("/api/v1/factcheck-sources/", {"url": "not a url"}, format="json")

    assert private.status_code == 400 and "private address" in private.json()["detail"]
    assert repeat.status_code == 409
    assert garbage.status_code == 400
    assert FactCheckSource.objects.count() == 1


def test_the_desk_page_shows_health_and_adds_a_source(erin: User) -> None:
    client = Client()
    client.force_login(erin)
    FactCheckSource.objects.create(
        url="https://broken.example/f.json",
        name="Broken Checks",
        consecutive_failures=2,
        last_error="HTTP 503 Service Unavailable",
    )

    added = client.post(
        "/desk/factcheck-sources/", {"url": "https://ledgercheck.example/feed/", "name": ""}
    )
    page = client.get("/desk/factcheck-sources/").content.decode()

    assert added.status_code == 302
    assert FactCheckSource.objects.filter(url="https://ledgercheck.example/feed/").exists()
    assert "Failing ×2" in page and "HTTP 503" in page
    assert "ledgercheck.example" in page


def test_a_checker_gets_403_on_the_sources_page(alice: User) -> None:
    client = Client()
    client.force_login(alice)

    assert client.get("/desk/factcheck-sources/").status_code == 403


def test_the_command_adds_and_polls_a_source(
    server: LocalHTTPServer, prefix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    server.respond(f"{prefix}/feed.json", body=fixture_bytes("datafeed.json"), headers=JSON)

    call_command(
        "add_factcheck_source", server.url(f"{prefix}/feed.json"), "--name", "Meridian", "--sync"
    )

    out = capsys.readouterr().out
    assert "registered: Meridian" in out
    assert "3 fact-checks added, 0 updated, 1 items skipped" in out
    assert ExternalFactCheck.objects.count() == 3


def test_the_command_refuses_a_private_address() -> None:
    with pytest.raises(CommandError, match="private address"):
        call_command("add_factcheck_source", "http://192.168.3.3/feed.json")
    assert not FactCheckSource.objects.exists()
