"""Issue 14, cases 1–3: readers never change published work; an editor decides and writes it."""

import json

import lxml.html
import pytest
from django.core import mail

from reviews.models import Feedback, Rating, Review, ReviewEvent, ReviewVersion
from reviews.services import review_edit, review_submit
from reviews.tasks import notify_correction_reporters, notify_report_closed
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def report(api, review: Review, *, email: str = "", address: str = "203.0.113.9", **fields):
    body = {
        "url": f"http://127.0.0.1:8000/fact-checks/{review.slug}/",
        "category": "factual_error",
        "passage": "dismissed reports as disinformation",
        "message": "Velin said this in September, not August.",
        "email": email,
        "email_consent": bool(email),
        **fields,
    }
    response = api.post("/api/v1/feedback/", body, format="json", REMOTE_ADDR=address)
    return response


def reported(api, review: Review, **kwargs) -> Feedback:
    response = report(api, review, **kwargs)
    assert response.status_code == 201, response.content
    return Feedback.objects.get(pk=response.json()["id"])


def public_markup(client, review: Review) -> str:
    html = client.get(f"/fact-checks/{review.slug}/").content.decode()
    [script] = lxml.html.fromstring(html).xpath("//script[@type='application/ld+json']")
    return script.text


def fix_verdict(review: Review, alice, summary: str = "Velin spoke in September.") -> None:
    review.refresh_from_db()
    review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version,
        rating=Rating.objects.get(slug="mostly-false"),
        summary=summary,
    )
    review_submit(review_id=review.pk, actor=alice)


# --- 1. Reports wait for an editor ----------------------------------------------------


def test_reader_reports_never_reopen_a_published_fact_check(api, publish, velin_claim) -> None:
    review = publish(velin_claim)
    events_before = ReviewEvent.objects.filter(review=review).count()
    version_before = review.version

    for n in range(5):
        reported(api, review, message=f"Report {n}: the month is wrong, it was September.")

    review.refresh_from_db()
    assert (review.state, review.is_correction) == ("published", False)
    assert review.version == version_before
    assert review.versions.count() == 1
    assert not ReviewEvent.objects.filter(review=review, action="corrected").exists()
    # Only the reports' own events were added, none by a person on the desk.
    added = ReviewEvent.objects.filter(review=review)[events_before:]
    assert {event.actor_id for event in added} == {None}
    assert set(Feedback.objects.values_list("status", "review")) == {("routed", review.pk)}


def test_reports_about_one_page_are_limited_whatever_the_client(
    api, publish, velin_claim, settings
) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "feedback_page": "3/hour",
        },
    }
    review = publish(velin_claim)

    answers = [
        report(api, review, address=f"198.51.100.{n}", message=f"Problem number {n} here.")
        for n in range(1, 6)
    ]

    assert [answer.status_code for answer in answers] == [201, 201, 201, 429, 429]
    assert "detail" in answers[-1].json()
    assert Feedback.objects.filter(review=review).count() == 3


def test_the_desk_inbox_groups_reports_by_page_and_counts_repeats(
    api, client, publish, velin_claim, marenko_claim, erin
) -> None:
    velin_review = publish(velin_claim)
    marenko_review = publish(marenko_claim, rating="true")
    reported(api, velin_review)
    reported(api, velin_review, passage="Dismissed reports as disinformation.")
    reported(api, velin_review, passage="the wrong date", message="It was 26 April.")
    reported(api, marenko_review, passage="Dorvask region", message="Another region.")
    client.force_login(erin)

    html = client.get("/desk/feedback/").content.decode()

    doc = lxml.html.fromstring(html)
    groups = doc.xpath("//section[contains(@class, 'report-group')]")
    assert len(groups) == 2
    titles = [" ".join(group.xpath(".//h2")[0].text_content().split()) for group in groups]
    assert any(velin_claim.text[:30] in title and "3 reports" in title for title in titles)
    velin_group = groups[[velin_claim.text[:30] in t for t in titles].index(True)]
    assert len(velin_group.xpath(".//tr[starts-with(@id, 'feedback-')]")) == 2
    assert "+1 similar" in velin_group.text_content()


