from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import pytest
import trafilatura

from claims.pipeline.extract import (
    MAX_ELEMENTS,
    MAX_TAGS,
    MAX_TEXT_CHARS,
    ExtractionError,
    extract_article,
)
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


def _page(body: str, *, head: str = "") -> bytes:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Budget vote</title>"
        f"{head}</head><body>{body}</body></html>"
    ).encode()


STORY = "".join(
    f"<p>Finance Minister Odile Varga said the budget gap had narrowed for the {n}th month.</p>"
    for n in range(1, 6)
)


def _elements_seen_by_trafilatura() -> tuple[mock._patch, list[int]]:
    seen: list[int] = []
    real = trafilatura.bare_extraction

    def counting(tree, **kwargs):
        seen.append(sum(1 for _ in tree.iter()))
        return real(tree, **kwargs)

    return mock.patch("claims.pipeline.extract.trafilatura.bare_extraction", counting), seen


def test_a_page_over_the_element_limit_is_cut_to_its_article() -> None:
    menu = "".join(f"<li><a href='/topic/{n}'>Topic {n}</a></li>" for n in range(MAX_ELEMENTS))
    page = _page(f"<div class='mega-menu'><ul>{menu}</ul></div><article>{STORY}</article>")
    patch, seen = _elements_seen_by_trafilatura()

    with patch:
        article = extract_article(page, "https://news.example/budget", charset="utf-8")

    assert article.text.startswith("Finance Minister Odile Varga said the budget gap")
    assert article.title == "Budget vote"
    assert seen and max(seen) <= MAX_ELEMENTS


def test_a_page_too_large_to_extract_fails_fast_with_a_reason() -> None:
    page = _page("<div>" + STORY * (MAX_ELEMENTS // 4) + "</div>")
    patch, seen = _elements_seen_by_trafilatura()

    with patch, pytest.raises(ExtractionError) as caught:
        extract_article(page, "https://news.example/budget", charset="utf-8")

    assert seen == []  # refused before the slow part started
    assert caught.value.reason.startswith("the page is too large to extract: ")
    assert f"the limit is {MAX_ELEMENTS:,} elements" in caught.value.reason


def test_a_page_with_too_much_text_fails_fast_with_a_reason() -> None:
    page = _page(
        "<article><p>" + "The minister said so. " * (MAX_TEXT_CHARS // 20) + "</p></article>"
    )

    with pytest.raises(ExtractionError, match="the page is too large to extract: .* characters"):
        extract_article(page, "https://news.example/long", charset="utf-8")


def test_megabytes_of_inline_script_do_not_count_against_the_limits() -> None:
    bundle = "<script>window.__STATE__ = " + '{"k": "v"},' * 1_000_000 + "</script>"
    page = _page(f"<article>{STORY}</article>{bundle}" + "<span>x</span>" * MAX_ELEMENTS)

    article = extract_article(page, "https://news.example/budget", charset="utf-8")

    assert article.text.startswith("Finance Minister Odile Varga")


def test_a_hundred_thousand_nested_elements_end_with_a_reason() -> None:
    page = _page("<div>" * 100_000 + STORY + "</div>" * 100_000)

    with pytest.raises(ExtractionError, match="no article text found"):
        extract_article(page, "https://news.example/deep", charset="utf-8")


@pytest.mark.parametrize("charset", ["utf-7", "cp037"])
def test_it_reads_a_page_in_the_charset_the_server_names(charset: str) -> None:
    page = _page(f"<article>{STORY}</article>").decode().encode(charset)

    article = extract_article(page, "https://news.example/budget", charset=charset)

    assert "the budget gap had narrowed" in article.text


def test_it_guesses_the_charset_when_the_server_names_an_unknown_one() -> None:
    page = _page(f"<article>{STORY}</article>")

    article = extract_article(page, "https://news.example/budget", charset="x-no-such-charset")

    assert "the budget gap had narrowed" in article.text


def test_it_reads_invalid_utf8_with_replacement_characters() -> None:
    page = _page(f"<article>{STORY}</article>").replace(b"budget gap", b"budget \xff\xfe gap")

    article = extract_article(page, "https://news.example/budget", charset="utf-8")

    assert "budget \ufffd\ufffd gap" in article.text


def test_a_page_of_a_million_tags_is_refused_before_parsing() -> None:
    page = _page("<span>x</span>" * (MAX_TAGS + 1))

    with (
        mock.patch("claims.pipeline.extract.trafilatura.load_html") as load_html,
        pytest.raises(ExtractionError, match="the page is too large to extract: 250,00"),
    ):
        extract_article(page, "https://news.example/spans", charset="utf-8")

    load_html.assert_not_called()
