"""A claim's link lookups the broker refused are not lost: the sweep queues them again."""

from datetime import timedelta

import pytest
from django.utils import timezone

import claims.services.claims
from claims.models import Claim
from claims.services.claims import claim_match_or_create, claims_requeue_links
from claims.tasks import requeue_claim_links
from factcheck.errors import QueueUnavailable
from tests.outage import broker_at

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_claim_filed_while_the_broker_is_down_is_marked_due(unused_tcp_port: int) -> None:
    with broker_at(f"redis://127.0.0.1:{unused_tcp_port}/0"), pytest.raises(QueueUnavailable):
        claim_match_or_create(speaker=None, text="Fares rose by 40%", checkworthiness=0.5, note="")

    claim = Claim.objects.get()
    assert claim.links_due_at is not None and claim.links_due_at <= timezone.now()


def test_the_sweep_queues_the_due_claims_and_clears_the_mark(monkeypatch) -> None:
    due = Claim.objects.create(text="Fares rose by 40%", links_due_at=timezone.now())
    Claim.objects.create(text="Fares fell by 10%")
    queued: list[tuple[str, list]] = []
    monkeypatch.setattr(
        claims.services.claims,
        "enqueue_many_on_commit",
        lambda task, calls, **_: queued.append((task, list(calls))),
    )

    assert requeue_claim_links() == 1

    assert queued == [
        ("claims.suggest_links", [(due.pk,)]),
        ("claims.match_external_checks", [(due.pk,)]),
    ]
    due.refresh_from_db()
    assert due.links_due_at is None
    assert claims_requeue_links() == []


def test_a_sweep_while_the_broker_is_still_down_leaves_the_claim_due(
    unused_tcp_port: int,
) -> None:
    an_hour_ago = timezone.now() - timedelta(hours=1)
    claim = Claim.objects.create(text="Fares rose by 40%", links_due_at=an_hour_ago)

    with broker_at(f"redis://127.0.0.1:{unused_tcp_port}/0"), pytest.raises(QueueUnavailable):
        claims_requeue_links()

    claim.refresh_from_db()
    assert claim.links_due_at is not None
    assert an_hour_ago < claim.links_due_at <= timezone.now()
