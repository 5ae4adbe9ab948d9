"""Fixture-driven detection tests: text in, expected attributions out.

Each fixture file in fixtures/detect holds cases; an expected attribution lists only the
fields it cares about, each compared exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from claims.pipeline import detect

FIXTURES = Path(__file__).parent / "fixtures" / "detect"


def _cases() -> list[ParameterSet]:
    params = []
    for path in sorted(FIXTURES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            params.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return params


@pytest.mark.parametrize("case", _cases())
def test_it_detects_the_fixture_attributions(case: dict) -> None:
    found = [a.to_json() for a in detect(case["text"])]
    assert len(found) == len(case["expected"]), found
    for actual, expected in zip(found, case["expected"], strict=True):
        for key, value in expected.items():
            assert actual[key] == value, (key, actual)


@pytest.mark.parametrize("case", _cases())
def test_its_offsets_point_at_the_reported_strings(case: dict) -> None:
    text = case["text"]
    for found in detect(text):
        assert text[found.sentence_start : found.sentence_end] == found.sentence
        assert text[found.cue_start : found.cue_end] in found.cue or not found.cue
        if found.source:
            assert text[found.source_start : found.source_end] == found.source
        assert found.content_end <= len(text)
