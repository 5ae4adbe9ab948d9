import pytest

from claims.models import Appearance, Claim
from reviews.models import Feedback, Review, ReviewEvent
from reviews.roles import CHECKER
from reviews.services import staff_upsert
from tests.conftest import client_for
from tests.publication.conftest import ARTICLE_URL

pytestmark = pytest.mark.django_db


def send(api, url: str, category: str = "factual_error", **fields: str) -> Feedback:
    body = {"url": url, "category": category, "message": "This is wrong.", **fields}
    response = api.post("/api/v1/feedback/", body, format="json")
    assert response.status_code == 201, response.json()
    return Feedback.objects.get(pk=response.json()["id"])


def page_of(review: Review, site: str = "http://127.0.0.1:8000") -> str:
    return f"{site}/fact-checks/{review.slug}/"


# --- Fact-checks -----------------------------------------------------------------


def test_a_factual_error_about_a_fact_check_is_linked_to_it_and_waits_for_an_editor(
    api, publish, velin_claim, erin
) -> None:
    review = publish(velin_claim)

    report = send(api, page_of(review), passage="dismissed reports of Ostrian involvement")

    review.refresh_from_db()
    assert (review.state, review.is_correction) == ("published", False)
    assert (report.status, report.review_id, report.claim_id) == ("routed", review.pk, None)
    assert not ReviewEvent.objects.filter(review=review, action="corrected").exists()
    routed = ReviewEvent.objects.get(feedback=report, action="feedback_routed")
    assert routed.actor is None and "correction_opened_for" not in routed.changes
    assert routed.changes["matched_appearance"] == velin_claim.appearances.get().pk


def test_the_fact_check_is_found_whatever_the_host_scheme_or_tracking_parameters(
    api, publish, velin_claim
) -> None:
    review = publish(velin_claim)

    report = send(api, page_of(review, "https://www.desk.example") + "?utm_source=x#top")

    assert report.review_id == review.pk


def test_repeat_reports_are_grouped_under_the_first(api, publish, velin_claim) -> None:
    review = publish(velin_claim)
    first = send(api, page_of(review), passage="dismissed reports as disinformation")

    again = send(api, page_of(review), passage="Dismissed reports as  disinformation.")
    other = send(
        api, page_of(review), passage="The date of the briefing is wrong", message="April 25"
    )

    assert again.duplicate_of == first and again.review_id == review.pk
    assert again.status == "routed"
    assert other.duplicate_of is None and other.review_id == review.pk
    assert ReviewEvent.objects.filter(feedback=again, action="feedback_grouped").exists()


def test_a_report_waits_for_an_editor_even_when_the_desk_has_none(
    api, publish, velin_claim, erin
) -> None:
    review = publish(velin_claim)
    staff_upsert(username="erin", role=CHECKER, password=None)  # no longer an editor

    report = send(api, page_of(review))

    review.refresh_from_db()
    assert review.state == "published"
    assert (report.status, report.review_id) == ("routed", review.pk)


def test_a_grammar_report_goes_to_the_corrections_inbox_without_reopening(
    api, publish, velin_claim
) -> None:
    review = publish(velin_claim)

    report = send(
        api, page_of(review), category="grammar", passage="Veltran Palace press secretery"
    )

    review.refresh_from_db()
    assert review.state == "published"
    assert (report.status, report.review_id, report.claim_id) == ("routed", review.pk, None)
    inbox = client_for_editor(api, review).get("/api/v1/feedback/", {"category": "grammar"})
    assert [item["id"] for item in inbox.json()["results"]] == [report.pk]


def client_for_editor(api, review: Review):
    assert review.approved_by is not None  # a published review has its approver
    return client_for(review.approved_by)


# --- Articles ----------------------------------------------------------------------


def test_a_factual_error_about_a_quoted_statement_joins_its_claim(
    api, article, marenko_claim
) -> None:
    report = send(
        api, ARTICLE_URL, passage="troops had participated in combat operations in Dorvask"
    )

    assert (report.status, report.article, report.claim) == ("routed", article, marenko_claim)
    assert Claim.objects.count() == 1


def test_a_factual_error_about_an_unflagged_passage_becomes_a_claim_in_triage(
    api, article, marenko_claim
) -> None:
    passage = "The bridge was built in 1998 and carries 40,000 vehicles a day"

    report = send(api, ARTICLE_URL + "?utm_campaign=share", passage=passage.upper())

    claim = report.claim
    assert (claim.status, claim.text, report.article) == ("flagged", passage.upper(), article)
    appearance = Appearance.objects.get(claim=claim)
    assert article.text[appearance.content_start : appearance.content_end] == passage
    assert (appearance.article, appearance.cue) == (article, "reader report")
    assert ReviewEvent.objects.get(feedback=report, action="feedback_routed").claim == claim


def test_a_passage_not_in_the_article_still_becomes_a_claim_linked_by_the_report(
    api, article
) -> None:
    report = send(api, ARTICLE_URL, passage="Ten thousand soldiers were sent in 2023")

    assert report.claim.status == "flagged" and report.article == article
    assert not report.claim.appearances.exists()


def test_a_repeat_report_about_an_article_does_not_make_a_second_claim(api, article) -> None:
    passage = "The bridge was built in 1998"
    first = send(api, ARTICLE_URL, passage=passage)
    again = send(api, ARTICLE_URL, passage=passage + ".")

    assert again.duplicate_of == first and again.claim == first.claim
    assert Claim.objects.count() == 1


def test_a_report_about_an_unknown_page_waits_unrouted(api) -> None:
    report = send(api, "https://elsewhere.example/story")

    assert (report.status, report.review, report.claim, report.article) == ("new", None, None, None)
    assert ReviewEvent.objects.filter(feedback=report, action="feedback_unrouted").exists()


