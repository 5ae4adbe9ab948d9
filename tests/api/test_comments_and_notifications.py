"""Issue 14 cases 5 and 6: people talk in the review, and hear about what concerns them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from reviews.models import Comment, Notification, NotificationSettings, Review, ReviewEvent
from reviews.services import (
    claim_assign,
    review_approve,
    review_edit,
    review_return,
    review_submit,
)
from reviews.tasks import notify_due_reviews, notify_event
from tests.api.conftest import add_primary_evidence, make_claim, write_verdict
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _addresses(alice, erin, frank) -> None:
    """Everyone on this desk has an email address."""
    for user in (alice, erin, frank):
        user.email = f"{user.username}@desk.example"
        user.save(update_fields=["email"])


def comment(user, review: Review, text: str):
    return client_for(user).post(
        f"/api/v1/reviews/{review.pk}/comments/", {"text": text}, format="json"
    )


def deliver_all() -> None:
    """Run the notification task for every event, as the worker does after each commit."""
    for event_id in ReviewEvent.objects.values_list("pk", flat=True):
        notify_event(event_id)


# --- 5. Comments ------------------------------------------------------------------


def test_the_checker_and_an_editor_talk_in_the_review(review, alice, erin, frank) -> None:
    asked = comment(alice, review, "@erin is the April 26 transcript enough, or <b>both</b>?")
    answered = comment(erin, review, "Both, please. @frank may know the archive.")

    assert asked.status_code == 201 and answered.status_code == 201
    first, second = Comment.objects.filter(review=review)
    assert first.text == "@erin is the April 26 transcript enough, or both?"
    assert list(first.mentions.all()) == [erin]
    assert list(second.mentions.all()) == [frank]
    listed = client_for(alice).get(f"/api/v1/reviews/{review.pk}/comments/").json()["results"]
    assert [item["text"] for item in listed] == [first.text, second.text]
    assert listed[0]["author"]["username"] == "alice"
    events = ReviewEvent.objects.filter(review=review, action="commented")
    assert [(e.actor, e.note) for e in events] == [(alice, first.text), (erin, second.text)]


def test_only_the_assignee_and_editors_comment(review, bob, nora) -> None:
    assert comment(bob, review, "Drive-by remark.").status_code == 403
    assert comment(nora, review, "Hello.").status_code == 403
    assert client_for(bob).get(f"/api/v1/reviews/{review.pk}/comments/").status_code == 403
    assert not Comment.objects.exists()


def test_an_empty_comment_is_refused(review, alice) -> None:
    response = comment(alice, review, "  <p></p> ")

    assert response.status_code == 400 and "detail" in response.json()
    assert not Comment.objects.exists()


def test_a_return_shows_a_banner_and_a_returned_marker(client, submitted, alice, erin) -> None:
    review_return(review_id=submitted.pk, actor=erin, note="Name the briefing's date.")
    client.force_login(alice)

    page = client.get(f"/desk/reviews/{submitted.pk}/").content.decode()
    mine = client.get("/desk/reviews/").content.decode()

    banner = page.index('class="returned-banner')
    assert banner < page.index("Verdict</h2>")
    assert "Name the briefing&#x27;s date." in page[banner : banner + 600]
    assert "Returned" in mine


# --- 6. Notifications --------------------------------------------------------------


def test_each_person_hears_about_what_concerns_them_once(
    claim, submitted, alice, erin, frank
) -> None:
    comment(alice, submitted, "@frank could you approve this one?")
    review_approve(review_id=submitted.pk, actor=erin)

    deliver_all()
    deliver_all()  # redelivered tasks change nothing

    kinds = set(Notification.objects.values_list("recipient__username", "kind"))
    assert ("alice", "assigned") in kinds
    assert ("frank", "mention") in kinds
    assert ("erin", "comment") in kinds  # erin assigned it, so she follows the review
    assert ("alice", "published") in kinds
    assert ("erin", "published") not in kinds  # nobody is told about their own act
    assert Notification.objects.count() == len(kinds)
    emailed = sorted(message.to[0] for message in mail.outbox)
    assert len(emailed) == Notification.objects.count()
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_one_event_can_never_notify_a_person_twice(review, alice) -> None:
    event = ReviewEvent.objects.get(review=review, action="assigned")
    Notification.objects.create(
        recipient=alice, kind="assigned", review=review, event=event, key=f"event:{event.pk}"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            recipient=alice, kind="assigned", review=review, event=event, key=f"event:{event.pk}"
        )


def test_opting_out_of_email_keeps_the_desk_notification(claim, alice, erin) -> None:
    NotificationSettings.objects.create(user=alice, email=False)
    claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)

    deliver_all()

    assert Notification.objects.filter(recipient=alice, kind="assigned").exists()
    assert mail.outbox == []


def test_a_reader_report_reaches_who_wrote_and_edited_the_fact_check(
    api, review, alice, erin, frank, rating
) -> None:
    review_edit(
        review_id=review.pk, actor=frank, expected_version=review.version, explanation="Frank's."
    )
    add_primary_evidence(review, alice)
    write_verdict(review, alice, rating)
    review_submit(review_id=review.pk, actor=alice)
    review = review_approve(review_id=review.pk, actor=erin)
    api.post(
        "/api/v1/feedback/",
        {
            "url": f"/fact-checks/{review.slug}/",
            "category": "factual_error",
            "message": "The schedule changed in June.",
        },
        format="json",
    )

    deliver_all()

    told = Notification.objects.filter(kind="report").values_list("recipient__username", flat=True)
    assert sorted(told) == ["alice", "frank"]


def test_due_soon_and_overdue_are_told_once_per_due_date(alice, erin) -> None:
    now = timezone.now()
    soon = claim_assign(
        claim_id=make_claim("The tunnel opens in June.").pk,
        actor=erin,
        assignee=alice,
        due_at=now + timedelta(hours=5),
    )[0]
    late = claim_assign(
        claim_id=make_claim("The ferry fare falls in July.").pk,
        actor=erin,
        assignee=alice,
        due_at=now - timedelta(hours=2),
    )[0]
    later = claim_assign(
        claim_id=make_claim("The port expands in 2030.").pk,
        actor=erin,
        assignee=alice,
        due_at=now + timedelta(days=3),
    )[0]

    notify_due_reviews()
    notify_due_reviews()

    notes = Notification.objects.filter(recipient=alice, kind__in=["due_soon", "overdue"])
    assert sorted((n.review_id, n.kind) for n in notes) == sorted(
        [(soon.pk, "due_soon"), (late.pk, "overdue")]
    )
    assert not notes.filter(review=later).exists()


def test_the_desk_shows_a_count_and_a_list_and_marks_them_read(client, claim, alice, erin) -> None:
    claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)
    deliver_all()
    client.force_login(alice)

    nav = client.get("/desk/").content.decode()
    listed = client_for(alice).get("/api/v1/notifications/").json()
    [item] = listed["results"]
    read = client_for(alice).post(f"/api/v1/notifications/{item['id']}/read/")
    someone_else = client_for(erin).post(f"/api/v1/notifications/{item['id']}/read/")

    assert 'href="/desk/notifications/"' in nav and "1 unread" in nav
    assert item["kind"] == "assigned" and item["read_at"] is None
    assert read.status_code == 200 and read.json()["read_at"] is not None
    assert someone_else.status_code == 404
    assert Notification.objects.get().read_at is not None
    page = client.get("/desk/notifications/").content.decode()
    assert claim.text[:40] in page


def test_notifications_are_enqueued_after_commit_never_run_in_the_request(
    claim, alice, erin, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)

    assert len(callbacks) == 1
    assert not Notification.objects.exists()
