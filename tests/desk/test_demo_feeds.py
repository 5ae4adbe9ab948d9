"""The demo's feeds behave like real ones: they count the sample articles they carried."""

import pytest
from django.contrib.auth.models import User

from claims.models import Article, Feed
from desk.demo.load import load_demo

pytestmark = pytest.mark.django_db


def test_each_demo_feed_counts_its_outlets_articles_and_can_be_resumed(client) -> None:
    load_demo()
    client.force_login(User.objects.get(username="erin"))  # the demo's editor

    page = client.get("/desk/feeds/").content.decode()

    for feed in Feed.objects.all():
        carried = Article.objects.filter(outlet=feed.outlet).count()
        assert carried > 0 and Article.objects.filter(feed=feed).count() == carried
        assert f"{carried} articles" in page
        assert f'action="/desk/feeds/{feed.pk}/resume/"' in page
