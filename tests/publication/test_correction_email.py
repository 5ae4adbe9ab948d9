"""Issue 19.5: a reader's newline must not lose the correction email, and a failed send retries."""

import pytest
from django.core import mail

from claims.models import Claim
from reviews.models import Feedback, Rating, Review, ReviewVersion
from reviews.services import review_approve, review_edit, review_submit
from reviews.tasks import notify_correction_reporters
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

INJECTED = "The bridge opened in 1998\nBcc: everyone@attacker.example\nSubject: win"


def corrected(api, review: Review, alice, erin, email: str) -> ReviewVersion:
    response = api.post(
        "/api/v1/feedback/",
        {
            "url": f"/fact-checks/{review.slug}/",
            "category": "factual_error",
            "message": "The year is wrong.",
            "email": email,
            "email_consent": True,
        },
        format="json",
    )
    assert response.status_code == 201
    opened = client_for(erin).post(f"/api/v1/feedback/{response.json()['id']}/open-correction/")
    assert opened.status_code == 200
    review.refresh_from_db()
    review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version,
        rating=Rating.objects.get(slug="mostly-false"),
        summary="The bridge opened in 1999.",
    )
    review_submit(review_id=review.pk, actor=alice)
    review_approve(review_id=review.pk, actor=erin, note="Opening year corrected to 1999.")
    return review.versions.get(number=2)


@pytest.fixture
def injected_review(publish, db) -> Review:
    """A fact-check whose claim text carries a reader's newline and a fake header."""
    claim = Claim.objects.create(text=INJECTED)
    return publish(claim)


def test_a_newline_in_the_claim_cannot_break_the_correction_email(
    api, injected_review, alice, erin
) -> None:
    version = corrected(api, injected_review, alice, erin, "ana@example.org")

    sent = notify_correction_reporters(injected_review.pk, version.pk)

    assert sent == 1
    [email] = mail.outbox
    assert "\n" not in email.subject and "\r" not in email.subject
    assert email.subject.startswith("Correction published: The bridge opened in 1998 Bcc:")
    assert email.to == ["ana@example.org"] and email.bcc == []
    assert Feedback.objects.get(email="ana@example.org").notified_at is not None


def test_a_failed_send_leaves_the_reader_unnotified_and_a_retry_sends_it(
    api, publish, velin_claim, alice, erin, settings, unused_tcp_port
) -> None:
    review = publish(velin_claim)
    version = corrected(api, review, alice, erin, "ana@example.org")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", unused_tcp_port

    with pytest.raises(OSError):
        notify_correction_reporters(review.pk, version.pk)

    assert Feedback.objects.get(email="ana@example.org").notified_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notify_correction_reporters(review.pk, version.pk) == 1
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert Feedback.objects.get(email="ana@example.org").notified_at is not None
