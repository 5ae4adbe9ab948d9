"""Sentence splitting for news text, with character offsets into the original string.

1. Lines are paragraphs: newsroom text puts headlines, bylines and list items on their own line.
2. Inside a paragraph a full stop, "?" or "!" ends a sentence unless it closes an abbreviation,
   a title ("Gen."), an initial ("J.") or sits inside a balanced quotation.
3. Units are capped in length so a 50,000-character run-on cannot slow the detector down.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from claims.pipeline.lexicon import ABBREVIATIONS, SENTENCE_STARTERS

MAX_UNIT = 3000  # characters; longer units are cut at a space
MAX_QUOTE = 1500  # a "quotation" longer than this is probably an unbalanced quote mark

_PARAGRAPH_RE = re.compile(r"[^\r\n]+")
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’')\]]*\s?(?=\s+[\"“‘'(\[]?\s?[A-Z0-9\-–—•])")
_LAST_WORD_RE = re.compile(r"([A-Za-z][A-Za-z'’.]*)[.]$")
_NEXT_WORD_RE = re.compile(r"\s+[\"“‘'(\[]?([\w]+)")
_STRAIGHT_QUOTE_RE = re.compile(r'"')
# A short name or pronoun followed by a speech verb, right after a closing quote.
_TAG_AFTER_RE = re.compile(
    r"\s+(?:[A-Z][\w.’'-]*\s+){0,3}(?:said|says|asked|added|told|wrote|replied|explained)\b"
)
_CURLY_QUOTE_RE = re.compile(r"[“”]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph_start: bool  # first sentence of its line: headlines and continuations start here
    paragraph_end: bool


def split_sentences(text: str) -> list[Sentence]:
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Sentence]:
    for para in _PARAGRAPH_RE.finditer(text):
        spans = _split_paragraph(text, para.start(), para.end())
        for index, (start, end) in enumerate(spans):
            yield Sentence(start, end, text[start:end], index == 0, index == len(spans) - 1)


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    para = text[start:end]
    # Two apostrophes stand for a quotation mark in some newswire text; same length kept.
    scan = para.replace("''", '" ')
    protected = _quoted_regions(scan)
    cuts: list[int] = []
    for match in _BOUNDARY_RE.finditer(scan):
        cut = match.end()
        if _inside(protected, cut) or _is_abbreviation(para, match.start(), cut):
            continue
        if match.group().rstrip()[-1:] in "\"”'" and _TAG_AFTER_RE.match(scan, cut):
            continue  # '"Is that all?" Trump said.': the tag belongs to the quotation
        cuts.append(cut)
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in [*cuts, len(para)]:
        for piece_start, piece_end in _cap_length(para, previous, cut):
            stripped = _strip(para, piece_start, piece_end)
            if stripped:
                spans.append((start + stripped[0], start + stripped[1]))
        previous = cut
    return spans


def _quoted_regions(para: str) -> tuple[list[int], list[int]]:
    """Balanced quotations of bounded length; a sentence never ends inside one."""
    regions: list[tuple[int, int]] = []
    for pattern, opener in ((_CURLY_QUOTE_RE, "“"), (_STRAIGHT_QUOTE_RE, None)):
        marks = [m.start() for m in pattern.finditer(para)]
        if opener is None:
            pairs = list(zip(marks[::2], marks[1::2], strict=False)) if len(marks) % 2 == 0 else []
        else:
            pairs = _pair_curly(para, marks)
        regions.extend((a, b) for a, b in pairs if b - a <= MAX_QUOTE)
    return _merge(regions)


def _pair_curly(para: str, marks: list[int]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for pos in marks:
        if para[pos] == "“":
            opened = pos
        elif opened is not None:
            pairs.append((opened, pos))
            opened = None
    return pairs


def _merge(regions: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, disjoint regions as parallel start/end lists for bisection."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(regions):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _inside(regions: tuple[list[int], list[int]], pos: int) -> bool:
    starts, ends = regions
    index = bisect_left(starts, pos) - 1
    return index >= 0 and pos <= ends[index]


def _is_abbreviation(para: str, dot: int, cut: int) -> bool:
    if para[dot] != "." or cut - dot > 1:
        return False
    word_match = _LAST_WORD_RE.search(para, max(0, dot - 30), dot + 1)
    if not word_match:
        return False
    word = word_match.group(1).rstrip(".")
    if len(word) == 1 and word.isupper():
        # An initial, as in "John F. Kennedy"; not the end of "Article 35A."
        return not (word_match.start(1) > 0 and para[word_match.start(1) - 1].isdigit())
    if word.lower() in ABBREVIATIONS:
        return True
    if "." in word:  # "U.S." ends a sentence only before a typical sentence opener
        nxt = _NEXT_WORD_RE.match(para, cut)
        return not (nxt and nxt.group(1).lower() in SENTENCE_STARTERS)
    return False


def _cap_length(para: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_UNIT:
        space = para.rfind(" ", start + MAX_UNIT // 2, start + MAX_UNIT)
        cut = space if space > start else start + MAX_UNIT
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _strip(para: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and para[start].isspace():
        start += 1
    while end > start and para[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def in_title_case(line: str) -> bool:
    """'Senator Says Budget Will Pass', 'Black Lawmakers Rip Donald Trump': a headline, even
    with a full stop, whose capitals mark no name's edge. Title case capitalises the last
    word too: "On Monday, Mayor Ana Pires said:" is a tag."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or words[-1][:1].islower():
        return False
    return len(words) >= 4 and sum(1 for w in words if w[:1].isupper()) >= 0.8 * len(words)
