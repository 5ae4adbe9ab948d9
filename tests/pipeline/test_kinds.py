"""Person or organisation, read off the words: a state named in two words is no person."""

import pytest

from claims.pipeline.kinds import is_person


@pytest.mark.parametrize("speaker", ["North Korea", "South Africa", "the White House", "Russia"])
def test_a_state_or_its_seat_is_not_a_person(speaker: str) -> None:
    assert not is_person(speaker, "")


@pytest.mark.parametrize(
    ("speaker", "title"),
    [("Kim Jong Un", "north korean leader"), ("Dmitry Peskov", ""), ("Ilse Varnholt", "")],
)
def test_a_named_person_is_a_person(speaker: str, title: str) -> None:
    assert is_person(speaker, title)


def test_a_company_named_like_a_person_is_not_one() -> None:
    assert not is_person("United Airlines", "")
