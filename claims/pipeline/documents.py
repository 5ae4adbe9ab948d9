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
# Documents an article names outside an attribution, so that a later "the audit" knows who
# issued it: "The suit, filed by the state attorney general in March, seeks $5 million";
# "The inspector general released a scathing report on Tuesday."
_NAMED_BY_RE = re.compile(
    rf"\b(?P<noun>{_NOUNS}),?\s+(?:{_ISSUING})\s+(?:(?:on\s+|last\s+|this\s+)?\w+day\s+)?"
    r"by\s+(?P<issuer>[^,;:“”\"()—]+)",
    re.IGNORECASE,
)
_ISSUES_RE = re.compile(
    r"\b(?:released|issued|published|filed|sent|wrote|conducted|signed|prepared|drafted|"
    r"compiled|submitted|produced|authored)\s+(?:a|an|its|their|his|her|the)\s+"
    rf"(?:[\w-]+,?\s+){{0,2}}?(?P<noun>{_NOUNS})\b"
)
# "Exxon Mobil's letter", "the state auditor's review": a document named by its owner.
_OWNER_RE = re.compile(
    r"(?P<owner>\b[Tt]he\s+(?:[a-z-]+\s+){0,2}[\w-]+|\b[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})"
    r"['’]s\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?P<noun>{_NOUNS})\b"
)
# Each document noun, once (plurals and "lawsuit" contain them), for a cheap first test.
_DOCUMENT_STEMS = tuple(
    noun for noun in DOCUMENTS if not any(o != noun and o in noun for o in DOCUMENTS)
)
_ISSUER_END_RE = re.compile(rf"(?P<issuer>.+?)(?:{_AFTER_ISSUER}.*)?\.?$")
# Words before the verb that are no part of its subject: auxiliaries, adverbs, and the
# clause words a subject follows.
_BEFORE_VERB = frozenset("has have had also recently quietly jointly then just".split())
_CLAUSE_WORDS = frozenset(
    """that who which and but when after before as because if while said says since
    where whom whose than""".split()
)
_SUBJECT_PRONOUNS = frozenset("he she it they we i you".split())
_TIME_WORDS = frozenset("last this next week month year earlier later on in".split())
_BREAK_RE = re.compile(r"[,;:“”\"()—–]|\s-\s")
# "its letter, written by Kenneth Cohen, a vice president": the owner's document, which an
# employee wrote; the writer is no issuer.
_OWNED_RE = re.compile(r"(?:\b(?:its|their|his|her|our)|['’]s)\s+(?:[\w-]+\s+){0,2}$", re.I)
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
    if not 1 <= len(words) <= 4 or _OWNED_RE.search(" ".join(words[:-1]) + " "):
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


def documents_named(sentence: str) -> list[tuple[Issued, str]]:
    """Each document the sentence names with its issuer, and the words that name it: "The
    suit, filed by the state attorney general, seeks ..." and "The inspector general
    released a report". Not "filed against X", nor "a letter to X" (X is no issuer)."""
    found: list[tuple[Issued, str]] = []
    lowered = sentence.lower()
    if not any(noun in lowered for noun in _DOCUMENT_STEMS):
        return found  # most sentences name no document: a few substring tests decide
    for match in _NAMED_BY_RE.finditer(sentence):
        if _OWNED_RE.search(sentence, max(0, match.start() - 40), match.start()):
            continue
        issuer = _ISSUER_END_RE.match(match.group("issuer").strip())
        if issuer is not None:
            noun = match.group("noun").lower()
            found.append((Issued(noun, issuer.group("issuer")), match.group(0)))
    for match in _OWNER_RE.finditer(sentence):
        owner = match.group("owner")
        found.append((Issued(match.group("noun").lower(), owner), match.group(0)))
    for match in _ISSUES_RE.finditer(sentence):
        subject = _subject_before(sentence[: match.start()])
        if subject:
            noun = match.group("noun").lower()
            found.append((Issued(noun, subject), f"{subject} {match.group(0)}"))
    return found


def _subject_before(before: str) -> str:
    """'Last week the inspector general' -> 'the inspector general': the subject of the
    clause that ends right before its verb; '' when it is a pronoun or no noun phrase."""
    breaks = list(_BREAK_RE.finditer(before))
    words = (before[breaks[-1].end() :] if breaks else before).split()
    while words and words[-1].lower() in _BEFORE_VERB:
        words.pop()
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _CLAUSE_WORDS or len(kept) == 8:
            break
        kept.append(word)
    kept.reverse()
    while kept and (kept[0].lower() in _TIME_WORDS or kept[0].lower().endswith("day")):
        kept.pop(0)  # "Last week the inspector general", "On Monday the court"
    subject = " ".join(kept)
    if not subject or subject.lower() in _SUBJECT_PRONOUNS:
        return ""
    return subject if subject[:1].isupper() or kept[0].lower() in {"the", "a", "an"} else ""
