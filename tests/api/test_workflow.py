"""The review state machine through the API: every transition, allowed or not,
and the audit event each one writes."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from claims.models import Claim
from factcheck.errors import NotAllowed
from reviews.models import Evidence, Rating, Review, ReviewEvent, ReviewVersion
from reviews.services import claim_assign, review_approve, review_edit, review_submit
from tests.api.conftest import add_primary_evidence, etag, make_claim, write_verdict
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def last_event(review: Review) -> ReviewEvent:
    return ReviewEvent.objects.filter(review=review).latest("id")


def post(user: User, path: str, body: dict | None = None):
    return client_for(user).post(path, body or {}, format="json")


# --- Assignment ------------------------------------------------------------


def test_an_editor_assigns_a_claim_with_a_due_date(erin, alice, claim: Claim) -> None:
    due = timezone.now() + timedelta(days=2)

    response = post(
        erin, f"/api/v1/claims/{claim.pk}/assign/", {"assignee": alice.pk, "due_at": due}
    )

    assert response.status_code == 201
    review = Review.objects.get(claim=claim)
    assert (review.state, review.assignee, review.assigned_by) == ("assigned", alice, erin)
    assert review.due_at == due
    assert response.json()["id"] == review.pk
    assert response["ETag"] == review.etag
    claim.refresh_from_db()
    assert claim.status == "in_review"
    event = last_event(review)
    assert (event.action, event.actor, event.to_state) == ("assigned", erin, "assigned")
    assert event.changes["claim_status"] == ["flagged", "in_review"]
    assert event.changes["assignee"] == [None, "alice"]


def test_a_checker_takes_an_unassigned_claim_by_username(alice, claim: Claim) -> None:
    response = post(alice, f"/api/v1/claims/{claim.pk}/assign/", {"assignee": "alice"})

    assert response.status_code == 201
    assert Review.objects.get(claim=claim).assignee == alice


def test_a_checker_cannot_assign_a_claim_to_someone_else(alice, bob, claim: Claim) -> None:
    response = post(alice, f"/api/v1/claims/{claim.pk}/assign/", {"assignee": "bob"})

    assert response.status_code == 403
    assert not Review.objects.exists()
    assert Claim.objects.get(pk=claim.pk).status == "flagged"


def test_a_checker_cannot_take_a_claim_someone_else_holds(review: Review, bob) -> None:
    response = post(bob, f"/api/v1/claims/{review.claim_id}/assign/", {"assignee": "bob"})

    assert response.status_code == 403
    assert "already assigned to alice" in response.json()["detail"]
    assert Review.objects.get(pk=review.pk).assignee.username == "alice"


def test_an_editor_reassigns_an_open_review_and_it_is_recorded(review: Review, erin, bob) -> None:
    due = timezone.now() + timedelta(days=1)

    response = post(
        erin, f"/api/v1/claims/{review.claim_id}/assign/", {"assignee": "bob", "due_at": due}
    )

    assert response.status_code == 200
    review.refresh_from_db()
    assert (review.assignee, review.due_at, review.version) == (bob, due, 2)
    event = last_event(review)
    assert event.action == "reassigned"
    assert event.changes["assignee"] == ["alice", "bob"]
    assert Review.objects.count() == 1


@pytest.mark.parametrize("status", ["dismissed", "checked"])
def test_a_closed_claim_cannot_be_assigned(erin, alice, status: str) -> None:
    claim = make_claim(status=status)

    response = post(erin, f"/api/v1/claims/{claim.pk}/assign/", {"assignee": "alice"})

    assert response.status_code == 409
    assert not Review.objects.exists()


def test_overdue_reviews_are_flagged_and_filterable(erin, alice, bob) -> None:
    late = claim_assign(
        claim_id=make_claim().pk,
        actor=erin,
        assignee=alice,
        due_at=timezone.now() - timedelta(hours=1),
    )[0]
    claim_assign(
        claim_id=make_claim().pk,
        actor=erin,
        assignee=bob,
        due_at=timezone.now() + timedelta(days=1),
    )

    rows = client_for(erin).get("/api/v1/reviews/?overdue=1").json()["results"]

    assert [(row["id"], row["overdue"]) for row in rows] == [(late.pk, True)]
    triage = client_for(erin).get("/api/v1/claims/").json()["results"]
    assert {row["open_review"]["overdue"] for row in triage} == {True, False}


def test_reviews_filter_by_state_and_assignee(review: Review, erin, bob) -> None:
    claim_assign(claim_id=make_claim().pk, actor=erin, assignee=bob)

    by_name = client_for(erin).get("/api/v1/reviews/?assignee=alice&state=assigned").json()
    by_id = client_for(erin).get(f"/api/v1/reviews/?assignee={review.assignee_id}").json()

    assert [row["id"] for row in by_name["results"]] == [review.pk]
    assert [row["id"] for row in by_id["results"]] == [review.pk]


# --- Dismissal -------------------------------------------------------------


def test_dismissing_a_flagged_claim_keeps_the_reason(alice, claim: Claim) -> None:
    response = post(alice, f"/api/v1/claims/{claim.pk}/dismiss/", {"reason": "An opinion."})

    assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.status, claim.dismiss_reason) == ("dismissed", "An opinion.")
    event = ReviewEvent.objects.get(claim=claim)
    assert (event.action, event.from_state, event.to_state, event.note) == (
        "dismissed",
        "flagged",
        "dismissed",
        "An opinion.",
    )


def test_dismissing_a_claim_under_review_withdraws_the_review(review: Review, erin) -> None:
    response = post(erin, f"/api/v1/claims/{review.claim_id}/dismiss/", {"reason": "Satire."})

    assert response.status_code == 200
    review.refresh_from_db()
    assert review.state == "withdrawn"
    assert last_event(review).action == "withdrawn"
    assert Claim.objects.get(pk=review.claim_id).status == "dismissed"


def test_a_claim_with_a_published_verdict_cannot_be_dismissed(submitted: Review, frank) -> None:
    review_approve(review_id=submitted.pk, actor=frank)

    response = post(frank, f"/api/v1/claims/{submitted.claim_id}/dismiss/", {"reason": "x"})

    assert response.status_code == 409
    assert Claim.objects.get(pk=submitted.claim_id).status == "checked"


# --- Evidence --------------------------------------------------------------


def test_evidence_is_stored_as_plain_text(review: Review, alice) -> None:
    body = {
        "url": "https://stats.example/report",
        "title": "<b>Report</b> 2024",
        "excerpt": '<script>alert(1)</script><p onclick="x()">Works end in <em>September</em> '
        "&amp; not before.</p>",
        "stance": "refutes",
        "primary_source": True,
    }

    response = post(alice, f"/api/v1/claims/{review.claim_id}/evidence/", body)

    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert evidence.title == "Report 2024"
    assert evidence.excerpt == "Works end in September & not before."
    assert (evidence.review, evidence.added_by, evidence.primary_source) == (review, alice, True)
    event = last_event(review)
    assert event.action == "evidence_added"
    assert event.changes["evidence"]["id"] == evidence.pk


def test_removing_evidence_is_recorded(review: Review, alice) -> None:
    evidence = add_primary_evidence(review, alice)

    response = client_for(alice).delete(f"/api/v1/claims/{review.claim_id}/evidence/{evidence.pk}/")

    assert response.status_code == 204
    assert not Evidence.objects.exists()
    event = last_event(review)
    assert (event.action, event.changes["evidence"]["title"]) == (
        "evidence_removed",
        evidence.title,
    )


def test_evidence_of_a_submitted_review_is_frozen(submitted: Review, alice) -> None:
    body = {"url": "https://a.example/", "title": "Late", "stance": "context"}

    response = post(alice, f"/api/v1/claims/{submitted.claim_id}/evidence/", body)

    assert response.status_code == 409
    assert Evidence.objects.count() == 1


# --- Editing ---------------------------------------------------------------


def test_the_first_edit_starts_the_review_and_records_what_changed(
    review: Review, alice, rating: Rating
) -> None:
    response = client_for(alice).patch(
        f"/api/v1/reviews/{review.pk}/",
        {"rating": rating.pk, "summary": "September."},
        format="json",
        HTTP_IF_MATCH=etag(review),
    )

    assert response.status_code == 200
    review.refresh_from_db()
    assert (review.state, review.version, review.rating, review.summary) == (
        "in_progress",
        2,
        rating,
        "September.",
    )
    assert response["ETag"] == f'"review-{review.pk}-v2"'
    assert response.json()["version"] == 2
    event = last_event(review)
    assert (event.action, event.from_state, event.to_state) == ("edited", "assigned", "in_progress")
    assert event.changes == {"rating": [None, "false"], "summary": ["", "September."]}


def test_an_edit_without_if_match_is_refused(review: Review, alice) -> None:
    response = client_for(alice).patch(
        f"/api/v1/reviews/{review.pk}/", {"summary": "x"}, format="json"
    )

    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    assert Review.objects.get(pk=review.pk).summary == ""


def test_a_stale_edit_is_refused_with_the_current_version(review: Review, alice, erin) -> None:
    stale = etag(review)
    client_for(erin).patch(
        f"/api/v1/reviews/{review.pk}/", {"summary": "Erin's"}, format="json", HTTP_IF_MATCH=stale
    )

    response = client_for(alice).patch(
        f"/api/v1/reviews/{review.pk}/", {"summary": "Alice's"}, format="json", HTTP_IF_MATCH=stale
    )

    assert response.status_code == 409
    body = response.json()
    assert body["current"]["version"] == 2
    assert body["current"]["summary"] == "Erin's"
    assert response["ETag"] == f'"review-{review.pk}-v2"'
    assert Review.objects.get(pk=review.pk).summary == "Erin's"


def test_an_if_match_for_another_review_is_stale(review: Review, alice) -> None:
    response = client_for(alice).patch(
        f"/api/v1/reviews/{review.pk}/",
        {"summary": "x"},
        format="json",
        HTTP_IF_MATCH=f'"review-{review.pk + 1}-v1"',
    )

    assert response.status_code == 409
    unchanged = Review.objects.get(pk=review.pk)
    assert (unchanged.summary, unchanged.version) == (review.summary, review.version)
    assert not unchanged.events.filter(action="edited").exists()


# --- Every transition from every state ---------------------------------------

ACTIONS = {
    "start": ("alice", None),
    "submit": ("alice", None),
    "approve": ("frank", None),
    "return": ("frank", {"note": "Needs the minutes."}),
    "correct": ("frank", {"note": "The date was wrong."}),
}
ALLOWED = {
    ("assigned", "start"): ("in_progress", "started"),
    ("assigned", "submit"): ("submitted", "submitted"),
    ("in_progress", "submit"): ("submitted", "submitted"),
    ("submitted", "approve"): ("published", "approved"),
    ("submitted", "return"): ("in_progress", "returned"),
    ("published", "correct"): ("in_progress", "corrected"),
}


def review_in(state: str, alice, erin, frank, rating: Rating) -> Review:
    review = claim_assign(claim_id=make_claim().pk, actor=erin, assignee=alice)[0]
    add_primary_evidence(review, alice)
    # Written to the row directly, so "assigned" is still assigned but complete.
    Review.objects.filter(pk=review.pk).update(rating=rating, summary="September.")
    if state == "in_progress":
        post(alice, f"/api/v1/reviews/{review.pk}/start/")
    if state in ("submitted", "published"):
        review_submit(review_id=review.pk, actor=alice)
    if state == "published":
        review_approve(review_id=review.pk, actor=frank)
    review.refresh_from_db()
    assert review.state == state
    return review


@pytest.mark.parametrize("state", ["assigned", "in_progress", "submitted", "published"])
@pytest.mark.parametrize("action", list(ACTIONS))
def test_every_transition(request, state: str, action: str, alice, erin, frank, rating) -> None:
    review = review_in(state, alice, erin, frank, rating)
    events_before = ReviewEvent.objects.filter(review=review).count()
    actor_name, body = ACTIONS[action]
    actor = request.getfixturevalue(actor_name)

    response = post(actor, f"/api/v1/reviews/{review.pk}/{action}/", body)

    after = Review.objects.get(pk=review.pk)
    if (state, action) in ALLOWED:
        to_state, event_action = ALLOWED[(state, action)]
        assert response.status_code == 200, response.content
        assert after.state == to_state
        assert after.version == review.version + 1
        event = last_event(review)
        assert (event.action, event.actor, event.from_state, event.to_state) == (
            event_action,
            actor,
            state,
            to_state,
        )
        if body:
            assert event.note == body["note"]
    else:
        assert response.status_code == 409, response.content
        assert (after.state, after.version) == (state, review.version)
        assert ReviewEvent.objects.filter(review=review).count() == events_before


# --- Submission ------------------------------------------------------------


def test_submitting_names_everything_missing(review: Review, alice) -> None:
    response = post(alice, f"/api/v1/reviews/{review.pk}/submit/")

    assert response.status_code == 409
    body = response.json()
    assert body["missing"] == ["rating", "summary", "evidence", "primary_source"]
    assert "a rating, a summary" in body["detail"]
    assert Review.objects.get(pk=review.pk).state == "assigned"


def test_submitting_needs_a_primary_source(review: Review, alice, rating: Rating) -> None:
    write_verdict(review, alice, rating)
    post(
        alice,
        f"/api/v1/claims/{review.claim_id}/evidence/",
        {"url": "https://blog.example/", "title": "A blog", "stance": "context"},
    )

    response = post(alice, f"/api/v1/reviews/{review.pk}/submit/")

    assert response.status_code == 409
    assert response.json()["missing"] == ["primary_source"]


def test_a_submitted_review_cannot_be_edited(submitted: Review, erin) -> None:
    response = client_for(erin).patch(
        f"/api/v1/reviews/{submitted.pk}/",
        {"summary": "x"},
        format="json",
        HTTP_IF_MATCH=etag(submitted),
    )

    assert response.status_code == 409
    unchanged = Review.objects.get(pk=submitted.pk)
    assert (unchanged.state, unchanged.summary, unchanged.version) == (
        "submitted",
        submitted.summary,
        submitted.version,
    )
    assert not unchanged.events.filter(action="edited", actor=erin).exists()


# --- Approval and separation of duties ----------------------------------------


def test_approval_publishes_the_verdict(submitted: Review, erin) -> None:
    response = post(erin, f"/api/v1/reviews/{submitted.pk}/approve/", {"note": "Solid."})

    assert response.status_code == 200
    review = Review.objects.get(pk=submitted.pk)
    assert (review.state, review.approved_by) == ("published", erin)
    # The address reads like the statement checked, which names its speaker.
    assert review.slug == f"mayor-mara-oduya-said-the-harbour-bridge-will-reopen-in-may-{review.pk}"
    assert review.published_at is not None
    assert review.modified_at == review.published_at
    assert Claim.objects.get(pk=review.claim_id).status == "checked"
    version = ReviewVersion.objects.get(review=review)
    assert (version.number, version.author.username, version.approved_by) == (1, "alice", erin)
    assert version.summary == review.summary
    event = last_event(review)
    assert (event.action, event.note, event.changes["claim_status"]) == (
        "approved",
        "Solid.",
        ["in_review", "checked"],
    )


def test_approval_with_a_stale_if_match_is_refused(submitted: Review, erin) -> None:
    response = client_for(erin).post(
        f"/api/v1/reviews/{submitted.pk}/approve/",
        {},
        format="json",
        HTTP_IF_MATCH=f'"review-{submitted.pk}-v1"',
    )

    assert response.status_code == 409
    assert Review.objects.get(pk=submitted.pk).state == "submitted"


def test_an_editor_cannot_approve_a_verdict_they_wrote(erin, frank, claim, rating) -> None:
    review = claim_assign(claim_id=claim.pk, actor=frank, assignee=erin)[0]
    add_primary_evidence(review, erin)
    write_verdict(review, erin, rating)
    review_submit(review_id=review.pk, actor=erin)

    response = post(erin, f"/api/v1/reviews/{review.pk}/approve/")

    assert response.status_code == 403
    assert "You wrote this verdict" in response.json()["detail"]
    assert Review.objects.get(pk=review.pk).state == "submitted"
    with pytest.raises(NotAllowed):
        review_approve(review_id=review.pk, actor=erin)


def test_the_database_refuses_self_approval_even_without_the_service(submitted: Review) -> None:
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Review.objects.filter(pk=submitted.pk).update(approved_by=submitted.assignee)
    if connection.vendor == "postgresql":
        assert "approver_is_not_author" in str(error.value)


def test_an_editor_who_edited_the_verdict_is_a_co_author(submitted: Review, erin, frank) -> None:
    post(erin, f"/api/v1/reviews/{submitted.pk}/return/", {"note": "Tighten the summary."})
    submitted.refresh_from_db()
    review_edit(
        review_id=submitted.pk,
        actor=erin,
        expected_version=submitted.version,
        summary="Tighter.",
    )
    review_submit(review_id=submitted.pk, actor=submitted.assignee)

    refused = post(erin, f"/api/v1/reviews/{submitted.pk}/approve/")
    approved = post(frank, f"/api/v1/reviews/{submitted.pk}/approve/")

    assert refused.status_code == 403
    assert "co-author" in refused.json()["detail"]
    assert approved.status_code == 200


def test_returning_needs_a_note(submitted: Review, erin) -> None:
    response = post(erin, f"/api/v1/reviews/{submitted.pk}/return/", {"note": ""})

    assert response.status_code == 400
    assert Review.objects.get(pk=submitted.pk).state == "submitted"


# --- Corrections -------------------------------------------------------------


def test_a_correction_keeps_the_published_version_and_adds_the_next(
    submitted: Review, alice, erin, frank
) -> None:
    post(erin, f"/api/v1/reviews/{submitted.pk}/approve/")
    first = Review.objects.get(pk=submitted.pk)

    reopened = post(frank, f"/api/v1/reviews/{submitted.pk}/correct/", {"note": "Wrong month."})
    client_for(alice).patch(
        f"/api/v1/reviews/{submitted.pk}/",
        {"summary": "October, not September."},
        format="json",
        HTTP_IF_MATCH=reopened["ETag"],
    )
    versions_meanwhile = client_for(alice).get(f"/api/v1/reviews/{submitted.pk}/versions/").json()
    post(alice, f"/api/v1/reviews/{submitted.pk}/submit/")
    republished = post(
        frank, f"/api/v1/reviews/{submitted.pk}/approve/", {"note": "Month corrected to October."}
    )

    assert reopened.status_code == 200
    assert reopened.json()["state"] == "in_progress"
    assert reopened.json()["is_correction"] is True
    assert [v["summary"] for v in versions_meanwhile["results"]] == [first.summary]
    assert republished.status_code == 200
    review = Review.objects.get(pk=submitted.pk)
    assert (review.state, review.slug, review.published_at) == (
        "published",
        first.slug,
        first.published_at,
    )
    assert review.modified_at > first.modified_at
    versions = list(ReviewVersion.objects.filter(review=review).order_by("number"))
    assert [(v.number, v.summary, v.correction_note) for v in versions] == [
        (1, first.summary, ""),
        (2, "October, not September.", "Month corrected to October."),
    ]
    assert Claim.objects.get(pk=review.claim_id).status == "checked"


# --- The audit trail -----------------------------------------------------------


def test_the_events_endpoint_tells_the_whole_story(submitted: Review, erin) -> None:
    post(erin, f"/api/v1/reviews/{submitted.pk}/approve/", {"note": "Good."})

    response = client_for(erin).get(f"/api/v1/reviews/{submitted.pk}/events/")

    rows = response.json()["results"]
    assert [row["action"] for row in rows] == [
        "assigned",
        "evidence_added",
        "edited",
        "submitted",
        "approved",
    ]
    assert rows[-1]["actor"]["username"] == "erin"
    assert rows[-1]["note"] == "Good."
    assert set(rows[2]["changes"]) == {"rating", "summary", "explanation"}


def test_events_cannot_be_changed_or_deleted(review: Review) -> None:
    event = ReviewEvent.objects.get(review=review)
    event.note = "rewritten"

    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        ReviewEvent.objects.filter(pk=event.pk).update(note="x")
    if connection.vendor == "postgresql":
        with (
            pytest.raises(Exception, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("DELETE FROM reviews_reviewevent WHERE id = %s", [event.pk])
    assert ReviewEvent.objects.get(pk=event.pk).note == ""


def test_not_even_an_admin_can_edit_events_in_the_admin(review: Review, adam) -> None:
    from django.test import Client

    client = Client()
    client.force_login(adam)
    event = ReviewEvent.objects.get(review=review)

    change = client.post(f"/admin/reviews/reviewevent/{event.pk}/change/", {"note": "x"})
    delete = client.post(f"/admin/reviews/reviewevent/{event.pk}/delete/", {"post": "yes"})

    assert change.status_code in (302, 403) or b"readonly" in change.content
    assert delete.status_code == 403
    assert ReviewEvent.objects.get(pk=event.pk).note == ""
