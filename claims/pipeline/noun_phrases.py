"""Noun phrases around a cue: the source before the verb group, after an inverted tag,
or before an aside ("Gerasimov, during a briefing, acknowledged").
"""

from __future__ import annotations

from claims.pipeline.asides import PLURAL_TITLES, Asides
from claims.pipeline.lexicon import (
    AUX,
    CLAUSE_BREAKERS,
    COGNITION_FORMS,
    DETERMINERS,
    IRREGULAR_PAST,
    NP_GLUE,
    PREPOSITIONS,
    PRONOUNS,
    SPEECH_FORMS,
    TIME_WORDS,
    ly_adverb,
)
from claims.pipeline.roles import and_in_post
from claims.pipeline.spans import MAX_SUBJECT, Span
from claims.pipeline.tokens import QUOTE_CHARS, Token

HEADS_BEFORE_TO = frozenset(
    """close ambassador envoy adviser advisor aide assistant spokesman spokeswoman spokesperson
    secretary successor""".split()
    # documents sent to a recipient: "a letter to Gov. Rory Vance from 40 doctors says"
    + "letter letters memo memorandum petition report".split()
)
SUBJECT_PRONOUNS = frozenset("he she they we i".split())
QUANTIFIERS = frozenset("about around over under nearly almost roughly some".split())
NUMBER_WORDS = frozenset(
    """half a one two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty sixty seventy eighty ninety hundred dozen third quarter""".split()
)
# "a day after the mayor", "hours before the minister", "weeks following the vote".
TIME_LEADS = frozenset("after before following".split())
TIME_UNITS = frozenset(
    """day days hour hours minute minutes moment moments week weeks month months year years
    shortly soon just only night morning afternoon evening""".split()
)
LEADING_NOISE = frozenset("including like such as even only both also then but and so".split())
# Words that cannot stand inside the noun phrase a relative "that" follows.
_NOT_IN_RELATIVE_HEAD = DETERMINERS | PRONOUNS | CLAUSE_BREAKERS | PREPOSITIONS


