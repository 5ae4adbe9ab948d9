from datetime import UTC, datetime
from pathlib import Path

import pytest

from claims.pipeline.extract import ExtractionError, extract_article
from claims.pipeline.textmetrics import shingle_f1

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
PAGES = sorted(FIXTURES.glob("*.html"))


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_the_extracted_body_matches_the_hand_made_one(page: Path) -> None:
    expected = page.with_suffix(".txt").read_text(encoding="utf-8")

    article = extract_article(page.read_bytes(), f"https://news.example/{page.stem}")

    assert shingle_f1(expected, article.text) >= 0.95


def test_there_are_at_least_six_fixture_pages() -> None:
    assert len(PAGES) >= 6


def test_it_keeps_title_author_date_and_language() -> None:
    page = FIXTURES / "harbor-ledger-ferry-fares.html"

    article = extract_article(page.read_bytes(), "https://harborledger.example/ferry")

    assert article.title == "Ferry fares to rise 18% next spring, port authority confirms"
    assert article.author == "Dana Whitcombe"
    assert article.published_at == datetime(2026, 10, 14, 11, 42, tzinfo=UTC)
    assert article.language == "en"


def test_it_reads_a_page_in_a_legacy_charset() -> None:
    page = FIXTURES / "el-litoral-agua-tarifas.html"

    article = extract_article(page.read_bytes(), "https://ellitoral.example/agua")

    assert article.language == "es"
    assert "«imprescindible»" in article.text


def test_it_separates_paragraphs_with_a_blank_line() -> None:
    page = FIXTURES / "prairie-gazette-water-tower.html"

    article = extract_article(page.read_bytes(), "https://prairiegazette.example/8812")

    assert article.text.split("\n\n")[2].startswith("Mayor Judy Kessler said")
    assert "\n\n\n" not in article.text


def test_it_drops_read_more_inserts() -> None:
    page = FIXTURES / "harbor-ledger-ferry-fares.html"

    article = extract_article(page.read_bytes(), "https://harborledger.example/ferry")

    assert "Read more" not in article.text
    assert "burns more fuel" not in article.text


def test_it_accepts_plain_text() -> None:
    body = b"First paragraph,\nwrapped.\n\n\nSecond paragraph.\n"

    article = extract_article(body, "https://news.example/a.txt", content_type="text/plain")

    assert article.text == "First paragraph, wrapped.\n\nSecond paragraph."


def test_it_explains_when_a_page_has_no_article() -> None:
    with pytest.raises(ExtractionError, match="no article text"):
        extract_article(
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "https://x.example/"
        )


def test_shingle_f1_is_one_for_identical_texts_and_zero_for_disjoint_ones() -> None:
    assert shingle_f1("the mayor said on Monday", "the mayor said on Monday") == 1.0
    assert shingle_f1("the mayor said on Monday", "completely different words here now") == 0.0
    assert 0 < shingle_f1("a b c d e f", "a b c d x y") < 1
