"""Journey: an editor adds another publisher's fact-checks; a new claim shows it was checked
already; the checker attaches that fact-check as evidence. Real worker, real fetches."""

import uuid

import pytest
from playwright.sync_api import expect

from claims.external_models import ExternalFactCheck, ExternalMatch, FactCheckSource
from claims.models import Claim
from claims.services import articles
from reviews.models import Evidence
from tests.httpserver import LocalHTTPServer
from tests.worker import Worker, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CHECK_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Did unemployment in Veltria really halve? | Harbor Truth Desk</title>
<script type="application/ld+json">{
  "@context": "https://schema.org", "@type": "ClaimReview",
  "claimReviewed": "Unemployment in Veltria fell by half in 2025.",
  "datePublished": "2026-11-20T09:15:00-05:00",
  "author": {"@type": "Organization", "name": "Harbor Truth Desk"},
  "itemReviewed": {"@type": "Claim",
    "author": {"@type": "Person", "name": "Alma Reyes", "jobTitle": "Governor of Veltria"}},
  "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 6, "worstRating": 1,
    "alternateName": "Mostly False"}
}</script></head><body><h1>Did unemployment in Veltria really halve?</h1>
<p>It fell by 14 per cent, not by half.</p></body></html>"""

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Reyes hails jobs record</title></head><body><article><h1>Reyes hails jobs record</h1>
<p>VELTRIA CITY (Capital Dispatch) - Governor Alma Reyes said on Tuesday that unemployment in
Veltria fell by half in 2025.</p>
<p>The governor spoke at a press conference in the capital, where she also opened a new
training centre for young workers.</p>
<p>Opposition leaders disputed the figures and asked the statistics office to publish its
quarterly survey in full.</p></article></body></html>"""


def test_a_new_claim_shows_it_was_checked_elsewhere_and_the_check_becomes_evidence(
    sign_in, shoot, erin, alice, celery_worker: Worker, local_http_server: LocalHTTPServer, settings
) -> None:
    server = local_http_server
    settings.FACTCHECK_FETCH_ALLOW_HOSTS = [f"127.0.0.1:{server.port}"]
    prefix = f"/{uuid.uuid4().hex[:10]}"
    check_url = server.url(f"{prefix}/checks/veltria-unemployment")
    server.respond(
        f"{prefix}/checks/veltria-unemployment",
        body=CHECK_PAGE.encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    server.respond(
        f"{prefix}/checks/feed.xml",
        body=(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Truth Desk</title>'
            f"<link>{server.url(prefix)}</link><item><title>Did unemployment halve?</title>"
            f"<link>{check_url}</link><guid>{check_url}</guid></item></channel></rss>"
        ).encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    server.respond(
        f"{prefix}/news/reyes-jobs",
        body=ARTICLE.encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )

    # The editor adds the publisher's feed on the desk; the worker polls it at once.
    editor = sign_in(erin)
    editor.goto("/desk/factcheck-sources/")
    editor.get_by_label("RSS/Atom feed of fact-check pages").fill(
        server.url(f"{prefix}/checks/feed.xml")
    )
    editor.get_by_label("Publisher").fill("Harbor Truth Desk")
    editor.get_by_role("button", name="Add source").click()
    expect(editor.locator("body")).to_contain_text("Added Harbor Truth Desk")
    wait_for(
        lambda: ExternalFactCheck.objects.filter(url=check_url).exists(),
        timeout=45,
        what="the import",
    )
    editor.reload()
    source_row = editor.locator(f"#factcheck-source-{FactCheckSource.objects.get().pk}")
    expect(source_row).to_contain_text("Healthy")
    expect(source_row).to_contain_text("Feed of fact-check pages")
    expect(source_row).to_contain_text("1 fact-check")
    shoot(editor, "journey-external-01-source")

    # A news article quoting the governor arrives; its claim is compared as it is filed.
    article = articles.article_submit(actor=None, url=server.url(f"{prefix}/news/reyes-jobs"))
    wait_for(
        lambda: ExternalMatch.objects.filter(claim__appearances__article=article).exists(),
        timeout=45,
        what="the claim and its external match",
    )
    claim = Claim.objects.get(appearances__article=article)

    # The checker sees who checked it already, and attaches that check in one click.
    checker = sign_in(alice)
    row = checker.locator(f"#claim-{claim.pk}")
    expect(row).to_contain_text("Checked by Harbor Truth Desk: Mostly False, 20 Nov 2026")
    expect(row.get_by_role("link", name="Checked by Harbor Truth Desk")).to_have_attribute(
        "href", check_url
    )
    shoot(checker, "journey-external-02-triage")
    row.get_by_role("button", name="Attach as evidence").click()
    expect(checker.locator("#desk-status")).to_contain_text("Attached as evidence")
    shoot(checker, "journey-external-03-attached")

    evidence = Evidence.objects.get(claim=claim)
    assert evidence.url == check_url
    assert evidence.stance == Evidence.Stance.REFUTES
    assert evidence.added_by == alice
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert ExternalMatch.objects.get(claim=claim).decision == ExternalMatch.Decision.ATTACHED
