"""The Veltria story, ingested article by article: who contradicted whom."""

import pytest

from claims.models import Appearance, Claim, ClaimLink, Speaker
from claims.services.links import claim_suggest_links, claimlink_reject
from claims.services.speakers import speaker_body_chain
from tests.links.conftest import claim_of

pytestmark = pytest.mark.django_db


def links_between(a: Claim, b: Claim) -> list[ClaimLink]:
    return list(
        ClaimLink.objects.filter(from_claim__in=[a, b], to_claim__in=[a, b]).order_by("kind")
    )


def test_the_defence_minister_is_caught_contradicting_herself(story) -> None:
    denial = claim_of("Mira Kessel", "were operating in the Lindau district")
    confirmation = claim_of("Mira Kessel", "had been deployed to the Lindau district")
    [link] = links_between(denial, confirmation)
    assert (link.kind, link.status, link.automatic) == ("contradicts", "suggested", False)
    assert (link.from_claim, link.to_claim) == (confirmation, denial)
    assert link.reasons[0] == "same speaker"
    assert any("confirms" in r and "denies" in r for r in link.reasons)


def test_the_spokesmans_denial_contradicts_the_ministers_confirmation_through_their_government(
    story,
) -> None:
    denial = claim_of("Arvid Solberg", "had crossed into the Ostmark border district")
    confirmation = claim_of("Mira Kessel", "had been deployed to the Lindau district")
    [link] = links_between(denial, confirmation)
    assert link.kind == "contradicts"
    assert link.reasons[0] == "same government: Veltrian government"


def test_a_no_plans_quote_counts_as_a_denial(story) -> None:
    quote = claim_of("Arvid Solberg", "there are no plans to send any")
    confirmation = claim_of("Mira Kessel", "had been deployed to the Lindau district")
    [link] = links_between(quote, confirmation)
    assert link.kind == "contradicts"


def test_the_agriculture_minister_is_never_linked_to_the_troops_story(story) -> None:
    halvorsen = Claim.objects.filter(speaker__name="Petra Halvorsen")
    assert halvorsen.count() == 2
    assert not ClaimLink.objects.filter(from_claim__in=halvorsen).exists()
    assert not ClaimLink.objects.filter(to_claim__in=halvorsen).exists()


def test_only_the_right_pairs_are_contradictions(story) -> None:
    pairs = {
        (link.from_claim.speaker.name, link.to_claim.speaker.name)
        for link in ClaimLink.objects.filter(kind="contradicts").select_related(
            "from_claim__speaker", "to_claim__speaker"
        )
    }
    assert pairs == {("Mira Kessel", "Mira Kessel"), ("Mira Kessel", "Arvid Solberg")}


def test_the_same_quote_in_three_outlets_is_one_claim_with_three_appearances(story) -> None:
    quote = claim_of("Arvid Solberg", "there are no plans to send any")
    appearances = Appearance.objects.filter(claim=quote)
    assert appearances.count() == 3
    assert quote.appearance_count == 3
    outlets = set(appearances.values_list("article__outlet", flat=True))
    assert outlets == {"harbour-courier", "ostmark-daily", "northern-wire"}


def test_a_paraphrase_by_a_fourth_outlet_is_suggested_as_a_duplicate(story) -> None:
    quote = claim_of("Arvid Solberg", "there are no plans to send any")
    paraphrase = claim_of("Arvid Solberg", "had not stationed any troops")
    [link] = links_between(quote, paraphrase)
    assert (link.kind, link.status) == ("duplicate", "suggested")
    assert link.score >= 0.5


def test_speakers_roll_up_to_their_government(story) -> None:
    kessel = Speaker.objects.get(name="Mira Kessel")
    solberg = Speaker.objects.get(name="Arvid Solberg")
    assert [s.name for s in speaker_body_chain(kessel)] == [
        "Veltrian defence ministry",
        "Veltrian government",
    ]
    assert [s.name for s in speaker_body_chain(solberg)] == ["Veltrian government"]


def test_linking_again_changes_nothing(story) -> None:
    # Old claims may first find later ones (candidate search is not symmetric);
    # after that, another pass must add and change nothing.
    for claim in Claim.objects.all():
        claim_suggest_links(claim=claim)
    before = list(ClaimLink.objects.order_by("id").values_list("id", "kind", "score", "status"))
    for claim in Claim.objects.all():
        claim_suggest_links(claim=claim)
    after = list(ClaimLink.objects.order_by("id").values_list("id", "kind", "score", "status"))
    assert after == before


def test_a_person_s_decision_survives_relinking(story, erin) -> None:
    link = ClaimLink.objects.filter(kind="contradicts").first()
    assert link is not None
    claimlink_reject(link=link, actor=erin)
    claim_suggest_links(claim=link.from_claim)
    link.refresh_from_db()
    assert link.status == "rejected"
