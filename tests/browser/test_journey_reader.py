"""Journey 3: a reader reports an error on a fact-check; an editor finds it routed."""

import pytest
from playwright.sync_api import Browser, expect

from reviews.models import Feedback, Review
from reviews.services import review_approve
from tests.factories import flagged_claim, speaker, submitted_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_readers_error_report_lands_routed_in_the_editors_inbox(
    browser: Browser, live_server, sign_in, shoot, alice, erin, frank
) -> None:
    claim = flagged_claim(
        "reports of Ostrian troops in Dorvask are disinformation",
        who=speaker("Arkady Velin", "press secretary"),
        cue="dismissed",
    )
    review = submitted_review(claim, alice, erin)
    review = review_approve(review_id=review.pk, actor=erin)

    reader_context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}
    )
    reader = reader_context.new_page()
    reader.goto(f"/fact-checks/{review.slug}/")
    expect(reader.locator("main")).to_contain_text(claim.text)
    shoot(reader, "journey3-01-fact-check-phone")
    reader.get_by_role("link", name="Report an error on this page").click()
    reader.wait_for_url("**/feedback/**")
    reader.get_by_label("The passage you mean").fill(
        "Russia's own chief of staff confirmed the troops"
    )
    reader.get_by_label("What is wrong?").fill("The briefing was on 25 April, not 26 April.")
    shoot(reader, "journey3-02-report-form-phone")
    reader.get_by_role("button", name="Send report").click()
    reader.wait_for_url("**/feedback/thanks/")
    shoot(reader, "journey3-03-thanks-phone")
    reader_context.close()

    report = Feedback.objects.get()
    assert report.status == Feedback.Status.ROUTED and report.review_id == review.pk

    editor = sign_in(erin)
    expect(editor.get_by_role("link", name="Feedback 1 waiting")).to_be_visible()
    editor.get_by_role("link", name="Feedback 1 waiting").click()
    row = editor.locator(f"#feedback-{report.pk}")
    expect(row).to_contain_text("Factual error")
    expect(row).to_contain_text("The briefing was on 25 April")
    expect(row.get_by_role("link", name=f"review {review.pk}")).to_be_visible()
    shoot(editor, "journey3-04-inbox")

    row.get_by_role("button", name="Resolve").click()
    expect(row.locator(".row-status")).to_have_text("Resolved.")
    report.refresh_from_db()
    assert report.status == Feedback.Status.RESOLVED
    # Only an editor's decision changes a fact-check; resolving the report changed nothing.
    assert Review.objects.filter(pk=review.pk, state="published", is_correction=False).exists()
