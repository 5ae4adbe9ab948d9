"""The desk navigation counts the triage queue only as far as it shows."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from claims.models import Claim
from desk import context_processors

pytestmark = pytest.mark.django_db


def test_the_triage_badge_stops_counting_at_its_cap(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context_processors, "NAV_COUNT_CAP", 3)
    Claim.objects.bulk_create(Claim(text=f"claim {n}") for n in range(5))
    client = Client()
    client.force_login(alice)

    nav = client.get("/desk/").context["desk_nav"]

    assert nav["items"][0]["label"] == "Triage"
    assert nav["items"][0]["count"] == "3+"


def test_the_triage_badge_counts_a_short_queue_exactly(alice: User) -> None:
    Claim.objects.bulk_create(Claim(text=f"claim {n}") for n in range(2))
    client = Client()
    client.force_login(alice)

    assert client.get("/desk/").context["desk_nav"]["items"][0]["count"] == 2


def test_the_badges_are_counted_together_in_one_query(
    erin: User, rf, django_assert_num_queries
) -> None:
    Claim.objects.bulk_create(Claim(text=f"claim {n}") for n in range(2))
    request = rf.get("/desk/")
    request.user = erin
    context_processors.desk_nav(request)  # permissions, read once and kept on the user

    with django_assert_num_queries(2):  # the user's role, then every badge
        nav = context_processors.desk_nav(request)["desk_nav"]

    counts = {item["label"]: item["count"] for item in nav["items"]}
    assert counts["Triage"] == 2
    assert counts["Editors' queue"] == counts["Fact-check sources"] == counts["Notifications"] == 0
