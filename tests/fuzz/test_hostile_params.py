"""Every route, every query parameter and every path id, fed what attackers send.

NUL bytes, digits `int()` cannot read ("²" passes `str.isdigit()`), numbers no
database column holds, floats in exponent form, time-zone offsets past ±24 h:
none of them may cost a server error, anonymous or signed in, on the public
pages, the desk, the admin or the API. Under /api/ every refusal is JSON with a
`detail`, never an HTML page.
"""

import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from claims.models import Article, Claim, Feed, Speaker
from reviews.models import Feedback, Review
from reviews.roles import ADMIN
from reviews.services import staff_upsert
from tests.fuzz.conftest import Desk

pytestmark = pytest.mark.django_db

HOSTILE = [
    "a\x00b",
    "1²",
    "\u202e\x1b",
    "353470207377354129408",
    "-9223372036854775809",
    "-5.2e+210",
    "1e400",
    "0",
    "2025-01-01T00:00:00+20:23",
    "0001-01-01T00:00:00+14:00",
    "x" * 3000,
]
# Path segments: anything a URL can carry in one segment.
HOSTILE_IDS = ["²", "\x00", "353470207377354129408", "-1"]

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
# Query parameters each page reads (longest matching prefix); the API's come from
# its OpenAPI schema. Any page also gets `page` and a search `q`.
PAGE_PARAMS = {
    "/fact-checks/": ["q", "rating", "speaker", "page"],
    "/feedback/": ["url", "passage"],
    "/desk/": ["status", "official", "speaker", "outlet", "seen_after", "seen_before", "q",
               "ordering", "page"],
    "/desk/speakers/": ["q", "official", "page"],
    "/desk/feedback/": ["show", "page"],
    "/desk/claims/": ["appearance"],
}  # fmt: skip


def page_params(url: str) -> list[str]:
    prefix = max((p for p in PAGE_PARAMS if url.startswith(p)), key=len, default="")
    return sorted({*PAGE_PARAMS.get(prefix, []), "page", "q"})


def routes(resolver: URLResolver | None = None, prefix: str = "/") -> Iterator[str]:
    """Every URL pattern as a template with `{name}` for each path parameter."""
    for entry in (resolver or get_resolver()).url_patterns:
        text = str(entry.pattern)
        text = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", text)
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", text)
        text = text.lstrip("^").removesuffix("$").removesuffix(r"\Z").replace("\\", "")
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + text)
        elif isinstance(entry, URLPattern):
            yield prefix + text


def _fill(template: str, value: str) -> str:
    return re.sub(r"\{\w+\}", quote(value, safe=""), template)


def _schema_params(client: Client) -> dict[str, list[str]]:
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    return {
        path: [p["name"] for op in ops.values() for p in op.get("parameters", [])
               if p["in"] == "query"]
        for path, ops in schema.json()["paths"].items()
    }  # fmt: skip


def _real_urls() -> dict[str, str]:
    """A concrete URL for each detail page and endpoint (→ its route template),
    so query strings reach real objects."""
    claim = Claim.objects.order_by("pk").first()
    review = Review.objects.exclude(state=Review.State.PUBLISHED).first()
    published = Review.objects.filter(state=Review.State.PUBLISHED).first()
    speaker, feed = Speaker.objects.first(), Feed.objects.first()
    article = Article.objects.first()
    assert claim and review and published and speaker and feed and article
    return {
        f"/desk/claims/{claim.pk}/": "",
        f"/desk/reviews/{review.pk}/": "",
        f"/desk/speakers/{speaker.pk}/": "",
        f"/fact-checks/{published.slug}/": "",
        f"/api/v1/claims/{claim.pk}/": "/api/v1/claims/{id}/",
        f"/api/v1/reviews/{review.pk}/": "/api/v1/reviews/{id}/",
        f"/api/v1/reviews/{review.pk}/events/": "/api/v1/reviews/{id}/events/",
        f"/api/v1/articles/{article.pk}/": "/api/v1/articles/{id}/",
        f"/api/v1/feeds/{feed.pk}/": "/api/v1/feeds/{id}/",
    }


