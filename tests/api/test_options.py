"""OPTIONS on every API route describes it or refuses with a JSON `detail`, never a 500."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


DOCS = {"/api/v1/schema/", "/api/v1/docs/"}


def api_paths(patterns: list, prefix: str = "/") -> list[str]:
    """Every endpoint under /api/v1/ but the schema and its docs, path ids filled with 1."""
    paths = []
    for entry in patterns:
        text = prefix + re.sub(r"<\w+:\w+>", "1", str(entry.pattern))
        if isinstance(entry, URLResolver):
            paths += api_paths(entry.url_patterns, text)
        elif isinstance(entry, URLPattern) and text.startswith("/api/v1/") and text not in DOCS:
            paths.append(text)
    return paths


def test_every_api_route_answers_options_signed_in_or_not(api, erin: User) -> None:
    paths = api_paths(get_resolver().url_patterns)
    assert "/api/v1/auth/token/" in paths
    for client in (api, client_for(erin)):
        client.raise_request_exception = False
        for path in paths:
            response = client.options(path)
            assert response.status_code < 500, (path, response.content)
            assert response["Content-Type"].startswith("application/json"), path
            if response.status_code >= 400:
                assert response.json()["detail"], path
