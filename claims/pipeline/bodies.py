"""Which body a speaker speaks for, and which government that body belongs to.

Read off the words around a name (`governments.government_of`): "Kremlin spokesman"
→ the Kremlin → Russian government; "Russian Chief of the General Staff" → Russian
government; "Veltrian Defence Minister" → Veltrian defence ministry → Veltrian
government. Seats, capitals, demonyms and state media come from the documented table
in `countries`; a demonym works for any country, listed or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.pipeline.governments import government_of

_MINISTRY_RE = re.compile(
    r"\b(?:(\w+)\s+(?:minister|ministry)|(?:minister|ministry)\s+of\s+(\w+(?:\s+affairs)?))\b",
    re.IGNORECASE,
)
_GENERIC_MINISTERS = frozenset({"prime", "deputy", "the", "a", "junior", "cabinet", "state"})


@dataclass(frozen=True)
class BodyPath:
    """From the most specific body up to the government: ("the Kremlin", "Russian government"),
    with the reason the government was read off the words."""

    bodies: tuple[str, ...]
    reason: str = ""

    @property
    def government(self) -> str:
        return self.bodies[-1] if self.bodies else ""


def learn(phrase: str, name: str = "", *, title: str = "", sentence: str = "") -> BodyPath:
    """The bodies a source phrase speaks for; empty when the words name no state.

    `name` (the speaker's own name) is cut out first, so a surname that happens to look
    like a demonym is not read as a country; `title` and `sentence` (for an apposition)
    are read when the phrase itself names no state.
    """
    government = government_of(name=name, source=phrase, title=title, sentence=sentence)
    if government is None:
        return BodyPath(())
    bodies: list[str] = []
    if government.via and government.via.lower() != name.lower():
        bodies.append(government.via)
    ministry = _ministry(f"{phrase} {title}")
    if ministry:
        bodies.append(f"{government.name.removesuffix(' government')} {ministry} ministry")
    bodies.append(government.name)
    return BodyPath(tuple(bodies), government.reason)


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
