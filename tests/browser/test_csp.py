"""Every page type runs in Chromium under the CSP with no violation and no console error.

The policy allows only the desk's own scripts and styles; a page that needed
more would show it here as a "Refused to ..." console error or a
securitypolicyviolation event. The fact-check page's JSON-LD block is data,
not script, and must not count as a violation either.
"""

import pytest
from django.contrib.auth.models import AbstractUser
from playwright.sync_api import Browser, ConsoleMessage, Page, Response

from reviews.models import Review
from reviews.roles import ADMIN
from reviews.services import staff_upsert
from tests.conftest import PASSWORD
from tests.hardening.conftest import Desk, desk  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Recorded before any page script runs (an init script is not subject to the page's CSP).
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${where}`);
});
"""


def open_page(browser: Browser, live_server, problems: list[str]) -> Page:
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text}")

    def on_response(response: Response) -> None:
        # Documents are the pages under test, checked by `visit`; this is what they load.
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{response.status}: {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("response", on_response)
    return page


def visit(page: Page, url: str, problems: list[str], ready: str = "body") -> None:
    response = page.goto(url)
    assert response is not None and response.status < 400, url
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"], url
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
    problems += [f"{url}: violation {v}" for v in page.evaluate("window.__violations")]


def sign_in(page: Page, user: AbstractUser, login_url: str = "/login/") -> None:
    page.goto(login_url)
    page.locator("input[name=username]").fill(user.get_username())
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("[type=submit]").click()
    page.wait_for_load_state("networkidle")


def test_public_pages_run_under_the_csp(browser: Browser, live_server, desk: Desk) -> None:  # noqa: F811
    published = Review.objects.filter(state=Review.State.PUBLISHED).first()
    assert published is not None
    problems: list[str] = []
    page = open_page(browser, live_server, problems)

    for url in ["/fact-checks/", f"/fact-checks/{published.slug}/", "/feedback/", "/login/"]:
        visit(page, url, problems)
    ld = page.goto(f"/fact-checks/{published.slug}/")
    assert ld is not None
    assert page.locator('script[type="application/ld+json"]').count() == 1

    assert not problems, "\n".join(problems)


def test_the_desk_runs_under_the_csp(browser: Browser, live_server, desk: Desk) -> None:  # noqa: F811
    review = Review.objects.exclude(state=Review.State.PUBLISHED).first()
    assert review is not None
    problems: list[str] = []
    page = open_page(browser, live_server, problems)
    sign_in(page, desk.editor)

    for url in ["/desk/", f"/desk/claims/{review.claim_id}/", f"/desk/reviews/{review.pk}/",
                "/desk/editor/", "/desk/feedback/", "/desk/feeds/", "/desk/speakers/",
                "/desk/dashboard/"]:  # fmt: skip
        visit(page, url, problems)
    # htmx at work: a filter change swaps the triage list in place.
    page.goto("/desk/")
    page.keyboard.press("?")

    assert not problems, "\n".join(problems)


def test_the_api_docs_run_under_the_csp(browser: Browser, live_server, desk: Desk) -> None:  # noqa: F811
    problems: list[str] = []
    page = open_page(browser, live_server, problems)
    sign_in(page, desk.editor)

    visit(page, "/api/v1/docs/", problems, ready=".swagger-ui .info")

    assert page.locator(".swagger-ui .opblock").count() > 10
    assert not problems, "\n".join(problems)


def test_the_admin_runs_under_the_csp(browser: Browser, live_server, desk: Desk) -> None:  # noqa: F811
    adam = staff_upsert(username="adam", role=ADMIN, password=PASSWORD)[0]
    problems: list[str] = []
    page = open_page(browser, live_server, problems)
    visit(page, "/admin/login/", problems)
    sign_in(page, adam, "/admin/login/")

    for url in ["/admin/", "/admin/claims/claim/", f"/admin/auth/user/{adam.pk}/change/",
                "/admin/claims/feed/add/"]:  # fmt: skip
        visit(page, url, problems)

    assert not problems, "\n".join(problems)
