"""Every page type carries the headers a security review expects, and the pages
themselves carry nothing the CSP would have to allow: no inline script, no
inline style, no event-handler attributes."""

import re

import pytest
from django.test import Client

from reviews.models import Review
from reviews.roles import ADMIN
from reviews.services import staff_upsert
from tests.hardening.conftest import Desk

pytestmark = pytest.mark.django_db

PUBLIC = ["/fact-checks/", "/fact-checks/feed/", "/feedback/", "/login/", "/no-such-page/",
          "/admin/login/"]  # fmt: skip
DESK = ["/desk/", "/desk/editor/", "/desk/feedback/", "/desk/feeds/", "/desk/speakers/",
        "/desk/dashboard/", "/desk/reviews/"]  # fmt: skip
API = ["/api/v1/claims/", "/api/v1/docs/", "/api/v1/docs/?script", "/api/v1/schema/",
       "/api/v1/no-such-endpoint/"]  # fmt: skip
ADMIN_PAGES = ["/admin/", "/admin/claims/claim/", "/admin/reviews/review/"]


def page_urls(desk: Desk) -> list[str]:
    """Staff pages; the public ones are fetched anonymously (see `pages`)."""
    review = Review.objects.exclude(state=Review.State.PUBLISHED).first()
    assert review
    return [
        *DESK,
        f"/desk/claims/{review.claim_id}/",
        f"/desk/reviews/{review.pk}/",
        *API,
        *ADMIN_PAGES,
    ]


def public_urls() -> list[str]:
    published = Review.objects.filter(state=Review.State.PUBLISHED).first()
    assert published
    return [*PUBLIC, f"/fact-checks/{published.slug}/"]


@pytest.fixture
def pages(desk: Desk) -> list[tuple[Client, str]]:
    """Every page type, each as its audience sees it: readers anonymous, staff as an admin."""
    adam = staff_upsert(username="adam-headers", role=ADMIN, password="Plum-Orbit-7731")[0]
    staff = Client()
    staff.force_login(adam)
    staff_pages = [*page_urls(desk), f"/admin/auth/user/{adam.pk}/change/"]
    return [(Client(), url) for url in public_urls()] + [(staff, url) for url in staff_pages]


def csp_directives(header: str) -> dict[str, list[str]]:
    return {
        name: sources
        for name, *sources in (part.split() for part in header.split(";") if part.strip())
    }


def test_every_page_type_sends_the_security_headers(pages: list[tuple[Client, str]]) -> None:
    for client, url in pages:
        response = client.get(url)
        assert response.status_code in (200, 404), url

        csp = csp_directives(response["Content-Security-Policy"])
        assert csp["script-src"] == ["'self'"], url
        assert csp["style-src"] == ["'self'"], url
        assert csp["frame-ancestors"] == ["'none'"], url
        assert csp["object-src"] == ["'none'"], url
        assert csp["base-uri"] == ["'none'"], url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["X-Frame-Options"] == "DENY", url
        assert "camera=()" in response["Permissions-Policy"], url
        assert "geolocation=()" in response["Permissions-Policy"], url


def test_anonymous_refusals_carry_the_headers_too(desk: Desk) -> None:
    for url in ["/desk/", "/api/v1/claims/", "/fact-checks/?q=%00", "/admin/"]:
        response = Client().get(url)

        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
JS_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.I)


def test_no_page_carries_inline_script_or_style(pages: list[tuple[Client, str]]) -> None:
    offending = []
    for client, url in pages:
        response = client.get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        for name, pattern in [
            ("inline script", INLINE_SCRIPT),
            ("inline style", INLINE_STYLE),
            ("event handler", HANDLER),
            ("javascript: URL", JS_URL),
        ]:
            offending += [f"{url}: {name}: {m.group(0)}" for m in pattern.finditer(html)]

    assert not offending, "\n".join(offending)
