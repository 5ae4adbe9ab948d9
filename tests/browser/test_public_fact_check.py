"""A reader opens a published fact-check: it reads like a publication, in the wording
the checker gave it, and leads to how the desk rates claims."""

import pytest
from playwright.sync_api import Browser, expect

from reviews.models import Rating
from reviews.services import review_approve, review_edit, review_return, review_submit
from tests.factories import flagged_claim, speaker, submitted_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATEMENT = "Press secretary Arkady Velin denied that Ostrian troops fought in Dorvask."
HEADLINE = "Velin denied Ostrian troops fought in Dorvask"


def test_a_reader_sees_the_checkers_wording_and_the_ratings_page(
    browser: Browser, live_server, shoot, alice, erin
) -> None:
    claim = flagged_claim(
        "reports of Ostrian troops in Dorvask are disinformation",
        who=speaker("Arkady Velin", "press secretary"),
        cue="dismissed",
    )
    review = submitted_review(claim, alice, erin)
    # Returned for a better wording: the checker names the speaker and keeps the denial.
    review_return(review_id=review.pk, actor=erin, note="Say who denied what.")
    review = review_edit(
        review_id=review.pk,
        actor=alice,
        expected_version=review.version + 1,
        statement=STATEMENT,
        headline=HEADLINE,
        rating=Rating.objects.get(slug="false"),
    )
    review_submit(review_id=review.pk, actor=alice)
    review = review_approve(review_id=review.pk, actor=erin)

    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"/fact-checks/{review.slug}/")

    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(page.locator("blockquote.claim-quote p")).to_have_text(STATEMENT)
    expect(page.locator(".reported")).to_contain_text("reports of Ostrian troops in Dorvask")
    expect(page.locator(".byline")).to_have_text("By alice. Edited by erin.")
    expect(page.locator(".verdict").first).to_have_text("False")
    expect(page.locator(".rating-description")).to_have_text("Not accurate.")
    expect(page.locator("meta[property='og:title']")).to_have_attribute("content", HEADLINE)
    assert page.title().startswith(HEADLINE)
    shoot(page, "public-fact-check-phone")

    page.get_by_role("link", name="How we rate claims").click()
    page.wait_for_url("**/fact-checks/ratings/")
    expect(page.get_by_role("heading", level=1)).to_have_text("How we rate claims")
    expect(page.locator("dl.ratings")).to_contain_text("Mostly false")
    shoot(page, "public-ratings-phone")
    context.close()
