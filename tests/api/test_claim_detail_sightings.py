"""The claim page lists a claim's first sightings, in article order, up to a limit."""

import pytest

from claims.models import Appearance, Article
from reviews.api import views
from tests import factories
from tests.api.conftest import make_claim
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_detail_lists_the_first_sightings_up_to_the_limit(alice, monkeypatch) -> None:
    claim = make_claim("The ferry fares will double.")
    sentence = claim.appearances.get().sentence
    for n in range(3):
        url = f"https://coastalwire.example/ferry-fares-{n}"
        article = Article.objects.create(
            url=url,
            canonical_url=url,
            outlet="Coastal Wire",
            title="Ferry fares",
            text=sentence,
            status=Article.Status.EXTRACTED,
        )
        factories.appearance(article, "The ferry fares will double.", speaker=None, claim=claim)
    make_claim("The ferry timetable changes.")  # another claim's sighting is never listed
    monkeypatch.setattr(views, "MAX_APPEARANCES", 3)

    body = client_for(alice).get(f"/api/v1/claims/{claim.pk}/").json()

    first = Appearance.objects.filter(claim=claim).order_by("article_id", "content_start")[:3]
    assert [row["id"] for row in body["appearances"]] == [a.pk for a in first]
    assert Appearance.objects.filter(claim=claim).count() == 4
