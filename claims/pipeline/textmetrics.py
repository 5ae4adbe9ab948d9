"""Shingle overlap between two texts, the measure used to score article extraction.

Same definition as the Zyte/Scrapinghub article-extraction benchmark: tokens are
`\\w+` runs, shingles are 4-token windows counted as a multiset.
"""

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    # A text shorter than one shingle still counts as one (short) shingle.
    count = max(1, len(tokens) - size + 1) if tokens else 0
    return Counter(tuple(tokens[i : i + size]) for i in range(count))


def shingle_f1(expected: str, extracted: str, size: int = 4) -> float:
    """F1 of the extracted text's shingles against the expected text's shingles."""
    want = shingles(expected, size)
    got = shingles(extracted, size)
    if not want and not got:
        return 1.0
    overlap = sum((want & got).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(got.values())
    recall = overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)
