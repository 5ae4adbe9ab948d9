"""pg_trgm's similarity in Python, and an index that finds the similar texts among many.

`similarity` gives what PostgreSQL's `similarity(a, b)` gives: each run of letters
and digits, lower-cased and padded with two spaces before and one after, is cut
into trigrams; the score is shared trigrams over all distinct trigrams (Jaccard).

`TrigramIndex.similar` finds every indexed text at or above a threshold without
comparing against them all: two sets with Jaccard >= t must share one of the
first |X| - ceil(t·|X|) + 1 trigrams of each, in any fixed order (prefix
filtering, Xiao et al. 2008), so only texts sharing a prefix trigram are scored.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+")


def trigrams(text: str) -> frozenset[str]:
    grams: set[str] = set()
    for word in _WORD.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def similarity(a: str, b: str) -> float:
    return jaccard(trigrams(a), trigrams(b))


class TrigramIndex:
    """Texts added under integer keys; `similar` returns the keys scoring >= threshold.

    Each trigram set is held as the bits of one integer, so scoring a candidate is an
    AND and a popcount. Bits are numbered by `corpus` (the sets the index will see,
    added or asked about), rarest trigram first, which keeps the prefixes selective;
    any fixed order gives the same answers.
    """

    def __init__(self, threshold: float, corpus: Iterable[frozenset[str]] = ()) -> None:
        self.threshold = threshold
        counts = Counter(gram for grams in corpus for gram in grams)
        self._bit = {gram: n for n, gram in enumerate(sorted(counts, key=lambda g: (counts[g], g)))}
        self._sets: dict[int, tuple[int, int]] = {}  # key -> (bits, size)
        self._postings: dict[int, list[int]] = defaultdict(list)

    def add(self, key: int, grams: frozenset[str]) -> None:
        bits, ordered = self._bits(grams)
        self._sets[key] = (bits, len(ordered))
        for bit in self._prefix(ordered):
            self._postings[bit].append(key)

    def similar(self, grams: frozenset[str]) -> list[tuple[int, float]]:
        """(key, score) of every indexed text at or above the threshold, in no order."""
        bits, ordered = self._bits(grams)
        size, threshold = len(ordered), self.threshold
        # Sizes this far apart cannot reach the threshold (|A∩B| is at most the smaller).
        smallest, largest = threshold * size, size / threshold if threshold else math.inf
        sets, postings = self._sets, self._postings
        candidates: set[int] = set()
        for bit in self._prefix(ordered):
            candidates.update(postings.get(bit, ()))
        found = []
        for key in candidates:
            other, other_size = sets[key]
            if smallest <= other_size <= largest:
                shared = (bits & other).bit_count()
                score = shared / (size + other_size - shared)
                if score >= threshold:
                    found.append((key, score))
        return found

    def _bits(self, grams: frozenset[str]) -> tuple[int, list[int]]:
        numbers = self._bit
        ordered = sorted(numbers.setdefault(gram, len(numbers)) for gram in grams)
        bits = 0
        for bit in ordered:
            bits |= 1 << bit
        return bits, ordered

    def _prefix(self, ordered: list[int]) -> list[int]:
        keep = len(ordered) - math.ceil(self.threshold * len(ordered)) + 1
        return ordered[: max(keep, 0)]
