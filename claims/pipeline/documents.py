"""Documents as sources, judged by who issued them (guidelines 1.3, section 5, hard case 9).

"The lawsuit, filed by the state attorney general, alleges", "The report by the state
auditor found", "The state auditor's report found" and, later, "The audit also found": the
document speaks for its issuer. The issuer is named after 'by' in a participle set off by
commas, after 'by'/'from' in the source, or as its possessor; a later definite mention
("the audit") is the document of that kind the article named last.

Only the agent of issuing counts: "filed against the attorney general" names the party
sued, and "a letter to Governor X from 40 doctors" is the doctors' letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Written documents a body or a person issues. Statements and releases are issued too, but
# are read as the issuer's own words elsewhere (cast.DOCUMENT_NOUNS).
DOCUMENTS = frozenset(
    """report reports memo memorandum letter audit lawsuit suit complaint ruling order
    opinion filing affidavit indictment review analysis assessment guidance directive notice
    bulletin advisory petition study survey investigation inquiry""".split()
)
# Past participles that name the issuing of a document ("filed by", "written by"), not
# what happened to it later ("obtained by", "reviewed by", "seen by": a conduit or reader).
_ISSUING = (
    "filed|written|signed|released|issued|published|prepared|conducted|compiled|drafted|"
    "sent|authored|produced|submitted|commissioned|carried out|put out|handed down"
)
# Where the issuer's name ends: a time, a place, the party sued or a clause. "on" before a
# capitalised word goes on naming it ("the Committee on Homeland Security"), unless a day or
# a month follows ("on Monday").
_WHEN = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    "May|June|July|August|September|October|November|December"
)
_AFTER_ISSUER = (
    rf"\s+(?:on(?!\s+(?!(?:{_WHEN})\b)[A-Z])|in|last|this|earlier|after|before|against|to|"
    r"into|over|under|which|that|based|who)\b"
)
# "filed by the state attorney general", "released by the inspector general on Tuesday",
# "signed Monday by Gov. Rory Vance": the agent, without a trailing time or place.
_AGENT_RE = re.compile(
    rf"^(?:\w+ly\s+)?(?:{_ISSUING})\s+(?:(?:on\s+|last\s+|this\s+|earlier\s+)?\w+day\s+)?"
    r"by\s+(?P<issuer>.+?)"
    rf"(?:{_AFTER_ISSUER}.*)?$"
)
# "the report by the state auditor", "a letter to lawmakers from Gov. Rory Vance", "a report
# released Tuesday by the GAO": the issuer inside the source.
_NOUNS = "|".join(sorted(DOCUMENTS, key=len, reverse=True))
_ISSUED_IN_SOURCE_RE = re.compile(
    rf"^(?:the|a|an|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{_NOUNS})"
    r"(?:\s+to(?:\s+[\w.'’-]+){1,5}?(?=\s+from\b))?"  # a recipient: "a letter to X from Y"
    rf"(?:\s+(?:{_ISSUING})(?:\s+(?:on\s+|last\s+|this\s+)?\w+day)?)?"
    r"\s+(?:by|from)\s+(?P<issuer>.+?)"
    rf"(?:\s+(?:to\s+be|released|published|issued)\b.*|{_AFTER_ISSUER}.*)?$",
    re.IGNORECASE,
)
# "the audit", "The IG report", "the new report": a definite mention, up to two modifiers.
_DEFINITE_RE = re.compile(r"^(?:the|this|that)\s+((?:[\w-]+\s+){0,2}?)(\w+)$", re.IGNORECASE)
# Modifiers that say nothing of which document it is.
_ANY_OF_KIND = frozenset("new latest same recent full final original draft earlier".split())


@dataclass(frozen=True)
class Issued:
    noun: str  # "audit"
    issuer: str  # "the county's internal auditor"


def issuer_in_aside(source: str, aside: str) -> Issued | None:
    """'the lawsuit' + 'filed by the state attorney general': a document and its issuer."""
    noun = document_noun(source)
    match = _AGENT_RE.match(aside.strip()) if noun else None
    if match is None:
        return None
    return Issued(noun, match.group("issuer"))


def issuer_in_source(source: str) -> Issued | None:
    """'A report from the state auditor' -> (report, the state auditor)."""
    match = _ISSUED_IN_SOURCE_RE.match(source.strip())
    if match is None:
        return None
    return Issued(match.group("noun").lower(), match.group("issuer"))


def document_noun(source: str) -> str:
    """The document a short description names: 'The lawsuit' -> 'lawsuit', 'a new audit'
    -> 'audit'; '' for anything else."""
    words = source.strip().split()
    if not 1 <= len(words) <= 4:
        return ""
    noun = words[-1].lower()
    return noun if noun in DOCUMENTS else ""


@dataclass(frozen=True)
class Mention:
    noun: str  # "report"
    modifiers: tuple[str, ...]  # ("IG",)

    def fits(self, named: str) -> bool:
        """Whether the document the article named ("a report from the State Department's
        inspector general") can be this one: each modifier is one of its words or the
        initials of some of them ("IG"); "the Senate report" is another report."""
        words = re.findall(r"[\w-]+", named.lower())
        initials = "".join(word[0] for word in words)
        return all(
            modifier.lower() in _ANY_OF_KIND
            or modifier.lower() in words
            or (modifier.isupper() and modifier.lower() in initials)
            for modifier in self.modifiers
        )


def later_mention(source: str) -> Mention | None:
    """'the audit', 'The IG report' in a later sentence: a definite mention of a document
    the article may have named; None when the source is no such mention."""
    match = _DEFINITE_RE.match(source.strip())
    if match is None or match.group(2).lower() not in DOCUMENTS:
        return None
    return Mention(match.group(2).lower(), tuple(match.group(1).split()))
