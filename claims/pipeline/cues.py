"""Cue words: reporting verbs, "according to" and participles, with the checks that tell a
verb from a noun ("media reports") and a statement from its absence ("declined to comment").
"""

from __future__ import annotations

from claims.pipeline.lexicon import (
    AS_FRAME_LEMMAS,
    AUX,
    COGNITION_FORMS,
    DETERMINERS,
    NP_GLUE,
    PASSIVE_AUX,
    PRONOUNS,
    SPEECH_FORMS,
    WEAK_LEMMAS,
)
from claims.pipeline.spans import WINDOW, RawAttribution, Span, TokenScan
from claims.pipeline.tokens import QUOTE_CHARS, Token

PLURAL_SUBJECTS = frozenset(
    """to they we i you n't not ’t who some many most others people few both all""".split()
)
NOUN_MODIFIERS = frozenset(
    """media news press intelligence unconfirmed earlier recent initial local official several
    many some conflicting public private such these those""".split()
)
COUNTED_SUBJECTS = frozenset(
    """percent majority majorities half third quarter
    two three four five six seven eight nine ten""".split()
)
NO_CONTENT = frozenset("comment respond say elaborate".split())
REFUSALS = frozenset("declined refused declines refuses decline refuse not".split())


class Cues(TokenScan):
    """Finds the cue and hands source and content to the other parts of the finder."""

    def _according_to(self, index: int) -> RawAttribution | None:
        cue = Span(self.tokens[index].start, self.tokens[index + 1].end)
        np_end = index + 2
        while np_end < len(self.tokens) and (
            not self._ends_np(self.tokens[np_end])
            or self.tokens[np_end - 1].text.endswith(("'s", "’s"))  # "per Lorne's remarks"
        ):
            np_end += 1
        if np_end == index + 2:
            return None
        source = Span(self.tokens[index + 2].start, self.tokens[np_end - 1].end)
        before = self._clause_before(index)
        content = before if before is not None else self._clause_after(np_end)
        if content is None:
            return None
        return RawAttribution(
            source, cue, self._span_text(cue), "according", content, self._span_text(content), False
        )

    def _verb_cue(self, index: int) -> RawAttribution | None:
        token = self.tokens[index]
        lemma = SPEECH_FORMS.get(token.lower) or COGNITION_FORMS[token.lower]
        previous = self._word(index - 1)
        if previous in DETERMINERS or previous.endswith(("'s", "’s")):
            return None  # "the said company", "Trump's declared goal"
        if index and token.is_cap and token.lower not in {"says", "said"}:
            return None  # "United States", a headline's "Says"
        if not self._verb_shape_ok(index, lemma):
            return None
        following = self._word(index + 1)
        if token.lower.endswith("s") and following in SPEECH_FORMS and not following.endswith("s"):
            return None  # "Media reports claimed": the first word is a noun
        past_as_base = token.lower in {"forecast", "read"}
        if token.lower == lemma and not past_as_base and not self._licenses_base_form(index):
            return None  # "Russian state media": a bare verb form needs a subject or auxiliary
        group_start = index
        while group_start > 0 and self._is_aux(self.tokens[group_start - 1]):
            group_start -= 1
        aux_words = {t.lower for t in self.tokens[group_start:index]}
        if aux_words & PASSIVE_AUX and not token.lower.endswith("ing"):
            return self._passive(index, group_start, lemma)
        if token.lower.endswith("ing") and not aux_words:
            return self._participle(index, lemma)
        if previous == "to":
            return None  # "to explain ...": an intention, or speech inside another clause
        if index == 0 and token.lower.endswith(("ed", "d")) and lemma == "ask":
            return None  # "Asked about the plan, she said ...": the question is not attributed
        return self._finite(index, group_start, lemma)

    def _verb_shape_ok(self, index: int, lemma: str) -> bool:
        """Reject noun readings of -s forms and particle verbs ('add up to')."""
        word = self.tokens[index].lower
        following = self._word(index + 1)
        previous = self._word(index - 1)
        if lemma == "add" and following in {
            "up",
            "to",
            "on",
            "onto",
            "in",
            "into",
            "more",
            "a",
            "an",
        }:
            return False
        if word.endswith("s") and word != lemma and lemma not in {"say", "tell", "write", "add"}:
            if previous.endswith(("ing", "ed")) or following in {
                "of",
                "from",
                "about",
                "for",
                "to",
            }:
                return False
            if previous in NOUN_MODIFIERS:
                return False  # "media reports", "earlier statements"
        return True

    def _licenses_base_form(self, index: int) -> bool:
        """A bare verb form needs a plural or pronoun subject, an auxiliary or 'X, ..., say'."""
        if index == 0:
            return False
        previous = self.tokens[index - 1]
        word = previous.lower
        if word in AUX or word in PLURAL_SUBJECTS or word in COUNTED_SUBJECTS or word.isdigit():
            return True  # also "Six in 10 say", "55 percent say", "majorities in all five say"
        lemma = self.tokens[index].lower
        if lemma == "state":
            return False  # "state media", "state television": almost always a noun
        if word == "," or (previous.is_cap and word not in {"just", "only", "also", "now", "so"}):
            return True  # "Forbes and Wealth-X say", "..., say experts"; not "Just ask"
        return previous.is_word and word.endswith("s") and not word.endswith("ss")

    def _is_aux(self, token: Token) -> bool:
        word = token.lower
        if word in AUX or word in PASSIVE_AUX or word in {"n't", "not", "’t"}:
            return True
        return word.endswith("ly") and len(word) > 4 and not token.is_cap

    def _finite(self, index: int, group_start: int, lemma: str) -> RawAttribution | None:
        cue = Span(self.tokens[group_start].start, self.tokens[index].end)
        source, antecedent, appositive, stop = self._subject(group_start)
        after = index + 1
        if source is None:
            inverted = self._inverted(index)
            if inverted is None:
                return None
            source, appositive, after = inverted
            stop = index - 1
        return self._with_content(
            index,
            cue,
            lemma,
            source,
            after,
            stop,
            antecedent,
            appositive,
            inverted_source=source.start > cue.start,
        )

    def _passive(self, index: int, group_start: int, lemma: str) -> RawAttribution | None:
        """'was quoted as saying' keeps its subject; other passives need a 'by' agent."""
        if lemma == "quote" and self._word(index + 1) == "as":
            source, antecedent, appositive, stop = self._subject(group_start)
            if source is None:
                return None
            cue = Span(
                self.tokens[group_start].start,
                self.tokens[min(index + 2, len(self.tokens) - 1)].end,
            )
            return self._with_content(
                index + 2, cue, lemma, source, index + 3, stop, antecedent, appositive
            )
        return None

    def _participle(self, index: int, lemma: str) -> RawAttribution | None:
        """', saying ...' or 'by insisting ...': the source is the main clause's subject."""
        previous = self._word(index - 1)
        if index == 0 or lemma in WEAK_LEMMAS or lemma in COGNITION_FORMS.values():
            return None
        cue = Span(self.tokens[index].start, self.tokens[index].end)
        if previous not in {",", "—", "–", "by", "after", "while", "when", "in"}:
            # "with Senator Ada Lorne telling reporters ...": the name right before is the source.
            own, stop = self._np_span(index - 1)
            if own is None or not (self.tokens[index - 1].is_cap or previous == "percent"):
                return None
            return self._with_content(index, cue, lemma, own, index + 1, -1, participle=True)
        subject = self._main_subject(index)
        if subject is None:
            return None
        return self._with_content(index, cue, lemma, subject, index + 1, -1, participle=True)

    def _main_subject(self, index: int) -> Span | None:
        """The first noun phrase of the sentence that stands before a verb."""
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
        source, _, _, _ = self._subject(self._first_verb_index(index))
        return source

    def _first_verb_index(self, limit: int) -> int:
        """The main verb: a cue, an auxiliary or a lowercase past form after the subject."""
        for probe in range(1, min(limit, WINDOW)):
            token = self.tokens[probe]
            if token.quoted or token.is_cap or not token.is_word:
                continue
            word = token.lower
            if word in SPEECH_FORMS or word in COGNITION_FORMS or word in AUX | PASSIVE_AUX:
                return probe
            if word.endswith("ed") and word not in NP_GLUE:
                return probe
        return -1

    def _cue_text(self, index: int, cue: Span) -> str:
        text = self._span_text(cue)
        lemma = SPEECH_FORMS.get(self.tokens[index].lower, "")
        for probe in range(index + 2, min(index + 16, len(self.tokens))):
            word = self.tokens[probe]
            if word.text in {".", ";"} or word.text in QUOTE_CHARS:
                break
            if word.lower == "as" and (lemma in AS_FRAME_LEMMAS or lemma == "quote"):
                if lemma == "quote" and probe + 1 < len(self.tokens):
                    return f"{text} ... as {self.tokens[probe + 1].text}"
                return f"{text} ... as"
        return text

    def _no_content(self, index: int) -> bool:
        """'declined to comment', 'did not say', 'said nothing': no statement was made."""
        before = {self._word(index - 1), self._word(index - 2)}
        if self.tokens[index].lower in NO_CONTENT and before & REFUSALS:
            return True
        return self._word(index + 1) in {"nothing", "little", "."} or index + 1 >= len(self.tokens)
