"""Other publishers' ClaimReview markup: fixtures in the shapes real fact-checkers publish."""

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from claims.pipeline.claimreview import (
    MAX_BLOCK_BYTES,
    MAX_DEPTH,
    ClaimReviewError,
    Context,
    Parsed,
    clean_text,
    looks_like_json,
    parse_data_feed,
    parse_date,
    parse_page,
    url_problem,
)

FIXTURES = Path(__file__).parent / "fixtures" / "claimreview"
CASES = sorted(
    p for p in FIXTURES.iterdir() if p.suffix in (".html", ".json") and ".expected" not in p.name
)


def _parse(path: Path, base_url: str) -> Parsed:
    context = Context(base_url)
    if path.suffix == ".json":
        return parse_data_feed(path.read_bytes(), context)
    return parse_page(path.read_bytes(), context)


def _as_json(parsed: Parsed) -> dict[str, Any]:
    checks = [
        {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in asdict(c).items()}
        for c in parsed.checks
    ]
    return {"checks": checks, "skipped": [asdict(s) for s in parsed.skipped]}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_each_fixture_parses_to_its_expected_records(path: Path) -> None:
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text())

    parsed = _parse(path, expected.pop("base_url"))

    assert _as_json(parsed) == expected


def test_there_are_at_least_five_page_shapes_and_one_data_feed() -> None:
    assert len([p for p in CASES if p.suffix == ".html"]) >= 5
    assert any(p.suffix == ".json" for p in CASES)


def _page(*nodes: Any, lang: str = "en") -> bytes:
    blocks = "".join(
        f'<script type="application/ld+json">{json.dumps(node)}</script>' for node in nodes
    )
    return f'<html lang="{lang}"><head>{blocks}</head><body></body></html>'.encode()


def _review(**fields: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "The tunnel will open in 2027.",
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        **fields,
    }


BASE = "https://checks.example/2026/tunnel/"


def test_a_numeric_rating_is_normalised_only_on_the_publishers_own_scale() -> None:
    cases: list[tuple[dict[str, Any], float | None]] = [
        ({"ratingValue": 3, "bestRating": 5, "worstRating": 1}, 0.5),
        ({"ratingValue": "7", "bestRating": "10", "worstRating": "0"}, 0.7),
        ({"ratingValue": 1, "bestRating": 1, "worstRating": 5}, 1.0),  # an inverted scale
        ({"ratingValue": 3}, None),  # no scale given
        ({"ratingValue": -1, "bestRating": 5, "worstRating": 1}, None),  # off the scale
        ({"ratingValue": 2, "bestRating": 2, "worstRating": 2}, None),
    ]
    for rating, expected in cases:
        page = _page(_review(reviewRating={"@type": "Rating", "alternateName": "x", **rating}))
        (check,) = parse_page(page, Context(BASE)).checks
        assert check.rating_value == expected, rating


def test_a_rating_with_only_a_number_is_described_by_its_scale() -> None:
    rating = {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1}

    (check,) = parse_page(_page(_review(reviewRating=rating)), Context(BASE)).checks

    assert check.rating_text == "2 on a scale of 1 to 5"
    assert check.rating_value == 0.25


def test_a_missing_url_falls_back_to_the_page_and_a_relative_one_is_resolved() -> None:
    page = _page(_review(), _review(url="../bridge/", claimReviewed="The bridge is safe."))

    first, second = parse_page(page, Context(BASE)).checks

    assert first.url == BASE
    assert second.url == "https://checks.example/2026/bridge/"


def test_several_reviews_with_one_url_each_keep_a_row_of_their_own() -> None:
    page = _page([_review(url=BASE), _review(url=BASE, claimReviewed="Fares fell.")])

    urls = [check.url for check in parse_page(page, Context(BASE)).checks]

    assert urls == [BASE, BASE + "#claim-2"]


def test_the_language_comes_from_the_markup_then_the_page() -> None:
    page = _page(_review(), _review(inLanguage="pt-BR", claimReviewed="Outro."), lang="de-AT")

    languages = [check.language for check in parse_page(page, Context(BASE)).checks]

    assert languages == ["de", "pt"]


def test_the_publisher_falls_back_to_the_source_name_then_the_host() -> None:
    page = _page(_review())

    named = parse_page(page, Context(BASE, publisher="Tunnel Watch")).checks[0]
    unnamed = parse_page(page, Context(BASE)).checks[0]

    assert named.publisher == "Tunnel Watch"
    assert unnamed.publisher == "checks.example"


