"""A story over three articles, days apart and in three outlets: a spokeswoman denies,
the capital denies, then the defence minister admits it. One government, one topic,
told in order; the agriculture minister's potato harvest is another topic."""

from pathlib import Path

import pytest

from claims.models import Article, Claim, ClaimLink, Speaker
from claims.services.links import claim_suggest_links
from claims.services.story import claim_story
from tests.conftest import client_for
from tests.links.conftest import ingest

pytestmark = pytest.mark.django_db

ARTICLES = Path(__file__).parent / "story_fixtures"


@pytest.fixture
def kelmy(db) -> list[Article]:
    return [ingest(path) for path in sorted(ARTICLES.glob("*.txt"))]


def admission() -> Claim:
    return Claim.objects.get(speaker__name="Viktar Ostrouski", text__icontains="deployed")


def link_to(claim: Claim, speaker: str, words: str) -> ClaimLink:
    other = Claim.objects.get(speaker__name=speaker, text__icontains=words)
    [link] = ClaimLink.objects.filter(from_claim__in=[claim, other], to_claim__in=[claim, other])
    return link


def test_the_ministers_admission_contradicts_the_spokeswomans_denial(kelmy) -> None:
    link = link_to(admission(), "Nadia Lisouskaya", "entered")
    assert (link.kind, link.status) == ("contradicts", "suggested")
    assert link.reasons[0] == "same government: Belarusian government"
    assert any(r.startswith("Nadia Lisouskaya: 'Belarusian' names Belarus") for r in link.reasons)


def test_the_admission_contradicts_the_capitals_denial(kelmy) -> None:
    link = link_to(admission(), "Minsk", "operating")
    assert link.kind == "contradicts"
    assert any("'Minsk' is the capital of Belarus" in r for r in link.reasons)


def test_the_agriculture_minister_on_the_harvest_is_never_linked_to_the_troops(kelmy) -> None:
    harvest = Claim.objects.filter(speaker__name="Pavel Hrodna")
    assert harvest.count() == 2
    troops = Claim.objects.exclude(speaker__name="Pavel Hrodna")
    assert not ClaimLink.objects.filter(from_claim__in=harvest, to_claim__in=troops).exists()
    assert not ClaimLink.objects.filter(from_claim__in=troops, to_claim__in=harvest).exists()


def test_the_story_tells_what_the_government_said_oldest_first(kelmy) -> None:
    story = claim_story(claim=admission())
    assert story.government == "Belarusian government"
    told = [(e.claim.speaker.name, e.stance, e.outlets) for e in story.entries]
    denial = ("Nadia Lisouskaya", "denies", ("northgate-post",))
    capital = ("Minsk", "denies", ("river-dispatch",))
    admitted = ("Viktar Ostrouski", "confirms", ("east-bulletin",))
    assert denial in told and capital in told and admitted in told
    assert told.index(denial) < told.index(capital) < told.index(admitted)
    assert [e.said_at for e in story.entries] == sorted(e.said_at for e in story.entries)
    assert "Pavel Hrodna" not in {speaker for speaker, _, _ in told}


def test_the_story_is_in_the_api_for_staff(kelmy, alice) -> None:
    claim = admission()
    data = client_for(alice).get(f"/api/v1/claims/{claim.pk}/story/").json()
    assert data["government"] == "Belarusian government"
    speakers = [entry["speaker"] for entry in data["entries"]]
    assert speakers.index("Nadia Lisouskaya") < speakers.index("Viktar Ostrouski")
    mine = next(e for e in data["entries"] if e["claim"] == claim.pk)
    assert (mine["stance"], mine["outlets"], mine["link_kind"]) == (
        "confirms",
        ["east-bulletin"],
        "",
    )


def test_the_story_is_for_staff_only(kelmy, api) -> None:
    assert api.get(f"/api/v1/claims/{admission().pk}/story/").status_code in {401, 403}


def test_the_claim_page_tells_the_story_in_order(kelmy, client, alice) -> None:
    client.force_login(alice)
    page = client.get(f"/desk/claims/{admission().pk}/").content.decode()
    story = page[page.index('id="story"') :]
    assert "what the Belarusian government said on this topic" in story
    assert story.index("Nadia Lisouskaya") < story.index("Minsk") < story.index("Viktar Ostrouski")
    assert "northgate-post" in story and "east-bulletin" in story
    assert "Pavel Hrodna" not in story[: story.index("</section>")]


def test_the_speaker_registry_shows_why_a_speaker_speaks_for_its_government(
    kelmy, client, alice
) -> None:
    client.force_login(alice)
    minsk = Speaker.objects.get(name="Minsk")
    page = client.get(f"/desk/speakers/{minsk.pk}/").content.decode()
    assert "Belarusian government" in page
    assert "&#x27;Minsk&#x27; is the capital of Belarus" in page


def test_staff_correct_a_speakers_government_and_linking_follows(kelmy, client, erin) -> None:
    observers = Speaker.objects.create(
        name="Kelmy Monitoring Group", key="kelmy monitoring group", kind="organisation"
    )
    spokeswoman = Speaker.objects.get(name="Nadia Lisouskaya")
    client.force_login(erin)
    client.post(
        f"/desk/speakers/{spokeswoman.pk}/",
        {"name": spokeswoman.name, "kind": "person", "is_official": "on", "body": observers.pk},
    )
    spokeswoman.refresh_from_db()
    assert (spokeswoman.body, spokeswoman.body_reason) == (observers, "set by staff")

    denial = Claim.objects.get(speaker=spokeswoman, text__icontains="entered")
    claim_suggest_links(claim=denial)

    link = link_to(admission(), "Nadia Lisouskaya", "entered")
    assert link.kind == "related"
    assert Speaker.objects.get(pk=spokeswoman.pk).body == observers
