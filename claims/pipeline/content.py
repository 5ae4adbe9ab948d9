"""The content of an attribution: a quotation next to the tag, the clause after the cue,
or the clause before a trailing tag ("The plan works, the minister said.").
"""

from __future__ import annotations

from claims.pipeline.bodies import GENERIC_BODY_WORDS
from claims.pipeline.complements import FINITE_VERBS, Complements
from claims.pipeline.lexicon import (
    DETERMINERS,
    PREPOSITIONS,
    RECIPIENTS,
    SPEECH_FORMS,
    TIME_WORDS,
)
from claims.pipeline.official_terms import BODY_HEADS, TITLES
from claims.pipeline.roles import ROLE_NOUNS
from claims.pipeline.spans import WINDOW, RawAttribution, Span
from claims.pipeline.tokens import QUOTE_CHARS

# Verbs that never tag a preceding clause as speech: "..., X called.", "..., X showed."
NO_TAG_LEMMAS = frozenset("call show find read post order rule point charge".split())
ADJUNCT_OPENERS = frozenset("even despite amid when after before since".split())
SUBORDINATORS = frozenset("though although while because as but adding noting citing".split())
# Lemmas whose source must be able to speak: "The storm threatened to flood the valley" is
# no threat voiced by anyone.
SPEAKER_ONLY_LEMMAS = frozenset({"threaten"})
# Heads of a common-noun subject that can voice a threat: role and office nouns, bodies and
# the groups and organisations that act through spokespeople.
SPEAKING_HEADS = (
    ROLE_NOUNS
    | GENERIC_BODY_WORDS
    | BODY_HEADS
    | frozenset(t for t in TITLES if " " not in t and "." not in t)
    | frozenset(
        """he she they we i you who man woman men women people official officials leader
        leaders company companies firm firms group groups union unions party parties campaign
        government governments country countries nation nations member members lawmaker
        lawmakers legislator legislators chief boss executive executives spokesman
        spokeswoman spokesperson administration regime rebels militants protesters
        organisers organizers several many some others few both all most""".split()
    )
)


