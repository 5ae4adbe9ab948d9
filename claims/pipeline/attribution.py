"""Find source, cue and content spans in one sentence, by surface structure.

1. Quotations are located first; cue words inside a quotation are the speaker's own words
   and are never cues of the sentence.
2. A cue is a reporting verb form (with its auxiliaries and adverbs), "according to",
   or a participle ("..., saying") that borrows the subject of the main clause.
3. The source is the noun phrase before the verb group or, in "…," said X, the one after.
4. The content is a quotation next to the tag, the clause after the cue, or the clause
   before a trailing tag ("The plan works, the minister said.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claims.pipeline.lexicon import (
    AS_FRAME_LEMMAS,
    AUX,
    CLAUSE_BREAKERS,
    COGNITION_FORMS,
    COGNITION_LEMMAS,
    DETERMINERS,
    PASSIVE_AUX,
    PREPOSITIONS,
    PRONOUNS,
    RECIPIENTS,
    SPEECH_FORMS,
    WEAK_LEMMAS,
)
from claims.pipeline.tokens import QUOTE_CHARS, Token, quote_spans, tokenize

WINDOW = 60  # tokens; every scan around a cue is bounded so long units stay linear
MAX_SUBJECT = 14  # tokens; longer left contexts are clauses, not noun phrases
NP_GLUE = frozenset("of for at in from 's ’s - & the".split())
LEADING_NOISE = frozenset("including like such as even only both also then but and so".split())
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december
    jan feb aug sept oct nov dec morning afternoon evening night week month year""".split()
)
DOCUMENT_NOUNS = frozenset(
    """data figures statistics report reports study survey poll records documents filing
    forecasts projections assessment assessments analysis memo letter affidavit ruling
    complaint indictment statement release""".split()
)
QUANTIFIERS = frozenset(
    "more most less fewer many few several some all no two three four five six seven eight nine"
    " ten".split()
)
SUBORDINATORS = frozenset("though although while because as but adding noting citing".split())
PLURAL_SUBJECTS = frozenset(
    """to they we i you n't not ’t who some many most others people few both all""".split()
)
NOUN_MODIFIERS = frozenset(
    """media news press intelligence unconfirmed earlier recent initial local official several
    many some conflicting public private such these those""".split()
)
NO_CONTENT = frozenset("comment respond say elaborate".split())
REFUSALS = frozenset("declined refused declines refuses decline refuse not".split())


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


# Most sentences hold no cue word at all; a set lookup lets them skip tokenising.
_CUE_WORDS = frozenset({"according", *SPEECH_FORMS, *COGNITION_FORMS})
_WORD_RE = re.compile(r"[a-z]+")


def find_attributions(text: str, start: int, end: int) -> list[RawAttribution]:
    """Attributions in the sentence text[start:end]; spans are offsets into `text`."""
    if _CUE_WORDS.isdisjoint(_WORD_RE.findall(text[start:end].lower())):
        return []
    # Two apostrophes stand for a quotation mark in some newswire text; same length kept.
    sentence = text[start:end].replace("''", '" ')
    quotes = quote_spans(sentence, start)
    tokens = tokenize(sentence, start, quotes)
    finder = _Finder(text, tokens, quotes)
    return finder.run()


