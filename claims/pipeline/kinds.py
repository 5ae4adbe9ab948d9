"""Is a speaker a person or an organisation? Read off the words, for ClaimReview's
`author` and for whether "it" can be the speaker."""

from __future__ import annotations

from claims.pipeline import countries
from claims.pipeline.gender import gender_of
from claims.pipeline.names import name_in

_BODY_WORDS = frozenset(
    """airlines airways group inc corp corporation company co ltd llc plc bank university
    institute agency association council party union times news post press network
    foundation trust fund organisation organization ministry department""".split()
)


def is_person(speaker: str, title: str) -> bool:
    """A named person, as far as the words tell: a gendered word, a titled name, or a
    personal name of two words or more that is not a company's ("United Airlines") or a
    state's ("North Korea", "the White House")."""
    if gender_of(f"{title} {speaker}"):
        return True
    if countries.whole(speaker) is not None:
        return False
    name = name_in(speaker).split()
    if not name or name[-1].lower().strip(".") in _BODY_WORDS:
        return False
    return bool(title) or len(name) >= 2
