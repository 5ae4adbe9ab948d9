"""Cues inside a frame: a question put to the speaker, "went on to say", "as confirmed by X",
nominal claims ("Lorne's claim that ...") and relayed speech ("X quoted Y as saying").
"""

from __future__ import annotations

from dataclasses import replace

from claims.pipeline.lexicon import PREPOSITIONS, SPEECH_FORMS, WEAK_LEMMAS
from claims.pipeline.spans import RawAttribution, Span, TokenScan
from claims.pipeline.tokens import QUOTE_CHARS

# "went on to say", "continued to insist": the speaker goes on speaking; not an intention.
CONTINUATIVE = frozenset("continued continues continue went goes go proceeded".split())
# Nouns that carry a claim when a possessor and a 'that' clause frame them.
CLAIM_NOUNS = frozenset(
    """claim claims assertion insistence denial allegation allegations warning promise pledge
    argument contention suggestion admission announcement stand view position""".split()
)
_POSSESSIVE_DETERMINERS = frozenset("his her their its".split())
_QUESTION_LEADS = frozenset("when after once if".split())
MAX_RELAYED = 16  # tokens from "quoted" to "as saying"


class Framed(TokenScan):
    def _continues_speaking(self, index: int) -> bool:
        """'went on to say', 'continued to describe': speech goes on; the verb is a cue."""
        if self._word(index - 1) != "to":
            return False
        before = self._word(index - 2)
        if before == "on":
            return self._word(index - 3) in CONTINUATIVE
        # "continued to insist", but "went to see the ice" is a trip: only "went on to say".
        return before in CONTINUATIVE - {"went", "goes", "go"}

    def _question(self, index: int) -> RawAttribution | None:
        """'Asked about the plan, she said ...', 'He was asked whether ...': the question.

        Questions are not statements: the finder keeps one only beside the answer's
        attribution in the same sentence.
        """
        cue = Span(self.tokens[index].start, self.tokens[index].end)
        end = index + 1
        while end < len(self.tokens) and self.tokens[end].text not in {",", ";", ":", "."}:
            end += 1
        if end <= index + 1:
            return None
        content = Span(self.tokens[index + 1].start, self.tokens[end - 1].end)
        cue_text = self._span_text(cue)
        return RawAttribution(
            None, cue, cue_text, "ask", content, self._span_text(content), False, question=True
        )

    def _is_question_frame(self, index: int, passive: bool) -> bool:
        """'Asked ...' opening the sentence, 'when asked', 'was asked about/if/whether'."""
        if self.tokens[index].lower != "asked":
            return False
        if passive:
            return self._word(index + 1) in {"about", "if", "whether", "why", "what", "how"}
        return index == 0 or self._word(index - 1) in _QUESTION_LEADS

    def _by_agent(self, index: int, lemma: str) -> RawAttribution | None:
        """'..., as confirmed by X', 'was first reported by X': the agent is the source."""
        if self._word(index + 1) != "by" or lemma in WEAK_LEMMAS:
            return None  # "the claim was rejected by officials": an act on a thing, not speech
        np_end = index + 2
        while np_end < len(self.tokens) and not self._ends_np(self.tokens[np_end]):
            np_end += 1
        if np_end == index + 2:
            return None
        source = Span(self.tokens[index + 2].start, self.tokens[np_end - 1].end)
        start = index - 1
        while start >= 0 and self.tokens[start].lower in {"was", "were", "is", "first", "as"}:
            start -= 1
        if (
            self._word(np_end) == "that"
            and self._word(np_end - 1) not in PREPOSITIONS  # "a coup in that country"
            and np_end + 1 < len(self.tokens)
        ):
            content = self._to_end(np_end + 1)  # "I was told by officials that X": X was said
        elif self.tokens[start].text in {",", "—"}:
            content = self._clause_before(start + 1)  # "X is so, as confirmed by Y"
        else:
            content = self._subject(start + 1)[0]  # "The issue was first reported by Y"
        if content is None:
            return None
        cue = Span(self.tokens[start + 1].start, self.tokens[index + 1].end)
        cue_text = self._span_text(cue)
        return RawAttribution(
            source, cue, cue_text, lemma, content, self._span_text(content), False
        )

    def _nominal_claim(self, index: int) -> RawAttribution | None:
        """ "Lorne's claim that ...", "his insistence that ...": the possessor is the source."""
        if self._word(index + 1) != "that" or index == 0:
            return None
        previous = self.tokens[index - 1]
        if previous.lower in _POSSESSIVE_DETERMINERS:
            source = Span(previous.start, previous.end)
        elif previous.text in {"'s", "’s"} or previous.text.endswith(("'s", "’s")):
            start = index - 1  # the possessor's name: "the minister's", "Ada Lorne's"
            while start > 0 and (self.tokens[start - 1].is_cap or self._word(start - 1) == "the"):
                start -= 1
            source = Span(self.tokens[start].start, previous.end)
        else:
            return None
        content = self._to_end(index + 2)
        if content is None:
            return None
        cue = Span(self.tokens[index].start, self.tokens[index].end)
        lemma = "claim"
        return RawAttribution(
            source, cue, self._span_text(cue), lemma, content, self._span_text(content), False
        )

    def _relayed(self, index: int, group_start: int, cue: Span) -> RawAttribution | None:
        """'The agency quoted the minister, Pavel Dran, as saying ...': the minister speaks;
        the agency, which stays the source as written, only relays the words."""
        for probe in range(index + 2, min(index + MAX_RELAYED, len(self.tokens) - 2)):
            token = self.tokens[probe]
            if token.quoted or token.text in QUOTE_CHARS or token.text in {";", ":", "."}:
                return None
            following = self._word(probe + 1)
            if token.lower == "as" and following.endswith("ing") and following in SPEECH_FORMS:
                end = probe - 1
                while end > index and self.tokens[end].text == ",":
                    end -= 1
                relay = self._subject(group_start)[0]
                speaker = Span(self.tokens[index + 1].start, self.tokens[end].end)
                found = self._with_content(index, cue, "say", relay or speaker, probe + 2, -1)
                return replace(found, relayed=speaker) if found and relay else found
        return None
