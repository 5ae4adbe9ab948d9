"""Journey 4: a reader's report becomes a correction only through an editor, with her note.

And journey 5: a report closed with no change leaves the public page untouched.
"""

import time
import uuid

import pytest
from playwright.sync_api import Browser, Page, expect

from reviews.models import Feedback, Review
from reviews.services import review_approve
from tests.factories import flagged_claim, speaker, submitted_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "Date corrected: Velin spoke on 25 April, not 26 April."


@pytest.fixture
def published(alice, erin) -> Review:
    claim = flagged_claim(
        "reports of Ostrian troops in Dorvask are disinformation",
        who=speaker("Arkady Velin", "press secretary"),
        cue="dismissed",
    )
    review = submitted_review(claim, alice, erin)
    return review_approve(review_id=review.pk, actor=erin)


def report_as_reader(browser: Browser, live_server, review: Review, email: str) -> None:
    context = browser.new_context(base_url=live_server.url)
    reader = context.new_page()
    reader.goto(f"/fact-checks/{review.slug}/")
    reader.get_by_role("link", name="Report an error on this page").click()
    reader.get_by_label("What is wrong?").fill("Velin said this on 25 April, not 26 April.")
    reader.get_by_label("Your email").fill(email)
    reader.get_by_label("Email me once").check()
    reader.get_by_role("button", name="Send report").click()
    reader.wait_for_url("**/feedback/thanks/")
    context.close()


def json_ld(page: Page, review: Review) -> str:
    page.goto(f"/fact-checks/{review.slug}/")
    return page.locator("script[type='application/ld+json']").text_content() or ""


def test_a_report_becomes_a_correction_published_with_the_editors_note(
    browser: Browser, live_server, sign_in, shoot, published, alice, erin, celery_worker
) -> None:
    address = f"reader-{uuid.uuid4().hex[:8]}@example.org"
    report_as_reader(browser, live_server, published, address)
    report = Feedback.objects.get(email=address)
    assert Review.objects.get(pk=published.pk).state == "published"

    editor = sign_in(erin)
    editor.get_by_role("link", name="Feedback 1 waiting").click()
    group = editor.locator("section.report-group")
    expect(group).to_contain_text("1 report")
    shoot(editor, "journey4-01-inbox-grouped")
    group.locator(f"#feedback-{report.pk}").get_by_role("button", name="Open a correction").click()
    expect(editor.locator(f"#feedback-{report.pk} .row-status")).to_contain_text(
        "Correction opened"
    )
    assert Review.objects.get(pk=published.pk).is_correction

    checker = sign_in(alice)
    checker.goto(f"/desk/reviews/{published.pk}/")
    checker.get_by_label("Summary").fill("Velin dismissed the reports on 25 April.")
    checker.get_by_role("button", name="Save and submit to an editor").click()
    expect(checker.locator(".messages")).to_contain_text("Submitted")
    shoot(checker, "journey4-02-checker-resubmits")

    editor.goto("/desk/editor/")
    editor.get_by_role("link", name=published.claim.text).first.click()
    editor.get_by_label("Public correction note").fill(NOTE)
    shoot(editor, "journey4-03-editor-writes-the-note")
    editor.get_by_role("button", name="Approve and publish").click()
    expect(editor.locator(".messages")).to_contain_text("Approved and published")

    editor.goto(f"/fact-checks/{published.slug}/")
    expect(editor.locator("section.corrections")).to_contain_text(NOTE)
    expect(editor.locator("main")).to_contain_text("Velin dismissed the reports on 25 April.")
    shoot(editor, "journey4-04-public-page-with-the-note")
    rss = editor.request.get("/fact-checks/feed/").text()
    assert NOTE in rss
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and f"To: {address}" not in celery_worker.log():
        time.sleep(0.2)
    log = celery_worker.log()
    mail = log[log.index(f"To: {address}") :]
    assert NOTE in mail[:3000]
    report.refresh_from_db()
    assert report.status == "resolved" and report.notified_at is not None
    # The worker told the checker on the desk that her correction is out.
    told = alice.notifications.filter(kind="published", event__note=NOTE)
    while time.monotonic() < deadline and not told.exists():
        time.sleep(0.2)
    assert told.count() == 1


def test_a_report_closed_with_no_change_leaves_the_public_page_untouched(
    browser: Browser, live_server, sign_in, shoot, published, erin
) -> None:
    address = f"reader-{uuid.uuid4().hex[:8]}@example.org"
    editor = sign_in(erin)
    before = json_ld(editor, published)
    report_as_reader(browser, live_server, published, address)
    report = Feedback.objects.get(email=address)

    editor.goto("/desk/feedback/")
    row = editor.locator(f"#feedback-{report.pk}")
    row.get_by_label("Reply").fill("The transcript confirms 26 April; no change is needed.")
    row.get_by_role("button", name="Close: no change needed").click()
    expect(editor.locator(f"#feedback-{report.pk} .row-status")).to_contain_text(
        "Closed with no change"
    )
    shoot(editor, "journey5-01-report-closed")

    assert json_ld(editor, published) == before
    review = Review.objects.get(pk=published.pk)
    assert (review.state, review.is_correction, review.versions.count()) == ("published", False, 1)
    report.refresh_from_db()
    assert report.status == "resolved"