def test_an_author_given_by_reference_is_resolved_within_the_document() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Person", "@id": "#mayor", "name": "Lena Vos", "jobTitle": "Mayor"},
            _review(itemReviewed={"@type": "Claim", "author": {"@id": "#mayor"}}),
        ],
    }

    (check,) = parse_page(_page(graph), Context(BASE)).checks

    assert (check.claimant, check.claimant_title) == ("Lena Vos", "Mayor")


def test_a_json_ld_block_over_the_size_cap_is_skipped_with_a_reason() -> None:
    huge = _review(claimReviewed="x" * (MAX_BLOCK_BYTES + 10))

    parsed = parse_page(_page(huge, _review(claimReviewed="Kept.")), Context(BASE))

    assert [check.claim_reviewed for check in parsed.checks] == ["Kept."]
    assert "larger than" in parsed.skipped[0].reason


def test_deeply_nested_json_is_refused_without_a_crash() -> None:
    deep = "[" * 100_000 + "]" * 100_000

    with pytest.raises(ClaimReviewError, match="nested too deeply"):
        parse_data_feed(deep.encode(), Context(BASE))


def test_reviews_nested_below_the_depth_limit_are_not_followed() -> None:
    node: Any = _review()
    for _ in range(MAX_DEPTH + 2):
        node = {"@type": "WebPage", "hasPart": node}

    parsed = parse_page(_page(node), Context(BASE))

    assert parsed.checks == []
    assert "nested deeper" in parsed.skipped[0].reason


def test_a_data_feed_that_is_not_json_or_not_claimreview_is_refused() -> None:
    with pytest.raises(ClaimReviewError, match="not valid JSON"):
        parse_data_feed(b"<rss></rss>", Context(BASE))
    with pytest.raises(ClaimReviewError, match="not a ClaimReview data feed"):
        parse_data_feed(b'{"@type": "Recipe", "name": "Soup"}', Context(BASE))


def test_a_data_feed_of_only_bad_items_skips_each_and_keeps_going() -> None:
    feed = {
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": _review(claimReviewed="")},
            {"@type": "DataFeedItem", "item": _review(url="http://192.168.0.10/x")},
            {"@type": "DataFeedItem", "item": _review(url="https://ok.example/c")},
        ],
    }

    parsed = parse_data_feed(json.dumps(feed).encode(), Context(BASE))

    assert [check.url for check in parsed.checks] == ["https://ok.example/c"]
    assert [s.reason for s in parsed.skipped] == [
        "no claimReviewed",
        "refused: 192.168.0.10 is a private address",
    ]


def test_text_fields_lose_markup_scripts_and_control_characters() -> None:
    assert clean_text("<p>Rates <b>rose</b></p><script>alert(1)</script>", 100) == "Rates rose"
    assert clean_text("a\u202eb\x00c", 100) == "a b c"
    assert clean_text("Ampersands &amp; entities", 100) == "Ampersands & entities"
    assert clean_text("word " * 100, 20).endswith("…")
    assert len(clean_text("word " * 100, 20)) == 20


def test_private_and_local_addresses_are_refused_unless_allowed() -> None:
    assert url_problem("http://127.0.0.1:8000/check") == "refused: 127.0.0.1 is a loopback address"
    assert url_problem("http://[::1]/") is not None
    assert url_problem("http://printer.local/") == "refused: printer.local is a local host name"
    assert url_problem("https://checks.example/a") is None
    assert url_problem("http://127.0.0.1:8000/check", frozenset({("127.0.0.1", 8000)})) is None


def test_dates_in_the_shapes_publishers_write_them() -> None:
    assert parse_date("2026-11-20").isoformat() == "2026-11-20T00:00:00+00:00"
    assert parse_date("2026-11-20T09:15:00-05:00").isoformat() == "2026-11-20T14:15:00+00:00"
    assert parse_date("2026-11-20 09:15:00").isoformat() == "2026-11-20T09:15:00+00:00"
    assert parse_date("2026-11-20T09:15:00.000Z") is not None
    assert parse_date("last Tuesday") is None
    assert parse_date(20261120) is None


def test_a_page_without_json_ld_yields_nothing_and_no_error() -> None:
    parsed = parse_page(b"<html><body>No markup.</body></html>", Context(BASE))

    assert (parsed.checks, parsed.skipped) == ([], [])


def test_json_is_told_apart_from_xml_by_its_first_character() -> None:
    assert looks_like_json(b'\xef\xbb\xbf  {"@type": "DataFeed"}')
    assert looks_like_json(b"\n[{}]")
    assert not looks_like_json(b"<?xml version='1.0'?><rss/>")
