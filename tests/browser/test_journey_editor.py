"""Journey 2: an editor returns a verdict, the checker revises it, the editor publishes it."""

import pytest
from playwright.sync_api import expect

from reviews.models import Review
from tests.factories import flagged_claim, speaker, submitted_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_returns_the_checker_revises_and_the_editor_publishes(
    sign_in, shoot, alice, erin
) -> None:
    claim = flagged_claim(
        "reports of Ostrian troops in Dorvask are disinformation",
        who=speaker("Arkady Velin", "press secretary"),
        cue="dismissed",
    )
    review = submitted_review(claim, alice, erin)

    editor = sign_in(erin)
    editor.get_by_role("link", name="Editors' queue").click()
    editor.wait_for_url("**/desk/editor/")
    expect(editor.locator("tbody tr")).to_have_count(1)
    shoot(editor, "journey2-01-editors-queue")
    editor.get_by_role("link", name=claim.text).click()
    editor.wait_for_url(f"**/desk/reviews/{review.pk}/")
    expect(editor.get_by_text("First submission")).to_be_visible()
    editor.get_by_label("What needs to change").fill("Name the briefing's date in the summary.")
    editor.get_by_role("button", name="Return to alice").click()
    expect(editor.locator(".messages")).to_contain_text("Returned to alice with your note.")
    shoot(editor, "journey2-02-returned")
    review.refresh_from_db()
    assert review.state == Review.State.IN_PROGRESS

    checker = sign_in(alice)
    checker.get_by_role("link", name="My reviews").click()
    checker.get_by_role("link", name=claim.text).click()
    expect(checker.locator(".timeline")).to_contain_text("Name the briefing's date in the summary.")
    checker.get_by_label("Summary").fill(
        "On 26 April Russia's own chief of staff confirmed the troops."
    )
    checker.get_by_role("button", name="Save and submit to an editor").click()
    expect(checker.locator(".messages")).to_contain_text("Submitted")
    shoot(checker, "journey2-03-resubmitted")

    editor.goto("/desk/editor/")
    editor.get_by_role("link", name=claim.text).click()
    changes = editor.locator(".decision")
    expect(changes).to_contain_text("Changes since the version returned")
    expect(changes.locator("ins")).to_contain_text("26 April")
    shoot(editor, "journey2-04-diff")
    editor.get_by_role("button", name="Approve and publish").click()
    expect(editor.locator(".messages")).to_contain_text("Approved and published")
    review.refresh_from_db()
    assert review.state == Review.State.PUBLISHED and review.approved_by == erin
    shoot(editor, "journey2-05-approved")

    editor.get_by_role("link", name=f"/fact-checks/{review.slug}/").first.click()
    editor.wait_for_url(f"**/fact-checks/{review.slug}/")
    expect(editor.locator("main")).to_contain_text(claim.text)
    expect(editor.locator("main")).to_contain_text("On 26 April Russia's own chief of staff")
    expect(editor.locator("main")).to_contain_text("False")
    shoot(editor, "journey2-06-public-page")

    editor.goto("/desk/dashboard/")
    expect(editor.locator(".chart svg")).to_have_count(6)
    expect(editor.get_by_role("img", name="Published verdicts by rating")).to_be_visible()
    shoot(editor, "journey2-07-dashboard")
