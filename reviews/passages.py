"""Which statement a reader's quoted passage is about.

Deliberately one small function: a later matching service may replace it.
"""

from collections.abc import Iterable
from typing import TypeVar

from rapidfuzz import fuzz

T = TypeVar("T")

# Below this length partial matching finds any short word everywhere.
MIN_PARTIAL_LENGTH = 12


def nearest(
    text: str, candidates: Iterable[tuple[T, str]], threshold: float = 70
) -> tuple[T, float] | None:
    """The candidate whose text best overlaps `text` (0-100), if any reaches `threshold`.

    partial_ratio rewards a passage quoted from inside a longer sentence;
    token_set_ratio forgives reordered or paraphrased words.
    """
    wanted = _normalise(text)
    if not wanted:
        return None
    best: tuple[T, float] | None = None
    for key, candidate in candidates:
        other = _normalise(candidate)
        if not other:
            continue
        score = fuzz.token_set_ratio(wanted, other)
        if min(len(wanted), len(other)) >= MIN_PARTIAL_LENGTH:
            score = max(score, fuzz.partial_ratio(wanted, other))
        if score >= threshold and (best is None or score > best[1]):
            best = (key, score)
    return best


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())
