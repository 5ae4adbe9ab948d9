"""Check-worthiness: how much a statement is worth a fact-checker's time, with reasons.

A transparent additive score: verifiable material (numbers, confirmations and denials,
causal or comparative claims, predictions) raises it; opinion and hedging lower it.
"""

from __future__ import annotations

import re

BASE = 0.3
_RULES: tuple[tuple[str, re.Pattern[str], float], ...] = (
    (
        "number or quantity",
        re.compile(
            r"\d|\b(?:percent|per cent|million|billion|trillion|thousands?|hundreds?|dozens?|"
            r"half|twice|double|triple)\b"
        ),
        0.25,
    ),
    (
        "causal claim",
        re.compile(r"\b(?:because|caused?|due to|led to|leads? to|result(?:ed)? in|blamed?)\b"),
        0.1,
    ),
    (
        "comparison",
        re.compile(
            r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|worst|best|most|least|"
            r"record|than|largest|highest|lowest)\b"
        ),
        0.1,
    ),
    (
        "prediction",
        re.compile(r"\b(?:will|would|expects?|expected|forecasts?|predicts?|going to)\b"),
        0.05,
    ),
    (
        "named party or place",
        re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"),
        0.05,
    ),
)
_CONFIRM_DENY = frozenset(
    "confirm confirmed deny denied dismiss dismissed acknowledge acknowledged admit admitted "
    "reject rejected".split()
)
_OPINION = re.compile(
    r"\b(?:I think|I believe|I feel|we feel|in my view|should|beautiful|great|terrible|"
    r"wonderful|disgusting|love|hate|hope|proud|sad)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:may|might|perhaps|possibly|maybe|could|seems?|appears?)\b", re.I)


def score(content: str, cue: str, official: bool) -> tuple[float, tuple[str, ...]]:
    reasons: list[str] = []
    value = BASE
    for reason, pattern, weight in _RULES:
        if pattern.search(content):
            value += weight
            reasons.append(reason)
    if set(cue.lower().split()) & _CONFIRM_DENY:
        value += 0.15
        reasons.append("confirms or denies")
    if official:
        value += 0.1
        reasons.append("official source")
    if _OPINION.search(content):
        value -= 0.2
        reasons.append("opinion (lowers)")
    if _HEDGE.search(content):
        value -= 0.1
        reasons.append("hedged (lowers)")
    return round(min(1.0, max(0.0, value)), 2), tuple(reasons)