def problem(response, url: str) -> str | None:
    """What is wrong with the answer, if anything."""
    if response.status_code >= 500:
        return f"{response.status_code} {url}"
    if url.startswith("/api/") and response.status_code >= 400:
        if not response.get("Content-Type", "").startswith("application/json"):
            return f"{response.status_code} not JSON {url}"
        if "detail" not in response.json():
            return f"{response.status_code} no detail {url}"
    return None


def client_as(user: User | None) -> Client:
    # What a browser sends: an API error must stay JSON even then.
    client = Client(raise_request_exception=False, headers={"accept": BROWSER_ACCEPT})
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def adam(desk: Desk) -> User:
    return staff_upsert(username="adam-fuzz", role=ADMIN, password="Plum-Orbit-7731")[0]


@pytest.mark.parametrize("role", ["anonymous", "checker", "editor", "admin"])
def test_no_path_id_costs_a_server_error(desk: Desk, adam: User, role: str) -> None:
    user = {"anonymous": None, "checker": desk.checker, "editor": desk.editor, "admin": adam}
    client = client_as(user[role])
    failures = []
    for template in routes():
        if "{" not in template or (template.startswith("/admin/") and role != "admin"):
            continue
        for value in HOSTILE_IDS:
            url = _fill(template, value)
            for method in ("get", "post", "patch", "delete"):
                response = getattr(client, method)(url, content_type="application/json")
                if failure := problem(response, url):
                    failures.append(f"{method.upper()} {failure}")

    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_no_query_parameter_costs_a_server_error(desk: Desk, role: str) -> None:
    client = client_as(desk.editor if role == "editor" else None)
    schema = _schema_params(client_as(desk.editor))
    # /healthz reads no parameters and waits on the workers; the admin is Django's own.
    skip = ("/admin/", "/healthz")
    targets = {t: page_params(t) for t in routes() if "{" not in t and not t.startswith(skip)}
    for path, names in schema.items():
        if "{" not in path:
            targets[path] = sorted(set(names) | {"page", "page_size"})
    for url, template in _real_urls().items():
        targets[url] = sorted({*schema.get(template, []), "page"}) if template else page_params(url)
    # The schema is rebuilt on every request (a second each); its own parameters only.
    targets["/api/v1/schema/"] = targets["/api/v1/docs/"] = ["format", "lang", "script"]
    failures = []
    for url, names in targets.items():
        for name in names:
            for value in HOSTILE:
                response = client.get(url, {name: value})
                if failure := problem(response, f"{url}?{name}={quote(value[:40])}"):
                    failures.append(failure)

    assert not failures, "\n".join(failures)


def test_a_nul_in_any_review_field_is_refused(desk: Desk) -> None:
    review = Review.objects.filter(assignee=desk.checker).exclude(state="published").first()
    assert review is not None
    client = client_as(desk.checker)
    before = (review.summary, review.explanation, review.version)
    failures = []
    for field in ("summary", "explanation", "rating"):
        response = client.patch(
            f"/api/v1/reviews/{review.pk}/",
            {field: "bad\x00value"},
            content_type="application/json",
            HTTP_IF_MATCH=review.etag,
        )
        if response.status_code != 400:
            failures.append(f"{field}: {response.status_code}")

    assert not failures, failures
    review.refresh_from_db()
    assert (review.summary, review.explanation, review.version) == before


def test_a_nul_in_reader_feedback_is_refused(desk: Desk) -> None:
    client = client_as(None)
    for field in ("url", "passage", "message", "email"):
        body = {
            "url": "https://desk.example/fact-checks/x/",
            "category": "factual_error",
            "message": "The date is wrong.",
            field: "bad\x00value",
        }

        response = client.post("/api/v1/feedback/", body, content_type="application/json")

        assert response.status_code == 400, (field, response.content)
    assert not Feedback.objects.filter(message__contains="bad").exists()
