"""Word tokens with absolute character offsets, and quotation spans within a sentence."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN_RE = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Gen|Sen|Sens|Rep|Reps|Gov|Lt|Col|Maj|Capt|Sgt|Adm|Supt|St|Prof|Jr|Sr|Rev"
    r"|Hon|No)\.(?=\s)|[A-Za-z](?:\.[A-Za-z])+\.?|[A-Z]\.(?=\s[A-Z])|\w+(?:[’'\-.&]\w+)*|[^\w\s]"
)
QUOTE_CHARS = frozenset('"“”«»')
_QUOTE_MARK_RE = re.compile('["“”«»]')


# A named tuple, not a frozen dataclass: just as immutable, and several times cheaper to
# build, which matters at about thirty tokens in every sentence with a cue word.
class Token(NamedTuple):
    text: str
    lower: str
    start: int
    end: int
    quoted: bool  # inside a quotation

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def quote_spans(text: str, offset: int) -> list[tuple[int, int]]:
    """Absolute (open, close) positions of quotation marks in a sentence.

    Curly quotes pair by direction; straight quotes pair in order. An opening mark with no
    close runs to the end (a quote continuing into the next paragraph), and a closing
    mark with no opener runs from the start (the tail of such a quote).
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    # One state for all styles: news text mixes “curly” and "straight" marks, even in one quote.
    # Only the marks are visited: most characters of a sentence are none.
    for mark in _QUOTE_MARK_RE.finditer(text):
        index, char = mark.start(), mark.group()
        if char in "“«" and opened is None:
            opened = index
        elif char in "”»":
            spans.append((opened if opened is not None else -1, index))
            opened = None
        elif char == '"':
            if opened is None:
                opened = index
            else:
                spans.append((opened, index))
                opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return sorted((offset + a if a >= 0 else offset - 1, offset + b) for a, b in spans)


def tokenize(text: str, offset: int, quotes: list[tuple[int, int]]) -> list[Token]:
    tokens: list[Token] = []
    index = 0
    for match in _TOKEN_RE.finditer(text):
        start = offset + match.start()
        while index < len(quotes) and quotes[index][1] < start:
            index += 1
        inside = index < len(quotes) and quotes[index][0] < start < quotes[index][1]
        word = match.group()
        tokens.append(Token(word, word.lower(), start, offset + match.end(), inside))
    return tokens
