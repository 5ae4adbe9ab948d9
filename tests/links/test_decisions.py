"""Thresholds, people's decisions on links, their audit trail and precision per band."""

import pytest

from claims.models import ClaimLink
from claims.services.links import (
    claim_suggest_links,
    claimlink_confirm,
    claimlink_reject,
    link_precision_by_band,
)
from claims.services.speakers import speaker_set_body
from factcheck.errors import Conflict, InvalidInput, NotAllowed
from reviews.models import ReviewEvent
from tests.links.conftest import said

pytestmark = pytest.mark.django_db

LONG = (
    "the harbour authority raised ferry fares by 12% for the winter season on the northern routes"
)


def test_an_identical_long_statement_by_another_speaker_is_linked_automatically(person) -> None:
    first = said(person("Ines Ortega"), LONG)
    second = said(person("Tomas Berg"), LONG)
    [link] = claim_suggest_links(claim=second)
    assert (link.kind, link.status, link.automatic) == ("duplicate", "confirmed", True)
    event = ReviewEvent.objects.get(claim=second, action="link_auto_confirmed")
    assert event.changes["link"] == link.pk
    assert link.to_claim == first


def test_a_short_statement_is_only_ever_suggested(person) -> None:
    said(person("Ines Ortega"), "Fares rose in Brenna")
    second = said(person("Tomas Berg"), "Fares rose in Brenna")
    [link] = claim_suggest_links(claim=second)
    assert (link.status, link.automatic) == ("suggested", False)


def test_an_unrelated_statement_is_not_linked(person) -> None:
    said(person("Ines Ortega"), LONG)
    other = said(person("Tomas Berg"), "the new library in Brenna will open its doors in March")
    assert claim_suggest_links(claim=other) == []


def test_a_contradiction_is_never_automatic_however_close(person) -> None:
    government = person("Veltrian government")
    said(person("Ines Ortega", government), LONG, stance="denies", cue="denied")
    second = said(person("Tomas Berg", government), LONG, stance="confirms", cue="confirmed")
    [link] = claim_suggest_links(claim=second)
    assert (link.kind, link.status, link.automatic) == ("contradicts", "suggested", False)


def test_opposite_stances_from_two_governments_are_related_not_contradictory(person) -> None:
    said(person("Ines Ortega", person("Veltrian government")), LONG, stance="denies", cue="denied")
    other = person("Lars Holm", person("Ostmark government"))
    [link] = claim_suggest_links(claim=said(other, LONG, stance="confirms", cue="confirmed"))
    assert link.kind == "related"


@pytest.fixture
def suggestion(person) -> ClaimLink:
    said(person("Ines Ortega"), "Fares rose in Brenna")
    return claim_suggest_links(claim=said(person("Tomas Berg"), "Fares rose in Brenna"))[0]


def test_an_editor_confirms_a_suggestion_and_it_is_recorded(suggestion, erin) -> None:
    claimlink_confirm(link=suggestion, actor=erin, note="same statement")
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == ("confirmed", erin)
    event = ReviewEvent.objects.get(action="link_confirmed")
    assert (event.claim_id, event.actor, event.note) == (
        suggestion.from_claim_id,
        erin,
        "same statement",
    )
    assert (event.from_state, event.to_state) == ("suggested", "confirmed")
    assert event.changes == {
        "link": suggestion.pk,
        "kind": "duplicate",
        "score": suggestion.score,
        "to_claim": suggestion.to_claim_id,
    }


def test_a_checker_cannot_decide_on_a_link(suggestion, alice) -> None:
    with pytest.raises(NotAllowed):
        claimlink_reject(link=suggestion, actor=alice)
    suggestion.refresh_from_db()
    assert suggestion.status == "suggested"
    assert not ReviewEvent.objects.filter(action="link_rejected").exists()


def test_rejecting_twice_is_a_conflict(suggestion, erin, frank) -> None:
    claimlink_reject(link=suggestion, actor=erin)
    with pytest.raises(Conflict):
        claimlink_reject(link=suggestion, actor=frank)
    assert ReviewEvent.objects.filter(action="link_rejected").count() == 1


def test_a_person_may_overrule_an_automatic_link(person, erin) -> None:
    said(person("Ines Ortega"), LONG)
    [link] = claim_suggest_links(claim=said(person("Tomas Berg"), LONG))
    claimlink_reject(link=link, actor=erin)
    link.refresh_from_db()
    assert (link.status, link.automatic, link.decided_by) == ("rejected", False, erin)
    assert ReviewEvent.objects.get(action="link_rejected").changes["was_automatic"] is True


def test_precision_per_band_counts_only_peoples_decisions(person, erin) -> None:
    speakers = [person(f"Speaker {n}") for n in range(6)]
    claims = [said(s, f"statement number {n}") for n, s in enumerate(speakers)]
    for n, (score, decision) in enumerate(
        [(0.42, "confirm"), (0.47, "reject"), (0.45, "confirm"), (0.91, "confirm"), (0.93, None)]
    ):
        link = ClaimLink.objects.create(
            from_claim=claims[n + 1], to_claim=claims[0], kind="duplicate", score=score
        )
        if decision == "confirm":
            claimlink_confirm(link=link, actor=erin)
        elif decision == "reject":
            claimlink_reject(link=link, actor=erin)
    bands = {band["band"]: band for band in link_precision_by_band()}
    assert bands["0.4–0.5"] == {
        "band": "0.4–0.5",
        "low": 0.4,
        "high": 0.5,
        "confirmed": 2,
        "rejected": 1,
        "decided": 3,
        "precision": 0.667,
    }
    assert (bands["0.9–1.0"]["decided"], bands["0.9–1.0"]["precision"]) == (1, 1.0)
    assert bands["0.1–0.2"]["precision"] is None


def test_staff_cannot_make_a_speaker_speak_for_itself_through_a_loop(person) -> None:
    government = person("Veltrian government")
    ministry = person("Veltrian defence ministry", government)
    minister = person("Mira Kessel", ministry)
    with pytest.raises(InvalidInput, match="loop"):
        speaker_set_body(speaker=government, body=minister)
    government.refresh_from_db()
    assert government.body is None


def test_staff_edits_to_the_roll_up_stick(person) -> None:
    minister = person("Mira Kessel")
    government = person("Veltrian government")
    speaker_set_body(speaker=minister, body=government)
    minister.refresh_from_db()
    assert (minister.body, minister.edited_by_staff) == (government, True)
