"""The clause after a cue: 'that' skipped, recipients and time phrases passed over, and
the frames that let a weak verb carry a statement (a clause, a quote, 'X as Y').
"""

from __future__ import annotations

from claims.pipeline.lexicon import (
    AS_FRAME_LEMMAS,
    COGNITION_FORMS,
    COGNITION_LEMMAS,
    NOT_HELD,
    OBJECT_FRAME_LEMMAS,
    PREPOSITIONS,
    RECIPIENTS,
    SPEECH_FORMS,
    WEAK_LEMMAS,
)
from claims.pipeline.spans import Span, TokenScan
from claims.pipeline.tokens import QUOTE_CHARS

DOCUMENT_NOUNS = frozenset(
    """data figures statistics report reports study survey poll records documents filing
    forecasts projections assessment assessments analysis memo letter affidavit ruling
    complaint indictment statement release audit audits lawsuit memorandum""".split()
)
# Verbs that judge someone for something: "criticised X for ...", "blamed X for ...".
FOR_FRAME_LEMMAS = frozenset(
    "criticize criticise condemn denounce slam blast decry praise blame".split()
)
# Finite verbs that show a clause has begun: "the fund was", "future devices could".
FINITE_VERBS = frozenset(
    "is are was were has have had will would could can may might should must".split()
)
# "that $2 million was missing": a clause may open with a sum.
_CURRENCY = frozenset("$£€")
_CLAUSE_STOPS = frozenset("to and or but as than when while because if which who".split())
_PARTICLES = {
    "brush": frozenset({"off", "aside"}),
    "wave": frozenset({"off", "away", "aside"}),
    "scoff": frozenset({"at"}),
    "rule": frozenset({"out"}),  # "ruled out a second vote": what is excluded is the content
}


