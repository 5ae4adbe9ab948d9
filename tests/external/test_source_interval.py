"""A fact-check source is polled at least monthly and at most every minute, whichever
way it is added: the API, the command, the admin, or straight into the database."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from claims.external_models import FactCheckSource
from claims.services.factcheck_sources import factcheck_source_create
from factcheck.errors import InvalidInput
from reviews.roles import ADMIN
from reviews.services import staff_upsert
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

A_MONTH = 30 * 24 * 3600
BOUNDS = "poll_interval must be between 60 seconds and 30 days (2592000 seconds)."


def test_the_database_refuses_an_interval_over_a_month() -> None:
    with pytest.raises(IntegrityError, match="factcheck_source_interval_at_most_30_days"):
        FactCheckSource.objects.create(
            url="https://checks.example/f.json", poll_interval=A_MONTH + 1
        )


def test_a_month_and_a_minute_are_both_accepted() -> None:
    monthly = factcheck_source_create(url="https://checks.example/m.json", poll_interval=A_MONTH)
    eager = factcheck_source_create(url="https://checks.example/e.json", poll_interval=60)

    assert (monthly.poll_interval, eager.poll_interval) == (A_MONTH, 60)


@pytest.mark.parametrize("interval", [59, A_MONTH + 1])
def test_the_service_refuses_an_interval_out_of_bounds(interval: int) -> None:
    with pytest.raises(InvalidInput, match=BOUNDS.replace("(", r"\(").replace(")", r"\)")):
        factcheck_source_create(url="https://checks.example/f.json", poll_interval=interval)
    assert not FactCheckSource.objects.exists()


def test_the_command_refuses_an_interval_over_a_month() -> None:
    with pytest.raises(CommandError) as refused:
        call_command(
            "add_factcheck_source", "https://checks.example/f.json", "--interval", str(A_MONTH + 1)
        )

    assert str(refused.value) == BOUNDS
    assert not FactCheckSource.objects.exists()


def test_the_api_refuses_an_interval_over_a_month_with_a_400(erin: User) -> None:
    response = client_for(erin).post(
        "/api/v1/factcheck-sources/",
        {"url": "https://checks.example/f.json", "poll_interval": A_MONTH + 1},
        format="json",
    )

    assert response.status_code == 400
    assert "poll_interval" in response.json()["detail"]
    assert not FactCheckSource.objects.exists()


def test_the_admin_refuses_an_interval_over_a_month_with_a_form_error(client) -> None:
    client.force_login(staff_upsert(username="adam", role=ADMIN, password=PASSWORD)[0])
    source = FactCheckSource.objects.create(url="https://checks.example/f.json", name="Checks")

    added = client.post(
        "/admin/claims/factchecksource/add/",
        {"url": "https://checks.example/g.json", "name": "G", "poll_interval": A_MONTH + 1},
    )
    changed = client.post(
        f"/admin/claims/factchecksource/{source.pk}/change/",
        {"url": source.url, "name": "Checks", "active": "on", "poll_interval": A_MONTH + 1},
    )

    assert (added.status_code, changed.status_code) == (200, 200)  # the form again, not a redirect
    assert BOUNDS in added.content.decode() and BOUNDS in changed.content.decode()
    assert list(FactCheckSource.objects.values_list("url", "poll_interval")) == [(source.url, 3600)]
