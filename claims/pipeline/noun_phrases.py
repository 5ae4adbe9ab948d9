"""Noun phrases around a cue: the source before the verb group, after an inverted tag,
or before an aside ("Gerasimov, during a briefing, acknowledged").
"""

from __future__ import annotations

from claims.pipeline.lexicon import (
    AUX,
    CLAUSE_BREAKERS,
    COGNITION_FORMS,
    DETERMINERS,
    NP_GLUE,
    PREPOSITIONS,
    PRONOUNS,
    SPEECH_FORMS,
    TIME_WORDS,
)
from claims.pipeline.spans import MAX_SUBJECT, Span, TokenScan
from claims.pipeline.tokens import QUOTE_CHARS, Token

LEADING_NOISE = frozenset("including like such as even only both also then but and so".split())


class NounPhrases(TokenScan):
    """Walks token by token to the edges of a source noun phrase."""

    def _ends_np(self, token: Token) -> bool:
        if (
            token.text in {",", ";", ":", ".", "!", "?", "(", ")", "—", "–"}
            or token.text in QUOTE_CHARS
        ):
            return True
        return token.lower in {"that", "which", "who", "and", "but"} or token.lower in SPEECH_FORMS

    def _subject(self, verb_index: int) -> tuple[Span | None, Span | None, str, int]:
        """Source noun phrase left of the verb group.

        Returns (source, antecedent of 'who', appositive, index where the walk stopped).
        """
        if verb_index <= 0:
            return None, None, "", -1
        left = verb_index - 1
        if self.tokens[left].lower in {"who", "which"} and left > 1 and self._word(left - 1) == ",":
            antecedent = self._np_span(left - 2)[0]
            who = self.tokens[left]
            return Span(who.start, who.end), antecedent, "", left
        if self.tokens[left].text == ",":
            return self._subject_before_aside(left)
        if self.tokens[left].lower in {"and", "but"}:
            # "He praised the plan and said ...": the coordinated verb shares the subject.
            return self._main_subject(left), None, "", -1
        source, stop = self._np_span(left)
        return source, None, "", stop

    def _subject_before_aside(self, comma: int) -> tuple[Span | None, Span | None, str, int]:
        """'Gerasimov, during a briefing, acknowledged' or 'Danilov, Secretary of X, said'."""
        probe = comma - 1
        while probe >= 0 and comma - probe < 45:
            token = self.tokens[probe]
            if token.quoted or token.text in QUOTE_CHARS or token.text in {";", ":"}:
                return None, None, "", probe
            if token.text == ",":
                break
            probe -= 1
        if probe < 0 or self.tokens[probe].text != ",":
            return None, None, "", probe
        aside = self.tokens[probe + 1 : comma]
        subject, stop = self._np_span(probe - 1)
        if subject is None or not aside:
            return None, None, "", stop
        if aside[0].lower in PREPOSITIONS or aside[0].lower in LEADING_NOISE | {"who", "whose"}:
            return subject, None, "", stop
        if self._is_name(subject) and self._looks_like_appositive(aside):
            return subject, None, " ".join(t.text for t in aside), stop
        return None, None, "", stop

    def _np_span(self, index: int) -> tuple[Span | None, int]:
        bounds, stop = self._np_bounds(index)
        if bounds is None:
            return None, stop
        return Span(self.tokens[bounds[0]].start, self.tokens[bounds[1]].end), stop

    def _np_bounds(self, index: int) -> tuple[tuple[int, int] | None, int]:
        """Token range of the noun phrase ending at `index`, and the index where it stopped."""
        end = index
        start = end + 1
        probe = end
        while probe >= 0 and end - probe < MAX_SUBJECT:
            token = self.tokens[probe]
            if token.quoted or not self._np_word(token):
                break
            start = probe
            probe -= 1
        if start > end:
            return None, probe
        # Strip a leading prepositional phrase or adverbial ("On Tuesday the minister").
        start = self._strip_leading(start, end)
        if start > end:
            return None, probe
        # "The World Health Organization on Monday said": drop the time adjunct.
        if (
            end - start >= 2
            and self.tokens[end].lower in TIME_WORDS
            and self.tokens[end - 1].lower in {"on", "last", "this", "in"}
        ):
            end -= 2
        words = self.tokens[start : end + 1]
        if words[-1].lower in NP_GLUE or words[-1].lower in DETERMINERS:
            return None, probe
        if not any(self._headlike(t) for t in words):
            return None, probe
        return (start, end), probe

    def _np_word(self, token: Token) -> bool:
        if token.text in {"'s", "’s", "'", "’", "-", "&", ".", "(", ")"} or token.text.endswith(
            "."
        ):
            return True  # parentheses keep "(PAHO)" and "(D-Calif.)" inside the phrase
        if not token.is_word:
            return False
        word = token.lower
        if word in CLAUSE_BREAKERS and word != "that":
            return False
        if word == "that":
            return False
        if word in SPEECH_FORMS or word in COGNITION_FORMS:
            return self._noun_use(token)
        return True

    def _noun_use(self, token: Token) -> bool:
        """'Russian state media', 'media reports': a cue word used as a noun inside a phrase."""
        index = self._index_at(token.end)
        previous = self.tokens[index - 1] if index else None
        if previous is not None and not previous.is_word:
            return False
        lemma = SPEECH_FORMS.get(token.lower) or COGNITION_FORMS.get(token.lower)
        if previous is None and token.lower == lemma:
            return True  # "State media quoted ...": a bare form opening the sentence
        if token.lower == lemma and lemma not in {"say", "tell", "ask"}:
            return previous.lower not in AUX and previous.lower not in PRONOUNS
        if previous is not None and token.lower.endswith("s") and not previous.is_cap:
            return previous.lower in DETERMINERS or (
                previous.lower not in PRONOUNS and previous.lower not in CLAUSE_BREAKERS
            )
        return False

    def _strip_leading(self, start: int, end: int) -> int:
        while start <= end and self.tokens[start].lower in LEADING_NOISE:
            start += 1
        if start <= end and self.tokens[start].lower in PREPOSITIONS:
            probe = start + 1
            while probe <= end:
                token = self.tokens[probe]
                if token.lower in DETERMINERS and probe > start + 1:
                    return probe
                # The object ends where capitalisation changes ("In Moscow officials").
                if (
                    probe > start + 1
                    and token.is_cap != self.tokens[probe - 1].is_cap
                    and (self.tokens[probe - 1].lower not in TIME_WORDS or not token.is_cap)
                ):
                    return probe
                if (
                    token.lower in TIME_WORDS
                    and probe + 1 <= end
                    and self.tokens[probe + 1].lower not in NP_GLUE
                ):
                    return probe + 1
                probe += 1
            rest = self.tokens[start + 1 : end + 1]
            if all(t.is_cap and t.lower not in TIME_WORDS for t in rest):
                return start + 1  # "with Coach Ada Lorne telling ...": the name is the phrase
            return end + 1
        return start

    def _headlike(self, token: Token) -> bool:
        if not token.is_word:
            return False
        word = token.lower
        if word in PRONOUNS or token.is_cap:
            return True
        return word not in DETERMINERS and word not in NP_GLUE and not word.endswith("ly")

    def _looks_like_appositive(self, words: list[Token]) -> bool:
        return (
            words[0].lower in DETERMINERS
            or words[0].is_cap
            or words[0].lower
            in {
                "secretary",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "chairman",
                "head",
            }
        )

    def _is_name(self, span: Span) -> bool:
        text = self._span_text(span)
        parts = text.split()
        return bool(parts) and all(p[:1].isupper() for p in parts[-2:])

    def _inverted(self, index: int) -> tuple[Span, str, int] | None:
        """'…,” said Gen. Ada Lorne, the army chief.' -> (source, appositive, next index)."""
        if index == 0:
            return None
        previous = self.tokens[index - 1]
        if previous.text not in {",", "—", "–"} and previous.text not in QUOTE_CHARS:
            return None
        probe = index + 1
        start = probe
        while probe < len(self.tokens) and probe - start < MAX_SUBJECT:
            token = self.tokens[probe]
            if token.quoted or not self._np_word(token) or token.text == ".":
                break
            probe += 1
        if probe == start:
            return None
        source = Span(self.tokens[start].start, self.tokens[probe - 1].end)
        appositive = ""
        if probe < len(self.tokens) and self.tokens[probe].text == ",":
            tail = probe + 1
            while tail < len(self.tokens) and self.tokens[tail].text not in {",", ".", ";"}:
                if self.tokens[tail].quoted:
                    break
                tail += 1
            appositive = " ".join(t.text for t in self.tokens[probe + 1 : tail])
            probe = tail
        return source, appositive, probe