def test_an_editor_opens_a_correction_from_a_report(api, publish, velin_claim, alice, erin) -> None:
    review = publish(velin_claim)
    first = reported(api, review)

    refused = client_for(alice).post(f"/api/v1/feedback/{first.pk}/open-correction/")
    response = client_for(erin).post(f"/api/v1/feedback/{first.pk}/open-correction/")

    assert refused.status_code == 403
    assert response.status_code == 200, response.content
    assert response.json()["id"] == review.pk and response.json()["state"] == "in_progress"
    review.refresh_from_db()
    first.refresh_from_db()
    assert (review.state, review.is_correction) == ("in_progress", True)
    assert (first.status, first.review_id) == ("routed", review.pk)
    opened = ReviewEvent.objects.get(review=review, action="corrected")
    assert opened.actor == erin and opened.changes["feedback"] == first.pk
    assert ReviewEvent.objects.filter(
        feedback=first, action="feedback_correction_opened", actor=erin
    ).exists()
    # A second report on the same correction joins it rather than failing.
    second = reported(api, review, passage="the briefing date", message="Briefing was 25 April.")
    again = client_for(erin).post(f"/api/v1/feedback/{second.pk}/open-correction/")
    assert again.status_code == 200
    assert ReviewEvent.objects.filter(review=review, action="corrected").count() == 1


def test_an_editor_closes_a_report_and_only_a_consenting_reader_hears_back(
    api, client, publish, velin_claim, alice, erin
) -> None:
    review = publish(velin_claim)
    markup = public_markup(client, review)
    consenting = reported(api, review, email="ana@example.org")
    repeat = reported(
        api, review, email="ben@example.org", passage="Dismissed reports as disinformation."
    )
    silent = reported(api, review, passage="the month", message="Wrong month, surely.")
    reply = "The briefing transcript confirms August; no change is needed."

    refused = client_for(alice).post(f"/api/v1/feedback/{consenting.pk}/close/", {"reply": reply})
    response = client_for(erin).post(
        f"/api/v1/feedback/{consenting.pk}/close/", {"reply": reply}, format="json"
    )
    notify_report_closed(consenting.pk)
    notify_report_closed(consenting.pk)  # a redelivered task

    assert refused.status_code == 403
    assert response.status_code == 200 and response.json()["status"] == "resolved"
    for item in (consenting, repeat, silent):
        item.refresh_from_db()
    assert (consenting.status, consenting.reply) == ("resolved", reply)
    assert repeat.status == "resolved" and silent.status == "routed"
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "ben@example.org",
    ]
    assert reply in mail.outbox[0].body
    assert consenting.notified_at is not None and silent.notified_at is None
    review.refresh_from_db()
    assert (review.state, review.versions.count()) == ("published", 1)
    assert public_markup(client, review) == markup
    closed = ReviewEvent.objects.get(feedback=consenting, action="feedback_closed")
    assert closed.actor == erin and closed.note == reply


def test_a_report_not_about_a_fact_check_cannot_open_a_correction(api, erin, article) -> None:
    response = api.post(
        "/api/v1/feedback/",
        {"url": "https://elsewhere.example/page", "category": "other", "message": "Typo."},
        format="json",
    )
    report_id = response.json()["id"]

    answer = client_for(erin).post(f"/api/v1/feedback/{report_id}/open-correction/")

    assert answer.status_code == 409 and "detail" in answer.json()
    assert Feedback.objects.get(pk=report_id).status == "new"


# --- 2. The editor's note is the public correction note --------------------------------


def open_correction(api, review: Review, erin, **kwargs) -> Feedback:
    item = reported(api, review, **kwargs)
    assert client_for(erin).post(f"/api/v1/feedback/{item.pk}/open-correction/").status_code == 200
    return item


