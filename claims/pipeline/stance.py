"""Stance of an attributed statement, read off the cue verb."""

from __future__ import annotations

_STANCES = {
    "denies": frozenset("deny reject dispute rebut counter".split()),
    "dismisses": frozenset("dismiss".split()),
    "confirms": frozenset("confirm acknowledge admit concede".split()),
    "predicts": frozenset("predict forecast warn expect estimate".split()),
    "questions": frozenset("ask question doubt".split()),
}


def stance_of(lemma: str, cue: str) -> tuple[str, str]:
    for stance, lemmas in _STANCES.items():
        if lemma in lemmas:
            return stance, f"cue: {cue}"
    return "asserts", "reporting verb"
