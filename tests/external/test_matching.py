"""A new claim is compared with other publishers' fact-checks as with the desk's own."""

import pytest

from claims.external_models import ExternalFactCheck, ExternalMatch
from claims.models import Article, Claim
from claims.services.external_matches import (
    claim_match_external,
    external_checks_match_claims,
    external_hits,
    same_person,
)
from tests.factories import flagged_claim, speaker

pytestmark = pytest.mark.django_db


def _external(
    claim: str, *, url: str, claimant: str = "", language: str = "en"
) -> ExternalFactCheck:
    return ExternalFactCheck.objects.create(
        url=url,
        publisher="Harbor Truth Desk",
        claim_reviewed=claim,
        claimant=claimant,
        rating_text="Mostly False",
        rating_value=0.2,
        language=language,
        fingerprint=url,
    )


def test_a_claim_is_matched_to_a_fact_check_of_the_same_statement() -> None:
    checked = _external(
        "Unemployment in Veltria fell by half in 2025.",
        url="https://harbortruth.example/checks/unemployment",
        claimant="Alma Reyes",
    )
    _external("Ferry fares to Osterholm have tripled.", url="https://harbortruth.example/ferries")
    reyes = speaker("Alma Reyes", "Governor")
    claim = flagged_claim("unemployment in Veltria fell by half in 2025", who=reyes)

    matches = claim_match_external(claim_id=claim.pk)

    assert [m.fact_check_id for m in matches] == [checked.pk]
    stored = ExternalMatch.objects.get(claim=claim)
    assert stored.score >= 0.9
    assert "same speaker: Alma Reyes" in stored.reasons
    assert any(reason.startswith("shared names: ") for reason in stored.reasons)


def test_matching_again_stores_nothing_twice() -> None:
    _external("Unemployment in Veltria fell by half in 2025.", url="https://h.example/u")
    claim = flagged_claim("unemployment in Veltria fell by half", who=speaker("Alma Reyes"))

    claim_match_external(claim_id=claim.pk)
    claim_match_external(claim_id=claim.pk)

    assert ExternalMatch.objects.filter(claim=claim).count() == 1


def test_a_fact_check_in_another_language_is_not_matched() -> None:
    _external(
        "Unemployment in Veltria fell by half in 2025.", url="https://h.example/es", language="es"
    )
    claim = flagged_claim("unemployment in Veltria fell by half in 2025", who=speaker("Alma Reyes"))
    Article.objects.filter(appearances__claim=claim).update(language="en")

    assert claim_match_external(claim_id=claim.pk) == []


def test_a_fact_check_in_the_claims_own_language_is_matched() -> None:
    _external(
        "La inflación en Puerto Claro bajó al 3% en octubre.",
        url="https://veritasnorte.example/inflacion",
        language="es",
    )
    claim = flagged_claim(
        "la inflación en Puerto Claro bajó al 3% en octubre", who=speaker("Rodrigo Salas")
    )
    Article.objects.filter(appearances__claim=claim).update(language="es")

    assert len(claim_match_external(claim_id=claim.pk)) == 1


def test_different_figures_weigh_against_a_match() -> None:
    _external("The port created 5,000 jobs last year.", url="https://h.example/jobs")

    same = external_hits(text="The port created 5,000 jobs last year", threshold=0)
    other = external_hits(text="The port created 9,000 jobs last year", threshold=0)

    assert same[0].similarity.score > other[0].similarity.score
    assert any(r.startswith("numbers differ") for r in other[0].similarity.reasons)


def test_unrelated_claims_match_nothing() -> None:
    _external("Unemployment in Veltria fell by half in 2025.", url="https://h.example/u")
    claim = flagged_claim("the new ferry terminal will open in March", who=speaker("Lena Vos"))

    assert claim_match_external(claim_id=claim.pk) == []


def test_names_are_the_same_person_by_full_name_or_surname_and_initial() -> None:
    assert same_person("Alma Reyes", "alma reyes")
    assert same_person("Alma Reyes", "A. Reyes")
    assert same_person("Reyes", "Governor Alma Reyes")
    assert not same_person("Alma Reyes", "Tomas Reyes")
    assert not same_person("Alma Reyes", "Alma Brandt")


def test_a_fact_check_published_after_the_claim_is_matched_to_it_when_imported() -> None:
    open_claim = flagged_claim(
        "unemployment in Veltria fell by half in 2025", who=speaker("Alma Reyes")
    )
    dismissed = flagged_claim(
        "unemployment in Veltria fell by half last year", who=speaker("Tomas Brandt")
    )
    Claim.objects.filter(pk=dismissed.pk).update(status="dismissed", dismiss_reason="old")
    later = _external(
        "Unemployment in Veltria fell by half in 2025.",
        url="https://h.example/later",
        claimant="Alma Reyes",
    )

    stored = external_checks_match_claims(fact_check_ids=[later.pk])
    again = external_checks_match_claims(fact_check_ids=[later.pk])

    assert (stored, again) == (1, 0)
    match = ExternalMatch.objects.get()
    assert (match.claim_id, match.fact_check_id) == (open_claim.pk, later.pk)
    assert "same speaker: Alma Reyes" in match.reasons
