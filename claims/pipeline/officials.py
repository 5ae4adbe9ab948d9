"""Decide whether a source speaks for a state body, with a reason a fact-checker can read.

Order of evidence: the staff-edited registry, then disqualifiers (former, party, company,
media, expert ...), then state media, titles and offices, government bodies and their
metonyms (capitals and country names), then anonymous officials.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.pipeline.official_terms import (
    ABBREVIATED_TITLES,
    BODIES,
    NOT_OFFICIAL,
    NOT_OFFICIAL_PHRASES,
    STATE_MEDIA,
    TITLES,
)
from claims.pipeline.places import CAPITALS, COUNTRIES, DEMONYMS
from claims.pipeline.roles import affiliation_in, full_title, role_in
from claims.pipeline.speakers import name_in


@dataclass(frozen=True)
class Verdict:
    official: bool
    reason: str
    title: str = ""
    body: str = ""


@dataclass(frozen=True)
class SpeakerEntry:
    name: str
    is_official: bool | None = None
    reason: str = ""
    title: str = ""
    body: str = ""
    aliases: tuple[str, ...] = ()


def normalise_name(name: str) -> str:
    """Lower-case, drop punctuation and honorifics so "Mr. Peskov" finds "Peskov"."""
    words = re.findall(r"[\w]+", name.lower().replace("’", "'"))
    return " ".join(w for w in words if w not in {"mr", "mrs", "ms", "dr", "the"})


class SpeakerRegistry:
    """Staff-edited speakers, looked up by normalised full name, alias or surname."""

    def __init__(self, entries: Iterable[SpeakerEntry] = ()) -> None:
        self._by_key: dict[str, SpeakerEntry] = {}
        for entry in entries:
            for key in (entry.name, *entry.aliases):
                if normalise_name(key):
                    self._by_key[normalise_name(key)] = entry

    @classmethod
    def from_entries(cls, rows: Iterable[dict | SpeakerEntry]) -> SpeakerRegistry:
        entries = [row if isinstance(row, SpeakerEntry) else _entry_from_dict(row) for row in rows]
        return cls(entries)

    def lookup(self, name: str) -> SpeakerEntry | None:
        key = normalise_name(name)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        # A source phrase such as "press secretary dmitry peskov" ends with the name.
        words = key.split()
        for size in (3, 2):
            if len(words) >= size and " ".join(words[-size:]) in self._by_key:
                return self._by_key[" ".join(words[-size:])]
        return None


def _entry_from_dict(row: dict) -> SpeakerEntry:
    return SpeakerEntry(
        name=row["name"],
        is_official=row.get("is_official"),
        reason=row.get("reason", ""),
        title=row.get("title", ""),
        body=row.get("body", ""),
        aliases=tuple(row.get("aliases", ())),
    )


_STATE_MEDIA_RE = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(STATE_MEDIA, key=len, reverse=True)) + r")\b"
)
_MEDIA_ACRONYMS = frozenset({"tass", "kcna", "sana", "irna", "cctv"})

LEADER_OF_STATE = re.compile(
    r"\b(?:north korean|supreme|russian|chinese|iranian|soviet|cuban|libyan|syrian) leader\b"
)

_BODY_RE = re.compile(
    r"\b(" + "|".join(re.escape(b) for b in sorted(BODIES, key=len, reverse=True)) + r")\b"
)
_TITLE_RE = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r")(?![\w])"
)
_WORD_RE = re.compile(r"[a-z]+(?:[.'][a-z]+)*")
_PLACE_RE = re.compile(
    r"\b("
    + "|".join(re.escape(p) for p in sorted(CAPITALS | COUNTRIES, key=len, reverse=True))
    + r")\b"
)
_DEMONYM_RE = re.compile(r"\b(" + "|".join(re.escape(d) for d in sorted(DEMONYMS)) + r")\b")

# Capitalised acronyms such as "WHO" or "UN" must not match the words "who" or "un-".
_ACRONYMS = {"who", "un", "eu", "esa", "nsa", "cia", "fbi", "imf", "nhs", "irs", "cdc", "epa"}


def _body_match(phrase: str, lowered: str, name: str = "") -> str:
    for match in _BODY_RE.finditer(lowered):
        body = match.group(1)
        written = phrase[match.start() : match.end()]
        if body in _ACRONYMS and written != body.upper():
            continue
        named = _BODY_NAME_RE.match(phrase, match.end() - (3 if body.endswith(" of") else 0))
        if named and body in _NAMED_BODIES:
            written = phrase[match.start() : named.end()]  # "Ministry of Agriculture"
            if name and written.endswith(f" {name}"):
                written = written[: -len(name) - 1]  # "the Ministry of Finance Brian Manning"
        return written  # as the article writes it: "Kremlin", "FBI"
    return ""


# "Ministry of Agriculture", "Department of Transport": a body named by its portfolio.
_NAMED_BODIES = frozenset(
    "ministry department office bureau agency commission authority".split()
) | {"department of"}
_BODY_NAME_RE = re.compile(
    r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:and|&|[A-Z][\w’'&.-]*))*"
)


def classify(phrase: str, registry: SpeakerRegistry | None = None) -> Verdict:
    """Classify a source phrase (title + name + body) as official or not."""
    if registry is not None:
        entry = registry.lookup(phrase)
        if entry is not None and entry.is_official is not None:
            reason = entry.reason or ("official" if entry.is_official else "not official")
            return Verdict(entry.is_official, f"registry: {reason}", entry.title, entry.body)
    return _described(_classify_phrase(phrase), phrase)


def _described(verdict: Verdict, phrase: str) -> Verdict:
    """A role and an affiliation for sources that hold no office: "Economist X of the Y"."""
    if verdict.title and verdict.body:
        return verdict
    name = name_in(phrase.split(";")[0])
    title = verdict.title or role_in(phrase, name)
    body = verdict.body or affiliation_in(phrase, name)
    return Verdict(verdict.official, verdict.reason, title, body)


def _classify_phrase(phrase: str) -> Verdict:
    lowered = phrase.lower().replace("’", "'")
    words = set(_WORD_RE.findall(lowered))
    for match in _STATE_MEDIA_RE.finditer(lowered):
        key = match.group(1)
        # Agency acronyms count only in capitals: "sana" or "tass" in lower case are words.
        if key in _MEDIA_ACRONYMS and key.upper() not in phrase:
            continue
        return Verdict(True, f"state media: {STATE_MEDIA[key]}", body=STATE_MEDIA[key])
    for key, why in NOT_OFFICIAL_PHRASES.items():
        if key in lowered:
            return Verdict(False, f"not official: {why}")
    # "Statistical Institute of Jamaica": a word such as "institute" inside a state body's
    # name is not a disqualifier.
    inside_bodies = {
        word
        for match in _BODY_RE.finditer(lowered)
        if " " in match.group(1)
        for word in match.group(1).split()
    }
    for word, why in NOT_OFFICIAL.items():
        if word in words and word not in inside_bodies:
            return Verdict(False, f"not official: {why}")
    # Titles are read outside the person's name, so "said King" is not a monarch.
    name = name_in(phrase.split(";")[0])
    titled = lowered.replace(name.lower(), " " * len(name)) if name else lowered
    title_match = _TITLE_RE.search(titled)
    leader = LEADER_OF_STATE.search(lowered)
    if leader:
        return Verdict(True, f"title: {leader.group(0)}", title=leader.group(0))
    body = _body_match(phrase, lowered, name)
    if title_match and _is_surname(phrase, title_match):
        title_match = None  # "said King": a family name, not a monarch
    if title_match:
        title = title_match.group(1).rstrip(".")
        title = ABBREVIATED_TITLES.get(title, title)
        title = full_title(titled, title_match.start(), title)
        if title.endswith("president") and _heads_organisation(phrase, title_match.end()):
            return Verdict(False, "not official: president of an organisation", title=title)
        if title in {"spokesman", "spokeswoman", "spokesperson", "secretary"} and not (
            body or _PLACE_RE.search(lowered) or _DEMONYM_RE.search(lowered)
        ):
            # "spokesperson" alone could speak for a company: not enough.
            return Verdict(False, f"not official: {title} of an unnamed body")
        return Verdict(True, f"title: {title}", title=title, body=body)
    if body:
        return Verdict(True, f"body: {body}", body=body)
    place = _PLACE_RE.search(lowered)
    if place and _is_bare_place(lowered, place):
        return Verdict(True, f"government metonym: {phrase.strip()}", body=phrase.strip())
    return Verdict(False, "")


def _heads_organisation(phrase: str, end: int) -> bool:
    """'president of the Communications Workers of America': not a head of state."""
    after = re.match(r"\s+of\s+(?:the\s+)?([^,;]+)", phrase[end:])
    if after is None:
        return False
    organisation = after.group(1).lower()
    if _PLACE_RE.match(organisation) or _BODY_RE.search(organisation):
        return False
    return not re.match(r"(?:republic|country|nation|state)\b", organisation)


def _is_surname(phrase: str, title: re.Match[str]) -> bool:
    """A capitalised title word that opens the phrase and ends it: "said King, who ..."."""
    after = phrase[title.end() :].lstrip()
    return (
        title.start() == 0
        and phrase[:1].isupper()
        and " " not in title.group(1)
        and (not after or after[0] in ",;")
    )


def _is_bare_place(lowered: str, place: re.Match[str]) -> bool:
    """True when the phrase is just a country or capital ("Moscow", "the U.S.")."""
    rest = (lowered[: place.start()] + lowered[place.end() :]).strip()
    return rest in {"", "the"}
