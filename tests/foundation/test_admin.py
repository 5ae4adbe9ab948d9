import pytest

from claims.models import Feed

pytestmark = pytest.mark.django_db


def test_an_editor_queues_a_poll_from_the_feed_admin(
    client, erin, django_capture_on_commit_callbacks
) -> None:
    feed = Feed.objects.create(url="https://ledger.example/feed.xml", name="Ledger")
    client.force_login(erin)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            "/admin/claims/feed/",
            {"action": "poll_now", "_selected_action": [feed.pk]},
            follow=True,
        )

    assert response.status_code == 200
    assert "Queued 1 poll(s)." in response.content.decode()
    assert len(callbacks) == 1


def test_a_checker_has_no_poll_action_in_the_admin(client, alice) -> None:
    Feed.objects.create(url="https://ledger.example/feed.xml", name="Ledger")
    client.force_login(alice)

    response = client.get("/admin/claims/feed/")

    assert response.status_code == 200
    assert "poll_now" not in response.content.decode()
