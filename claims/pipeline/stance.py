"""Stance of an attributed statement, read off the cue verb."""

from __future__ import annotations

import re

from claims.pipeline.matching import STANCES, statement_stance

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


def decided_stance(cue_stance: str, cue_reason: str, cue: str, content: str) -> tuple[str, str]:
    """The statement's stance toward its content, decided once, when it is stored.

    The cue verb's stance, then the content's own negation or dismissal ("told
    reporters there were no plans" denies; calling a report "disinformation"
    dismisses it). Everything after storage reads the stored stance and reason.
    """
    cue_stance = cue_stance if cue_stance in STANCES else "asserts"
    stance, reason = statement_stance(cue_stance, cue, content)
    if stance == cue_stance and cue_reason:
        reason = cue_reason
    return (stance if stance in STANCES else "asserts"), reason
