"""Editors rename, pause, resume, reschedule and delete feeds; every change is audited and a
deleted feed's articles and claims stay on the desk."""

import pytest
from django.db import IntegrityError

from claims.events import Action, Subject
from claims.models import Article, Claim, Feed
from claims.services import articles, feeds
from reviews.models import ReviewEvent
from tests.conftest import client_for
from tests.ingestion.publisher import KELL_QUOTE

pytestmark = pytest.mark.django_db


def feed_events(feed_id: int) -> list[str]:
    rows = ReviewEvent.objects.filter(subject=Subject.FEED, subject_id=feed_id)
    return list(rows.values_list("action", flat=True))


@pytest.fixture
def ledger() -> Feed:
    return feeds.feed_create(actor=None, url="https://ledger.example/rss", name="Ledger")


def test_an_editor_pauses_and_resumes_a_feed_and_both_are_audited(erin, ledger) -> None:
    paused = client_for(erin).patch(f"/api/v1/feeds/{ledger.pk}/", {"paused": True}, format="json")
    assert paused.status_code == 200 and paused.json()["paused"] is True
    assert Feed.objects.get(pk=ledger.pk).active is False
    assert feeds.feeds_claim_due() == []  # a paused feed is never polled

    resumed = client_for(erin).patch(
        f"/api/v1/feeds/{ledger.pk}/", {"paused": False}, format="json"
    )

    assert resumed.json()["paused"] is False and feeds.feeds_claim_due() == [ledger.pk]
    assert feed_events(ledger.pk) == [Action.FEED_ADDED, Action.FEED_PAUSED, Action.FEED_RESUMED]
    assert ReviewEvent.objects.filter(action=Action.FEED_PAUSED).get().actor == erin


def test_an_editor_renames_a_feed_and_changes_its_interval_in_one_audited_edit(
    erin, ledger
) -> None:
    response = client_for(erin).patch(
        f"/api/v1/feeds/{ledger.pk}/", {"name": "Calder Ledger", "poll_interval": 1800}
    )

    feed = Feed.objects.get(pk=ledger.pk)
    assert response.status_code == 200 and (feed.name, feed.poll_interval) == (
        "Calder Ledger",
        1800,
    )
    edit = ReviewEvent.objects.get(action=Action.FEED_EDITED)
    assert edit.changes == {"name": ["Ledger", "Calder Ledger"], "poll_interval": [900, 1800]}


@pytest.mark.parametrize("interval", [0, 59, 7 * 24 * 3600 + 1, -5])
def test_a_poll_interval_outside_a_minute_to_a_week_is_a_400(erin, ledger, interval) -> None:
    response = client_for(erin).patch(
        f"/api/v1/feeds/{ledger.pk}/", {"poll_interval": interval}, format="json"
    )

    assert response.status_code == 400 and "poll_interval" in response.json()["detail"]
    assert Feed.objects.get(pk=ledger.pk).poll_interval == 900


def test_the_database_refuses_a_poll_interval_over_a_week(ledger) -> None:
    with pytest.raises(IntegrityError):
        Feed.objects.filter(pk=ledger.pk).update(poll_interval=8 * 24 * 3600)


def test_deleting_a_feed_keeps_its_articles_and_claims_and_its_history(erin, ledger) -> None:
    article = articles.article_submit(
        actor=None,
        url="https://ledger.example/grain",
        title="Grain",
        text=KELL_QUOTE,
        enqueue=False,
    )
    Article.objects.filter(pk=article.pk).update(feed=ledger)
    articles.article_ingest(article_id=article.pk)
    claims = Claim.objects.count()
    assert claims > 0

    response = client_for(erin).delete(f"/api/v1/feeds/{ledger.pk}/")

    assert response.status_code == 204 and not Feed.objects.exists()
    assert Article.objects.get(pk=article.pk).feed is None
    assert Claim.objects.count() == claims
    assert feed_events(ledger.pk) == [Action.FEED_ADDED, Action.FEED_DELETED]


def test_a_checker_cannot_edit_or_delete_a_feed_and_a_missing_one_is_a_404(
    alice, erin, ledger
) -> None:
    assert client_for(alice).patch(f"/api/v1/feeds/{ledger.pk}/", {"paused": True}).status_code
    assert client_for(alice).delete(f"/api/v1/feeds/{ledger.pk}/").status_code == 403
    assert client_for(erin).delete("/api/v1/feeds/999999/").status_code == 404
    assert Feed.objects.get(pk=ledger.pk).active is True


def test_the_desk_pauses_resumes_edits_and_deletes_a_feed(client, erin, ledger) -> None:
    client.force_login(erin)

    client.post(f"/desk/feeds/{ledger.pk}/pause/")
    assert Feed.objects.get(pk=ledger.pk).active is False
    client.post(f"/desk/feeds/{ledger.pk}/resume/")
    assert Feed.objects.get(pk=ledger.pk).active is True
    client.post(f"/desk/feeds/{ledger.pk}/edit/", {"name": "Calder", "poll_minutes": "30"})
    assert Feed.objects.filter(pk=ledger.pk, name="Calder", poll_interval=1800).exists()
    response = client.post(f"/desk/feeds/{ledger.pk}/delete/", follow=True)

    assert not Feed.objects.exists() and "Deleted Calder" in response.content.decode()
