"""The founding article, ingested once through the API on a fresh database by a real
worker: the Russian government is caught contradicting itself, and North Korea's own
confirmation is not mistaken for part of it."""

import time
from pathlib import Path

import pytest

from claims.models import Article, Claim, ClaimLink
from tests.conftest import client_for

SEED = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed-article.txt"


def wait_for_links(article_id: int, timeout: float = 60) -> None:
    """Until the article is extracted and every one of its claims has been linked."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        article = Article.objects.get(pk=article_id)
        if article.status == "extracted":
            break
        time.sleep(0.2)
    time.sleep(3)  # linking is queued after the ingest commits, one task per claim
    previous = -1
    while time.monotonic() < deadline:
        count = ClaimLink.objects.count()
        if count == previous:
            return
        previous = count
        time.sleep(1.5)


def link_between(speaker_a: str, speaker_b: str, words_b: str = "") -> ClaimLink:
    a = Claim.objects.filter(speaker__name=speaker_a)
    b = Claim.objects.filter(speaker__name=speaker_b, text__icontains=words_b)
    [link] = ClaimLink.objects.filter(from_claim__in=[*a, *b], to_claim__in=[*a, *b])
    return link


@pytest.fixture
def seed(celery_worker, alice) -> Article:
    text = SEED.read_text(encoding="utf-8")
    response = client_for(alice).post(
        "/api/v1/articles/",
        {"url": "https://seed.example/kremlin-caught", "title": text.splitlines()[0], "text": text},
        format="json",
    )
    assert response.status_code == 202
    wait_for_links(response.json()["id"])
    return Article.objects.get(pk=response.json()["id"])


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_chief_of_staffs_admission_contradicts_the_press_secretarys_dismissal(seed) -> None:
    link = link_between("Valery Gerasimov", "Dmitry Peskov")
    assert (link.kind, link.status, link.automatic) == ("contradicts", "suggested", False)
    assert link.reasons[0].startswith("same government: Russian government")
    assert any("dismisses" in r and "confirms" in r for r in link.reasons)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_russias_confirmation_contradicts_moscows_denial(seed) -> None:
    link = link_between("Russia", "Moscow")
    assert (link.kind, link.status) == ("contradicts", "suggested")
    assert link.reasons[0].startswith("same government: Russian government")
    assert any("denies" in r and "confirms" in r for r in link.reasons)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_north_koreas_own_statements_never_contradict_russias(seed) -> None:
    north_korean = Claim.objects.filter(speaker__name__in=["North Korea", "KCNA"])
    assert north_korean.exists()
    assert not ClaimLink.objects.filter(kind="contradicts", from_claim__in=north_korean).exists()
    assert not ClaimLink.objects.filter(kind="contradicts", to_claim__in=north_korean).exists()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_story_of_russias_confirmation_is_told_by_the_russian_government_only(
    seed, alice
) -> None:
    confirmation = Claim.objects.get(speaker__name="Russia", text__icontains="alongside")
    data = client_for(alice).get(f"/api/v1/claims/{confirmation.pk}/story/").json()
    assert data["government"] == "Russian government"
    told = {(entry["speaker"], entry["stance"]) for entry in data["entries"]}
    assert {
        ("Russia", "confirms"),
        ("Valery Gerasimov", "confirms"),
        ("Dmitry Peskov", "dismisses"),
        ("Moscow", "denies"),
    } <= told
    assert not {speaker for speaker, _ in told} & {"North Korea", "KCNA", "Kim Jong Un"}
