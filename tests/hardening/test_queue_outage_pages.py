"""With the broker down, a page that queues work answers 503 with what happened to the
change, never a 500: the change is saved and the sweep (or the next poll) catches up."""

import pytest
from rest_framework.test import APIClient

from claims.models import Article, Claim, Feed
from claims.services.claims import claims_requeue_links
from reviews.models import Feedback
from tests.outage import broker_at

pytestmark = pytest.mark.django_db(transaction=True)


def test_poll_now_on_the_desk_while_the_broker_is_down_is_a_503_page(
    client, erin, unused_tcp_port: int
) -> None:
    feed = Feed.objects.create(url="https://ledger.example/rss", name="Ledger")
    client.force_login(erin)

    with broker_at(f"redis://127.0.0.1:{unused_tcp_port}/0"):
        response = client.post(f"/desk/feeds/{feed.pk}/poll/")

    assert response.status_code == 503
    assert "The task queue is unavailable right now" in response.content.decode()
    assert Feed.objects.filter(pk=feed.pk).exists()


def test_a_readers_report_while_the_broker_is_down_is_received_all_the_same(
    client, unused_tcp_port: int
) -> None:
    with broker_at(f"redis://127.0.0.1:{unused_tcp_port}/0"):
        response = client.post(
            "/feedback/",
            {
                "url": "https://desk.example/fact-checks/grain-deal/",
                "category": "factual_error",
                "message": "The deal was signed on 3 May, not 3 March.",
            },
        )

    assert (response.status_code, response["Location"]) == (302, "/feedback/thanks/")
    assert Feedback.objects.filter(message__startswith="The deal was signed").exists()


def test_a_readers_report_routed_to_an_article_while_the_broker_is_down_is_received(
    client, unused_tcp_port: int
) -> None:
    # A known address, so the report is routed and the desk's notification is queued: the
    # queueing is what meets the broker that is down.
    article = grain_deal_article()
    with broker_at(f"redis://127.0.0.1:{unused_tcp_port}/0"):
        response = client.post(
            "/feedback/",
            {"url": article.url, "category": "grammar", "message": "Grain is spelt 'grian'."},
        )

    assert (response.status_code, response["Location"]) == (302, "/feedback/thanks/")
    assert Feedback.objects.get().status == Feedback.Status.ROUTED


def test_a_readers_factual_error_on_an_article_while_the_broker_is_down_is_received(
    client, unused_tcp_port: int
) -> None:
    # A factual error becomes a claim in triage, whose links are queued: that is the
    # queueing that meets the broker that is down.
    article = grain_deal_article()
    with broker_at(f"redis://127.0.0.1:{unused_tcp_port}/0"):
        response = client.post(
            "/feedback/",
            {
                "url": article.url,
                "passage": "The grain deal was signed on 3 March",
                "category": "factual_error",
                "message": "It was signed on 3 May.",
            },
        )

    assert (response.status_code, response["Location"]) == (302, "/feedback/thanks/")
    report = Feedback.objects.select_related("claim").get()
    assert report.status == Feedback.Status.ROUTED
    assert report.claim is not None and report.claim.links_due_at is not None
    # The broker is back: the sweep queues the claim's link lookups.
    assert claims_requeue_links() == [report.claim.pk]
    assert Claim.objects.get(pk=report.claim.pk).links_due_at is None


def test_a_factual_error_reported_through_the_api_while_the_broker_is_down_is_a_201(
    unused_tcp_port: int,
) -> None:
    article = grain_deal_article()
    with broker_at(f"redis://127.0.0.1:{unused_tcp_port}/0"):
        response = APIClient().post(
            "/api/v1/feedback/",
            {
                "url": article.url,
                "passage": "The grain deal was signed on 3 March",
                "category": "factual_error",
                "message": "It was signed on 3 May.",
            },
            format="json",
        )

    assert response.status_code == 201
    report = Feedback.objects.select_related("claim").get(pk=response.json()["id"])
    assert report.claim is not None and report.claim.links_due_at is not None


def grain_deal_article() -> Article:
    return Article.objects.create(
        url="https://news.example/grain-deal",
        canonical_url="https://news.example/grain-deal",
        outlet="Example News",
        text="The grain deal was signed on 3 March, the minister said.",
        status=Article.Status.EXTRACTED,
    )
