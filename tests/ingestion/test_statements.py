"""Ingestion stores each statement as the pipeline writes it; officials' statements that
assert nothing are kept, unflagged, with the reason; `q` finds the seed's speakers."""

import os
from pathlib import Path

import pytest

from claims.models import Appearance, Claim
from claims.services import articles
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

SHARED = Path(os.environ.get("FACTCHECK_SHARED", Path(__file__).resolve().parents[3] / "shared"))
COUNCIL = (
    "PORT ELLIS — The city council on Monday asked for a full audit of the stadium contract.\n\n"
    "Mayor Ruth Amsel said construction was two months behind schedule.\n\n"
    'Asked about the delay, stadium director Ivo Marek dismissed it as "a rumour".\n'
)


def ingest(url: str, text: str, title: str = "") -> None:
    article = articles.article_submit(actor=None, url=url, title=title, text=text, enqueue=False)
    articles.article_ingest(article_id=article.pk)


def test_a_claim_carries_the_statement_written_for_it() -> None:
    ingest("https://ellis.example.org/stadium", COUNCIL, title="Stadium late")

    claim = Claim.objects.get(speaker__name="Ruth Amsel")
    assert claim.text == "construction was two months behind schedule"
    assert claim.statement == "Mayor Ruth Amsel said construction was two months behind schedule."
    assert claim.appearances.get().statement == claim.statement


def test_a_request_by_an_official_is_kept_unflagged_with_its_reason() -> None:
    ingest("https://ellis.example.org/stadium", COUNCIL, title="Stadium late")

    request = Appearance.objects.get(cue="asked", official=True)
    assert request.claim is None
    assert request.not_a_claim == "a request or an appeal, not an assertion"
    assert request.statement == "The city council asked for a full audit of the stadium contract."
    assert not Claim.objects.filter(text__contains="audit").exists()


def test_the_seeds_speakers_find_their_claims_by_name(erin) -> None:
    text = (SHARED / "data" / "seed-article.txt").read_text(encoding="utf-8")
    ingest("https://news.example.org/kremlin-north-korean-troops", text)
    client = client_for(erin)

    for name, speaker in [
        ("Gerasimov", "Valery Gerasimov"),
        ("Peskov", "Dmitry Peskov"),
        ("KCNA", "KCNA"),
    ]:
        response = client.get("/api/v1/claims/", {"q": name})
        assert response.status_code == 200
        rows = response.json()["results"]
        assert rows, name
        assert rows[0]["speaker"]["name"] == speaker, (name, rows)
        assert Claim.objects.filter(speaker__name=speaker).exists()


def test_the_seeds_dismissal_keeps_its_verb_in_the_claim() -> None:
    text = (SHARED / "data" / "seed-article.txt").read_text(encoding="utf-8")
    ingest("https://news.example.org/kremlin-north-korean-troops", text)

    peskov = Claim.objects.get(speaker__name="Dmitry Peskov")
    assert "Dmitry Peskov dismissed reports of North Korean involvement" in peskov.statement


def test_an_editor_can_promote_a_statement_that_was_not_flagged(erin) -> None:
    ingest("https://ellis.example.org/stadium", COUNCIL, title="Stadium late")
    request = Appearance.objects.get(cue="asked", official=True)

    response = client_for(erin).post(f"/api/v1/appearances/{request.pk}/promote/")

    assert response.status_code == 201, response.content
    claim = Claim.objects.get(pk=response.json()["id"])
    assert claim.statement == "The city council asked for a full audit of the stadium contract."
    assert response.json()["statement"] == claim.statement
