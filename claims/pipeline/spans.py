"""Spans, raw attributions and the token scan the attribution finder is built on."""

from __future__ import annotations

from dataclasses import dataclass

from claims.pipeline.tokens import Token

WINDOW = 60  # tokens; every scan around a cue is bounded so long units stay linear
MAX_SUBJECT = 14  # tokens; longer left contexts are clauses, not noun phrases


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class RawAttribution:
    source: Span | None
    cue: Span
    cue_text: str
    lemma: str
    content: Span | None
    content_text: str
    direct: bool
    antecedent: Span | None = None  # the noun phrase a "who" source stands for
    appositive: str = ""  # "the chairman of the district party" next to a name
    participle: bool = False  # "..., saying" borrows the subject of the main clause
    question: bool = False  # "Asked about X, ...": kept only beside the answer
    nested: bool = False  # inside another attribution's content
    relayed: Span | None = None  # "X quoted Y as saying": Y speaks, X (the source) relays


class TokenScan:
    """The tokens of one sentence and the quotations in it; the finder's parts share it."""

    def __init__(self, text: str, tokens: list[Token], quotes: list[tuple[int, int]]) -> None:
        self.text = text
        self.tokens = tokens
        self.quotes = quotes
        self._by_end = {token.end: index for index, token in enumerate(tokens)}

    def _word(self, index: int) -> str:
        return self.tokens[index].lower if 0 <= index < len(self.tokens) else ""

    def _index_at(self, offset: int) -> int:
        if offset in self._by_end:
            return self._by_end[offset]
        for index, token in enumerate(self.tokens):
            if token.end >= offset:
                return index
        return len(self.tokens)

    def _span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def _quote_at(self, index: int, forward: bool) -> tuple[int, int] | None:
        """The quotation that starts right after (or ends right before) token `index`."""
        step = 1 if forward else -1
        probe = index
        while 0 <= probe < len(self.tokens) and self.tokens[probe].lower in {",", ":", "—", "–"}:
            probe += step
        if not 0 <= probe < len(self.tokens):
            return None
        token = self.tokens[probe]
        for q_open, q_close in self.quotes:
            if forward and q_open == token.start:
                return q_open, q_close
            if not forward and q_close == token.start:
                return q_open, q_close
        return None
