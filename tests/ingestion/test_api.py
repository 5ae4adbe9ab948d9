"""The ingestion API: feeds for editors, articles for all staff, promotion for editors."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Appearance, Article, Claim, Feed
from claims.services import articles, feeds
from reviews.models import ReviewEvent
from tests.conftest import client_for
from tests.ingestion.publisher import BRIDGE, publish

pytestmark = pytest.mark.django_db


def ingested(text: str, url: str = "https://ledger.example/bridge") -> Article:
    article = articles.article_submit(actor=None, url=url, title="Bridge", text=text, enqueue=False)
    articles.article_ingest(article_id=article.pk)
    return Article.objects.get(pk=article.pk)


def test_an_editor_registers_a_feed_and_sees_its_health(erin, server, prefix) -> None:
    url = publish(server, prefix, [BRIDGE])

    response = client_for(erin).post(
        "/api/v1/feeds/", {"url": url, "name": "Ledger"}, format="json"
    )

    assert response.status_code == 201
    feed = Feed.objects.get(url=url)
    assert response.json()["id"] == feed.pk and response.json()["healthy"] is True
    listed = client_for(erin).get("/api/v1/feeds/").json()
    assert listed["count"] == 1 and listed["results"][0]["consecutive_failures"] == 0
    assert client_for(erin).get(f"/api/v1/feeds/{feed.pk}/").json()["name"] == "Ledger"


def test_a_feed_registered_twice_is_a_conflict(erin, server, prefix) -> None:
    url = publish(server, prefix, [BRIDGE])
    client_for(erin).post("/api/v1/feeds/", {"url": url}, format="json")

    response = client_for(erin).post("/api/v1/feeds/", {"url": url}, format="json")

    assert response.status_code == 409 and Feed.objects.count() == 1


def test_a_bad_feed_url_is_a_400_with_a_detail(erin) -> None:
    response = client_for(erin).post("/api/v1/feeds/", {"url": "ftp://x"}, format="json")

    assert response.status_code == 400 and response.json()["detail"]
    assert not Feed.objects.exists()


def test_a_checker_cannot_manage_feeds_and_an_anonymous_caller_must_sign_in(alice, api) -> None:
    feed = feeds.feed_create(actor=None, url="https://ledger.example/rss")

    assert client_for(alice).get("/api/v1/feeds/").status_code == 403
    assert client_for(alice).post(f"/api/v1/feeds/{feed.pk}/poll/").status_code == 403
    assert api.get("/api/v1/feeds/").status_code == 401
    assert api.get("/api/v1/articles/").status_code == 401


def test_an_editor_queues_a_poll(erin, django_capture_on_commit_callbacks) -> None:
    feed = feeds.feed_create(actor=None, url="https://ledger.example/rss")

    with django_capture_on_commit_callbacks() as callbacks:
        response = client_for(erin).post(f"/api/v1/feeds/{feed.pk}/poll/")

    assert response.status_code == 202 and len(callbacks) == 1


def test_a_checker_submits_an_article_by_url_or_with_its_text(
    alice, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        by_url = client_for(alice).post(
            "/api/v1/articles/", {"url": "https://ledger.example/a?utm_source=x"}, format="json"
        )
        with_text = client_for(alice).post(
            "/api/v1/articles/",
            {"url": "https://ledger.example/b", "title": "B", "text": BRIDGE.paragraphs[1]},
            format="json",
        )

    assert by_url.status_code == 202 and with_text.status_code == 202
    assert len(callbacks) == 2
    fetched = Article.objects.get(pk=by_url.json()["id"])
    assert fetched.canonical_url == "https://ledger.example/a" and fetched.needs_fetch
    assert Article.objects.get(pk=with_text.json()["id"]).text == BRIDGE.paragraphs[1]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"url": "not a url"},
        {"url": "file:///etc/passwd"},
        {"url": "https://x.example", "title": "T"},
    ],
)
def test_a_bad_article_submission_is_a_400(alice, body: dict) -> None:
    response = client_for(alice).post("/api/v1/articles/", body, format="json")

    assert response.status_code == 400 and response.json()["detail"]
    assert not Article.objects.exists()


def test_an_article_shows_its_text_and_the_offsets_of_its_appearances(alice) -> None:
    article = ingested(" ".join(BRIDGE.paragraphs))

    data = client_for(alice).get(f"/api/v1/articles/{article.pk}/").json()

    assert data["status"] == "extracted" and data["text"] == article.text
    assert len(data["appearances"]) == article.appearances.count() >= 2
    for appearance in data["appearances"]:
        start, end = appearance["content_start"], appearance["content_end"]
        assert data["text"][start:end] == appearance["content"]


def test_the_article_list_costs_a_fixed_number_of_queries(alice) -> None:
    for n in range(3):
        ingested(BRIDGE.paragraphs[1], url=f"https://ledger.example/{n}")
    client = client_for(alice)

    with CaptureQueriesContext(connection) as queries:
        data = client.get("/api/v1/articles/").json()

    assert data["count"] == 3 and "text" not in data["results"][0]
    assert len(queries) <= 6


def test_an_editor_promotes_a_statement_once(erin, alice) -> None:
    ingested(BRIDGE.paragraphs[2])
    hale = Appearance.objects.get(speaker__name="Petra Hale")

    assert client_for(alice).post(f"/api/v1/appearances/{hale.pk}/promote/").status_code == 403
    response = client_for(erin).post(f"/api/v1/appearances/{hale.pk}/promote/")
    again = client_for(erin).post(f"/api/v1/appearances/{hale.pk}/promote/")

    assert response.status_code == 201
    claim = Claim.objects.get(pk=response.json()["id"])
    assert claim.appearances.get() == hale
    assert again.status_code == 409 and Claim.objects.count() == 1
    assert ReviewEvent.objects.get(claim=claim).actor == erin
    assert client_for(erin).post("/api/v1/appearances/999999/promote/").status_code == 404
