"""A speaker read with a title in one article keeps it in the next: "President Ana Ruiz"
on Monday, "Ruiz said" on Tuesday. Ingestion and `manage.py detect` both ask the registry,
and the reason names the article the title came from."""

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.models import Appearance, Article
from claims.services import articles

pytestmark = pytest.mark.django_db

MONDAY = "President Ana Ruiz said the port of Velmora would reopen in May."
TUESDAY = "Ruiz said the dredging contract had been signed with three bidders."


def ingest(url: str, text: str, outlet: str) -> Article:
    article = articles.article_submit(actor=None, url=url, text=text, outlet=outlet, enqueue=False)
    articles.article_ingest(article_id=article.pk)
    return article


def test_a_surname_cited_in_a_later_article_is_official_with_the_earlier_article_named() -> None:
    monday = ingest("https://gazette.example/ruiz-port", MONDAY, "Harbour Gazette")
    Article.objects.filter(pk=monday.pk).update(published_at=datetime(2026, 12, 1, tzinfo=UTC))

    tuesday = ingest("https://post.example/dredging", TUESDAY, "Velmora Post")

    [said] = Appearance.objects.filter(article=tuesday)
    assert said.official
    assert said.official_reason == (
        "title from an earlier article (Harbour Gazette, 2026-12-01): president"
    )
    assert said.claim is not None and said.claim.speaker.name == "Ana Ruiz"


def test_a_surname_nobody_was_seen_with_stays_unofficial() -> None:
    ingest("https://gazette.example/ruiz-port", MONDAY, "Harbour Gazette")

    later = ingest(
        "https://post.example/market", "Okafor said the dredging contract was signed.", "Post"
    )

    [said] = Appearance.objects.filter(article=later)
    assert not said.official


def test_detect_on_its_own_reads_the_titles_the_desk_has_seen(tmp_path: Path) -> None:
    ingest("https://gazette.example/ruiz-port", MONDAY, "Harbour Gazette")
    page = tmp_path / "tuesday.txt"
    page.write_text(TUESDAY, encoding="utf-8")

    with_registry, lexicons_only = io.StringIO(), io.StringIO()
    call_command("detect", str(page), "--jsonl", stdout=with_registry)
    call_command("detect", str(page), "--jsonl", "--no-registry", stdout=lexicons_only)

    [found] = [json.loads(line) for line in with_registry.getvalue().splitlines()]
    [plain] = [json.loads(line) for line in lexicons_only.getvalue().splitlines()]
    assert found["official"] and found["title_source"].startswith("an earlier article (Harbour")
    assert not plain["official"]
