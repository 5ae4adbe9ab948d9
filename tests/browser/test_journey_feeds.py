"""Journey: an editor follows a new outlet from its home page, watches its first poll bring
articles and claims to the desk, then pauses and deletes it; the articles stay.
Real worker, real fetches from a local publisher."""

import uuid

import pytest
from playwright.sync_api import expect

from claims.models import Article, Claim, Feed, FeedPoll
from tests.httpserver import LocalHTTPServer
from tests.ingestion.publisher import BRIDGE, GRAIN, publish
from tests.worker import Worker, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_an_editor_adds_a_site_by_its_home_page_sees_its_claims_then_pauses_and_deletes_it(
    sign_in, shoot, erin, celery_worker: Worker, local_http_server: LocalHTTPServer, settings
) -> None:
    server = local_http_server
    settings.FACTCHECK_FETCH_ALLOW_HOSTS = [f"127.0.0.1:{server.port}"]
    prefix = f"/{uuid.uuid4().hex[:10]}"
    feed_url = publish(server, prefix, [GRAIN, BRIDGE])
    home = server.url(f"{prefix}/")
    server.respond(
        f"{prefix}/",
        body=(
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<title>The Calder Ledger</title>"
            f"<link rel='alternate' type='application/rss+xml' title='News' href='{feed_url}'>"
            "</head><body><h1>The Calder Ledger</h1><p>News from Velmora.</p></body></html>"
        ).encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )

    # The editor pastes the site's home page; the desk finds its feed and offers it.
    editor = sign_in(erin)
    editor.goto("/desk/feeds/")
    editor.get_by_label("Feed or site URL").fill(home)
    editor.get_by_label("Name").fill("The Calder Ledger")
    editor.get_by_role("button", name="Check feed").click()
    offered = editor.get_by_role("region", name="Feeds this site offers")
    expect(offered).to_contain_text(feed_url)
    assert not Feed.objects.exists()  # nothing is saved before the editor picks
    shoot(editor, "journey-feeds-01-discovered")

    # Picking it shows the feed's latest items; adding it queues the first poll.
    offered.get_by_label(feed_url).check()
    offered.get_by_role("button", name="Check this feed").click()
    preview = editor.locator("#feed-preview")
    expect(preview).to_contain_text(GRAIN.title)
    expect(preview).to_contain_text(BRIDGE.title)
    shoot(editor, "journey-feeds-02-preview")
    preview.get_by_role("button", name="Add this feed").click()
    expect(editor.locator("body")).to_contain_text("Added The Calder Ledger")
    feed = Feed.objects.get()
    assert feed.url == feed_url and feed.name == "The Calder Ledger" and feed.active

    # The worker polls it: two articles arrive, and the Prime Minister's statement is a claim.
    wait_for(
        lambda: Article.objects.filter(feed=feed, status="extracted").count() == 2,
        45,
        "the feed's two articles",
    )
    wait_for(lambda: Claim.objects.filter(speaker__name="Adrian Kell").exists(), 45, "the claim")
    claim = Claim.objects.get(speaker__name="Adrian Kell")
    editor.reload()
    row = editor.locator(f"#feed-{feed.pk}")
    expect(row).to_contain_text("Healthy")
    expect(row).to_contain_text("2 articles")
    row.get_by_text("Recent polls").click()
    expect(row.locator("tr.poll-ok")).to_contain_text("OK (200)")
    assert FeedPoll.objects.get(feed=feed).new_items == 2
    shoot(editor, "journey-feeds-03-polled")
    editor.goto("/desk/")
    expect(editor.locator(f"#claim-{claim.pk}")).to_contain_text("Adrian Kell")

    # Paused, it is no longer polled; deleted, its articles and claims stay on the desk.
    editor.goto("/desk/feeds/")
    row = editor.locator(f"#feed-{feed.pk}")
    row.get_by_role("button", name="Pause").click()
    expect(editor.locator("body")).to_contain_text("Paused The Calder Ledger.")
    expect(editor.locator(f"#feed-{feed.pk}")).to_contain_text("Paused")
    assert Feed.objects.get(pk=feed.pk).active is False
    editor.locator(f"#feed-{feed.pk}").get_by_role("button", name="Delete").click()
    expect(editor.locator("body")).to_contain_text(
        "Deleted The Calder Ledger; its articles and claims stay on the desk."
    )
    expect(editor.locator(f"#feed-{feed.pk}")).to_have_count(0)
    shoot(editor, "journey-feeds-04-deleted")

    assert not Feed.objects.exists()
    assert Article.objects.filter(title__in=[GRAIN.title, BRIDGE.title]).count() == 2
    assert Claim.objects.filter(pk=claim.pk).exists()
    editor.goto("/desk/")
    expect(editor.locator(f"#claim-{claim.pk}")).to_contain_text("Adrian Kell")
