"""The broker is down when an article is submitted: the row is kept for the sweep."""

from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Article
from claims.services import articles
from factcheck.errors import QueueUnavailable
from tests.conftest import client_for
from tests.outage import broker_at

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_article_submitted_while_the_broker_is_down_is_a_503_and_kept_for_the_sweep(
    alice, unused_tcp_port: int
) -> None:
    with broker_at(f"redis://127.0.0.1:{unused_tcp_port}/0"):
        response = client_for(alice).post(
            "/api/v1/articles/", {"url": "https://ledger.example/outage"}, format="json"
        )

    assert response.status_code == 503
    assert response.json()["detail"] == (
        "The task queue is unavailable right now: the article is saved and is queued "
        "automatically once the queue is back."
    )
    article = Article.objects.get(canonical_url="https://ledger.example/outage")
    assert article.status == "pending" and article.needs_fetch
    assert article.next_attempt_at is not None and article.next_attempt_at <= timezone.now()
    a_minute_later = timezone.now() + articles.OVERDUE_GRACE + timedelta(seconds=1)
    assert articles.articles_requeue_stale(now=a_minute_later) == [article.pk]


def test_a_sweep_while_the_broker_is_still_down_leaves_the_article_due(
    unused_tcp_port: int,
) -> None:
    url = "https://ledger.example/still-down"
    an_hour_ago = timezone.now() - timedelta(hours=1)
    article = Article.objects.create(url=url, canonical_url=url, next_attempt_at=an_hour_ago)

    with broker_at(f"redis://127.0.0.1:{unused_tcp_port}/0"), pytest.raises(QueueUnavailable):
        articles.articles_requeue_stale()

    article.refresh_from_db()
    assert article.status == "pending" and article.next_attempt_at is not None
    assert an_hour_ago < article.next_attempt_at <= timezone.now()
