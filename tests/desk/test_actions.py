"""Desk actions call the workflow services, answer htmx with the changed fragment,
and report every outcome."""

import json

import pytest

from claims.models import Claim
from reviews.models import Evidence, Rating, Review, ReviewEvent
from reviews.services import review_edit
from tests.factories import add_evidence, submitted_review

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def message_of(response) -> dict:
    return json.loads(response["HX-Trigger"])["desk-message"]


def test_taking_a_claim_in_place_answers_with_its_row_and_a_message(client, alice, claim) -> None:
    client.force_login(alice)

    response = client.post(f"/desk/claims/{claim.pk}/assign/", {"assignee": "me"}, **HTMX)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="claim-{claim.pk}"')
    assert "Assigned to you." in html and "<html" not in html
    assert message_of(response) == {"text": "Assigned to you.", "level": "success"}
    review = Review.objects.get(claim=claim)
    assert review.assignee == alice and review.assigned_by == alice


def test_without_javascript_taking_a_claim_redirects_back_with_a_message(
    client, alice, claim
) -> None:
    client.force_login(alice)

    response = client.post(
        f"/desk/claims/{claim.pk}/assign/",
        {"assignee": "me", "next": "/desk/?q=Dorvask"},
        follow=True,
    )

    assert response.redirect_chain == [("/desk/?q=Dorvask", 302)]
    assert "Assigned to you." in response.content.decode()


def test_a_checker_cannot_assign_a_claim_to_someone_else(client, alice, bob, claim) -> None:
    client.force_login(alice)

    response = client.post(f"/desk/claims/{claim.pk}/assign/", {"assignee": bob.pk}, **HTMX)

    assert message_of(response)["level"] == "error"
    assert "Only editors assign claims to others" in response.content.decode()
    assert not Review.objects.filter(claim=claim).exists()


def test_an_editor_assigns_a_claim_to_a_checker(client, erin, bob, claim) -> None:
    client.force_login(erin)

    response = client.post(f"/desk/claims/{claim.pk}/assign/", {"assignee": bob.pk}, **HTMX)

    assert message_of(response)["text"] == "Assigned to bob."
    assert Review.objects.get(claim=claim).assignee == bob


def test_dismissing_needs_a_reason(client, alice, claim) -> None:
    client.force_login(alice)

    response = client.post(f"/desk/claims/{claim.pk}/dismiss/", {"reason": "  "}, **HTMX)

    assert message_of(response)["level"] == "error"
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.FLAGGED


def test_dismissing_with_a_reason_is_logged(client, alice, claim) -> None:
    client.force_login(alice)

    response = client.post(
        f"/desk/claims/{claim.pk}/dismiss/", {"reason": "Opinion, not a fact"}, **HTMX
    )

    assert message_of(response)["text"] == "Dismissed."
    claim.refresh_from_db()
    assert claim.status == Claim.Status.DISMISSED and claim.dismiss_reason == "Opinion, not a fact"
    assert ReviewEvent.objects.filter(claim=claim, action="dismissed", actor=alice).exists()


