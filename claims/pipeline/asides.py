"""Subjects set off from their verb by asides: appositives, relative clauses, participles.

"Gerasimov, during a briefing, acknowledged", "Ada Lorne, the head of X, which backs Y,
said", "the director of the agency, Piet Hallam, said", "Ada Lorne — who lost in 2008 —
said": the walk crosses up to three comma- or dash-delimited asides to the subject.
"""

from __future__ import annotations

from claims.pipeline.documents import issuer_in_aside
from claims.pipeline.lexicon import DETERMINERS, PREPOSITIONS
from claims.pipeline.official_terms import OFFICE_INITIALS, THE_OFFICE_INITIALS, TITLES
from claims.pipeline.spans import Span, TokenScan
from claims.pipeline.tokens import QUOTE_CHARS, Token

DASHES = frozenset({"—", "–"})
_ASIDE_OPENERS = frozenset(
    """who whose which where now then also once both including like such even only
    reportedly himself herself however meanwhile though too instead therefore""".split()
)
_ASIDE_REACH = 45  # tokens from the verb back to the subject
_INTRO_REACH = 8  # tokens of an introductory phrase before the subject: "On Wednesday, however,"
_ROLE_WORDS = frozenset(
    "secretary spokesman spokeswoman spokesperson chairman chairwoman head director".split()
)

_ROLE_HEADS = (
    _ROLE_WORDS
    | frozenset("adviser advisor leader chief founder manager executive agent counsel".split())
    | frozenset("lawyer lawyers attorney attorneys".split())  # "Lawyers for the family, X, said"
    | frozenset("representative delegate".split())  # "Eastfield's representative on X"
    | frozenset(t for t in TITLES if " " not in t and "." not in t)
    # "The DPP, Ana Pires, said": an office in initials (official_terms.OFFICE_INITIALS);
    # "Ana Pires, cabinet member for housing, said": a seat on a body.
    | frozenset(initials.lower() for initials in [*OFFICE_INITIALS, *THE_OFFICE_INITIALS])
    | {"member"}
)

# Plural offices written before the names of their holders: "Ministers Ana Pires and Tomas
# Varga said", "Senators X and Y".
PLURAL_TITLES = frozenset(t for t in _ROLE_HEADS if t.endswith("s") and t[:-1] in _ROLE_HEADS)
# Counts that open a description as a determiner does: "Two ministers, X and Y, said".
_COUNTS = frozenset("two three four five six both several".split())

# Adverbs of time before an appositive: "Ada Lorne, formerly the city's finance director,".
_TIME_ADVERBS = frozenset("formerly previously currently now once also".split())
# Words that open an appositive after a name: "Ana Pires, another party strategist,".
_APPOSITIVE_OPENERS = DETERMINERS | {"another"}

Subject = tuple[Span | None, Span | None, str, int]


def _before_place(words: list[str]) -> list[str]:
    """'Senator Ana Pires of Valdoria', 'Piet Hallam of Eastfield University': the name
    before 'of' and its place; other words as they are."""
    if "of" in words:
        of = words.index("of")
        if of >= 2 and all(word[:1].isupper() for word in words[of + 1 :]):
            return words[:of]
    return words


