"""What the triage page and the claims list cost does not grow with the external matches
stored: a row shows its claim's best match, read with every other row's in one query."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from claims.external_models import ExternalFactCheck, ExternalMatch
from claims.models import Claim
from desk.triage import claims_with_rows
from tests.factories import flagged_claim, speaker

pytestmark = pytest.mark.django_db

PAGES = ["/desk/", "/api/v1/claims/"]


def checks(count: int, start: int = 0) -> list[ExternalFactCheck]:
    return ExternalFactCheck.objects.bulk_create(
        ExternalFactCheck(
            url=f"https://meridian-factwatch.example/checks/{n}",
            publisher="Meridian FactWatch",
            claim_reviewed=f"Ferry fares in Veltria rose by {n} percent.",
            claimant="Jonas Petrov",
            rating_text="Half true",
            rating_value=0.5,
            language="en",
            fingerprint=f"meridian-{n}",
        )
        for n in range(start, start + count)
    )


def claims(count: int, start: int = 0) -> list[Claim]:
    petrov = speaker("Jonas Petrov", "Transport Minister")
    return [
        flagged_claim(f"ferry fares in Veltria rose by {n} percent", who=petrov)
        for n in range(start, start + count)
    ]


def match(claim: Claim, check: ExternalFactCheck, score: float) -> ExternalMatch:
    return ExternalMatch.objects.create(
        claim=claim, fact_check=check, score=score, reasons=["words: ferry, fares"]
    )


def queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_queries_stay_the_same_however_many_matches_and_rows(erin: User) -> None:
    client = Client()
    client.force_login(erin)
    (first,) = claims(1)
    match(first, checks(1)[0], 0.8)
    client.get("/desk/")  # the session and permission caches, as for any later request
    few = {path: queries(client, path) for path in PAGES}

    # A full page of rows, each with a dozen stored matches.
    stored = checks(12, start=1)
    for claim in [first, *claims(29, start=1)]:
        for n, check in enumerate(stored):
            match(claim, check, 0.4 + n / 100)
    many = {path: queries(client, path) for path in PAGES}

    assert ExternalMatch.objects.count() == 1 + 30 * 12
    assert many == few


def test_a_row_shows_its_claims_best_match_only(alice: User) -> None:
    (claim,) = claims(1)
    weaker, best, middling = checks(3)
    match(claim, weaker, 0.45)
    match(claim, best, 0.91)
    match(claim, middling, 0.6)
    client = Client()
    client.force_login(alice)

    page = client.get("/desk/").content.decode()

    assert page.count("Checked by Meridian FactWatch") == 1
    assert f'data-external="{best.pk}"' in page
    assert "match 0.91" in page


def test_the_rows_read_one_match_per_claim_however_many_were_found() -> None:
    stored = checks(12)
    rows = claims(3)
    for claim in rows:
        for n, check in enumerate(stored):
            match(claim, check, 0.4 + n / 100)

    # `external_found` is the prefetch's `to_attr`, which the row context reads.
    rows_read = claims_with_rows()
    found = {claim.pk: claim.external_found for claim in rows_read}  # type: ignore[attr-defined]

    assert {pk: [m.fact_check_id for m in matches] for pk, matches in found.items()} == {
        claim.pk: [stored[-1].pk] for claim in rows
    }
