"""What the browser must refuse or warn about: approval by a checker, stale edits."""

import pytest
from playwright.sync_api import expect

from reviews.models import Rating, Review
from reviews.services import review_edit
from tests.factories import flagged_claim, speaker, submitted_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def claim(db):
    return flagged_claim(
        "reports of Ostrian troops in Dorvask are disinformation",
        who=speaker("Arkady Velin", "press secretary"),
        cue="dismissed",
    )


def test_a_checker_sees_no_approve_button_and_cannot_reach_its_url(
    sign_in, shoot, claim, alice, bob, erin
) -> None:
    review = submitted_review(claim, alice, erin)
    page = sign_in(bob)

    page.goto(f"/desk/reviews/{review.pk}/")
    expect(page.locator("#review-state")).to_have_text("Submitted")
    expect(page.get_by_role("button", name="Approve and publish")).to_have_count(0)
    expect(page.get_by_role("button", name="Return to alice")).to_have_count(0)

    response = page.goto(f"/desk/reviews/{review.pk}/approve/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", name="You can't do that")).to_be_visible()
    shoot(page, "guards-01-checker-approve-403")
    posted = page.request.post(
        f"/desk/reviews/{review.pk}/approve/", headers={"X-CSRFToken": _csrf(page)}
    )
    assert posted.status == 403
    assert Review.objects.get(pk=review.pk).state == Review.State.SUBMITTED


def _csrf(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")


def test_a_stale_edit_shows_who_changed_what_and_keeps_the_users_text(
    sign_in, shoot, claim, alice, erin
) -> None:
    from reviews.services import claim_assign

    review = claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)[0]
    page = sign_in(alice)
    page.goto(f"/desk/reviews/{review.pk}/")
    page.get_by_label("Summary").fill("My careful summary.")

    # Meanwhile an editor saves a different verdict.
    review_edit(
        review_id=review.pk,
        actor=erin,
        expected_version=review.version,
        rating=Rating.objects.get(slug="mostly-false"),
        summary="The editor's summary.",
    )
    page.get_by_role("button", name="Save", exact=True).click()

    conflict = page.get_by_role("alert").filter(has_text="Someone else changed this review")
    expect(conflict).to_be_visible()
    # Only the summary clashes; the editor's rating is kept, and named.
    expect(conflict).to_contain_text("erin also changed the rating; that change is kept.")
    expect(conflict.locator("dl.clash")).to_contain_text("Theirs (erin): The editor's summary.")
    expect(conflict.locator("dl.clash")).to_contain_text("Yours: My careful summary.")
    expect(page.get_by_label("Summary")).to_have_value("My careful summary.")
    shoot(page, "guards-02-conflict")
    assert Review.objects.get(pk=review.pk).summary == "The editor's summary."

    # Saving again, having seen their change, keeps my summary and their rating.
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Saved")
    saved = Review.objects.get(pk=review.pk)
    assert (saved.summary, saved.rating.slug) == ("My careful summary.", "mostly-false")


def test_the_queue_works_at_phone_width(sign_in, shoot, claim, alice) -> None:
    page = sign_in(alice, width=390)

    row = page.locator(f"#claim-{claim.pk}")
    expect(row).to_contain_text("Arkady Velin")
    row.get_by_role("button", name="Assign to me").click()
    expect(row.locator(".row-status")).to_have_text("Assigned to you.")
    shoot(page, "guards-03-queue-phone")