class _Finder:
    def __init__(self, text: str, tokens: list[Token], quotes: list[tuple[int, int]]) -> None:
        self.text = text
        self.tokens = tokens
        self.quotes = quotes
        self._by_end = {token.end: index for index, token in enumerate(tokens)}

    def run(self) -> list[RawAttribution]:
        found: list[RawAttribution] = []
        claimed_until = -1
        for index, token in enumerate(self.tokens):
            if token.quoted or index <= claimed_until:
                continue
            attribution = None
            if token.lower == "according" and self._word(index + 1) == "to":
                attribution = self._according_to(index)
            elif token.lower in SPEECH_FORMS or token.lower in COGNITION_FORMS:
                attribution = self._verb_cue(index)
            if attribution is not None:
                found.append(attribution)
                # "According to White House pool reports": the source is not a cue.
                claimed_until = self._index_at(max(attribution.cue.end, attribution.source.end))
        return _drop_nested(self.text, found)

    # -- helpers ---------------------------------------------------------------------------

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

    # -- according to ------------------------------------------------------------------------

    def _according_to(self, index: int) -> RawAttribution | None:
        cue = Span(self.tokens[index].start, self.tokens[index + 1].end)
        np_end = index + 2
        while np_end < len(self.tokens) and not self._ends_np(self.tokens[np_end]):
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

    def _ends_np(self, token: Token) -> bool:
        if (
            token.text in {",", ";", ":", ".", "!", "?", "(", ")", "—", "–"}
            or token.text in QUOTE_CHARS
        ):
            return True
        return token.lower in {"that", "which", "who", "and", "but"} or token.lower in SPEECH_FORMS

    # -- reporting verbs -----------------------------------------------------------------------

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

    def _parenthetical_rest(self, after: int) -> Span | None:
        """The clause after a mid-sentence tag: 'X, the minister said, Y'."""
        probe = after
        while probe < len(self.tokens) and self.tokens[probe].text != ",":
            if self.tokens[probe].quoted or self.tokens[probe].text in QUOTE_CHARS:
                return None
            probe += 1
        if probe + 1 >= len(self.tokens) or self.tokens[probe + 1].text in QUOTE_CHARS:
            return None
        return self._to_end(probe + 1)

    def _words_before(self, index: int) -> int:
        return sum(1 for token in self.tokens[max(0, index - 3) : index] if token.is_word)

    def _licenses_base_form(self, index: int) -> bool:
        """A bare verb form needs a plural or pronoun subject, an auxiliary or 'X, ..., say'."""
        if index == 0:
            return False
        previous = self.tokens[index - 1]
        word = previous.lower
        if word in AUX or word in PLURAL_SUBJECTS:
            return True
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
        cue_text = self._cue_text(index, cue)
        quote_after = self._quote_at(after, forward=True)
        left_quote = self._quote_at(subject_stop, forward=False) if subject_stop >= 0 else None
        left_stop = self.tokens[subject_stop].text if subject_stop >= 0 else ""
        trailing = left_stop in {",", "—", "–"} | QUOTE_CHARS and self._is_trailing_tag(after)
        direct = False
        content: Span | None = None
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

    # -- noun phrases ------------------------------------------------------------------------

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

    # -- content -----------------------------------------------------------------------------

    def _is_trailing_tag(self, after: int) -> bool:
        """Nothing but a short adjunct ('on Tuesday', 'in a statement') follows the cue."""
        remaining = self.tokens[after : after + WINDOW]
        if any(t.quoted for t in remaining) and remaining and remaining[0].text == ",":
            return True  # '"Q1," he said, "Q2."'
        if len(remaining) > 1 and remaining[0].text == "," and remaining[1].lower in SUBORDINATORS:
            return True  # '"Q," Woodard said, though he stressed ...'
        # Only the stretch up to the next comma: '"Q," he told X, according to Y.'
        commas = [i for i, t in enumerate(remaining) if t.text == "," and i > 0]
        if commas:
            remaining = remaining[: commas[0]]
        words = [t for t in remaining if t.is_word and not t.quoted]
        if not words:
            return True
        if len(words) > 7 or any(t.lower in {"that"} or t.lower in SPEECH_FORMS for t in words):
            return False
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

    def _is_document(self, source: Span) -> bool:
        """'Data from the bureau shows ...': documents and figures report without 'that'."""
        words = self._span_text(source).lower().split()
        return any(word in DOCUMENT_NOUNS for word in words[:4])

    def _complement(self, after: int, lemma: str, document: bool = False) -> Span | None:
        """The clause after the cue, skipping 'that' and recipients or time phrases."""
        weak = not document and (lemma in WEAK_LEMMAS or lemma in COGNITION_FORMS.values())
        limit = min(after + (3 if weak else 14), len(self.tokens))
        for probe in range(after, limit):
            token = self.tokens[probe]
            if token.lower == "that" and not token.quoted:
                return self._to_end(probe + 1)
            if not token.is_word or token.lower in {"and", "but", "or"}:
                break
            if token.lower in SPEECH_FORMS:
                break
        if weak:
            nxt = self._word(after)
            clause = nxt in {"he", "she", "they", "we", "i", "there"} and lemma in COGNITION_LEMMAS
            if not (nxt == ":" or clause or self._quote_at(after, True)):
                return None
        index = after
        if lemma == "tell":
            while index < len(self.tokens) and (
                self.tokens[index].lower in RECIPIENTS or self.tokens[index].is_cap
            ):
                index += 1
        if lemma == "ask":
            index = self._after_question_target(index)
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

    def _after_question_target(self, index: int) -> int:
        """'asked the crowd, "Can she stay?"': the question starts after the person asked."""
        for probe in range(index, min(index + 8, len(self.tokens))):
            token = self.tokens[probe]
            if token.quoted or token.text in QUOTE_CHARS:
                return probe
            if token.lower in {"whether", "if", "why", "what", "how", "when", "who", ","}:
                return probe + 1 if token.lower in {"whether", "if", ","} else probe
        return index

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


def _drop_nested(text: str, found: list[RawAttribution]) -> list[RawAttribution]:
    """Separate coordinated attributions; drop reported speech within reported speech.

    "A said X, while B said Y" holds two attributions: A's content stops at the comma.
    "A said that B told him Y" holds one: B's words are part of what A said.
    """
    kept = list(found)
    for inner in found:
        for index, outer in enumerate(kept):
            if (
                outer is inner
                or inner not in kept
                or not _contains(outer.content, inner.cue.start)
                or _contains(inner.content, outer.cue.start)  # "X said Y, Z reported": both
                or inner.participle
                or outer.lemma == "according"
            ):
                continue
            start = inner.cue.start
            if inner.source is not None and inner.source.start >= outer.content.start:
                start = min(start, inner.source.start)
            lead = text[outer.content.start : start].rstrip()
            shares_subject = inner.source is None or inner.source.start < outer.content.start
            pattern = _SHARED_SUBJECT_RE if shares_subject else _COORDINATION_RE
            cut = pattern.search(lead)
            if cut and cut.start() > 0:
                end = outer.content.start + cut.start()
                trimmed = Span(outer.content.start, end)
                kept[index] = replace(
                    outer, content=trimmed, content_text=text[outer.content.start : end]
                )
            else:
                kept.remove(inner)
            break
    return kept


_COORDINATION_RE = re.compile(
    r"\s*(?:[,;]\s*(?:while|but|and|whereas|although|though)?|—)(?:\s+(?:only|just|even|some))?$"
)
# "He said A and said B": the second verb shares the subject, so "and" alone separates them.
_SHARED_SUBJECT_RE = re.compile(r",?\s*(?:and|but|then|,)(?:\s+\w+ly)?(?:\s+then)?$")


def _contains(span: Span | None, offset: int) -> bool:
    return span is not None and span.start <= offset < span.end
