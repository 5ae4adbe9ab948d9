"""Statements a reader understands alone: fixtures in, statements out.

Each fixture case lists, in order, the statement written for every attribution of its
text and why it is not a claim ("" when it is one). The seed article is read from
../shared and every statement reviewed by hand must be among those written for it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from claims.pipeline import Attribution, detect
from claims.pipeline.kinds import is_person
from claims.pipeline.statement_checks import statement_problems

FIXTURES = Path(__file__).parent / "fixtures" / "statements"
SHARED = Path(os.environ.get("FACTCHECK_SHARED", Path(__file__).resolve().parents[3] / "shared"))


def _cases() -> list[ParameterSet]:
    params = []
    for path in sorted(FIXTURES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")).get("cases", []):
            params.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return params


@pytest.mark.parametrize("case", _cases())
def test_it_writes_the_fixture_statements(case: dict) -> None:
    written = [
        {"statement": a.statement, "not_a_claim": a.not_a_claim} for a in detect(case["text"])
    ]
    assert written == case["expected"]


@pytest.mark.parametrize("case", _cases())
def test_every_fixture_statement_passes_the_check(case: dict) -> None:
    for attribution in detect(case["text"]):
        assert _problems(attribution) == [], attribution.statement


def test_each_official_statement_of_the_seed_reads_alone() -> None:
    text = (SHARED / "data" / "seed-article.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "seed_expected.json").read_text(encoding="utf-8"))
    found = detect(text)
    written = {a.statement for a in found}
    missing = [statement for statement in expected["statements"] if statement not in written]
    assert missing == [], sorted(written)
    for attribution in found:
        if attribution.official:
            assert _problems(attribution) == [], attribution.statement


def test_the_seed_statements_keep_the_dismissal_and_the_acknowledgement() -> None:
    expected = json.loads((FIXTURES / "seed_expected.json").read_text(encoding="utf-8"))
    statements = " ".join(expected["statements"])
    assert "Dmitry Peskov dismissed reports of North Korean involvement" in statements
    assert "Valery Gerasimov acknowledged that North Korean troops" in statements


def test_the_check_refuses_a_statement_that_opens_with_a_pronoun() -> None:
    assert statement_problems("He said taxes would fall.", cue="said", speaker="", person=True)


def test_the_check_refuses_a_denial_that_lost_its_verb() -> None:
    problems = statement_problems(
        "The ministry said it had signed a grain deal.",
        cue="denied",
        speaker="the Ministry of Agriculture",
        person=False,
    )
    assert "the stance verb of 'denied' is lost" in problems


def test_the_check_refuses_a_dismissed_it_that_points_outside() -> None:
    problems = statement_problems(
        'Spokeswoman Ines Marlo dismissed it as "an outdated draft".',
        cue="dismissed ... as",
        speaker="Ines Marlo",
        person=True,
    )
    assert "the object of the stance verb points outside the statement" in problems


def test_the_check_lets_a_company_refer_to_itself_as_it() -> None:
    statement = "Harlow Builders said it would finish the stadium in May."
    assert statement_problems(statement, cue="said", speaker="Harlow Builders", person=False) == []


def test_the_check_refuses_a_person_who_is_an_it() -> None:
    statement = "Mayor Ruth Amsel said it would open in May."
    problems = statement_problems(statement, cue="said", speaker="Ruth Amsel", person=True)
    assert problems == ["the reported clause opens with 'it'"]


def test_the_check_leaves_the_speakers_own_quoted_words_alone() -> None:
    statement = 'Mayor Ruth Amsel said: "It will open in May."'
    assert statement_problems(statement, cue="said", speaker="Ruth Amsel", person=True) == []


def _problems(attribution: Attribution) -> list[str]:
    return statement_problems(
        attribution.statement,
        cue=attribution.cue,
        speaker=attribution.speaker,
        person=is_person(attribution.speaker, attribution.speaker_title),
    )
