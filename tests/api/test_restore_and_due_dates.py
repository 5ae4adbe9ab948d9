"""Issue 14 case 7: editors undo a dismissal and set due dates from the desk."""

from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Claim
from reviews.models import Review, ReviewEvent
from reviews.services import claim_dismiss
from tests.api.conftest import make_claim
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_an_editor_restores_a_dismissed_claim_with_an_audit_event(alice, erin) -> None:
    claim = make_claim()
    claim_dismiss(claim_id=claim.pk, actor=alice, reason="Opinion, not a fact.")

    refused = client_for(alice).post(f"/api/v1/claims/{claim.pk}/restore/")
    restored = client_for(erin).post(f"/api/v1/claims/{claim.pk}/restore/")
    again = client_for(erin).post(f"/api/v1/claims/{claim.pk}/restore/")

    assert refused.status_code == 403
    assert restored.status_code == 200 and restored.json()["status"] == "flagged"
    assert again.status_code == 409 and "detail" in again.json()
    claim.refresh_from_db()
    assert (claim.status, claim.dismiss_reason) == ("flagged", "")
    event = ReviewEvent.objects.get(claim=claim, action="restored")
    assert (event.actor, event.from_state, event.to_state) == (erin, "dismissed", "flagged")
    assert event.note == "Opinion, not a fact."


def test_the_desk_offers_restore_to_editors_only(client, alice, erin) -> None:
    claim = make_claim()
    claim_dismiss(claim_id=claim.pk, actor=alice, reason="Duplicate of another claim.")

    client.force_login(alice)
    assert "Restore to triage" not in client.get(f"/desk/claims/{claim.pk}/").content.decode()
    assert client.post(f"/desk/claims/{claim.pk}/restore/").status_code == 403
    client.force_login(erin)
    assert "Restore to triage" in client.get(f"/desk/claims/{claim.pk}/").content.decode()
    client.post(f"/desk/claims/{claim.pk}/restore/")

    assert Claim.objects.get(pk=claim.pk).status == "flagged"


def test_an_editor_sets_and_changes_a_due_date_from_the_desk(client, review, alice, erin) -> None:
    due = (timezone.localtime() + timedelta(days=2)).replace(second=0, microsecond=0)
    later = due + timedelta(days=1)

    client.force_login(alice)
    client.post(f"/desk/reviews/{review.pk}/due/", {"due_at": due.strftime("%Y-%m-%dT%H:%M")})
    assert Review.objects.get(pk=review.pk).due_at is None
    client.force_login(erin)
    client.post(f"/desk/reviews/{review.pk}/due/", {"due_at": due.strftime("%Y-%m-%dT%H:%M")})
    client.post(f"/desk/reviews/{review.pk}/due/", {"due_at": later.strftime("%Y-%m-%dT%H:%M")})

    review.refresh_from_db()
    assert review.due_at == later
    changes = [
        event.changes["due_at"]
        for event in ReviewEvent.objects.filter(review=review, action="due_changed")
    ]
    assert changes == [[None, due.isoformat()], [due.isoformat(), later.isoformat()]]
    assert all(event.actor == erin for event in ReviewEvent.objects.filter(action="due_changed"))
    page = client.get(f"/desk/reviews/{review.pk}/").content.decode()
    assert 'name="due_at"' in page


def test_a_due_date_can_be_cleared_but_not_set_on_a_closed_review(client, review, erin) -> None:
    client.force_login(erin)
    client.post(f"/desk/reviews/{review.pk}/due/", {"due_at": "2030-01-02T09:00"})
    client.post(f"/desk/reviews/{review.pk}/due/", {"due_at": ""})
    assert Review.objects.get(pk=review.pk).due_at is None

    Review.objects.filter(pk=review.pk).update(state="withdrawn")
    client.post(f"/desk/reviews/{review.pk}/due/", {"due_at": "2030-01-02T09:00"})
    assert Review.objects.get(pk=review.pk).due_at is None