# --- Staff decisions ---------------------------------------------------------------


def test_staff_reroute_a_report_to_a_claim_with_an_event(api, alice, marenko_claim) -> None:
    report = send(api, "https://elsewhere.example/story")

    response = client_for(alice).post(
        f"/api/v1/feedback/{report.pk}/route/",
        {"action": "route", "claim": marenko_claim.pk, "note": "Same claim, other outlet."},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["status"] == "routed" and response.json()["claim"] == marenko_claim.pk
    event = ReviewEvent.objects.get(feedback=report, action="feedback_rerouted")
    assert (event.actor, event.from_state, event.to_state) == (alice, "new", "routed")


def test_only_editors_convert_a_report_into_a_claim(api, alice, erin, article) -> None:
    report = send(api, ARTICLE_URL, category="other", passage="carries 40,000 vehicles a day")

    refused = client_for(alice).post(
        f"/api/v1/feedback/{report.pk}/route/", {"action": "convert"}, format="json"
    )
    converted = client_for(erin).post(
        f"/api/v1/feedback/{report.pk}/route/", {"action": "convert"}, format="json"
    )

    assert refused.status_code == 403
    assert converted.status_code == 200
    report.refresh_from_db()
    assert report.claim.text == "carries 40,000 vehicles a day"
    assert report.claim.appearances.get().article == article
    assert ReviewEvent.objects.get(feedback=report, action="feedback_converted").actor == erin


def test_resolving_a_report_resolves_its_repeats_and_spam_is_marked(api, alice) -> None:
    first = send(api, "https://elsewhere.example/story", category="other")
    again = send(api, "https://elsewhere.example/story", category="other")
    junk = send(api, "https://elsewhere.example/other", category="other", message="Buy pills")
    staff = client_for(alice)

    resolved = staff.post(
        f"/api/v1/feedback/{first.pk}/route/", {"action": "resolve"}, format="json"
    )
    spam = staff.post(f"/api/v1/feedback/{junk.pk}/route/", {"action": "spam"}, format="json")
    twice = staff.post(f"/api/v1/feedback/{junk.pk}/route/", {"action": "spam"}, format="json")

    assert resolved.status_code == 200 and resolved.json()["duplicates"] == 1
    again.refresh_from_db()
    assert again.status == "resolved"
    assert spam.json()["status"] == "spam" and twice.status_code == 409
    assert ReviewEvent.objects.filter(action="feedback_resolved").count() == 2
    assert ReviewEvent.objects.get(feedback=junk, action="feedback_marked_spam").actor == alice


def test_the_inbox_is_for_staff_and_filters_by_status_category_and_routing(
    api, alice, article
) -> None:
    unrouted = send(api, "https://elsewhere.example/story", category="other")
    routed = send(api, ARTICLE_URL, passage="The bridge was built in 1998")
    send(api, ARTICLE_URL, category="other", website="spam.example")

    def ids(**query: str) -> list[int]:
        return [
            item["id"]
            for item in client_for(alice).get("/api/v1/feedback/", query).json()["results"]
        ]

    assert api.get("/api/v1/feedback/").status_code in (401, 403)
    assert ids() == [routed.pk, unrouted.pk]
    assert ids(routed="false") == [unrouted.pk]
    assert ids(routed="true", category="factual_error") == [routed.pk]
    assert len(ids(status="spam")) == 1
    item = client_for(alice).get("/api/v1/feedback/").json()["results"][0]
    assert "email" not in item and item["email_consent"] is False


def test_route_needs_a_target_and_a_known_action(api, alice) -> None:
    report = send(api, "https://elsewhere.example/story")
    staff = client_for(alice)

    no_target = staff.post(
        f"/api/v1/feedback/{report.pk}/route/", {"action": "route"}, format="json"
    )
    bad_action = staff.post(
        f"/api/v1/feedback/{report.pk}/route/", {"action": "eat"}, format="json"
    )
    missing = staff.post("/api/v1/feedback/999999/route/", {"action": "spam"}, format="json")

    assert no_target.status_code == 400 and "review" in no_target.json()["detail"]
    assert bad_action.status_code == 400 and bad_action.json()["detail"].startswith("action:")
    assert missing.status_code == 404


@pytest.mark.django_db(transaction=True)
def test_two_readers_reporting_at_once_are_grouped_as_one_report(publish, velin_claim) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection
    from rest_framework.test import APIClient

    review = publish(velin_claim)
    body = {
        "url": page_of(review),
        "category": "factual_error",
        "passage": "dismissed reports as disinformation",
        "message": "Wrong date.",
    }

    def post(n: int) -> int:
        try:
            return (
                APIClient()
                .post("/api/v1/feedback/", body, format="json", REMOTE_ADDR=f"192.0.2.{n}")
                .status_code
            )
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(post, range(4)))

    assert statuses == [201] * 4
    assert not ReviewEvent.objects.filter(review=review, action="corrected").exists()
    reports = Feedback.objects.filter(review=review)
    assert reports.count() == 4 and reports.filter(duplicate_of__isnull=True).count() == 1


def test_a_report_about_an_unknown_page_carries_what_the_desk_already_checked(
    api, publish, velin_claim
) -> None:
    review = publish(velin_claim)

    report = send(
        api,
        "https://elsewhere.example/story",
        passage="Reports of Ostrian involvement are disinformation.",
    )

    assert report.status == "new" and report.review is None
    event = ReviewEvent.objects.get(feedback=report, action="feedback_unrouted")
    best = event.changes["suggested"][0]
    assert (best["kind"], best["claim"], best["review"]) == (
        "fact_check",
        velin_claim.pk,
        review.pk,
    )
    assert "checked or flagged something like it" in event.note
