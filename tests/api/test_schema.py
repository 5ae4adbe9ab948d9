"""The OpenAPI schema describes every endpoint of the review API, without warnings."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/v1/claims/": {"get"},
    "/api/v1/claims/{id}/": {"get"},
    "/api/v1/claims/{id}/assign/": {"post"},
    "/api/v1/claims/{id}/dismiss/": {"post"},
    "/api/v1/claims/{id}/evidence/": {"post"},
    "/api/v1/claims/{id}/evidence/{evidence_id}/": {"delete"},
    "/api/v1/claims/{id}/external-checks/{fact_check_id}/attach/": {"post"},
    "/api/v1/claims/{id}/external-checks/{fact_check_id}/dismiss/": {"post"},
    "/api/v1/ratings/": {"get"},
    "/api/v1/reviews/": {"get"},
    "/api/v1/reviews/{id}/": {"get", "patch"},
    "/api/v1/reviews/{id}/start/": {"post"},
    "/api/v1/reviews/{id}/submit/": {"post"},
    "/api/v1/reviews/{id}/approve/": {"post"},
    "/api/v1/reviews/{id}/return/": {"post"},
    "/api/v1/reviews/{id}/correct/": {"post"},
    "/api/v1/reviews/{id}/events/": {"get"},
    "/api/v1/reviews/{id}/versions/": {"get"},
    "/api/v1/auth/token/": {"post"},
}


def test_the_schema_lists_every_review_endpoint(api) -> None:
    response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path, methods in ENDPOINTS.items():
        assert path in paths, path
        assert methods <= set(paths[path]), path
        for method in methods:
            assert paths[path][method].get("summary") or paths[path][method].get("description")
    triage = paths["/api/v1/claims/"]["get"]
    ordering = next(p for p in triage["parameters"] if p["name"] == "ordering")
    assert "recency" in ordering["schema"]["enum"]


def test_the_docs_are_served(api) -> None:
    assert api.get("/api/v1/docs/").status_code == 200


def test_the_schema_generates_without_warnings(tmp_path) -> None:
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )
