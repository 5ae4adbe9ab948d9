"""The article's cast of bodies: every state body the article names, with its acronym and
the paragraph where it was named, so "the agency said", "the statement said" or "MOP
said" later resolve to "the Ministry of Ports" and the reason can say where that came from.

People are remembered by the speaker tracker (speakers.py); this module keeps the bodies
and the paragraph numbers both use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.pipeline.official_terms import BODY_HEADS, PUBLIC_DISTRICT_KINDS, TITLES
from claims.pipeline.officials import structural_bodies

# "Ministry of Ports (MOP)", "the Statistical Institute of Jamaica, STATIN,": an acronym
# defined right after the body it stands for.
_DEFINED_ACRONYM_RE = re.compile(r"\s*(?:\(\s*|,\s*)([A-Z][A-Z&]{1,7})\b")
_OPENING_RE = re.compile(r"^[\s“\"]*(?:[Tt]he\s+)?")
_THE_RE = re.compile(r"^[Tt]he\s+")
_OF_FOR_RE = re.compile(r"\s+(?:of|for)\s+")
# Documents a body issues: "the statement said", "according to the release".
DOCUMENT_NOUNS = frozenset(
    "statement release memo notice communique communiqué bulletin advisory announcement".split()
)
# A role noun used alone for a person the article named: "the chair said".
_ROLE_WORDS = frozenset(t for t in TITLES if " " not in t and not t.endswith((".", "s")))
_ROLE_WORDS |= frozenset(
    "chair chairman chairwoman chairperson director head chief regulator".split()
)


# Role nouns that name the same office in another form (gendered or neutral): "the
# chairman" is the "Commission Chair Keon Hardemon" the article named, "the councilwoman"
# its "Councilmember Ana Pires".
_SAME_OFFICE = (
    ("chair", "chair(?:man|woman|person)?"),
    ("spokes", "spokes(?:man|woman|person)"),
    ("council", "council(?:man|woman|member|lor)"),
    ("congress", "congress(?:man|woman|member)"),
    ("assembly", "assembly(?:man|woman|member)"),
)
_SAME_OFFICE_RES = {stem: re.compile(rf"\b{pattern}\b") for stem, pattern in _SAME_OFFICE}


def same_office(role: str) -> re.Pattern[str] | None:
    """The pattern of a role noun in every form naming the same office ('chairman' ->
    chair, chairman, chairwoman, chairperson); None for a role with one form."""
    for stem, pattern in _SAME_OFFICE:
        if role.startswith(stem) and re.fullmatch(pattern, role):
            return _SAME_OFFICE_RES[stem]
    return None


# Nouns the press uses for a body of another head: "the panel" is the committee or the
# commission the article named.
_HEAD_SYNONYMS = {"panel": {"panel", "committee", "subcommittee", "commission", "board"}}


@dataclass(frozen=True)
class Body:
    name: str
    head: str  # "ministry" for "the Ministry of Ports"
    paragraph: int
    sentence: int = 0  # the article's sentence number where it was last named
    opens: bool = False  # named as the sentence's first words: its subject


class BodyCast:
    """Bodies named so far, newest last, and their acronyms."""

    def __init__(self) -> None:
        self._bodies: list[Body] = []
        self._acronyms: dict[str, Body] = {}

    def observe(self, sentence: str, paragraph: int, number: int = 0) -> None:
        names = structural_bodies(sentence)
        # Only a sentence that names a body needs its opening words: most name none.
        opening = _OPENING_RE.sub("", sentence) if names else ""
        for name in names:
            name = _THE_RE.sub("", name)
            head = _head_of(name)
            if not head:
                continue
            body = Body(name, head, paragraph, number, opening.startswith(name))
            self._bodies = [b for b in self._bodies if b.name != name][-40:] + [body]
            at = sentence.find(name) + len(name)
            defined = _DEFINED_ACRONYM_RE.match(sentence, at)
            if defined and _initials_fit(name, defined.group(1)):
                self._acronyms[defined.group(1)] = body

    def acronym(self, word: str) -> Body | None:
        return self._acronyms.get(word)

    def subject_of(self, number: int) -> Body | None:
        """The body the given sentence opens with: "The Appellate Court disagreed." """
        for body in reversed(self._bodies):
            if body.sentence < number:
                return None
            if body.sentence == number and body.opens:
                return body
        return None

    def last_naming(self, *words: str) -> Body | None:
        """'supervisors' -> the last body whose name holds one of the words ("Board of
        Supervisors"); 'board', 'district' -> a school board or a school district."""
        for body in reversed(self._bodies):
            if not set(words).isdisjoint(body.name.lower().split()):
                return body
        return None

    def last_with_head(self, head: str) -> Body | None:
        """'the agency' -> the last body whose head noun is 'agency'; '' -> the last body
        ("it said", "the organisation said")."""
        heads = _HEAD_SYNONYMS.get(head, {head})
        for body in reversed(self._bodies):
            if body.head in heads or not head:
                return body
        return None


def _head_of(name: str) -> str:
    """The head noun of a body's name: 'Ministry' in 'Ministry of Ports', 'Authority' in
    'the Harbour Authority'."""
    before_of = _OF_FOR_RE.split(name, maxsplit=1)[0]
    words = before_of.split()
    for index in range(len(words) - 1, -1, -1):
        word = words[index].lower()
        if word in BODY_HEADS or (
            word == "district" and index and words[index - 1].lower() in PUBLIC_DISTRICT_KINDS
        ):
            return word  # "Harlow Water District": a public district (local government)
    first = name.split()[0].lower() if name.split() else ""
    return first if first in BODY_HEADS else ""


def _initials_fit(name: str, acronym: str) -> bool:
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return acronym[:1] == initials[:1] and len(acronym) <= len(initials) + 1


def role_word(lowered: str) -> str:
    """'the chair' -> 'chair', 'the chief regulator' -> 'regulator': a role alone."""
    words = lowered.split()
    if 2 <= len(words) <= 3 and words[0] in {"the", "this"} and words[-1] in _ROLE_WORDS:
        return words[-1]
    return ""


_LINE_START_RE = re.compile(r"\n[ \t\r]*(?=[^\s])")


def paragraphs_between(text: str, start: int, end: int) -> int:
    """How many paragraphs (non-empty lines) begin after `start`, up to and including one
    that begins at `end`: the paragraph of a mention read ahead at `end` is the current one
    plus this ("Pires" opening a later paragraph is in that paragraph). Bounded by the
    read-ahead window."""
    return len(_LINE_START_RE.findall(text, start, end + 1))
