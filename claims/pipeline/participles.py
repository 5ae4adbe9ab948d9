"""Participles that borrow a subject: ', telling reporters ...', '“fantastic,” telling ...',
', instead urging ...', 'by omitting X and stressing that ...', 'with Ada Lorne telling'.
"""

from __future__ import annotations

from claims.pipeline.lexicon import (
    AUX,
    COGNITION_FORMS,
    IRREGULAR_PAST,
    NP_GLUE,
    PASSIVE_AUX,
    PRONOUNS,
    SPEECH_FORMS,
)
from claims.pipeline.spans import WINDOW, Span, TokenScan
from claims.pipeline.tokens import QUOTE_CHARS

# Adverbs between the comma and a participle: "..., instead urging people to ...".
PARTICIPLE_ADVERBS = frozenset("instead also again later then even further publicly".split())


class Participles(TokenScan):
    def _participle_lead(self, index: int) -> str:
        """The word that introduces a participle, looking past an adverb or a closing quote.

        '“fantastic,” telling reporters' and ', instead urging people' count as ', telling'.
        """
        previous = self._word(index - 1)
        adverb = previous in PARTICIPLE_ADVERBS or (previous.endswith("ly") and len(previous) > 4)
        quote = self.tokens[index - 1].text in QUOTE_CHARS
        return "," if (adverb or quote) and self._word(index - 2) == "," else previous

    def _earlier_participle(self, index: int) -> bool:
        """', pointing to his record and saying ...': a participle after a comma came first."""
        for probe in range(index - 2, max(0, index - WINDOW), -1):
            token = self.tokens[probe]
            if token.lower.endswith("ing") and self._word(probe - 1) in {",", "by", "while"}:
                return True
        return False

    def _own_subject(self, index: int) -> Span | None:
        """'with Senator Ada Lorne telling', 'the midst of Pakistan asking': the name before."""
        previous = self.tokens[index - 1]
        bounds, _ = self._np_bounds(index - 1)
        if bounds is None or not (previous.is_cap or previous.lower == "percent"):
            return None
        start = index - 1
        while start > bounds[0] and (
            self.tokens[start - 1].is_cap or self.tokens[start - 1].text in {"'s", "’s", "."}
        ):
            start -= 1
        if previous.lower == "percent":
            start = bounds[0]
        return Span(self.tokens[start].start, previous.end)

    def _main_subject(self, index: int) -> Span | None:
        """The subject of the main clause, which may follow an introductory phrase.

        "In what is seen as a snub, China on Tuesday modified ..., stressing that ...".
        """
        for probe in range(index - 1, max(-1, index - WINDOW), -1):
            token = self.tokens[probe]
            if token.quoted or not token.is_word:
                continue
            if token.lower in PRONOUNS and token.lower not in {"it", "which", "who", "you"}:
                earlier = [
                    t for t in self.tokens[max(0, probe - 3) : probe] if not t.quoted and t.is_word
                ]
                if not earlier or earlier[-1].lower in {"and", "but"}:
                    return Span(token.start, token.end)
        starts = [0] + [i + 1 for i in range(min(index, WINDOW)) if self.tokens[i].text == ","]
        for start in starts[:4]:
            verb = self._first_verb_index(start, index)
            if verb < 0:
                continue
            source, _, _, stop = self._subject(verb)
            if source is not None and (start == 0 or stop < start):
                return source
        return None

    def _first_verb_index(self, start: int, limit: int) -> int:
        """The main verb: a cue, an auxiliary or a lowercase past form after the subject."""
        for probe in range(start + 1, min(limit, start + WINDOW)):
            token = self.tokens[probe]
            if token.quoted or token.is_cap or not token.is_word:
                continue
            word = token.lower
            if word in SPEECH_FORMS or word in COGNITION_FORMS or word in AUX | PASSIVE_AUX:
                return probe
            if (word.endswith("ed") and word not in NP_GLUE) or word in IRREGULAR_PAST:
                return probe
        return -1
