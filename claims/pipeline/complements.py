"""The clause after a cue: 'that' skipped, recipients and time phrases passed over, and
the frames that let a weak verb carry a statement (a clause, a quote, 'X as Y').
"""

from __future__ import annotations

from claims.pipeline.lexicon import (
    AS_FRAME_LEMMAS,
    CALLED_NOT_JUDGED,
    COGNITION_FORMS,
    COGNITION_LEMMAS,
    DETERMINERS,
    EVALUATIVE_ADJECTIVES,
    EVALUATIVE_SUFFIXES,
    MOVED_INSTRUMENTS,
    NOT_HELD,
    NP_OBJECT_LEMMAS,
    OBJECT_FRAME_LEMMAS,
    PREPOSITIONS,
    RECIPIENTS,
    REJECTED_CLAIMS,
    SPEECH_FORMS,
    STRUCK_OBJECTS,
    TIME_WORDS,
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
# Pronouns that stand as an object: "criticized him", "called it "a disgrace"".
_OBJECT_PRONOUNS = frozenset("him her them it this that us me you".split())
# Where a statement was posted: "posted on Facebook that ...", "posted to her account: ...".
_POSTED_ON = frozenset("on to in".split())
# Words that make a time of the word after them: "last July", "this week", "earlier this year".
_TIME_LEADS = frozenset("last next this that earlier later".split())
# What may end 'called X wrong': the clause goes on with a reason, or stops.
_AFTER_JUDGEMENT = frozenset(". , ; : — – ) and but or because for since given".split())
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
        object_only = False
        weak = not document and (lemma in WEAK_LEMMAS or lemma in COGNITION_FORMS.values())
        reach = 3 if weak else 14
        if lemma == "post" and self._word(after) in _POSTED_ON:
            reach = 7  # "posted on her Facebook page that": the page is where, not what
        limit = min(after + reach, len(self.tokens))
        if lemma == "want":
            # "want" holds a view only in its object frame: not "want to ... that", not quotes.
            return self._to_end(after) if self._object_frame(after, lemma) else None
        if lemma == "warn" and self._word(after) in {"of", "about"} and self._object_at(after + 1):
            return self._to_end(after + 1)  # "warned of more closures": what was warned of
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
            framed = (
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
            )
            object_only = not framed and (
                (lemma == "push" and self._for_what(after))
                or (lemma == "call" and self._calls_on(after))
                or self._called_judged(after, lemma)
                or self._np_object(after, lemma)
            )
            if not (framed or object_only):
                return None
        index = after
        if lemma == "tell":
            while index < len(self.tokens) and (
                self.tokens[index].lower in RECIPIENTS or self.tokens[index].is_cap
            ):
                index += 1
        if lemma == "ask":
            index = self._after_question_target(index)
        if lemma in {"call", "push"} and self._word(index) == "for":
            index += 1  # "called for calm": what was called for is the content
        if lemma == "call" and self._calls_on(index):
            index += 1  # "called on the council to act": who is to do what is the content
        if lemma in _PARTICLES and self._word(index) in _PARTICLES[lemma]:
            index += 1  # "brushed off the reports as ...": the particle belongs to the cue
        while index < len(self.tokens) and self.tokens[index].text in {",", ":", "—", "–"}:
            index += 1
        if index >= len(self.tokens):
            return None
        content = self._to_end(index)
        if object_only and content is not None:
            content = self._object_span(index, content)
        # "reported from Washington", "warned about surprises": a circumstance, no claim.
        if (
            content is not None
            and self.tokens[index].lower in PREPOSITIONS
            and len(self.text[content.start : content.end].split()) <= 4
        ):
            return None
        return content

    def _for_what(self, after: int) -> bool:
        """'is pushing for the road to reopen': 'for' and what is asked for; not 'has
        pushed for months', 'for nearly a decade' (a time)."""
        if self._word(after) != "for" or after + 1 >= len(self.tokens):
            return False
        ahead = {self._word(after + k).rstrip("s") for k in (1, 2, 3)}
        return not ahead & (TIME_WORDS | CALLED_NOT_JUDGED | {"decade"})

    def _calls_on(self, after: int) -> bool:
        """'called on the council to delay the vote', 'calling upon Congress to act': a
        call on someone, and the act asked of them. Not 'called on Tuesday', nor a visit
        ('called on the family') with no act asked for."""
        if self._word(after) not in {"on", "upon"} or self._word(after + 1) in TIME_WORDS:
            return False
        for probe in range(after + 2, min(after + 10, len(self.tokens) - 1)):
            token = self.tokens[probe]
            if token.lower == "to" and not token.quoted:
                following = self._word(probe + 1)
                return following.isalpha() and following not in DETERMINERS
            if not token.is_word or token.lower in _CLAUSE_STOPS:
                return False
        return False

    def _object_end(self, after: int, limit: int = 6) -> int:
        """The token after a short object noun phrase starting at `after` ('it', 'the
        ruling', "Lorne's plan", 'Senator Ada Lorne'), or -1 when none starts there."""
        first = self.tokens[after] if after < len(self.tokens) else None
        if first is None or not first.is_word or first.quoted:
            return -1
        if first.lower in _OBJECT_PRONOUNS:
            return after + 1
        if not (first.lower in DETERMINERS or first.is_cap or first.lower.endswith(("'s", "’s"))):
            return -1
        end = after + 1
        if first.is_cap and first.lower not in DETERMINERS:
            while end < len(self.tokens) and self.tokens[end].is_cap and end - after < limit:
                end += 1
            if not self._word(end - 1).endswith(("'s", "’s")):
                return end  # "called Senator Ada Lorne "a liar""
        return end + 1 if end < len(self.tokens) and self.tokens[end].is_word else -1

    def _object_span(self, index: int, content: Span) -> Span:
        """A noun-phrase object and its judgement end at the first comma, dash or
        semicolon outside quotation marks, at a double hyphen, at the end of its sentence (a
        unit may hold a quotation's next sentence), or at a quotation closed after a comma:
        'called the plan "reckless," telling reporters ...' has 'the plan "reckless,"'."""
        for probe in range(index + 1, len(self.tokens)):
            token = self.tokens[probe]
            if token.start >= content.end:
                break
            if token.text in QUOTE_CHARS and self.tokens[probe - 1].text == ",":
                return Span(content.start, token.end)  # '"reckless," telling': the quote's comma
            if not token.quoted and token.text in {".", "?", "!"}:
                return Span(content.start, self.tokens[probe - 1].end)  # a new sentence
            if not token.quoted and (
                token.text in {",", ";", "—", "–"}
                or (token.text == "-" and self._word(probe + 1) == "-")
            ):
                if token.text == "," and self._inside_phrase(index, probe):
                    continue
                return Span(content.start, self.tokens[probe - 1].end)
        return content

    def _inside_phrase(self, index: int, comma: int) -> bool:
        """A comma that goes on inside the object: in a number ('10,000') or between
        adjectives before its noun ('new, deep tax cuts', 'a kind, loving man'); not
        before a participle or a relative ('the ruling, saying ...', 'the deal, which')."""
        before, after = self._word(comma - 1), self._word(comma + 1)
        if before.isdigit() and after.isdigit():
            return True
        following = self.tokens[comma + 1] if comma + 1 < len(self.tokens) else None
        if following is None or not following.is_word or following.is_cap:
            return False
        if after in SPEECH_FORMS or after in _CLAUSE_STOPS | PREPOSITIONS | DETERMINERS:
            return False  # "the ruling, saying ...", "the deal, which ..."
        if after in FINITE_VERBS or (after.endswith("ed") and self._word(comma + 2) in DETERMINERS):
            return False  # "his campaign, offered a restrained embrace": the clause goes on
        words = [token for token in self.tokens[index:comma] if token.is_word]
        opened = [k for k, token in enumerate(words) if token.lower in DETERMINERS]
        words = words[opened[-1] :] if opened else words  # 'him a kind, loving ...'
        if not words or len(words) > 2 or words[-1].is_cap:
            return False
        if len(words) == 2 and words[0].lower not in DETERMINERS:
            return False
        return words[-1].lower not in _OBJECT_PRONOUNS | DETERMINERS

    def _object_at(self, index: int) -> bool:
        """A word that may open an object: not a preposition or a time ('warned about in
        its report', 'proposed last July')."""
        if index >= len(self.tokens) or not self.tokens[index].is_word:
            return False
        word, following = self._word(index), self._word(index + 1)
        if word in PREPOSITIONS or word in TIME_WORDS:
            return False
        return not (word in _TIME_LEADS and following.rstrip("s") in TIME_WORDS)

    def _unsaid(self, after: int) -> bool:
        """'did not criticize', 'would never call it ...', 'will propose': an act not done."""
        return bool({self._word(after - k) for k in (2, 3, 4)} & NOT_HELD)

    def _called_judged(self, after: int, lemma: str) -> bool:
        """'called the ruling wrong', 'called it "a disgrace"', 'called the plan a mistake':
        an object, then a quotation, an evaluative adjective or a noun phrase judging it.
        Not 'called the police', 'called a meeting', 'called the vote a day early', nor
        'what he called X', a name quoted within the writer's own sentence."""
        if lemma != "call" or self._unsaid(after):
            return False
        if "what" in {self._word(after - k) for k in (3, 4, 5)}:
            return False  # "what he called the 'Evil Empire'": the writer's naming, no statement
        end = self._object_end(after)
        if end < 0:
            return False
        for probe in range(end, min(end + 4, len(self.tokens))):
            token = self.tokens[probe]
            if token.text in QUOTE_CHARS or token.quoted:
                return True
            if not token.is_word or token.lower in _CLAUSE_STOPS or token.lower in PREPOSITIONS:
                return False
            if token.lower in {"a", "an"}:
                judged = {self._word(probe + k) for k in (1, 2)}
                return self._word(probe + 1).isalpha() and not judged & (
                    CALLED_NOT_JUDGED | TIME_WORDS
                )
            word = token.lower
            evaluative = not token.is_cap and (
                word in EVALUATIVE_ADJECTIVES or word.endswith(EVALUATIVE_SUFFIXES)
            )
            if evaluative:
                return self._word(probe + 1) in _AFTER_JUDGEMENT or probe + 1 >= len(self.tokens)
            modifier = word.endswith("ly") or word in {"so", "too", "very", "both"}
            if not modifier and (probe > end or token.is_cap):
                return False  # only one more word of the object, or an adverb, before it
        return False

    def _np_object(self, after: int, lemma: str) -> bool:
        """'has proposed a new tax on hotels', 'criticized the ruling', 'rejected the
        allegations': a speech act whose noun-phrase object is what was said. 'reject' only
        with a claim as its object (a vote rejects a measure); 'proposed to' with its verb."""
        if lemma not in NP_OBJECT_LEMMAS:
            return False
        first = self._word(after)
        if lemma == "propose" and first == "to":
            return self._word(after + 1).isalpha() and self._word(after + 1) not in DETERMINERS
        if not self._object_at(after) or self._unsaid(after):
            return False
        if first in {"to", "not", "back", "out", "off", "up", "down"}:
            return False  # "slammed into", "blasted off", "proposed to her": no object said
        window = {self._word(after + k) for k in range(4)}
        if lemma == "reject":
            return bool(window & REJECTED_CLAIMS)
        if lemma == "propose" and window & MOVED_INSTRUMENTS:
            return False  # "proposed an amendment to the motion": moved, not said
        if lemma in {"slam", "blast"}:
            return not window & STRUCK_OBJECTS
        return True

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
