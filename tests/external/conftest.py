import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from claims.external_models import ExternalFactCheck
from claims.models import Claim
from claims.services.external_matches import claim_match_external
from tests.factories import flagged_claim, speaker
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


@pytest.fixture
def harbor() -> ExternalFactCheck:
    return ExternalFactCheck.objects.create(
        url="https://harbortruth.example/checks/unemployment",
        publisher="Harbor Truth Desk",
        claim_reviewed="Unemployment in Veltria fell by half in 2025.",
        claimant="Alma Reyes",
        rating_text="Mostly False",
        rating_value=0.2,
        date_published="2026-11-20T14:15:00Z",
        language="en",
        fingerprint="x",
    )


@pytest.fixture
def claim(harbor: ExternalFactCheck) -> Claim:
    claim = flagged_claim(
        "unemployment in Veltria fell by half in 2025", who=speaker("Alma Reyes", "Governor")
    )
    claim_match_external(claim_id=claim.pk)
    return claim


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