class Complements(TokenScan):
    def _is_document(self, source: Span) -> bool:
        """'Data from the bureau shows ...': documents and figures report without 'that'."""
        words = self._span_text(source).lower().split()
        return any(word in DOCUMENT_NOUNS for word in words[:4])

    def _opens_clause_at(self, index: int) -> bool:
        """A word or a sum ("that $2 million was missing") after 'that', not a stop."""
        opening = self._word(index)[:1]
        return opening.isalnum() or opening in _CURRENCY

    def _complement(self, after: int, lemma: str, document: bool = False) -> Span | None:
        """The clause after the cue, skipping 'that' and recipients or time phrases."""
        weak = not document and (lemma in WEAK_LEMMAS or lemma in COGNITION_FORMS.values())
        limit = min(after + (3 if weak else 14), len(self.tokens))
        if lemma == "want":
            # "want" holds a view only in its object frame: not "want to ... that", not quotes.
            return self._to_end(after) if self._object_frame(after, lemma) else None
        for probe in range(after, limit):
            token = self.tokens[probe]
            if token.lower == "that" and not token.quoted and self._opens_clause_at(probe + 1):
                return self._to_end(probe + 1)  # not "could change that.": a pronoun
            if token.text == "," and not token.quoted:
                continue  # "said, in a statement, that ...": an adjunct set off by commas
            if not token.is_word or token.lower in {"and", "but", "or"}:
                break
            if token.lower in SPEECH_FORMS:
                break
        if weak:
            nxt = self._word(after)
            clause = lemma in COGNITION_LEMMAS and (
                nxt in {"he", "she", "they", "we", "i", "there"}
                or (nxt in {"this", "it"} and self._finite_after(after + 1))
            )
            if not (
                nxt == ":"
                or (lemma == "call" and nxt == "for" and after + 1 < len(self.tokens))
                or (lemma == "rule" and nxt == "out" and self._ruled_out(after))
                or clause
                or self._quote_at(after, True)
                or self._as_frame(after, lemma)
                or self._for_frame(after, lemma)
                or self._threat(after, lemma)
                or self._bare_clause(after)
                or self._object_frame(after, lemma)
            ):
                return None
        index = after
        if lemma == "tell":
            while index < len(self.tokens) and (
                self.tokens[index].lower in RECIPIENTS or self.tokens[index].is_cap
            ):
                index += 1
        if lemma == "ask":
            index = self._after_question_target(index)
        if lemma == "call" and self._word(index) == "for":
            index += 1  # "called for calm": what was called for is the content
        if lemma in _PARTICLES and self._word(index) in _PARTICLES[lemma]:
            index += 1  # "brushed off the reports as ...": the particle belongs to the cue
        while index < len(self.tokens) and self.tokens[index].text in {",", ":", "—", "–"}:
            index += 1
        if index >= len(self.tokens):
            return None
        content = self._to_end(index)
        # "reported from Washington", "warned about surprises": a circumstance, no claim.
        if (
            content is not None
            and self.tokens[index].lower in PREPOSITIONS
            and len(self.text[content.start : content.end].split()) <= 4
        ):
            return None
        return content

    def _finite_after(self, index: int) -> bool:
        """'believe this appears to be ...': a finite verb right after the pronoun."""
        word = self._word(index)
        return word in FINITE_VERBS or (
            word.isalpha() and word.endswith(("s", "ed")) and not word.endswith("ss")
        )

    def _object_frame(self, after: int, lemma: str) -> bool:
        """'sees unemployment falling', 'sees the deal as a win', 'wants the council to
        delay', 'expects prices to rise': an object, then its -ing, 'as' or 'to' complement."""
        if lemma not in OBJECT_FRAME_LEMMAS or self._word(after) in {"to", "that", "it", "and"}:
            return False
        for probe in range(after + 1, min(after + 7, len(self.tokens))):
            token = self.tokens[probe]
            if not token.is_word or token.quoted or token.lower in {"and", "or", "but"}:
                return False  # "what she wants and her rivals continue to ...": no object
            if lemma == "see":
                if token.lower == "as" or (token.lower.endswith("ing") and not token.is_cap):
                    return True
            elif token.lower == "to":
                following = self._word(probe + 1)
                return following.isalpha() and following not in {"the", "a", "an"}
        return False

    def _bare_clause(self, after: int) -> bool:
        """'recalled the fund was set up ...', 'believed customer data had not been hit':
        a clause with no 'that' — a short subject, then a finite verb."""
        first = self.tokens[after] if after < len(self.tokens) else None
        if first is None or not first.is_word or first.lower in PREPOSITIONS | {"to", "not"}:
            return False
        for probe in range(after + 1, min(after + 8, len(self.tokens))):
            token = self.tokens[probe]
            if token.lower in FINITE_VERBS:
                return True
            if not token.is_word or token.quoted or token.lower in _CLAUSE_STOPS:
                return False
        return False

    def _as_frame(self, after: int, lemma: str) -> bool:
        """'rejected the reports as baseless': the object and its 'as' complement are the claim."""
        if lemma not in AS_FRAME_LEMMAS:
            return False
        for probe in range(after, min(after + 20, len(self.tokens))):
            token = self.tokens[probe]
            if token.text in {".", ";", ":"}:
                return False
            if token.lower == "as" and not token.quoted:
                return True
        return False

    def _for_frame(self, after: int, lemma: str) -> bool:
        """'criticised the government for trying to scare people', 'blamed the board for the
        delay': a judgement of someone, and what for."""
        if lemma not in FOR_FRAME_LEMMAS or self._word(after) in {
            "for",
            "that",
            "it",
            "out",
            "off",
        }:
            return False
        for probe in range(after + 1, min(after + 10, len(self.tokens) - 1)):
            token = self.tokens[probe]
            if token.quoted or not token.is_word or token.lower in {"and", "but", "as"}:
                return False
            if token.lower == "for":
                return self.tokens[probe + 1].is_word
        return False

    def _ruled_out(self, after: int) -> bool:
        """'ruled out a second vote': an option excluded, a stance held. Not 'has not ruled
        out resigning', which asserts nothing."""
        group = {self._word(after - k) for k in (2, 3, 4)}
        return (
            after + 1 < len(self.tokens) and self.tokens[after + 1].is_word and not group & NOT_HELD
        )

    def _threat(self, after: int, lemma: str) -> bool:
        """'threatened to close the bridge': a threat, whose content is the act threatened."""
        following = self._word(after + 1)
        return lemma == "threaten" and self._word(after) == "to" and following.isalpha()

    def _after_question_target(self, index: int) -> int:
        """'asked the crowd, "Can she stay?"': the question starts after the person asked."""
        for probe in range(index, min(index + 8, len(self.tokens))):
            token = self.tokens[probe]
            if token.quoted or token.text in QUOTE_CHARS:
                return probe
            if token.lower in {"whether", "if", "why", "what", "how", "when", "who", ","}:
                return probe + 1 if token.lower in {"whether", "if", ","} else probe
        return index
