"""What "it", "this" and "the reports" stand for, read from the article.

"Asked about the report, the spokeswoman dismissed it as an outdated draft": alone, "it"
means nothing. The object of a stance verb that points back is replaced by what it points
to, found in this order:
1. a lead in the same sentence ("Asked about the report, ...", "Responding to X, ...");
2. for a claim noun ("the report", "the reports"), its introduction earlier in the article
   with what it said ("a report last month that corrosion ... would delay the work"),
   owned by whoever the article says made it;
3. for a bare "it" or "this", the claim made in the sentence before, by someone else.
Nothing is guessed beyond that: an unresolved pronoun stays, and the check reports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from claims.pipeline.gender import PRONOUN_GENDER, gender_of
from claims.pipeline.wording import possessive, squeeze

CLAIM_NOUNS = (
    r"reports?|claims?|allegations?|accusations?|rumou?rs?|suggestions?|charges?|"
    r"stor(?:y|ies)|assertions?|speculation|statements?|assessments?|warnings?|findings?"
)
ANAPHOR_RE = re.compile(
    r"^(?:(?P<pronoun>it|this|that|them|these|those)(?=\s+as\b|\s*[,.;]|\s*$|\s+and\b|\s+on\b)"
    rf"|(?:the|these|those|such|this|that)\s+(?P<noun>{CLAIM_NOUNS})"
    r"|(?P<owner>his|her|their)\s+(?P<owned>account|claims?|remarks|comments|statement|"
    r"allegations?|assertion|suggestion))\b",
    re.IGNORECASE,
)
_LEAD_RE = re.compile(
    r"^\s*(?:(?:When|After\s+being|Once)\s+)?(?:asked|questioned|pressed|quizzed)\s+"
    r"(?:by\s+[^,]{1,40}?\s+)?(?:about|on|over|regarding|whether|if)\s+(?P<x>[^,]{3,160}),"
    r"|^\s*(?:Responding\s+to|Commenting\s+on|Reacting\s+to|In\s+response\s+to|Regarding)\s+"
    r"(?P<y>[^,]{3,160}),",
    re.IGNORECASE,
)
_WINDOW = 2500  # characters read back for where a claim noun was introduced
# "Rumours spread on Monday that ...", "a report in the press that ...": what may stand
# between a claim noun and what it said.
_GAP_WORDS = frozenset(
    """emerged spread circulated surfaced swirled appeared grew published released aired
    in the press online on social media local""".split()
)
_RELATIVE_TIME = re.compile(
    r"\b(?:last|this|next)\s+(?:week|month|year|spring|summer|autumn|fall|winter)\b|"
    r"\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\b(?:earlier|yesterday|today)\b"
)


@dataclass(frozen=True)
class Said:
    """An earlier statement of the article: where it stood, who made it, what it held."""

    sentence_start: int
    sentence_end: int
    name: str
    content: str
    direct: bool


def resolve_object(
    text: str,
    *,
    sentence_start: int,
    cue_start: int,
    content: str,
    speaker: str,
    earlier: Sequence[Said],
) -> str:
    """The content with a pointing-back object replaced by what it points to."""
    match = ANAPHOR_RE.match(content)
    if match is None:
        return content
    rest = content[match.end() :].strip()
    lead = _LEAD_RE.match(text[sentence_start:cue_start])
    referent = ""
    if lead is not None:
        referent = squeeze(lead.group("x") or lead.group("y"))
        noun = re.match(rf"(?:the|these|those)\s+({CLAIM_NOUNS})$", referent, re.IGNORECASE)
        if noun is not None:
            referent = introduced(text, noun.group(1), sentence_start, earlier) or referent
    elif match.group("noun"):
        referent = introduced(text, match.group("noun"), sentence_start, earlier)
    else:
        referent = _claim_before(earlier, sentence_start, speaker, match.group("owner") or "")
    if not referent:
        return content
    if rest and not re.match(r"(?:as|and|but|,)\b", rest):
        return f"{rest} {referent}"  # "denied on Tuesday the rumours that ...": time first
    return f"{referent} {rest}".strip()


def introduced(text: str, noun: str, before: int, earlier: Sequence[Said]) -> str:
    """ "the report" -> "Tomas Vell's report that corrosion ... would delay the work"."""
    stem = noun.lower().rstrip("s") if not noun.lower().endswith("ss") else noun.lower()
    stem = {"storie": "story", "rumor": "rumour"}.get(stem, stem)
    pattern = re.compile(
        rf"\b(?P<noun>{re.escape(stem)}s?)\b(?P<gap>(?:\s+[\w’'-]+){{0,4}}?)\s+"
        r"(?P<link>that|of|about|alleging|saying|suggesting|claiming)\s+(?P<what>[^.;!?]{8,300})",
        re.IGNORECASE,
    )
    found = _last(pattern.finditer(text, max(0, before - _WINDOW), before))
    if found is None:
        return ""
    if set(_RELATIVE_TIME.sub("", found.group("gap")).lower().split()) - _GAP_WORDS:
        return ""
    what = squeeze(found.group("what")).rstrip(",")
    head = found.group("noun").lower()
    owner = _owner(found.start(), earlier)
    if owner:
        return f"{possessive(owner)} {head} {found.group('link')} {what}"
    article = "" if head.endswith("s") or head == "speculation" else "the "
    return f"{article}{head} {found.group('link')} {what}"


def _owner(offset: int, earlier: Sequence[Said]) -> str:
    for said in reversed(earlier):
        if said.sentence_start <= offset < said.sentence_end and said.name:
            return said.name
    return ""


def _claim_before(earlier: Sequence[Said], sentence_start: int, speaker: str, owner: str) -> str:
    """ "The minister denied it", "dismissed his account": the claim made just before, by
    another speaker."""
    if not earlier:
        return ""
    last = earlier[-1]
    close = 0 <= sentence_start - last.sentence_end <= 400
    if not close or last.direct or last.name in {"", speaker} or not last.content:
        return ""
    gender = PRONOUN_GENDER.get(owner.lower(), "")
    if gender and gender_of(last.name) not in {"", gender}:
        return ""  # "her account" after a man spoke: someone else's
    return f"{possessive(last.name)} claim that {last.content}"


_PAIR_RE = re.compile(
    r"\bthe\s+two\s+(?:countries|nations|states|governments|capitals|sides|neighbours|neighbors)\b"
)
_NAMED_PAIR_RE = re.compile(
    r"\bbetween\s+(?P<a>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+and\s+"
    r"(?P<b>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\b"
)


def resolve_pair(text: str, before: int, content: str) -> str:
    """ "between the two countries" -> "between Moscow and Pyongyang", as the article last
    named the pair; unchanged when it never did."""
    if _PAIR_RE.search(content) is None:
        return content
    named = _last(_NAMED_PAIR_RE.finditer(text, max(0, before - _WINDOW), before))
    if named is None:
        return content
    pair = f"{named.group('a')} and {named.group('b')}"
    return _PAIR_RE.sub(pair, content, count=1)


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - the last match is the nearest before
        pass
    return last
