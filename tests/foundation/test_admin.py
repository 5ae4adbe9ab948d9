import pytest
from django.contrib.auth.models import User

from claims.models import Feed
from reviews.roles import ADMIN
from reviews.services import staff_upsert
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def adam(db) -> User:
    return staff_upsert(username="adam", role=ADMIN, password=PASSWORD)[0]


def test_an_admin_queues_a_poll_from_the_feed_admin(
    client, adam, django_capture_on_commit_callbacks
) -> None:
    feed = Feed.objects.create(url="https://ledger.example/feed.xml", name="Ledger")
    client.force_login(adam)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            "/admin/claims/feed/",
            {"action": "poll_now", "_selected_action": [feed.pk]},
            follow=True,
        )

    assert response.status_code == 200
    assert "Queued 1 poll(s)." in response.content.decode()
    assert len(callbacks) == 1


def test_an_editor_polls_from_the_desk_not_the_admin(client, erin) -> None:
    Feed.objects.create(url="https://ledger.example/feed.xml", name="Ledger")
    client.force_login(erin)

    response = client.get("/admin/claims/feed/", follow=True)

    assert response.redirect_chain == [("/desk/", 302)]
    assert "poll_now" not in response.content.decode()
