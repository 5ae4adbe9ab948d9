"""The operator's commands: add_feed, poll_feeds --sync, ingest --sync."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article, Claim, Feed
from claims.services import feeds
from tests.httpserver import LocalHTTPServer
from tests.ingestion.publisher import BRIDGE, GRAIN, publish

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_add_feed_registers_a_feed_and_refuses_a_duplicate(
    server: LocalHTTPServer, prefix: str
) -> None:
    url = publish(server, prefix, [GRAIN])
    output = run("add_feed", url, "--name", "Ledger")

    assert "registered: Ledger" in output and Feed.objects.get().name == "Ledger"
    with pytest.raises(CommandError, match="already registered"):
        run("add_feed", url)


def test_poll_feeds_sync_does_the_work_and_says_what_it_did(
    server: LocalHTTPServer, prefix: str
) -> None:
    run("add_feed", publish(server, prefix, [GRAIN, BRIDGE]), "--name", "Ledger")
    # A feed that worked when it was added and has gone since.
    feeds.feed_create(actor=None, url=server.url(prefix + "/missing.xml"), name="Gone")

    output = run("poll_feeds", "--sync")

    assert "Ledger: 2 entries, 2 new articles" in output
    assert "Gone: failed: HTTP 404" in output
    claims = Claim.objects.count()
    assert (
        "Polled 2 feeds: 2 new articles" in output
        and f"{claims} claims flagged, 1 errors" in output
    )
    assert set(Article.objects.values_list("status", flat=True)) == {"extracted"}
    assert "Polled 0 feeds" in run("poll_feeds", "--sync")  # none is due any more


def test_ingest_sync_reads_a_local_file(tmp_path: Path) -> None:
    page = tmp_path / "grain.html"
    page.write_bytes(GRAIN.html())

    output = run("ingest", str(page), "--sync")

    article = Article.objects.get()
    assert article.status == "extracted" and article.title == GRAIN.title
    assert article.canonical_url == f"file://localhost{page}"
    assert "new claims" in output and Claim.objects.filter(speaker__name="Adrian Kell").exists()


def test_ingest_sync_fetches_a_url_and_reports_a_failure(server: LocalHTTPServer) -> None:
    server.respond("/cmd/ok.html", body=BRIDGE.html(), headers={"Content-Type": "text/html"})
    server.respond("/cmd/gone.html", 410, b"gone")

    assert "extracted" in run("ingest", server.url("/cmd/ok.html"), "--sync")
    with pytest.raises(CommandError, match="HTTP 410"):
        run("ingest", server.url("/cmd/gone.html"), "--sync")
    assert Article.objects.get(url=server.url("/cmd/gone.html")).status == "failed"


def test_ingest_refuses_a_missing_file() -> None:
    with pytest.raises(CommandError, match="No such file"):
        run("ingest", "/nonexistent/story.txt", "--sync")