def test_a_correction_is_published_only_with_the_editors_note_everywhere(
    api, client, publish, velin_claim, alice, erin, django_capture_on_commit_callbacks
) -> None:
    review = publish(velin_claim)
    item = open_correction(api, review, erin, email="ana@example.org")
    fix_verdict(review, alice)
    note = "Date corrected from August to September."

    without = client_for(erin).post(f"/api/v1/reviews/{review.pk}/approve/", {}, format="json")
    review.refresh_from_db()
    assert without.status_code == 400 and "note" in without.json()["detail"]
    assert (review.state, review.versions.count()) == ("submitted", 1)

    with django_capture_on_commit_callbacks(execute=False):
        approved = client_for(erin).post(
            f"/api/v1/reviews/{review.pk}/approve/", {"note": note}, format="json"
        )
    assert approved.status_code == 200, approved.content
    version = ReviewVersion.objects.get(review=review, number=2)
    assert version.correction_note == note
    notify_correction_reporters(review.pk, version.pk)

    [email] = mail.outbox
    assert note in email.body and email.to == ["ana@example.org"]
    item.refresh_from_db()
    assert item.status == "resolved" and item.notified_at is not None
    html = client.get(f"/fact-checks/{review.slug}/").content.decode()
    corrections = lxml.html.fromstring(html).xpath("//section[@class='corrections']")[0]
    assert note in corrections.text_content()
    assert f"{version.published_at:%-d %B %Y}" in corrections.text_content()
    assert json.loads(public_markup(client, review))["dateModified"] == (
        version.published_at.isoformat()
    )
    rss = client.get("/fact-checks/feed/").content.decode()
    assert note in rss


def test_an_editor_closes_a_correction_without_change_and_nothing_is_published(
    api, client, publish, velin_claim, alice, erin
) -> None:
    review = publish(velin_claim)
    markup = public_markup(client, review)
    item = open_correction(api, review, erin)
    review.refresh_from_db()
    review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version,
        summary="A draft that turned out to be unnecessary.",
    )

    response = client_for(erin).post(
        f"/api/v1/reviews/{review.pk}/close-correction/",
        {"note": "The reported date was right after all."},
        format="json",
    )

    assert response.status_code == 200, response.content
    review.refresh_from_db()
    item.refresh_from_db()
    published = review.versions.get()
    assert (review.state, review.is_correction) == ("published", False)
    assert (review.summary, review.rating_id) == (published.summary, published.rating_id)
    assert review.approved_by_id == published.approved_by_id
    assert review.claim.status == "checked"
    assert item.status == "resolved"
    assert public_markup(client, review) == markup
    closed = ReviewEvent.objects.get(review=review, action="correction_closed")
    assert closed.actor == erin


# --- 3. Every event names who acted --------------------------------------------------


def test_events_name_the_reader_the_system_and_the_editor(api, publish, velin_claim, erin) -> None:
    review = publish(velin_claim)
    item = open_correction(api, review, erin)

    events = client_for(erin).get(f"/api/v1/reviews/{review.pk}/events/").json()["results"]

    names = {event["action"]: event["actor_name"] for event in events}
    assert names["feedback_received"] == "a reader"
    assert names["feedback_routed"] == "system"
    assert names["corrected"] == "erin"
    assert ReviewEvent.objects.get(feedback=item, action="feedback_received").actor is None


def test_only_an_editor_settles_a_report_about_a_fact_check(api, publish, velin_claim, alice):
    review = publish(velin_claim)
    item = reported(api, review)

    resolved = client_for(alice).post(
        f"/api/v1/feedback/{item.pk}/route/", {"action": "resolve"}, format="json"
    )
    spam = client_for(alice).post(
        f"/api/v1/feedback/{item.pk}/route/", {"action": "spam"}, format="json"
    )

    assert resolved.status_code == 403 and "editor" in resolved.json()["detail"]
    assert spam.status_code == 200
    item.refresh_from_db()
    assert item.status == "spam"
    assert not ReviewEvent.objects.filter(feedback=item, action="feedback_resolved").exists()
