"""Adding a feed checks it first: desk, API and add_feed refuse what is not a feed, and
find the feeds a site's page offers."""

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from claims.models import Feed
from tests.conftest import client_for
from tests.httpserver import LocalHTTPServer
from tests.ingestion.publisher import BRIDGE, GRAIN, publish

pytestmark = pytest.mark.django_db

HTML = {"Content-Type": "text/html; charset=utf-8"}


def home_page(*links: str) -> bytes:
    heads = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="News" href="{link}">'
        for link in links
    )
    return (
        f"<!doctype html><html><head><title>The Calder Ledger</title>{heads}</head>"
        "<body><h1>The Calder Ledger</h1><p>Independent news from Velmora.</p></body></html>"
    ).encode()


@pytest.fixture
def own_site(settings) -> Iterator[LocalHTTPServer]:
    """A site of its own, so feeds served at the root paths belong to this test only."""
    site = LocalHTTPServer().start()
    settings.FACTCHECK_FETCH_ALLOW_HOSTS = [f"127.0.0.1:{site.port}"]
    yield site
    site.stop()


def test_the_desk_refuses_a_loopback_feed_without_saying_it_was_added(client, erin) -> None:
    client.force_login(erin)

    response = client.post("/desk/feeds/", {"url": "http://127.0.0.1:1/", "step": "add"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Added" not in page and "loopback" in page
    assert not Feed.objects.exists()


def test_the_desk_previews_a_feed_then_adds_it_and_queues_its_first_poll(
    client, erin, server: LocalHTTPServer, prefix: str, django_capture_on_commit_callbacks
) -> None:
    url = publish(server, prefix, [GRAIN, BRIDGE])
    client.force_login(erin)

    preview = client.post("/desk/feeds/", {"url": url, "step": "check"}).content.decode()

    assert "News" in preview and GRAIN.title in preview and BRIDGE.title in preview
    assert "Add this feed" in preview and not Feed.objects.exists()
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post("/desk/feeds/", {"url": url, "step": "add"}, follow=True)
    assert "Added News; it was checked and its first poll is queued." in response.content.decode()
    assert Feed.objects.get(url=url).name == "News" and len(callbacks) == 1


def test_the_desk_offers_the_feeds_a_site_page_names(
    client, erin, server: LocalHTTPServer, prefix: str
) -> None:
    feed_url = publish(server, prefix, [GRAIN])
    server.respond(f"{prefix}/", body=home_page(f"{prefix}/feed.xml"), headers=HTML)
    client.force_login(erin)

    response = client.post("/desk/feeds/", {"url": server.url(f"{prefix}/"), "step": "check"})

    page = response.content.decode()
    assert "Feeds this site offers" in page and f'value="{feed_url}"' in page
    assert not Feed.objects.exists()


def test_the_api_adds_a_checked_feed_named_after_its_title(
    erin, server: LocalHTTPServer, prefix: str
) -> None:
    url = publish(server, prefix, [GRAIN])

    response = client_for(erin).post("/api/v1/feeds/", {"url": url}, format="json")

    assert response.status_code == 201
    assert Feed.objects.get(pk=response.json()["id"]).name == "News"


@pytest.mark.parametrize(
    ("status", "body", "headers", "expected"),
    [
        (404, b"gone", {}, "HTTP 404"),
        (200, b"<rss><channel><title>x", {"Content-Type": "application/json"}, "Not a feed"),
        (200, b"just some words, no feed here", {"Content-Type": "text/plain"}, "Not a feed"),
        (200, b"<!doctype html><html><body>hello</body></html>", HTML, "names no RSS or Atom"),
    ],
)
def test_the_api_refuses_what_is_not_a_feed_with_a_specific_detail(
    erin, server: LocalHTTPServer, prefix: str, status, body, headers, expected
) -> None:
    server.respond(f"{prefix}/x", status=status, body=body, headers=headers)

    response = client_for(erin).post(
        "/api/v1/feeds/", {"url": server.url(f"{prefix}/x")}, format="json"
    )

    assert response.status_code == 400 and expected in response.json()["detail"]
    assert not Feed.objects.exists()


def test_the_api_refuses_a_feed_over_the_size_cap(
    erin, server: LocalHTTPServer, prefix: str, settings
) -> None:
    server.respond(
        f"{prefix}/huge.xml",
        body=b"<rss>" + b" " * (16 * 1024 * 1024) + b"</rss>",
        headers={"Content-Type": "application/rss+xml"},
    )

    response = client_for(erin).post(
        "/api/v1/feeds/", {"url": server.url(f"{prefix}/huge.xml")}, format="json"
    )

    assert response.status_code == 400 and response.json()["detail"].startswith("Too large")
    assert not Feed.objects.exists()


def test_the_api_refuses_a_private_address_and_a_host_that_does_not_exist(erin) -> None:
    private = client_for(erin).post("/api/v1/feeds/", {"url": "http://10.1.2.3/rss"})
    missing = client_for(erin).post("/api/v1/feeds/", {"url": "http://no-such-host.invalid/rss"})

    assert private.status_code == 400 and "private" in private.json()["detail"].lower()
    assert missing.status_code == 400 and missing.json()["detail"].startswith("No such host")
    assert not Feed.objects.exists()


def test_the_api_lists_the_feeds_a_site_page_names_as_candidates(
    erin, server: LocalHTTPServer, prefix: str
) -> None:
    feed_url = publish(server, prefix, [GRAIN])
    broken = f"{prefix}/broken.xml"
    server.respond(broken, status=500)
    server.respond(f"{prefix}/", body=home_page(f"{prefix}/feed.xml", broken), headers=HTML)

    response = client_for(erin).post(
        "/api/v1/feeds/", {"url": server.url(f"{prefix}/")}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["candidates"] == [feed_url]  # the broken one is not offered
    assert not Feed.objects.exists()


def test_a_site_that_names_no_feed_is_probed_at_the_common_paths(
    erin, own_site: LocalHTTPServer
) -> None:
    own_site.respond("/", body=home_page(), headers=HTML)
    publish(own_site, "/news", [BRIDGE])
    own_site.respond(
        "/atom.xml",
        body=(
            b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Ledger</title>"
            b"<id>urn:ledger</id><updated>2026-11-18T09:00:00Z</updated><entry><title>One</title>"
            b"<id>urn:one</id><link href='/one'/><updated>2026-11-18T09:00:00Z</updated></entry>"
            b"</feed>"
        ),
        headers={"Content-Type": "application/atom+xml"},
    )

    response = client_for(erin).post("/api/v1/feeds/", {"url": own_site.url("/")}, format="json")

    assert response.json()["candidates"] == [own_site.url("/atom.xml")]


def test_add_feed_checks_first_and_lists_a_site_pages_feeds(
    server: LocalHTTPServer, prefix: str
) -> None:
    feed_url = publish(server, prefix, [GRAIN])
    server.respond(f"{prefix}/", body=home_page(f"{prefix}/feed.xml"), headers=HTML)
    out = StringIO()

    with pytest.raises(CommandError, match="web page, not a feed") as refused:
        call_command("add_feed", server.url(f"{prefix}/"), stdout=out)
    call_command("add_feed", feed_url, stdout=out)

    assert feed_url in str(refused.value)
    assert "registered: News" in out.getvalue() and Feed.objects.get().url == feed_url
