"""Triage priority of a claim: a transparent weighted sum, with reasons a reviewer can read.

Four signals, each scaled to 0..1: how check-worthy the statement is, how much
weight the speaker carries, how far it has travelled (appearances), and how
fresh it is. Weights favour check-worthiness: a viral opinion still ranks below
a fresh, checkable number from a minister.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

WEIGHTS = {"checkworthiness": 0.45, "speaker": 0.2, "reach": 0.2, "recency": 0.15}
REACH_SATURATION = 8  # appearances past which more reach adds nothing
RECENCY_HALF_LIFE_HOURS = 24.0

# Titles whose statements move markets, wars and elections weigh most.
_HEAD_TITLES = re.compile(
    r"\b(?:president|prime minister|chancellor|king|queen|premier|head of state|"
    r"chief of (?:the )?general staff|press secretary|foreign minister|defen[cs]e minister|"
    r"finance minister)\b",
    re.IGNORECASE,
)
_SENIOR_TITLES = re.compile(
    r"\b(?:minister|secretary|governor|mayor|spokes(?:person|man|woman)|general|ambassador|"
    r"senator|chairman|chairwoman|chair|director|commissioner|state media|news agency)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PriorityInput:
    checkworthiness: float  # 0..1, the best score among the claim's appearances
    checkworthiness_reasons: tuple[str, ...]
    official: bool
    speaker_title: str  # title, or the reason the speaker counts as official
    reach: int  # appearances of the claim
    outlets: int  # distinct outlets among them
    last_seen_at: datetime | None
    now: datetime


def speaker_weight(official: bool, title: str) -> float:
    if not official:
        return 0.0
    if _HEAD_TITLES.search(title):
        return 1.0
    if _SENIOR_TITLES.search(title):
        return 0.75
    return 0.5


def reach_weight(reach: int) -> float:
    if reach <= 1:
        return 0.0
    return min(1.0, math.log(reach) / math.log(REACH_SATURATION))


def recency_weight(hours: float) -> float:
    return 0.5 ** (max(0.0, hours) / RECENCY_HALF_LIFE_HOURS)


def priority(signals: PriorityInput) -> tuple[float, list[str]]:
    """Score in 0..100 (one decimal) and the reasons behind it, strongest signal first."""
    cw = max(0.0, min(1.0, signals.checkworthiness))
    speaker = speaker_weight(signals.official, signals.speaker_title)
    reach = reach_weight(signals.reach)
    hours = (
        (signals.now - signals.last_seen_at).total_seconds() / 3600
        if signals.last_seen_at
        else math.inf
    )
    recency = recency_weight(hours) if math.isfinite(hours) else 0.0
    value = (
        WEIGHTS["checkworthiness"] * cw
        + WEIGHTS["speaker"] * speaker
        + WEIGHTS["reach"] * reach
        + WEIGHTS["recency"] * recency
    )
    detail = ", ".join(signals.checkworthiness_reasons) or "no check-worthy features"
    reasons = [f"check-worthy {cw:.2f}: {detail}"]
    if signals.official:
        reasons.append(f"official: {signals.speaker_title or 'yes'}")
    else:
        reasons.append("not an official (promoted by staff)")
    outlets = max(1, signals.outlets)
    reasons.append(
        f"reach: {signals.reach} appearance{'s' if signals.reach != 1 else ''} "
        f"in {outlets} outlet{'s' if outlets != 1 else ''}"
    )
    reasons.append(f"recent: {_age(hours)}" if math.isfinite(hours) else "recent: never seen")
    return round(100 * value, 1), reasons


def _age(hours: float) -> str:
    if hours < 1:
        return f"{max(0, round(hours * 60))} min ago"
    if hours < 48:
        return f"{round(hours)} h ago"
    return f"{round(hours / 24)} days ago"
