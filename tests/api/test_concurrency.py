"""Two people saving one review at once: one wins, the other is told, nothing is lost."""

import threading

import pytest
from django.db import connection, connections

from reviews.models import Review, ReviewEvent
from reviews.roles import CHECKER, EDITOR
from reviews.services import claim_assign, staff_upsert
from tests.api.conftest import make_claim
from tests.conftest import PASSWORD, client_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers"),
]


def test_concurrent_edits_of_one_version_let_exactly_one_through() -> None:
    alice = staff_upsert(username="alice", role=CHECKER, password=PASSWORD)[0]
    erin = staff_upsert(username="erin", role=EDITOR, password=PASSWORD)[0]
    review = claim_assign(claim_id=make_claim().pk, actor=erin, assignee=alice)[0]
    etag = review.etag
    writers = 12
    start = threading.Barrier(writers)
    results: dict[int, tuple[int, dict]] = {}

    def save(n: int) -> None:
        try:
            client = client_for(alice if n % 2 else erin)
            start.wait()
            response = client.patch(
                f"/api/v1/reviews/{review.pk}/",
                {"summary": f"writer {n}"},
                format="json",
                HTTP_IF_MATCH=etag,
            )
            results[n] = (response.status_code, response.json())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    codes = sorted(code for code, _ in results.values())
    assert codes == [200] + [409] * (writers - 1)
    winner = next(n for n, (code, _) in results.items() if code == 200)
    review.refresh_from_db()
    assert (review.version, review.summary) == (2, f"writer {winner}")
    assert ReviewEvent.objects.filter(review=review, action="edited").count() == 1
    for code, body in results.values():
        if code == 409:
            assert body["current"]["version"] == 2
            assert body["current"]["summary"] == f"writer {winner}"
    assert Review.objects.count() == 1
