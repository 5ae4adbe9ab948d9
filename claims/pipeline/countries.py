"""Sovereign states and the words news uses for them: names, demonyms, capitals, seats of
government and state media, each found in text with what kind of mention it is.

Country names come from pycountry (ISO 3166-1, maintained); `data/countries.tsv` adds
the common names, demonyms, capitals, seats and state media ISO does not carry. A
mention of any of them stands for the same state ("Russian", "Moscow", "the Kremlin",
"TASS" → Russia), which is how a speaker is put under its government and how two
statements are found to be about the same country.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

TABLE = Path(__file__).parent / "data" / "countries.tsv"

# What each kind of mention says about the state, for a reason a person can read.
KINDS = {
    "country": "names {country}",
    "demonym": "names {country}",
    "capital": "is the capital of {country}, used for its government",
    "seat": "is the seat of the {government}",
    "state media": "is state media of {country}",
}
# Kinds that stand for the government itself, not only for the country.
GOVERNMENT_KINDS = frozenset({"seat", "state media"})
# Words that may start a sentence or a title before a place without being part of its name.
_LEADING_WORDS = frozenset(
    """a an and as at but by for from in into of on or over since the to under unlike
    until when while with both after before during""".split()
)
# Regions and peoples whose adjective ends like a state's: "Latin American" is no state.
_NOT_STATES = (
    "Latin American",
    "South American",
    "North American",
    "Central American",
    "Native American",
    "African American",
    "Asian American",
    "Korean Peninsula",
)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    state_media: tuple[str, ...]

    @property
    def demonym(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name

    @property
    def government(self) -> str:
        return f"{self.demonym} government"


@dataclass(frozen=True)
class Mention:
    country: Country
    kind: str
    text: str
    start: int
    end: int

    @property
    def reason(self) -> str:
        said = KINDS[self.kind].format(
            country=self.country.name, government=self.country.government
        )
        return f"{self.text!r} {said}"


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


@cache
def countries() -> tuple[Country, ...]:
    rows = [
        line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    result = []
    for row in csv.DictReader(rows, delimiter="\t"):
        iso = pycountry.countries.get(alpha_2=row["code"])
        if iso is None:
            raise ValueError(f"{TABLE.name}: unknown country code {row['code']!r}")
        common = _split(row["names"] or "")
        official = [getattr(iso, field, None) for field in ("official_name", "name")]
        names = tuple(dict.fromkeys([*common, *(n for n in official if n and "," not in n)]))
        result.append(
            Country(
                code=row["code"],
                name=names[0],
                names=names,
                demonyms=_split(row["demonyms"] or ""),
                capitals=_split(row["capitals"] or ""),
                seats=_split(row["seats"] or ""),
                state_media=_split(row["state_media"] or ""),
            )
        )
    return tuple(result)


def by_code(code: str) -> Country | None:
    return next((c for c in countries() if c.code == code), None)


@cache
def _forms() -> dict[str, tuple[Country, str] | None]:
    """Surface form (without a leading "the") → (country, kind); None for a non-state."""
    forms: dict[str, tuple[Country, str] | None] = {}
    for country in countries():
        for kind, values in (
            ("state media", country.state_media),
            ("seat", country.seats),
            ("capital", country.capitals),
            ("demonym", country.demonyms),
            ("country", country.names),
        ):
            for value in values:
                # "Americans" are people, not the state: a plural is no mention.
                forms.setdefault(_without_the(value), (country, kind))
    for region in _NOT_STATES:
        forms[region] = None
    return forms


def _without_the(value: str) -> str:
    return value[4:] if value.lower().startswith("the ") else value


@cache
def _by_first_word(case_sensitive: bool) -> dict[str, tuple[str, ...]]:
    """First word of each form → the forms it starts, longest first (tried in that order).

    Looking forms up only where a word starts keeps this fast on long texts: the matcher
    reads up to sixty candidate claims for every new one.
    """
    index: dict[str, list[str]] = {}
    for form in _forms():
        if not case_sensitive and _is_abbreviation(form):
            continue  # "US" and "RT" are other words in lower case ("us")
        key = _WORD.match(form).group(0).rstrip(".")  # type: ignore[union-attr]
        index.setdefault(key if case_sensitive else key.lower(), []).append(form)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _is_abbreviation(form: str) -> bool:
    return form.replace(".", "").isupper() and len(form) <= 4


# The first word of a form, up to a hyphen or an apostrophe ("Kremlin's", "U.S.-built").
_WORD = re.compile(r"[^\W\d_][\w.]*")
_CAPITALISED = re.compile(r"(?<![\w.])[A-ZÀ-Þ][\w.]*")
_ANY_WORD = re.compile(r"(?<![\w.])[^\W\d_][\w.]*")
# "pro-Russian separatists" are no Russian officials.
_ALIGNED = re.compile(r"\b(?:pro|anti)-$", re.IGNORECASE)


def mentions(text: str, *, case_sensitive: bool = True) -> list[Mention]:
    """Every state mentioned in `text`, in order.

    A capital or country name inside a longer proper name is no mention of the state:
    "the Washington Post", "Moscow Times", "Denzel Washington". Case-insensitive search
    is for text the detector lower-cased, such as titles ("north korean leader").
    Only capitalised words are looked up (in C, by the regex) when case matters: the
    matcher reads up to sixty candidate claims for every new one.
    """
    index = _by_first_word(case_sensitive)
    haystack = text if case_sensitive else text.lower()
    words = (_CAPITALISED if case_sensitive else _ANY_WORD).finditer(haystack)
    found: list[Mention] = []
    position = 0
    for word in words:
        start = word.start()
        forms = index.get(word.group(0).rstrip("."))
        if not forms or start < position:
            continue
        for form in forms:
            candidate = form if case_sensitive else form.lower()
            end = start + len(candidate)
            if not haystack.startswith(candidate, start):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                continue
            entry = _forms()[form]
            if entry is None:
                position = end  # a region, not a state: skip its words
                break
            country, kind = entry
            if _ALIGNED.search(haystack[max(0, start - 5) : start]):
                break
            if kind in {"capital", "country"} and _inside_longer_name(text, start, end):
                break
            found.append(Mention(country, kind, text[start:end], start, end))
            position = end
            break
    return found


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    if re.match(r"\s+[A-Z]", text[end : end + 3]):
        return True
    before = re.search(r"([A-Z][\w-]*)\s+$", text[max(0, start - 40) : start])
    return bool(before and before.group(1).lower() not in _LEADING_WORDS)


def known(word: str) -> bool:
    """Whether the table knows `word` as a name, demonym, capital or seat (or a region)."""
    return word in _forms()


def whole(text: str) -> Mention | None:
    """The state `text` names as a whole ("Moscow", "the Kremlin", "North Korea")."""
    stripped = _without_the(text.strip())
    found = mentions(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0]
    return None
