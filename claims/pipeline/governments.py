"""Which government a speaker speaks for, read off what the article says, with the reason.

Four classes of evidence, tried in this order:

1. The speaker *is* a state: a country ("Russia has confirmed"), a capital used as a
   metonym ("Moscow had denied"), a seat of government ("the Kremlin said") or state
   media ("KCNA reported").
2. The source phrase around the name: "Russian Chief of the General Staff Valery
   Gerasimov", "Kremlin spokesman Dmitry Peskov".
3. The title detection gave the speaker ("north korean leader").
4. An apposition in the sentence: "Dmitry Peskov, the Kremlin's spokesman, said";
   "Kremlin officials, including press secretary Dmitry Peskov, ...".

A country that `countries.tsv` does not list is still found by a demonym-shaped title
word ("Veltrian Defence Minister"), so fictional and unlisted states work too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.pipeline.countries import GOVERNMENT_KINDS, Mention, known, mentions, whole

# A state named after these is where the speaker acts, not whom they speak for:
# "ambassador to Russia", "envoy in Washington".
_TARGET_PREPOSITIONS = re.compile(
    r"\b(?:to|in|against|with|toward|towards|at|on|visiting|over)\s+(?:the\s+)?$", re.I
)
# Adjectives shaped like demonyms that name no state.
_NOT_DEMONYMS = frozenset(
    """presidential federal national regional municipal provincial european western
    eastern northern southern christian republican human urban median susan brian adrian
    ivan sebastian ali hindi""".split()
)
_DEMONYM_RE = re.compile(r"\b(?:North |South )?[A-Z][a-z]+(?:ian|ean|an|ese|ish|i)\b")
_OF_COUNTRY_RE = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w.]+(?:\s+[A-Z]\w+)?)")
# "Chief of Staff", "Secretary of State", "Ministry of Health": offices and the portfolios
# of ministries and departments (a documented class), not countries.
_NOT_COUNTRIES = frozenset(
    """staff state general defence defense health transport transportation finance education
    justice interior energy trade agriculture environment labour labor housing culture
    treasury foreign home commerce industry economy tourism communications information
    science technology fisheries mines infrastructure works planning immigration homeland
    security welfare youth sport sports veterans water social public human children women
    corrections revenue customs""".split()
)
# Where a clause ends: an apposition never reaches across these.
_CLAUSE_END = re.compile(r"[.;:!?\"“”()\[\]]")
# A list that introduces the speaker: "Kremlin officials, including press secretary X".
_LIST_LEAD = re.compile(
    r"^\s*(?:including|such as|among them|notably|especially|like|led by)\b", re.I
)
_APPOSITION_START = re.compile(r"^(?:the|a|an|its|[A-Z][\w’'.-]*)\b")
_APPOSITION_WORDS = 10


@dataclass(frozen=True)
class Government:
    """The government a speaker speaks for: its name, the body that led there, and why."""

    name: str
    reason: str
    # The specific body named on the way ("the Kremlin"), or "" when none was.
    via: str = ""
    code: str = ""


def government_of(
    *, name: str, source: str = "", title: str = "", sentence: str = ""
) -> Government | None:
    """The government `name` speaks for, from the words the article put around it."""
    itself = whole(name)
    if itself is not None:
        return _from_mention(itself, f"the speaker {itself.reason}", itself_is_state=True)
    phrases = [(source, "source", True), (title, "title", False)]
    for phrase, label, case_sensitive in phrases:
        text = _without(phrase, name)
        found = _first_acting(mentions(text, case_sensitive=case_sensitive), text)
        if found is not None:
            return _from_mention(found, f"{found.reason} ({label}: {phrase.strip()!r})")
    for window in appositions(sentence, name):
        found = _nearest(mentions(window.text), window)
        if found is not None:
            return _from_mention(found, f"{found.reason} (apposition: {window.text.strip()!r})")
    for phrase, label, _ in phrases:
        demonym = _unlisted_demonym(_without(phrase, name))
        if demonym:
            return Government(
                f"{demonym} government", f"{demonym!r} names a state ({label}: {phrase.strip()!r})"
            )
    return None


@dataclass(frozen=True)
class Window:
    text: str
    # Whether the words come before the name (the nearest mention is then the last one).
    before: bool


def appositions(sentence: str, name: str) -> list[Window]:
    """Noun phrases next to the speaker's name in `sentence`, nearest first.

    After the name: ", the Kremlin's spokesman," (a short phrase starting like a noun
    phrase, so ", who visited Moscow," is not one). Before it: the words back to the
    last comma in the same clause, and when those open a list ("including press
    secretary"), the phrase the list belongs to ("Kremlin officials").
    """
    windows: list[Window] = []
    if not sentence or not name:
        return windows
    at = _find_name(sentence, name)
    if at is None:
        return windows
    start, end = at
    after = re.match(r"\s*,\s*([^,.;:!?\"“”()]+)", sentence[end:])
    if after:
        phrase = after.group(1)
        if _APPOSITION_START.match(phrase) and len(phrase.split()) <= _APPOSITION_WORDS:
            windows.append(Window(phrase, before=False))
    clause = _CLAUSE_END.split(sentence[:start])[-1]
    segments = clause.split(",")
    nearest = segments[-1]
    windows.append(Window(nearest, before=True))
    if _LIST_LEAD.match(nearest) and len(segments) > 1:
        words = segments[-2].split()
        windows.append(Window(" ".join(words[-_APPOSITION_WORDS:]), before=True))
    return windows


def _find_name(sentence: str, name: str) -> tuple[int, int] | None:
    """Where the full name is, or else its last word (a surname on second reference)."""
    for candidate in (name, name.split()[-1] if name.split() else ""):
        if len(candidate) < 3:
            continue
        match = re.search(rf"\b{re.escape(candidate)}\b", sentence)
        if match:
            return match.start(), match.end()
    return None


def _from_mention(found: Mention, reason: str, *, itself_is_state: bool = False) -> Government:
    country = found.country
    via = ""
    if found.kind in GOVERNMENT_KINDS and not itself_is_state:
        via = next(
            (s for s in (*country.seats, *country.state_media) if found.text in s), found.text
        )
    return Government(country.government, reason, via=via, code=country.code)


def _first_acting(found: list[Mention], text: str) -> Mention | None:
    """The first state the phrase names that is not only where the speaker acts."""
    for mention in found:
        if not _TARGET_PREPOSITIONS.search(text[: mention.start]):
            return mention
    return None


def _nearest(found: list[Mention], window: Window) -> Mention | None:
    acting = [m for m in found if not _TARGET_PREPOSITIONS.search(window.text[: m.start])]
    if not acting:
        return None
    return acting[-1] if window.before else acting[0]


def _without(phrase: str, name: str) -> str:
    """The phrase without the speaker's own name or any part of it ("Ostrouski" on
    second reference): a surname is no nationality."""
    for part in [name, *name.split()] if name else []:
        phrase = re.sub(rf"\b{re.escape(part)}\b", " ", phrase)
    return phrase


def _unlisted_demonym(text: str) -> str:
    """A state the table lacks: "Veltrian Defence Minister", "Foreign Minister of Ostmark"."""
    for match in _DEMONYM_RE.finditer(text):
        word = match.group(0)
        # A word the table knows and `mentions` passed over is part of a longer name or
        # a region ("Latin American"), not a state the table lacks.
        if word.split()[-1].lower() not in _NOT_DEMONYMS and not known(match.group(0).split()[-1]):
            return word
    of_country = _OF_COUNTRY_RE.search(text)
    if of_country and of_country.group(1).split()[0].lower() not in _NOT_COUNTRIES:
        return of_country.group(1)
    return ""
