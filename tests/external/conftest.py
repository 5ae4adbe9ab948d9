import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.httpserver import LocalHTTPServer

FIXTURES = Path(__file__).parent.parent / "pipeline" / "fixtures" / "claimreview"


@pytest.fixture
def server(local_http_server: LocalHTTPServer, settings) -> LocalHTTPServer:
    """The session's loopback server, which this process may fetch from."""
    settings.FACTCHECK_FETCH_ALLOW_HOSTS = [f"127.0.0.1:{local_http_server.port}"]
    return local_http_server


@pytest.fixture
def prefix() -> str:
    """A path prefix of this test's own, on the shared server."""
    return f"/{uuid.uuid4().hex[:10]}"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def review(url: str, claim: str, rating: str = "False", **fields: Any) -> dict[str, Any]:
    return {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "author": {"@type": "Organization", "name": "Meridian FactWatch"},
        "reviewRating": {"@type": "Rating", "alternateName": rating},
        "datePublished": "2026-11-01",
        **fields,
    }


def data_feed(*reviews: dict[str, Any]) -> bytes:
    elements = [{"@type": "DataFeedItem", "item": [r]} for r in reviews]
    return json.dumps(
        {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": elements}
    ).encode()


JSON = {"Content-Type": "application/json"}
RSS = {"Content-Type": "application/rss+xml"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


def rss(*links: str) -> bytes:
    items = "".join(
        f"<item><title>Check {n}</title><link>{link}</link><guid>{link}</guid></item>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Checks</title>'
        f"<link>https://checks.example/</link>{items}</channel></rss>"
    ).encode()
