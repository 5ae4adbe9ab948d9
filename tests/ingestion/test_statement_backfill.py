"""Claims stored before statements existed get them from their stored appearances."""

import importlib

import pytest
from django.apps import apps

from claims.models import Claim, Speaker
from tests import factories

pytestmark = pytest.mark.django_db

backfill = importlib.import_module("claims.migrations.0011_statement_backfill_and_search")


def test_old_claims_get_the_statement_their_article_gives_them() -> None:
    vell = factories.speaker("Tomas Vell", "port commissioner")
    claim = factories.said(
        "dredging will finish in June",
        who=vell,
        source="Port commissioner Tomas Vell",
        around=("Harbour news.\n\n", "\n\nMore later."),
        statement="",
    )
    assert claim.appearances.update(statement="") == 1

    backfill.backfill(apps, None)

    claim.refresh_from_db()
    expected = "Port commissioner Tomas Vell said dredging will finish in June."
    assert claim.statement == expected
    assert claim.appearances.get().statement == expected


def test_a_claim_without_a_sighting_takes_its_own_text() -> None:
    claim = Claim.objects.create(text="The lighthouse will close.", statement="")

    backfill.backfill(apps, None)

    assert Claim.objects.get(pk=claim.pk).statement == "The lighthouse will close."


def test_bodies_stored_as_people_become_organisations_unless_staff_said_so() -> None:
    kcna = Speaker.objects.create(name="KCNA", key="kcna", kind="person")
    agency = Speaker.objects.create(
        name="The Harbour Agency", key="the harbour agency", kind="person", edited_by_staff=True
    )
    mayor = Speaker.objects.create(name="Ruth Amsel", key="ruth amsel", title="mayor")

    backfill.speaker_kinds(apps, None)

    kinds = dict(Speaker.objects.values_list("key", "kind"))
    assert kinds[kcna.key] == "organisation"
    assert kinds[agency.key] == "person"  # a staff edit stands
    assert kinds[mayor.key] == "person"
