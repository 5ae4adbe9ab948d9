"""Attributions with no reporting verb, read from the shape of the sentence.

- A quotation tagged with a name and a role but no verb, as some outlets publish them:
  '“The plan works,” Ada Lorne, director of the Harbour Agency.'
- The stance frame "To X, ...": 'To the governor, the plan is a mistake'. ("For X, ..." is
  left out: political news uses it for what a result means to someone, not a view.)
"""

from __future__ import annotations

import re

from claims.pipeline.lexicon import TIME_WORDS
from claims.pipeline.official_terms import TITLES
from claims.pipeline.places import CAPITALS, COUNTRIES, DEMONYMS
from claims.pipeline.spans import RawAttribution, Span

_NAME = r"[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3}"
_VERBLESS_TAG_RE = re.compile(
    r"(?P<quote>[“\"][^”\"]{10,}?[,.!?]\s*[”\"])\s*,?\s+(?P<name>" + _NAME + r"),\s+"
    r"(?P<role>[^,;“”\"]{3,100}?)\.\s*(?=[“\"]|$)"
)
_ROLE_HINTS = frozenset(t for t in TITLES if " " not in t and "." not in t) | frozenset(
    """director head chief adviser advisor manager chair chairman chairwoman professor
    president founder executive analyst economist researcher scientist coordinator
    officer spokesperson""".split()
)
_FRAME_RE = re.compile(
    r"^(?:(?:But|And|Yet|Still)\s+)?(?P<cue>[Tt]o)\s+"
    r"(?P<who>(?:the\s+)?[a-z]+\s+[a-z]+|the\s+[a-z]+|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2}),"
    r"\s+(?P<rest>(?:it|this|that|there|the|he|she|they)\b.{10,})$"
)
_NOT_HOLDERS = frozenset("example instance now once years decades months weeks starters".split())


def tagless(text: str, start: int, end: int) -> list[RawAttribution]:
    """The verbless attributions of the sentence text[start:end]."""
    sentence = text[start:end]
    tags = [_verbless_tag(match, start) for match in _VERBLESS_TAG_RE.finditer(sentence)]
    found = [attribution for attribution in tags if attribution is not None]
    frame = _FRAME_RE.match(sentence)
    if frame and not found and _holder(frame.group("who")):
        cue = Span(start + frame.start("cue"), start + frame.end("cue"))
        who = Span(start + frame.start("who"), start + frame.end("who"))
        rest = sentence[frame.start("rest") :].rstrip(" .")
        content = Span(start + frame.start("rest"), start + frame.start("rest") + len(rest))
        found.append(RawAttribution(who, cue, frame.group("cue"), "think", content, rest, False))
    return found


def _verbless_tag(match: re.Match[str], offset: int) -> RawAttribution | None:
    role = match.group("role")
    if not any(word.lower() in _ROLE_HINTS for word in re.findall(r"[\w-]+", role)):
        return None
    name = Span(offset + match.start("name"), offset + match.end("name"))
    quote = match.group("quote")
    body = quote[1:].rstrip().rstrip('”"').rstrip(",")
    content = Span(offset + match.start("quote") + 1, offset + match.start("quote") + 1 + len(body))
    return RawAttribution(
        name, Span(name.start, name.start), "", "say", content, body, True, appositive=role
    )


def _holder(who: str) -> bool:
    """'the governor', 'McCaughrean': someone who can hold a view; not a time or a place."""
    words = who.split()
    if words[0] == "the":
        return words[-1] in _ROLE_HINTS
    if words[0][:1].islower():
        return False
    lowered = who.lower()
    return not (
        lowered in COUNTRIES
        or lowered in CAPITALS
        or lowered in DEMONYMS
        or any(word.lower() in TIME_WORDS or word.lower() in _NOT_HOLDERS for word in words)
    )
