"""Which body a speaker speaks for, and which government that body belongs to.

Read off the words around a name: "Kremlin spokesman" → the Kremlin → Russian
government; "Russian Chief of the General Staff" → Russian government; "Veltrian
Defence Minister" → Veltrian government. A small gazetteer covers the metonyms news
uses for seats of government; demonyms ("Veltrian") work for any country, listed or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Seats of government and state media that name a state without saying so.
SEATS = {
    "kremlin": ("the Kremlin", "Russian"),
    "white house": ("the White House", "American"),
    "pentagon": ("the Pentagon", "American"),
    "state department": ("the State Department", "American"),
    "downing street": ("Downing Street", "British"),
    "foreign office": ("the Foreign Office", "British"),
    "elysee": ("the Elysee", "French"),
    "élysée": ("the Elysee", "French"),
    "zhongnanhai": ("Zhongnanhai", "Chinese"),
    "blue house": ("the Blue House", "South Korean"),
    "kcna": ("KCNA", "North Korean"),
    "korean central news agency": ("KCNA", "North Korean"),
    "tass": ("TASS", "Russian"),
    "ria novosti": ("RIA Novosti", "Russian"),
    "xinhua": ("Xinhua", "Chinese"),
    "irna": ("IRNA", "Iranian"),
    "sana": ("SANA", "Syrian"),
}

COUNTRY_DEMONYMS = {
    "russia": "Russian",
    "moscow": "Russian",
    "china": "Chinese",
    "beijing": "Chinese",
    "north korea": "North Korean",
    "pyongyang": "North Korean",
    "south korea": "South Korean",
    "seoul": "South Korean",
    "united states": "American",
    "u.s.": "American",
    "us": "American",
    "washington": "American",
    "united kingdom": "British",
    "britain": "British",
    "uk": "British",
    "london": "British",
    "ukraine": "Ukrainian",
    "kyiv": "Ukrainian",
    "iran": "Iranian",
    "tehran": "Iranian",
    "france": "French",
    "paris": "French",
    "germany": "German",
    "berlin": "German",
    "japan": "Japanese",
    "tokyo": "Japanese",
    "israel": "Israeli",
    "syria": "Syrian",
    "turkey": "Turkish",
    "india": "Indian",
    "pakistan": "Pakistani",
}

# Adjectives that look like demonyms but name no state.
_NOT_DEMONYMS = frozenset(
    """presidential federal national regional municipal provincial european western
    eastern northern southern christian republican human urban median susan brian adrian
    ivan sebastian ali hindi""".split()
)
_DEMONYM_RE = re.compile(
    r"\b(North |South )?([A-Z][a-z]+(?:ian|ean|an|ese|ish|i)|French|Dutch|Greek|Thai|Swiss|Czech)\b"
)
_OF_COUNTRY_RE = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w.]+(?:\s+[A-Z][\w]+)?)")
_MINISTRY_RE = re.compile(
    r"\b(?:(\w+)\s+(?:minister|ministry)|(?:minister|ministry)\s+of\s+(\w+(?:\s+affairs)?))\b",
    re.IGNORECASE,
)
_GENERIC_MINISTERS = frozenset({"prime", "deputy", "the", "a", "junior", "cabinet", "state"})


@dataclass(frozen=True)
class BodyPath:
    """From the most specific body up to the government: ("the Kremlin", "Russian government")."""

    bodies: tuple[str, ...]

    @property
    def government(self) -> str:
        return self.bodies[-1] if self.bodies else ""


def learn(phrase: str, name: str = "") -> BodyPath:
    """The bodies a source phrase speaks for; empty when the phrase names no state.

    `name` (the speaker's own name) is cut out first, so a surname that happens to look
    like a demonym ("Kushnerian") is not read as a country.
    """
    text = phrase.replace(name, " ") if name else phrase
    lowered = text.lower().replace("’", "'")
    seat = _seat(lowered)
    # A seat of government names its state more reliably than any adjective near it.
    demonym = seat[1] if seat else _demonym(text, lowered)
    if not demonym:
        return BodyPath(())
    bodies: list[str] = []
    if seat:
        bodies.append(seat[0])
    ministry = _ministry(text)
    if ministry:
        bodies.append(f"{demonym} {ministry} ministry")
    bodies.append(f"{demonym} government")
    return BodyPath(tuple(bodies))


def _seat(lowered: str) -> tuple[str, str] | None:
    for key, seat in SEATS.items():
        if re.search(rf"\b{re.escape(key)}\b", lowered):
            return seat
    return None


def _demonym(text: str, lowered: str) -> str:
    for key, demonym in COUNTRY_DEMONYMS.items():
        if key in {"us", "uk"}:
            if re.search(rf"\b{key.upper()}\b", text):
                return demonym
        elif re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", lowered):
            return demonym
    for match in _DEMONYM_RE.finditer(text):
        word = match.group(2)
        if word.lower() not in _NOT_DEMONYMS:
            return f"{match.group(1) or ''}{word}"
    of_country = _OF_COUNTRY_RE.search(text)
    if of_country and of_country.group(1).lower() not in {"staff", "state", "defence", "defense"}:
        country = of_country.group(1)
        return COUNTRY_DEMONYMS.get(country.lower(), country)
    return ""


def _ministry(text: str) -> str:
    match = _MINISTRY_RE.search(text)
    if not match:
        return ""
    portfolio = (match.group(1) or match.group(2) or "").lower()
    if portfolio in _GENERIC_MINISTERS:
        return ""
    return portfolio.replace("defense", "defence")


# Words that name a kind of body, not one body: "the ministry" of which country?
GENERIC_BODY_WORDS = frozenset(
    "administration agency army authority bureau cabinet commission committee council court "
    "department government ministry office parliament police presidency regime service "
    "state".split()
)
_TRAILING_PREPOSITION = re.compile(r"\b(?:of|for|on|in|and)$", re.IGNORECASE)


def is_specific_body(name: str) -> bool:
    """Whether a detected body names one institution ("FBI", "White House") rather than a
    kind of one ("police", "Ministry") or a cut-off phrase ("Department of").

    A generic body would put officials of different countries under one roof and make
    their statements look like one government contradicting itself.
    """
    words = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).split()
    if not words or _TRAILING_PREPOSITION.search(words[-1]):
        return False
    if any(len(word) >= 2 and word.isupper() for word in words):
        return True
    if not any(word[:1].isupper() for word in words):
        return False
    return len(words) >= 2 or words[0].lower() not in GENERIC_BODY_WORDS
