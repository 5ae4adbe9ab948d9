"""Stance of an attributed statement, read off the cue verb."""

from __future__ import annotations

import re

_STANCES = {
    "dismisses": frozenset("dismiss scoff rubbish brush wave".split()),
    "denies": frozenset("deny reject dispute rebut counter".split()),
    "confirms": frozenset("confirm acknowledge admit concede".split()),
    "predicts": frozenset("predict forecast warn expect estimate project".split()),
    "questions": frozenset("ask question doubt".split()),
}
# Particle verbs are read off the cue text: "brushed off", "waved away", "scoffed at".
_DISMISSIVE_RE = re.compile(
    r"\b(?:dismiss\w*|scoff\w*|brush(?:ed|es|ing)?\s+(?:\w+\s+)?(?:off|aside)|"
    r"wav(?:e|ed|es|ing)\s+(?:\w+\s+)?(?:away|off|aside))\b",
    re.IGNORECASE,
)


def stance_of(lemma: str, cue: str) -> tuple[str, str]:
    if _DISMISSIVE_RE.search(cue):
        return "dismisses", f"cue: {cue}"
    for stance, lemmas in _STANCES.items():
        if lemma in lemmas:
            return stance, f"cue: {cue}"
    return "asserts", "reporting verb"