class Content(Complements):
    """Finds the statement once cue and source are known."""

    def _with_content(
        self,
        index: int,
        cue: Span,
        lemma: str,
        source: Span,
        after: int,
        subject_stop: int,
        antecedent: Span | None = None,
        appositive: str = "",
        participle: bool = False,
        inverted_source: bool = False,
    ) -> RawAttribution | None:
        if lemma in SPEAKER_ONLY_LEMMAS and not self._can_speak(antecedent or source):
            return None
        cue_text = self._cue_text(index, cue)
        after = self._colon_past_adjunct(after)
        quote_after = self._quote_at(after, forward=True)
        left_quote = self._quote_at(subject_stop, forward=False) if subject_stop >= 0 else None
        left_stop = self.tokens[subject_stop].text if subject_stop >= 0 else ""
        trailing = left_stop in {",", "—", "–"} | QUOTE_CHARS and self._is_trailing_tag(after)
        if lemma in NO_TAG_LEMMAS and left_stop not in QUOTE_CHARS:
            trailing = False  # "Then, last week, Eric Trump called.": a phone call
        direct = False
        content: Span | None = None
        if not left_quote and self._lead_in(after):
            # "Limbaugh added:", "On Monday, the minister said:" — the statement follows
            # in the next paragraph; an opening adjunct is no content before a tag.
            colon = self.tokens[after]
            return RawAttribution(
                source, cue, cue_text, lemma, Span(colon.end, colon.end), "", False, antecedent
            )
        if left_quote and (trailing or quote_after or inverted_source):
            direct = True
            if quote_after:
                content = Span(left_quote[0] + 1, quote_after[1])
                text = f"{self.text[left_quote[0] + 1 : left_quote[1]]} … "
                text += self.text[quote_after[0] + 1 : quote_after[1]]
                return RawAttribution(
                    source,
                    cue,
                    cue_text,
                    lemma,
                    content,
                    text.strip(),
                    True,
                    antecedent,
                    appositive,
                    participle,
                )
            content = Span(left_quote[0] + 1, left_quote[1])
        elif quote_after and self._quote_fills_rest(quote_after):
            direct = True
            content = Span(quote_after[0] + 1, quote_after[1])
        elif trailing and subject_stop > 0 and self._words_before(subject_stop) > 1:
            content = self._clause_before(subject_stop + 1)
            rest = self._parenthetical_rest(after)
            if content is not None and rest is not None:
                content = Span(content.start, rest.end)  # "That, he said, was untrue."
        elif trailing and subject_stop > 0 and self._word(after) == ",":
            content = self._parenthetical_rest(after)  # "Meanwhile, he continued, X."
        elif left_stop == "as" and self._word(subject_stop - 1) == ",":
            content = self._clause_before(subject_stop)  # "X had a gun, as police have said."
        else:
            if self._no_content(index):
                return None
            content = self._complement(after, lemma, self._is_document(source))
        if content is None or content.end <= content.start:
            return None
        return RawAttribution(
            source,
            cue,
            cue_text,
            lemma,
            content,
            self._span_text(content),
            direct,
            antecedent,
            appositive,
            participle,
        )

    def _can_speak(self, source: Span) -> bool:
        """A person, a body, a pronoun for one or a role noun: a name (a capital after any
        determiner), a personal pronoun or a speaking head noun. Not "the storm", "it"."""
        words = self._span_text(source).split()
        if any(w[:1].isupper() and w.lower() not in DETERMINERS for w in words):
            return True
        head = words[-1].lower().removesuffix("'s").removesuffix("’s") if words else ""
        return head in SPEAKING_HEADS or head.removesuffix("s") in SPEAKING_HEADS

    def _colon_past_adjunct(self, after: int) -> int:
        """The colon that ends a tag after a short adjunct ("said on Monday:", "told
        reporters in Marlow:", "said in a statement:"): the statement follows it, in a
        quotation or the next paragraph. Otherwise `after` as it was: "announced new
        measures: a curfew ..." keeps its object."""
        words = 0
        for probe in range(after, min(after + WINDOW, len(self.tokens))):
            token = self.tokens[probe]
            if token.text == ":":
                return probe if words else after
            if token.quoted or token.text in QUOTE_CHARS:
                return after
            if not token.is_word:
                continue
            if words == 0 and not (
                token.lower in PREPOSITIONS
                or token.lower in TIME_WORDS
                or token.lower in RECIPIENTS
                or token.lower in {"last", "this", "earlier", "later", "recently"}
            ):
                return after
            words += 1
            if words > 7 or token.lower == "that":
                return after
            if token.lower in SPEECH_FORMS and self._word(probe - 1) not in DETERMINERS:
                return after  # "said on Monday he told ...", not "said of the ruling:"
            if token.lower in FINITE_VERBS and not token.is_cap:
                return after
        return after

    def _lead_in(self, after: int) -> bool:
        """The sentence ends with the tag and a colon: its content comes after."""
        return self._word(after) == ":" and after == len(self.tokens) - 1

    def _parenthetical_rest(self, after: int) -> Span | None:
        """The clause after a mid-sentence tag: 'X, the minister said, Y'."""
        probe = after
        while probe < len(self.tokens) and self.tokens[probe].text != ",":
            if self.tokens[probe].quoted or self.tokens[probe].text in QUOTE_CHARS:
                return None
            probe += 1
        if probe + 1 >= len(self.tokens) or self.tokens[probe + 1].text in QUOTE_CHARS:
            return None
        if self._word(probe + 1) in SUBORDINATORS | ADJUNCT_OPENERS:
            return None  # "X, the minister said, even as Y": an adjunct, not more of X
        return self._to_end(probe + 1)

    def _words_before(self, index: int) -> int:
        return sum(1 for token in self.tokens[max(0, index - 3) : index] if token.is_word)

    def _is_trailing_tag(self, after: int) -> bool:
        """Nothing but a short adjunct ('on Tuesday', 'in a statement') follows the cue."""
        remaining = self.tokens[after : after + WINDOW]
        if any(t.quoted for t in remaining) and remaining and remaining[0].text == ",":
            return True  # '"Q1," he said, "Q2."'
        if len(remaining) > 1 and remaining[0].text == "," and remaining[1].lower in SUBORDINATORS:
            return True  # '"Q," Woodard said, though he stressed ...'
        if len(remaining) > 1 and remaining[0].text == ",":
            # A tag set off by commas: "Meanwhile, he continued, the plan ..."; but not
            # "announced, in a statement, that ...", whose complement follows the adjunct.
            return remaining[1].lower not in PREPOSITIONS | {"that", "saying", "adding"}
        # Only the stretch up to the next comma: '"Q," he told X, according to Y.'
        commas = [i for i, t in enumerate(remaining) if t.text == "," and i > 0]
        if commas:
            remaining = remaining[: commas[0]]
        words = [t for t in remaining if t.is_word and not t.quoted]
        if not words:
            return True
        if len(words) > 7 or any(
            t.lower in {"that"}
            or t.lower in SPEECH_FORMS
            or (t.lower in FINITE_VERBS and not t.is_cap)
            for t in words
        ):
            return False  # "Asked about it, she said the plan would work": a clause follows
        first = words[0]
        return (
            first.lower in PREPOSITIONS
            or first.lower in TIME_WORDS
            or first.lower in RECIPIENTS
            or first.lower in DETERMINERS
            or first.lower in {"last", "this", "earlier", "later", "recently"}
            or (first.is_cap and remaining[0].is_word)
            or remaining[0].text == ","
        )

    def _quote_fills_rest(self, quote: tuple[int, int]) -> bool:
        index = self._index_at(quote[1] + 1)
        tail = [t for t in self.tokens[index : index + WINDOW] if t.start > quote[1] and t.is_word]
        return len(tail) <= 4

    def _clause_before(self, index: int) -> Span | None:
        """Content left of a trailing tag or of ', according to'."""
        end = index - 1
        while (
            end >= 0 and not self.tokens[end].is_word and self.tokens[end].text not in QUOTE_CHARS
        ):
            end -= 1
        if end < 0:
            return None
        start = 0
        for probe in range(end - 1, -1, -1):
            if self.tokens[probe].text in {";"}:
                start = probe + 1
                break
        if end - start < 1:
            return None
        first, last = self.tokens[start], self.tokens[end]
        if first.text in QUOTE_CHARS and last.text in QUOTE_CHARS:
            return Span(first.end, last.start)
        return Span(first.start, last.end)

    def _clause_after(self, index: int) -> Span | None:
        while index < len(self.tokens) and self.tokens[index].text in {",", ":"}:
            index += 1
        if index >= len(self.tokens):
            return None
        return self._to_end(index)

    def _to_end(self, index: int) -> Span | None:
        """From token `index` to the end of the sentence, dropping a final stop or comma."""
        end = len(self.tokens) - 1
        while end >= index and self.tokens[end].text in {".", ",", "!", "?", ";", ":"}:
            end -= 1
        # Stop before a trailing ', X said' tag that belongs to a later attribution.
        if end < index:
            return None
        first, last = self.tokens[index], self.tokens[end]
        if first.text in QUOTE_CHARS and last.text in QUOTE_CHARS and first.start < last.start:
            return Span(first.end, last.start)
        return Span(first.start, last.end)
