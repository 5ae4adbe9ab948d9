"""The linking task on a real worker: registered by name, idempotent when redelivered."""

import time

import pytest

from claims.models import ClaimLink
from claims.tasks import suggest_links
from tests.links.conftest import said


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_links_a_new_claim_once_however_often_asked(person, celery_worker) -> None:
    government = person("Veltrian government")
    text = "Veltrian troops were deployed to the Lindau district of Ostmark in February"
    said(person("Arvid Solberg", government), text, stance="denies", cue="denied")
    new = said(person("Mira Kessel", government), text, stance="confirms", cue="confirmed")

    suggest_links.delay(new.pk)
    suggest_links.delay(new.pk)

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not ClaimLink.objects.exists():
        time.sleep(0.1)
    time.sleep(1)  # room for the second copy to finish (both may run at once)
    [link] = ClaimLink.objects.all()
    assert (link.from_claim, link.kind) == (new, "contradicts")


@pytest.mark.django_db
def test_a_claim_deleted_before_its_task_ran_is_skipped() -> None:
    assert suggest_links(999_999) == 0
