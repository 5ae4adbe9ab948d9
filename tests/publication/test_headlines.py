"""Headlines and addresses from a statement; the byline setting."""

import pytest

from factcheck.byline import byline_roles
from factcheck.env import ConfigError
from reviews.headlines import HEADLINE_LENGTH, default_headline, fact_check_slug


def test_a_short_statement_is_its_own_headline_without_the_full_stop() -> None:
    assert default_headline("Mayor Ruth Amsel said the stadium is late.") == (
        "Mayor Ruth Amsel said the stadium is late"
    )


def test_a_long_statement_is_cut_at_a_word() -> None:
    statement = "Mayor Ruth Amsel said " + "the stadium is very late " * 10 + "."

    headline = default_headline(statement)

    assert len(headline) <= HEADLINE_LENGTH
    assert headline.endswith("…")
    cut = headline.removesuffix("…")
    assert statement.startswith(cut) and statement[len(cut)] == " "  # a whole word


def test_a_slug_keeps_the_parts_of_a_number() -> None:
    assert fact_check_slug("Stocks stood at 2.3 million tonnes, 31,000 more.", 41) == (
        "stocks-stood-at-2-3-million-tonnes-31000-more-41"
    )


def test_a_slug_of_nothing_readable_still_has_the_id() -> None:
    assert fact_check_slug("“…”", 7) == "claim-7"


@pytest.mark.parametrize(
    ("value", "roles"),
    [
        ("checker,editor", ("checker", "editor")),
        ("editor", ("editor",)),
        (" Editor , checker ", ("checker", "editor")),
        ("none", ()),
        ("", ()),
    ],
)
def test_the_byline_setting_names_roles(value: str, roles: tuple[str, ...]) -> None:
    assert byline_roles(value) == roles


def test_a_bad_byline_setting_stops_start_up_with_its_name() -> None:
    with pytest.raises(ConfigError, match="FACTCHECK_BYLINE: author"):
        byline_roles("checker,author")
