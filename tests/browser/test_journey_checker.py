"""Journey 1: a checker finds a flagged claim, takes it, researches, rates and submits."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import Claim
from reviews.models import Evidence, Review
from tests.factories import flagged_claim, speaker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_checker_finds_takes_researches_rates_and_submits_a_claim(sign_in, shoot, alice) -> None:
    velin = speaker("Arkady Velin", "press secretary")
    mayor = speaker("Mara Oduya", "mayor")
    target = flagged_claim(
        "reports of Ostrian troops in Dorvask are disinformation",
        who=velin,
        cue="dismissed",
        priority=0.7,
    )
    flagged_claim("the harbour bridge will reopen in May", who=mayor, priority=0.9)
    flagged_claim("bus fares will not rise this year", who=mayor, priority=0.8)

    page = sign_in(alice)
    expect(page.locator("tr.queue-row")).to_have_count(3)
    expect(page.locator(".role")).to_have_text("checker")
    shoot(page, "journey1-01-queue")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator("tr.queue-row.is-current")).to_contain_text("bus fares")
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    shoot(page, "journey1-01-queue-shortcuts")
    page.keyboard.press("Escape")

    page.keyboard.press("/")
    expect(page.locator("#q")).to_be_focused()
    page.keyboard.type("Dorvask troops")
    row = page.locator(f"#claim-{target.pk}")
    # The queue follows the typing; wait for the last search, which also updates the address.
    expect(page).to_have_url(re.compile(r"q=Dorvask(%20|\+)troops"))
    expect(page.locator("tr.queue-row")).to_have_count(1)
    expect(row).to_contain_text("Arkady Velin")
    expect(row).to_contain_text("press secretary")
    shoot(page, "journey1-02-search")

    row.get_by_role("button", name="Assign to me").click()
    expect(row.locator(".row-status")).to_have_text("Assigned to you.")
    expect(page.locator("#desk-status")).to_contain_text("Assigned to you.")
    shoot(page, "journey1-03-assigned")
    review = Review.objects.get(claim=target)
    assert review.assignee == alice
    assert Claim.objects.get(pk=target.pk).status == Claim.Status.IN_REVIEW

    row.get_by_role("link", name="open review").click()
    page.wait_for_url(f"**/desk/reviews/{review.pk}/")
    expect(page.locator("#missing")).to_contain_text("Add at least one piece of evidence")

    evidence = page.locator("#evidence")
    for n, (url, title, stance, primary) in enumerate(
        [
            (
                "https://mod.example/briefing-2025-04-26",
                "Marenko briefing transcript",
                "refutes",
                True,
            ),
            (
                "https://kcna.example/statement",
                "KCNA statement on the deployment",
                "context",
                False,
            ),
        ],
        start=1,
    ):
        evidence.get_by_label("Source URL").fill(url)
        evidence.get_by_label("Title").fill(title)
        evidence.get_by_label("Stance").select_option(stance)
        if primary:
            evidence.get_by_label("Primary source").check()
        evidence.get_by_role("button", name="Add evidence").click()
        expect(page.locator("#evidence-list > li")).to_have_count(n)
        expect(page.locator("#evidence .row-status")).to_contain_text(f"Evidence added: {title}")
    expect(page.locator("#missing")).not_to_contain_text("evidence")
    shoot(page, "journey1-04-evidence")

    page.get_by_label("Rating").select_option(label="False")
    page.get_by_label("Summary").fill("Russia's own chief of staff confirmed the troops.")
    page.get_by_label("Explanation").fill(
        "Two days later Oleg Marenko acknowledged Ostrian troops in Dorvask."
    )
    page.get_by_role("button", name="Save and submit to an editor").click()
    expect(page.locator(".messages")).to_contain_text("Submitted")
    expect(page.locator("#review-state")).to_have_text("Submitted")
    shoot(page, "journey1-05-submitted")

    review.refresh_from_db()
    assert review.state == Review.State.SUBMITTED
    assert review.rating.slug == "false"
    assert Evidence.objects.filter(claim=target).count() == 2
    assert Evidence.objects.filter(claim=target, primary_source=True).count() == 1
