import json
import time
import uuid

import lxml.html
import pytest
from django.core import mail

from reviews.models import Feedback, Rating, Review, ReviewVersion
from reviews.services import review_approve, review_edit, review_submit
from reviews.tasks import notify_correction_reporters
from tests.conftest import client_for

NOTE = "Corrected: Velin made the statement in November, not October."


def report(api, review: Review, email: str = "", **fields: object) -> Feedback:
    body = {
        "url": f"http://127.0.0.1:8000/fact-checks/{review.slug}/",
        "category": "factual_error",
        "passage": "dismissed reports as disinformation",
        "message": "Velin said this in November, not October.",
        "email": email,
        "email_consent": bool(email),
        **fields,
    }
    response = api.post("/api/v1/feedback/", body, format="json")
    assert response.status_code == 201
    return Feedback.objects.get(pk=response.json()["id"])


def open_correction(item: Feedback, editor) -> None:
    response = client_for(editor).post(f"/api/v1/feedback/{item.pk}/open-correction/")
    assert response.status_code == 200, response.content


def republish(review: Review, alice, erin) -> ReviewVersion:
    """Alice fixes the verdict, Erin approves the correction: version 2."""
    review.refresh_from_db()
    review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version,
        rating=Rating.objects.get(slug="mostly-false"),
        summary="Corrected: the statement was made in November.",
    )
    review_submit(review_id=review.pk, actor=alice)
    review_approve(review_id=review.pk, actor=erin, note=NOTE)
    return review.versions.get(number=2)


@pytest.mark.django_db
def test_a_reported_error_is_corrected_openly_and_the_reporters_told_once(
    api, client, publish, velin_claim, alice, erin, django_capture_on_commit_callbacks
) -> None:
    review = publish(velin_claim)
    first = report(api, review, email="ana@example.org")
    report(api, review, email="ben@example.org", passage="Dismissed reports as disinformation.")
    silent = report(api, review, passage="dismissed the reports", message="Wrong month.")
    open_correction(first, erin)
    review.refresh_from_db()
    assert (review.state, review.is_correction) == ("in_progress", True)

    with django_capture_on_commit_callbacks(execute=False) as enqueued:
        version = republish(review, alice, erin)  # approval calls correction_published
    notify_correction_reporters(review.pk, version.pk)
    notify_correction_reporters(review.pk, version.pk)  # a redelivered task

    assert sum("notify_correction_reporters" in repr(callback) for callback in enqueued) == 1
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "ben@example.org",
    ]
    [ana] = [message for message in mail.outbox if message.to == ["ana@example.org"]]
    assert NOTE in ana.body
    assert f"/fact-checks/{review.slug}/" in ana.body
    assert Feedback.objects.filter(review=review, status="resolved").count() == 3
    first.refresh_from_db()
    silent.refresh_from_db()
    assert first.notified_at is not None and silent.notified_at is None

    html = client.get(f"/fact-checks/{review.slug}/").content.decode()
    doc = lxml.html.fromstring(html)
    [markup] = [json.loads(s.text) for s in doc.xpath("//script[@type='application/ld+json']")]
    corrections = doc.xpath("//section[@class='corrections']")[0].text_content()
    assert NOTE in corrections
    assert f"{version.published_at:%-d %B %Y}" in corrections
    assert markup["dateModified"] == version.published_at.isoformat()
    assert markup["datePublished"] == review.versions.get(number=1).published_at.isoformat()
    assert markup["dateModified"] > markup["datePublished"]
    assert markup["reviewRating"]["alternateName"] == "Mostly false"
    assert doc.xpath("//span[@class='verdict']")[0].text == "Mostly false"


@pytest.mark.django_db
def test_reports_made_after_the_correction_wait_for_the_next_one(
    api, publish, velin_claim, alice, erin
) -> None:
    review = publish(velin_claim)
    open_correction(report(api, review, email="ana@example.org"), erin)
    version = republish(review, alice, erin)
    later = report(api, review, email="late@example.org", passage="something else entirely")

    notify_correction_reporters(review.pk, version.pk)

    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    later.refresh_from_db()
    assert later.notified_at is None
    review.refresh_from_db()
    assert review.state == "published"  # the new report waits for an editor


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_emails_each_reporter_exactly_once(
    api, publish, velin_claim, alice, erin, celery_worker
) -> None:
    address = f"reader-{uuid.uuid4().hex[:8]}@example.org"
    review = publish(velin_claim)
    open_correction(report(api, review, email=address), erin)

    version = republish(review, alice, erin)  # the approval enqueues the task after commit
    notify_correction_reporters.delay(review.pk, version.pk)  # as if redelivered

    deadline = time.monotonic() + 30
    done = "notify_correction_reporters["
    while time.monotonic() < deadline and celery_worker.log().count(done) < 4:
        time.sleep(0.2)
    log = celery_worker.log()
    assert log.count(f"To: {address}") == 1
    assert Feedback.objects.get(email=address).notified_at is not None


@pytest.mark.django_db
def test_a_correction_in_progress_stays_private_until_approved(
    api, client, publish, velin_claim, alice, erin
) -> None:
    review = publish(velin_claim)
    open_correction(report(api, review), erin)
    review.refresh_from_db()

    review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version,
        summary="DRAFT: still checking the month.",
    )

    html = client.get(f"/fact-checks/{review.slug}/").content.decode()
    listing = api.get("/api/v1/public/fact-checks/").json()["results"]
    assert "DRAFT" not in html and "Russia&#x27;s own chief of staff" in html
    assert [item["summary"] for item in listing] == [review.versions.get().summary]