class NounPhrases(Asides):
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
        phrase = self._relative_that(left)
        if phrase >= 0:
            # "a ruling that said": the antecedent is the determiner and its noun.
            that = self.tokens[left]
            phrase_span = Span(self.tokens[phrase].start, self.tokens[left - 1].end)
            return Span(that.start, that.end), phrase_span, "", left
        if self.tokens[left].lower in {"who", "which"} and left > 1:
            # "the agency, which said", "the study -- which notes", "the Police Department
            # which reported": the relative pronoun stands for the phrase before it.
            before = left - 1
            while before > 0 and self._is_boundary(before):
                before -= 1
            antecedent = self._np_span(before)[0]
            who = self.tokens[left]
            return Span(who.start, who.end), antecedent, "", left
        if self._is_boundary(left):
            return self._subject_before_aside(left)
        if self.tokens[left].lower in {"and", "but"}:
            # "He praised the plan and said ...": the coordinated verb shares the subject.
            return self._main_subject(left), None, "", -1
        source, stop = self._np_span(left)
        last = self.tokens[left]
        if source is not None and source.start < last.start and last.lower in SUBJECT_PRONOUNS:
            source = Span(last.start, last.end)  # "a decision he disclosed": the pronoun speaks
        return source, None, "", stop

    def _relative_that(self, index: int) -> int:
        """'a ruling that said', 'an ad that says', 'the new report that found': 'that' after
        a determiner and up to three words of its noun phrase, right before the cue, stands
        for that phrase. Returns where the phrase starts, or -1."""
        if self._word(index) != "that":
            return -1
        for start in range(index - 2, max(-1, index - 5), -1):
            word = self.tokens[start + 1]
            if not word.is_word or word.quoted or word.lower in _NOT_IN_RELATIVE_HEAD:
                return -1
            if self._word(start) in DETERMINERS:
                return start
        return -1

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
            if token.quoted or not (
                self._np_word(token) or self._close_to(probe) or self._and_in_name(probe)
            ):
                break
            if probe < end and self._clause_verb(probe):
                break  # "Symonette spoke with X after the IMF": a verb ends the phrase
            start = probe
            probe -= 1
        if start > end:
            return None, probe
        # Strip a leading prepositional phrase or adverbial ("On Tuesday the minister").
        start = self._strip_leading(start, end)
        if start < end and self._word(start) in PREPOSITIONS:
            start = self._strip_leading(start, end)  # "with X after the IMF": the last one
        if (
            start == 0
            and start < end
            and self.tokens[0].lower.endswith("ing")
            and not self._and_in_name(1)  # "Planning and Zoning Commissioner Ana Pires"
        ):
            # "Looking forward Nigeria is forecasting": an opening participle phrase.
            start += 1
            while start < end and not (
                self.tokens[start].is_cap or self._word(start) in DETERMINERS
            ):
                start += 1
        if start > end:
            return None, probe
        # "China on Tuesday significantly modified": drop the adverb, then the time adjunct.
        while end > start and self._adverb(self.tokens[end]):
            end -= 1
        # "The World Health Organization on Monday said": drop the time adjunct.
        if (
            end - start >= 2
            and self.tokens[end].lower in TIME_WORDS
            and self.tokens[end - 1].lower in {"on", "last", "this", "in"}
        ):
            end -= 2
        start = self._after_time_lead(start, end)
        if self._word(start) in {"this", "last"} and self._word(start + 1) in TIME_WORDS:
            start += 2  # "Last week the ministry said"
        if start > end:
            return None, probe
        if self._relative_head(start, end):
            return None, probe  # "a figure the office has not confirmed": no statement
        words = self.tokens[start : end + 1]
        if words[-1].lower in NP_GLUE or words[-1].lower in DETERMINERS:
            return None, probe
        if not any(self._headlike(t) for t in words):
            return None, probe
        return (start, end), probe

    def _after_time_lead(self, start: int, end: int) -> int:
        """'a day after the mayor', 'hours before the minister': the source follows the lead."""
        for index in range(end - 1, start, -1):
            if self._word(index) in TIME_LEADS:
                lead = {self._word(i) for i in range(start, index)}
                if lead & TIME_UNITS or any(word[:1].isdigit() for word in lead):
                    return index + 1
        return start

    def _relative_head(self, start: int, end: int) -> bool:
        """'a figure the office', 'the plan the minister': a noun, then the clause's subject."""
        if self._word(start) not in DETERMINERS - {"his", "her", "its", "their"}:
            return False
        for index in range(start + 2, end):
            before = self.tokens[index - 1]
            if (
                self._word(index) in {"the", "a", "an", "this", "these", "those"}
                and before.is_word
                and not before.is_cap
                and before.lower not in NP_GLUE | PREPOSITIONS | DETERMINERS | TIME_WORDS
                and before.lower not in TIME_UNITS
                and before.lower != "to"  # "the envoy to the UN": a complement, no clause
            ):
                return True
        return False

    def _clause_verb(self, index: int) -> bool:
        """A lowercase past form right after a name or pronoun is that clause's verb."""
        token = self.tokens[index]
        if token.is_cap or not (token.lower.endswith("ed") or token.lower in IRREGULAR_PAST):
            return False
        before = self.tokens[index - 1] if index else None
        if before is not None and before.lower.endswith("ly") and token.lower in IRREGULAR_PAST:
            return True  # "The court previously heard Hartley admit": an adverb, then a verb
        return before is not None and (before.is_cap or before.lower in PRONOUNS)

    def _and_in_name(self, index: int) -> bool:
        """'and' inside a body's name: "the Ministry of Trade and Industry", "Centers for
        Disease Control and Prevention" — capitalised words around it, after "of"/"for"
        (or "on", a portfolio: "Special Adviser to the President on Media and Publicity");
        or inside a post written before a name: "Parks and Recreation Director Ana Pires"."""
        if self._word(index) != "and" or not 0 < index < len(self.tokens) - 1:
            return False
        if not (self.tokens[index - 1].is_cap and self.tokens[index + 1].is_cap):
            return False
        before = [t.text for t in self.tokens[max(0, index - 2) : index]]
        if and_in_post(before, [t.text for t in self.tokens[index + 1 : index + 8]]):
            return True  # "Parks and Recreation Director Ana Pires said"
        if self._names_after_plural_title(index):
            return True  # "Ministers Ana Pires and Tomas Varga said"
        for probe in range(index - 2, max(0, index - 6), -1):
            if self._word(probe) in {"of", "for", "on"}:
                # "on": a portfolio, "Special Adviser to the President on Media and Publicity"
                return self.tokens[probe - 1].is_cap
            if not self.tokens[probe].is_cap:
                return False
        return False

    def _names_after_plural_title(self, index: int) -> bool:
        """'and' between names that a plural office opens: "Ministers Ana Pires and Tomas
        Varga", "Senators Ada Lorne and Rory Vance": the holders speak together."""
        for probe in range(index - 1, max(-1, index - 5), -1):
            token = self.tokens[probe]
            if not token.is_cap:
                return False
            if token.lower in PLURAL_TITLES:
                return probe < index - 1
        return False

    def _close_to(self, index: int) -> bool:
        """'people close to Clinton', 'Chad's Ambassador to France': 'to' inside the phrase."""
        return self.tokens[index].lower == "to" and self._word(index - 1) in HEADS_BEFORE_TO

    def _np_word(self, token: Token) -> bool:
        if token.text in {
            "'s",
            "’s",
            "'",
            "’",
            "-",
            "&",
            ".",
            "(",
            ")",
            "%",
        } or token.text.endswith("."):
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
        if previous is not None and token.lower.endswith("ing") and previous.lower in DETERMINERS:
            return True  # "a ruling", "the finding": a noun after its determiner
        if previous is not None and token.lower == lemma and lemma not in {"say", "tell", "ask"}:
            return previous.lower not in AUX and previous.lower not in PRONOUNS
        if previous is not None and previous.lower in DETERMINERS and token.lower.endswith("s"):
            return True  # "The reports claimed": a noun after its determiner, even opening
        if previous is not None and token.lower.endswith("s") and not previous.is_cap:
            return previous.lower in DETERMINERS or (
                previous.lower not in PRONOUNS and previous.lower not in CLAUSE_BREAKERS
            )
        return False

    def _strip_leading(self, start: int, end: int) -> int:
        while start <= end and self.tokens[start].lower in LEADING_NOISE:
            start += 1
        if (
            start <= end
            and self.tokens[start].lower in PREPOSITIONS
            and not self._quantifier(start)
        ):
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

    def _quantifier(self, index: int) -> bool:
        """'About 4 in 10', 'about half of voters', 'over 60 percent': a number, not a place."""
        if self.tokens[index].lower not in QUANTIFIERS:
            return False
        following = self._word(index + 1)
        return following[:1].isdigit() or following in NUMBER_WORDS

    def _headlike(self, token: Token) -> bool:
        if not token.is_word:
            return False
        word = token.lower
        if word in PRONOUNS or token.is_cap:
            return True
        return word not in DETERMINERS and word not in NP_GLUE and not self._adverb(token)

    def _adverb(self, token: Token) -> bool:
        """'-ly' and lowercase, and not one of the nouns and verbs with that ending ('the
        national assembly', 'the victim's family')."""
        return not token.is_cap and ly_adverb(token.lower)

    def _inverted(self, index: int) -> tuple[Span, str, int] | None:
        """'…,” said Gen. Ada Lorne, the army chief.' -> (source, appositive, next index).

        Also a sentence opening with the tag: 'Said Ada Lorne: “...”'.
        """
        opening = index == 0 and self.tokens[0].text in {"Said", "Says"}
        if index == 0 and not opening:
            return None
        previous = self.tokens[index - 1]
        if not opening and previous.text not in {",", "—", "–"} | QUOTE_CHARS:
            return None
        probe = index + 1
        start = probe
        first = self._word(start)
        if first in PREPOSITIONS or first in LEADING_NOISE or first in {"just", "about"}:
            return None  # "— revealed just 30 hours before ... —": no speaker after the verb
        if start < len(self.tokens) and self._adverb(self.tokens[start]):
            return None
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