class Asides(TokenScan):
    def _is_boundary(self, index: int) -> bool:
        text = self.tokens[index].text
        if text == "," or text in DASHES:
            return True
        return text == "-" and self._word(index - 1) == "-"  # "--" typed for a dash

    def _subject_before_aside(self, boundary: int) -> Subject:
        """The subject left of one or more asides that end at token `boundary`."""
        bounds = self._aside_bounds(boundary)
        if not bounds:
            return None, None, "", boundary - 1
        stop = bounds[0] - 1
        for depth, left in enumerate(bounds):
            right = bounds[depth - 1] if depth else boundary
            aside = self.tokens[left + 1 : right]
            end = left - 1 if self.tokens[left].text != "-" else left - 2
            subject, stop = self._np_span(end)
            if subject is None or not aside:
                return None, None, "", stop
            found = self._subject_with_aside(subject, aside, depth, stop)
            if found is not None:
                return self._named_before(found, depth, bounds)
            if not self._aside_like(aside):
                break
        return None, None, "", stop

    def _named_before(self, found: Subject, depth: int, bounds: list[int]) -> Subject:
        """'Ada Lorne, the head of X, which backs Y, said': the name before a description."""
        subject, _, _, stop = found
        if subject is None or depth + 1 >= len(bounds) or stop != bounds[depth + 1]:
            return found
        if self._span_text(subject).split()[0].lower() not in DETERMINERS:
            return found  # the subject is itself a name, not a description of one
        name, name_stop = self._np_span(stop - 1)
        if name is None or not self._is_name(name) or not self._opens_clause(name_stop):
            return found
        return name, None, self._span_text(subject), name_stop

    def _aside_bounds(self, boundary: int) -> list[int]:
        """Boundary tokens left of `boundary`, nearest first, up to three."""
        found: list[int] = []
        probe = boundary - 1 if self.tokens[boundary].text != "-" else boundary - 2
        while probe >= 0 and boundary - probe < _ASIDE_REACH and len(found) < 3:
            token = self.tokens[probe]
            if token.quoted or token.text in QUOTE_CHARS or token.text in {";", ":"}:
                break
            if self._is_boundary(probe):
                found.append(probe)
                probe -= 1 if token.text != "-" else 2
                continue
            probe -= 1
        return found

    def _subject_with_aside(
        self, subject: Span, aside: list[Token], depth: int, stop: int
    ) -> Subject | None:
        first = aside[0]
        if depth == 0:
            words = self.text[aside[0].start : aside[-1].end]
            if issuer_in_aside(self._span_text(subject), words):
                # "The memo, written by Police Chief Tom Arlen, says": the participle names
                # who issued the document; it is kept, as the issuer speaks (documents.py).
                return subject, None, words, stop
            if self._of_organisation(aside) and self._is_name(subject):
                # "Ana Pires, of the Crown Prosecution Service, said": where she works, set
                # off by commas as "Ana Pires of the ..." is not.
                return subject, None, " ".join(t.text for t in aside), stop
            if first.lower in PREPOSITIONS or first.lower in _ASIDE_OPENERS:
                return subject, None, "", stop
            if first.lower.endswith("ed") and not first.is_cap and len(aside) > 1:
                # "The report, released on Monday, found", "The memo, issued by the
                # agency, says": a past participle phrase describes the subject.
                return subject, None, "", stop
            if first.lower.endswith("ing") and not first.is_cap:
                # "Fiorina, speaking to Iowans, said"; "Ada Lorne, prosecuting, said": a
                # participle alone names the part a counsel plays.
                role = first.text if len(aside) == 1 else ""
                return subject, None, role, stop
            if len(aside) == 1 and aside[0].text.isupper() and len(aside[0].text) > 1:
                return subject, None, "", stop  # "the Statistical Institute, STATIN, said"
            if self._is_name_tokens(aside) and (self._is_role(subject) or self._described(subject)):
                # "the director of the agency, Piet Hallam, said", "The chair, Lena Ivo,
                # said": the description names the speaker.
                return Span(subject.start, aside[-1].end), None, "", stop
            if self._is_name(subject) and self._is_age(aside):
                return subject, None, "", stop  # "Ana Pires, 54, said": her age
            if self._is_name(subject) and self._looks_like_appositive(aside):
                return subject, None, " ".join(t.text for t in aside), stop
            return None
        if not self._opens_clause(stop):
            return None  # deeper asides only from a subject that opens the clause
        if self._is_name(subject) or self._is_role(subject):
            return subject, None, "", stop
        return None

    @staticmethod
    def _of_organisation(aside: list[Token]) -> bool:
        """'of the Crown Prosecution Service', 'from the Home Office': 'of' or 'from', then a
        capitalised name (with 'of', 'for', 'and' inside it)."""
        if len(aside) < 2 or aside[0].lower not in {"of", "from"}:
            return False
        words = aside[2:] if aside[1].lower == "the" else aside[1:]
        return (
            len(words) >= 2
            and words[0].is_cap
            and words[-1].is_cap
            and all(t.is_cap or t.lower in {"of", "for", "and", "&"} for t in words)
        )

    @staticmethod
    def _is_age(aside: list[Token]) -> bool:
        """'54' in 'Ana Pires, 54, said': a person's age set off by commas."""
        return len(aside) == 1 and aside[0].text.isdigit() and len(aside[0].text) <= 3

    def _aside_like(self, aside: list[Token]) -> bool:
        first = aside[0]
        return (
            first.lower in PREPOSITIONS
            or first.lower in _ASIDE_OPENERS
            or first.lower in DETERMINERS
            or first.is_cap
            or first.text[:1].isdigit()
            or first.lower in {"one", "two", "three", "part", "member", "both"}
            or (first.lower.endswith(("ing", "ed")) and not first.is_cap)
        )

    def _opens_clause(self, stop: int) -> bool:
        """The subject starts the sentence, or follows a short introductory phrase."""
        if stop < 0:
            return True
        token = self.tokens[stop]
        if token.text in QUOTE_CHARS:
            return True  # '“Q,” Ada Lorne, the minister, ..., said'
        if token.text == "," and self.tokens[stop - 1].text in QUOTE_CHARS:
            return True
        return token.text in {",", ":"} and stop <= _INTRO_REACH

    def _is_role(self, span: Span) -> bool:
        """'the director of the agency', 'her senior policy adviser', 'Valdoria's envoy to
        the UN', 'Chief Executive Officer of the Port Authority', 'Finance Minister': a
        described role."""
        text = self._span_text(span)
        words = text.lower().split()
        if not words:
            return False
        if words[0] in DETERMINERS or words[0].endswith(("'s", "’s")):
            # "the director of ...", "Valdoria's envoy to the UN", "Eastfield's representative
            # on the board", "The state Police Public Relations Officer" (its head noun last)
            return not _ROLE_HEADS.isdisjoint(words[:5]) or words[-1] in _ROLE_HEADS
        # "Chief Executive Officer of the Port Authority", "Counsel for the state", "Opposition
        # spokesman on finance"
        if (" of " in text or " for " in text or " on " in text) and not _ROLE_HEADS.isdisjoint(
            words[:3]
        ):
            return True
        # "Finance Minister, Hon. Ana Pires, said": a capitalised title ending in its head noun
        return words[-1] in _ROLE_HEADS and all(word[:1].isupper() for word in text.split())

    def _described(self, span: Span) -> bool:
        """'The chair', 'the port's new harbour master', 'Her lawyer', 'Another pollster', 'Two
        ministers': a determiner, a count or a possessor, then lowercase words up to a common
        noun — a description a name can follow as an appositive."""
        words = self._span_text(span).split()
        if not 2 <= len(words) <= 6 or not words[-1].isalpha() or not words[-1].islower():
            return False
        first = words[0].lower()
        return (
            first in _APPOSITIVE_OPENERS
            or first in _COUNTS
            or any(word.endswith(("'s", "’s")) for word in words[:-1])
        )

    def _is_name_tokens(self, tokens: list[Token]) -> bool:
        """'Piet Hallam', and two names joined by 'and': 'Tomas Ferro and Ana Pires'."""
        words = [t for t in tokens if t.is_word]
        words = words[: len(_before_place([t.text for t in words]))]
        joints = [i for i, t in enumerate(words) if t.lower == "and"]
        if len(joints) == 1 and 2 <= joints[0] <= 4:
            return self._is_name_tokens(words[: joints[0]]) and self._is_name_tokens(
                words[joints[0] + 1 :]
            )
        return 2 <= len(words) <= 4 and all(t.is_cap for t in words)

    def _looks_like_appositive(self, words: list[Token]) -> bool:
        """'the head of X', 'Secretary of X', 'president of the Y Union', 'pastor of Z',
        'lawyers for the family', and the same after an adverb of time ('formerly the
        city's finance director')."""
        if len(words) > 1 and words[0].lower in _TIME_ADVERBS:
            words = words[1:]
        first = words[0]
        if first.lower in _APPOSITIVE_OPENERS or first.is_cap or first.lower in _ROLE_HEADS:
            return True
        if any(word.lower in _ROLE_HEADS for word in words[1:3]):
            return True  # "special agent for the attorney general's office"
        if first.lower.endswith(("'s", "’s")) or (len(words) > 2 and words[1].text in {"'", "’"}):
            return True  # "Eastfield's envoy", "Northgate Data' owner": a possessor's post
        # "lawyer for the family", "pastor of Z"
        return len(words) > 2 and words[1].lower in {"of", "for"} and first.is_word

    def _is_name(self, span: Span) -> bool:
        words = _before_place(self._span_text(span).split())
        parts = [p for p in words if not p.startswith("(")]
        return bool(parts) and all(p[:1].isupper() for p in parts[-2:])  # "Jim Jordan (R-Ohio)"
