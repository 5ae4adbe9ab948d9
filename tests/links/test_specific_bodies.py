import pytest

from claims.pipeline.bodies import is_specific_body


@pytest.mark.parametrize("name", ["FBI", "the White House", "State Department", "Kremlin", "IMF"])
def test_a_named_institution_is_a_specific_body(name: str) -> None:
    assert is_specific_body(name)


@pytest.mark.parametrize(
    "name", ["police", "Ministry", "the government", "Department of", "city council", "Agency", ""]
)
def test_a_kind_of_body_or_a_cut_off_phrase_is_not(name: str) -> None:
    assert not is_specific_body(name)
