"""Headless Chromium (Debian's, never a downloaded one) against a live server."""

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page

from tests.conftest import PASSWORD

# Playwright's sync API keeps an event loop in this thread for the rest of the
# session; the ORM calls in test bodies are still synchronous and safe here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _private_cache(settings) -> None:
    """Sign-in lockouts and throttles counted per test, apart from other runs."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"browser-{uuid.uuid4()}",
        }
    }


@pytest.fixture
def shoot(artifacts_dir: Path, request: pytest.FixtureRequest) -> Callable[[Page, str], Path]:
    """Keep a full-page screenshot as a test artifact: test-artifacts/<prefix>-<name>.png."""

    def take(page: Page, name: str) -> Path:
        path = artifacts_dir / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def sign_in(browser: Browser, live_server) -> Iterator[Callable[[User], Page]]:
    """A fresh browser session per person, signed in through the login form."""
    contexts = []

    def open_as(user: User, *, width: int = 1280) -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, base_url=live_server.url
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.goto("/login/")
        page.get_by_label("Username").fill(user.get_username())
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/desk/")
        return page

    yield open_as
    for context in contexts:
        context.close()