def test_the_queue_search_answers_htmx_with_the_results_only(client, alice, claim) -> None:
    client.force_login(alice)

    response = client.get("/desk/", {"q": "Dorvask"}, HTTP_HX_TARGET="queue", **HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="queue">')
    assert f'id="claim-{claim.pk}"' in html
    miss = client.get("/desk/", {"q": "harbour bridge"}, HTTP_HX_TARGET="queue", **HTMX)
    assert f'id="claim-{claim.pk}"' not in miss.content.decode()


def test_a_queue_search_is_counted_to_the_search_cap_like_the_api(
    client, alice, claim, velin, monkeypatch
) -> None:
    from reviews.api import pagination
    from tests.factories import flagged_claim

    flagged_claim("Ostrian troops never entered Dorvask", who=velin, priority=0.5)
    monkeypatch.setattr(pagination, "SEARCH_COUNT_CAP", 1)
    client.force_login(alice)

    searched = client.get("/desk/", {"q": "Dorvask"}, HTTP_HX_TARGET="queue", **HTMX)
    everything = client.get("/desk/", HTTP_HX_TARGET="queue", **HTMX)

    assert "1+ claims matching “Dorvask”" in searched.content.decode()
    assert "2 claims" in everything.content.decode()


def test_the_queue_lists_in_the_same_order_as_the_api(client, alice, claim, velin) -> None:
    from tests.factories import flagged_claim

    low = flagged_claim("the bridge opens in May", who=velin, priority=0.1)
    high = flagged_claim("fares stay the same", who=velin, priority=0.95)
    client.force_login(alice)

    html = client.get("/desk/").content.decode()
    api = client.get("/api/v1/claims/", {"status": "flagged"}).json()["results"]

    positions = [html.index(f'id="claim-{pk}"') for pk in (high.pk, claim.pk, low.pk)]
    assert positions == sorted(positions)
    assert [row["id"] for row in api] == [high.pk, claim.pk, low.pk]


def test_the_queue_page_needs_a_fixed_number_of_queries(
    client, alice, velin, django_assert_max_num_queries
) -> None:
    from tests.factories import flagged_claim

    for n in range(12):
        flagged_claim(f"statement number {n}", who=velin)
    client.force_login(alice)

    with django_assert_max_num_queries(15):
        response = client.get("/desk/")
    assert response.content.decode().count('class="queue-row"') == 12


def test_evidence_is_added_in_place_and_the_checklist_updates(client, alice, review) -> None:
    client.force_login(alice)

    response = client.post(
        f"/desk/reviews/{review.pk}/evidence/",
        {
            "url": "https://mod.example/briefing",
            "title": "Briefing transcript",
            "stance": "refutes",
            "primary_source": "on",
        },
        **HTMX,
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="evidence"')
    assert "Briefing transcript" in html
    assert 'id="missing" hx-swap-oob="true"' in html
    assert "piece of evidence" not in html
    assert message_of(response)["text"] == "Evidence added: Briefing transcript."
    assert Evidence.objects.get(claim=review.claim).primary_source


def test_bad_evidence_keeps_the_input_and_says_what_is_wrong(client, alice, review) -> None:
    client.force_login(alice)

    response = client.post(
        f"/desk/reviews/{review.pk}/evidence/",
        {"url": "not a url", "title": "Kept title", "stance": "refutes"},
        **HTMX,
    )

    html = response.content.decode()
    assert message_of(response)["level"] == "error"
    assert 'value="Kept title"' in html
    assert not Evidence.objects.exists()


def test_evidence_is_removed_in_place(client, alice, review) -> None:
    evidence = add_evidence(review, alice)
    client.force_login(alice)

    response = client.post(f"/desk/reviews/{review.pk}/evidence/{evidence.pk}/remove/", **HTMX)

    assert message_of(response)["text"] == "Evidence removed."
    assert not Evidence.objects.exists()


def test_another_checker_cannot_add_evidence(client, bob, review) -> None:
    client.force_login(bob)

    response = client.post(
        f"/desk/reviews/{review.pk}/evidence/",
        {"url": "https://a.example/", "title": "Mine", "stance": "context"},
        **HTMX,
    )

    assert message_of(response)["level"] == "error"
    assert not Evidence.objects.exists()


def verdict(review: Review, **fields: str) -> dict[str, str]:
    return {
        "version": str(review.version),
        "base_rating": str(review.rating_id or ""),
        "base_summary": review.summary,
        "base_explanation": review.explanation,
        "rating": str(Rating.objects.get(slug="false").pk),
        "summary": "The report says otherwise.",
        "explanation": "",
        **fields,
    }


def test_save_and_submit_moves_the_review_to_the_editors(client, alice, review) -> None:
    add_evidence(review, alice)
    client.force_login(alice)

    response = client.post(
        f"/desk/reviews/{review.pk}/edit/", verdict(review, action="submit"), follow=True
    )

    assert "Submitted. An editor will review your verdict." in response.content.decode()
    review.refresh_from_db()
    assert review.state == Review.State.SUBMITTED and review.summary == "The report says otherwise."


def test_submitting_an_incomplete_review_names_what_is_missing(client, alice, review) -> None:
    client.force_login(alice)

    response = client.post(
        f"/desk/reviews/{review.pk}/edit/", verdict(review, action="submit"), follow=True
    )

    assert "at least one piece of evidence" in response.content.decode()
    assert Review.objects.get(pk=review.pk).state == Review.State.IN_PROGRESS


def test_a_stale_save_says_someone_else_changed_it_and_keeps_the_users_text(
    client, alice, erin, review
) -> None:
    loaded = verdict(review, summary="Alice's words.")
    review_edit(
        review_id=review.pk, actor=erin, expected_version=review.version, summary="Erin's words."
    )
    client.force_login(alice)

    response = client.post(f"/desk/reviews/{review.pk}/edit/", loaded)

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this review while you were editing" in html
    assert "Theirs (erin):</dt> <dd>Erin&#x27;s words.</dd>" in html
    assert "Alice&#x27;s words.</textarea>" in html
    assert Review.objects.get(pk=review.pk).summary == "Erin's words."


def test_a_checker_sees_no_approve_button_and_gets_403_on_its_url(
    client, alice, bob, erin, claim
) -> None:
    review = submitted_review(claim, alice, erin)
    client.force_login(bob)

    page = client.get(f"/desk/reviews/{review.pk}/").content.decode()
    by_get = client.get(f"/desk/reviews/{review.pk}/approve/")
    by_post = client.post(f"/desk/reviews/{review.pk}/approve/")

    assert "Approve and publish" not in page
    assert by_get.status_code == 403 and by_post.status_code == 403
    assert "You can't do that" in by_post.content.decode()
    assert Review.objects.get(pk=review.pk).state == Review.State.SUBMITTED


def test_the_author_editor_is_told_another_editor_must_decide(client, erin, frank, claim) -> None:
    review = submitted_review(claim, erin, frank)
    client.force_login(erin)

    page = client.get(f"/desk/reviews/{review.pk}/").content.decode()
    response = client.post(f"/desk/reviews/{review.pk}/approve/", follow=True)

    assert "Approve and publish" not in page
    assert "another editor must approve or return it" in page
    assert "another editor must approve it" in response.content.decode()
    assert Review.objects.get(pk=review.pk).state == Review.State.SUBMITTED


def test_returning_needs_a_note(client, alice, erin, frank, claim) -> None:
    review = submitted_review(claim, alice, erin)
    client.force_login(frank)

    response = client.post(f"/desk/reviews/{review.pk}/return/", {"note": ""}, follow=True)

    assert "Write a note to return this review." in response.content.decode()
    assert Review.objects.get(pk=review.pk).state == Review.State.SUBMITTED


def test_an_editor_approves_and_is_shown_the_public_address(
    client, alice, erin, frank, claim
) -> None:
    review = submitted_review(claim, alice, erin)
    client.force_login(frank)

    response = client.post(
        f"/desk/reviews/{review.pk}/approve/", {"version": review.version}, follow=True
    )

    review.refresh_from_db()
    assert review.state == Review.State.PUBLISHED and review.approved_by == frank
    assert f"/fact-checks/{review.slug}/" in response.content.decode()


def test_the_editor_sees_what_changed_since_the_return(client, alice, erin, frank, claim) -> None:
    from reviews.services import review_return

    review = submitted_review(claim, alice, erin)
    review = review_return(review_id=review.pk, actor=frank, note="Add the date.")
    review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version,
        summary="The report says otherwise. Dated 26 April.",
    )
    from reviews.services import review_submit

    review_submit(review_id=review.pk, actor=alice)
    client.force_login(frank)

    html = client.get(f"/desk/reviews/{review.pk}/").content.decode()

    assert "Changes since the version returned" in html
    assert "The report says otherwise.<ins> Dated 26 April.</ins>" in html
    assert "<del>" not in html
