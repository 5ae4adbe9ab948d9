"""How a speaker's name becomes one registry entry: the key it is found by, and what an
anonymous description ("a senior government official") is filed under.

Pure functions, so the data migration that merges old duplicates uses exactly the rules
ingestion uses (claims/migrations/0015_speaker_names_normalised.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claims.pipeline.bodies import learn
from claims.pipeline.roles import ROLE_NOUNS

KEY_LENGTH = 300

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"'})
# Dots and hyphens join ("U.S." = "US", "Jean-Pierre" = "Jean Pierre"); other punctuation
# separates words. Apostrophes stay: "People's" is not "Peoples".
_JOINING_DOTS = re.compile(r"(?<=\b\w)\.(?=\w\b|\s|$)")
_SEPARATORS = re.compile(r"[^\w'&\s]+|(?<!\w)'|'(?!\w)")


def speaker_key(name: str) -> str:
    """The natural key of a speaker or alias: case, a leading "the", curly quotes,
    punctuation and spacing do not make a second speaker.

    "the Department of Transport", "Department  of Transport." and "THE DEPARTMENT OF
    TRANSPORT" share one key; "Department for Transport" does not. Only "the" is dropped:
    "a"/"an" start a description, not a name (see `anonymous_speaker`). Idempotent.
    """
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold()
    text = _JOINING_DOTS.sub("", text)
    text = _SEPARATORS.sub(" ", text.replace("&", " and "))
    words = text.split()
    while words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)[:KEY_LENGTH].strip()


# People a description can stand for without a name: offices and the press's stock nouns.
_PEOPLE = (
    frozenset(
        """official officials source sources spokesperson spokespeople spokesman spokesmen
    spokeswoman spokeswomen aide aides adviser advisers advisor advisors diplomat diplomats
    insider insiders person people officer officers representative representatives staffer
    staffers employee employees negotiator negotiators minister ministers lawmaker lawmakers
    legislator legislators member members figure figures executive executives operative
    operatives observer observers auditor auditors""".split()
    )
    | ROLE_NOUNS
)
# No plural trades: they often name a body ("Physicians for Human Rights").
_PLURAL_PEOPLE = frozenset(
    word for word in _PEOPLE if word.endswith("s") or word.endswith(("people", "men"))
)
_INDEFINITE = frozenset(
    {"a", "an", "one", "two", "three", "several", "some", "many", "other", "another"}
)
_SOMEONE = frozenset({"someone", "somebody"})
# Words that say the person is not named, wherever they stand in the phrase.
_UNNAMED_RE = re.compile(
    r"\b(?:unnamed|unidentified|anonymous|anonymity|not (?:authori[sz]ed|permitted|allowed)"
    r"|(?:asked|declined|requested|wished) not to be (?:named|identified)"
    r"|familiar with|close to|briefed on|with knowledge of)\b",
    re.IGNORECASE,
)
# Where the description's own words end: "officials | familiar with the matter".
_HEAD_END_RE = re.compile(r"\s(?:who|that|familiar|close|briefed|with|at|of|from|in|for|on)\s")

ANONYMOUS = "anonymous source"
ANONYMOUS_OF = "anonymous official of {government}"


@dataclass(frozen=True)
class Anonymous:
    """What an unnamed speaker is filed under, and the government they speak for ("" if
    the words name none)."""

    name: str
    government: str


def anonymous_speaker(name: str, *, title: str = "") -> Anonymous | None:
    """The registry entry for a description of an unnamed person, or None for a name.

    A description is told by its words, never by a list of phrases: an indefinite
    article or number before a noun for a person ("a senior government official",
    "two diplomats"), a plural such noun at its head ("officials familiar with the
    matter", "Western diplomats"), or a word saying the person is unnamed ("unnamed
    source", "who asked not to be named"). A capitalised name ("Ann Lee") or an
    institution ("the Department of Transport") is none of these.
    """
    text = " ".join(name.translate(_QUOTES).split())
    if not text:
        return None
    words = [word.strip(",.;:") for word in text.lower().split()]
    head = _HEAD_END_RE.split(f"{text.lower()} ", maxsplit=1)[0].split()
    described = (
        words[0] in _SOMEONE
        or (words[0] in _INDEFINITE and any(word in _PEOPLE for word in words[1:]))
        or (bool(head) and head[-1].strip(",.;:") in _PLURAL_PEOPLE and _lower_or_first(text, head))
    )
    if not described and not _UNNAMED_RE.search(text):
        return None
    government = _government(text, title)
    if not government:
        return Anonymous(ANONYMOUS, "")
    return Anonymous(ANONYMOUS_OF.format(government=government), government)


def _lower_or_first(text: str, head: list[str]) -> bool:
    """ "US officials" and "Officials familiar with..." describe; "Anna Officials" is a name."""
    words = text.split()
    return len(head) == 1 or words[len(head) - 1][:1].islower()


def _government(text: str, title: str) -> str:
    """The government the words name, if any ("" for "an official at the Ministry of
    Health": a portfolio is no state)."""
    return learn(text, title=title).government
