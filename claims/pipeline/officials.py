"""Decide whether a source speaks for a state body, with a reason a fact-checker can read.

Order of evidence: the staff-edited registry, then disqualifiers (former, party, company,
media, expert ...), then state media, titles and offices, government bodies and their
metonyms (capitals and country names), then anonymous officials.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.pipeline.places import CAPITALS, COUNTRIES, DEMONYMS
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


STATE_MEDIA = {
    "kcna": "KCNA",
    "korean central news agency": "KCNA",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "xinhua": "Xinhua",
    "cctv": "CCTV",
    "irna": "IRNA",
    "sana": "SANA",
    "rodong sinmun": "Rodong Sinmun",
    "state media": "state media",
    "state television": "state television",
    "state tv": "state TV",
    "state news agency": "state news agency",
    "state-run media": "state-run media",
    "state-run news agency": "state-run news agency",
    "state-run television": "state-run television",
    "state propaganda": "state propaganda",
}

_STATE_MEDIA_RE = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(STATE_MEDIA, key=len, reverse=True)) + r")\b"
)
_MEDIA_ACRONYMS = frozenset({"tass", "kcna", "sana", "irna", "cctv"})

# Disqualifiers: the source speaks for itself, a party, a company or a newsroom.
NOT_OFFICIAL = {
    "former": "former office-holder",
    "ex": "former office-holder",
    "retired": "former office-holder",
    "analyst": "analyst",
    "analysts": "analyst",
    "expert": "expert",
    "experts": "expert",
    "professor": "academic",
    "prof": "academic",
    "researcher": "researcher",
    "researchers": "researcher",
    "scientist": "scientist",
    "economist": "economist",
    "economists": "economist",
    "strategist": "strategist",
    "strategists": "strategist",
    "consultant": "consultant",
    "pollster": "pollster",
    "poll": "poll",
    "survey": "poll",
    "study": "study",
    "witness": "witness",
    "witnesses": "witness",
    "resident": "resident",
    "residents": "resident",
    "activist": "activist",
    "activists": "activist",
    "campaign": "campaign",
    "candidate": "candidate",
    "nominee": "candidate",
    "party": "party",
    "gop": "party",
    "democrats": "party",
    "republicans": "party",
    "operative": "party operative",
    "company": "company",
    "firm": "company",
    "inc": "company",
    "corp": "company",
    "ltd": "company",
    "ceo": "company executive",
    "executive": "company executive",
    "founder": "company executive",
    "union": "union",
    "group": "group",
    "rebel": "armed group",
    "rebels": "armed group",
    "militants": "armed group",
    "newspaper": "media",
    "reporter": "media",
    "journalist": "media",
    "editor": "media",
    "columnist": "media",
    "magazine": "media",
    "media": "media",
    "reuters": "media",
    "cnn": "media",
    "bloomberg": "media",
    "afp": "media",
    "reports": "media",
    "lawyer": "lawyer",
    "lawyers": "lawyer",
    "victim": "victim",
    "mother": "relative",
    "father": "relative",
    "relatives": "relative",
    "sources": "unnamed sources",
    "source": "unnamed sources",
    "university": "academic",
    "institute": "think tank",
    "foundation": "foundation",
    "opposition": "opposition",
    "supporters": "supporters",
    "critics": "critics",
    "observers": "observers",
}

# Multi-word disqualifiers checked as phrases.
NOT_OFFICIAL_PHRASES = {
    "chief financial officer": "company executive",
    "chief executive": "company executive",
    "chief operating officer": "company executive",
    "managing director": "company executive",
    "defense attorney": "defence lawyer",
    "defence lawyer": "defence lawyer",
    "party chairman": "party",
    "party leader": "party",
    "opposition leader": "opposition",
    "national committee": "party",
    "think tank": "think tank",
    "news agency": "media",
    "post and courier": "media",
    "new york times": "media",
    "washington post": "media",
    "wall street journal": "media",
    "associated press": "media",
    "fox news": "media",
}

# Offices held in a state body. Longer phrases first so reasons name the specific title.
TITLES = (
    "chief of the general staff",
    "secretary of state",
    "attorney general",
    "district attorney",
    "u.s. attorney",
    "us attorney",
    "press secretary",
    "press liaison officer",
    "prime minister",
    "vice president",
    "deputy prime minister",
    "foreign minister",
    "defense minister",
    "defence minister",
    "finance minister",
    "crown prince",
    "surgeon general",
    "chief of staff",
    "police commissioner",
    "police chief",
    "fed chair",
    "council member",
    "speaker of the house",
    "house speaker",
    "majority leader",
    "minority leader",
    "state epidemiologist",
    "presidential spokesman",
    "chief justice",
    "solicitor general",
    "auditor general",
    "attorney-general",
    "director-general of police",
    "chief constable",
    "police officer",
    "police spokesman",
    "police spokeswoman",
    "foreign counterpart",
    "counterpart",
    "undersecretary",
    "under secretary",
    "comptroller",
    "treasurer",
    "ombudsman",
    "coroner",
    "marshal",
    "trooper",
    "troopers",
    "brigadier",
    "lieutenant",
    "lt.",
    "corporal",
    "epidemiologist",
    "medical officer",
    "health officer",
    "president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "consul",
    "diplomat",
    "diplomats",
    "senator",
    "sen.",
    "rep.",
    "congressman",
    "congresswoman",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "councillor",
    "alderman",
    "governor",
    "gov.",
    "mayor",
    "judge",
    "justice",
    "magistrate",
    "prosecutor",
    "prosecutors",
    "sheriff",
    "commissioner",
    "superintendent",
    "supt",
    "inspector",
    "detective",
    "sergeant",
    "constable",
    "general",
    "gen.",
    "admiral",
    "colonel",
    "col.",
    "commander",
    "king",
    "queen",
    "emir",
    "sultan",
    "official",
    "officials",
    "authorities",
    "officers",
    "officer",
    "regulators",
    "regulator",
    "policymakers",
)

LEADER_OF_STATE = re.compile(
    r"\b(?:north korean|supreme|russian|chinese|iranian|soviet|cuban|libyan|syrian) leader\b"
)

_ABBREVIATED_TITLES = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "col": "colonel",
    "supt": "superintendent",
}

# Government bodies and their metonyms.
BODIES = (
    "the kremlin",
    "kremlin",
    "white house",
    "pentagon",
    "state department",
    "downing street",
    "ministry",
    "department of",
    "department",
    "government",
    "administration",
    "cabinet",
    "parliament",
    "congress",
    "senate",
    "legislature",
    "security council",
    "city council",
    "commission",
    "agency",
    "bureau",
    "foreign office",
    "home office",
    "police",
    "military",
    "army",
    "navy",
    "air force",
    "armed forces",
    "court",
    "tribunal",
    "central bank",
    "federal reserve",
    "the fed",
    "treasury",
    "embassy",
    "regime",
    "fbi",
    "cia",
    "nsa",
    "nasa",
    "fda",
    "cdc",
    "epa",
    "dhs",
    "doj",
    "irs",
    "nhs",
    "who",
    "imf",
    "united nations",
    "un",
    "nato",
    "european union",
    "eu",
    "world bank",
    "paho",
    "esa",
    "iaea",
    "intelligence",
    "the feds",
    "homeland security",
    "statistical institute",
    "statistics institute",
    "institute of statistics",
    "statistics bureau",
    "health organization",
    "monetary fund",
    "the centre",
    "statistical office",
    "statistics office",
    "office for national statistics",
    "statistics agency",
    "census bureau",
    "public health",
    "health department",
    "health ministry",
    "fire department",
    "fire service",
    "ambulance service",
    "coast guard",
    "national guard",
    "border force",
    "customs",
    "electoral commission",
    "election commission",
    "prosecutor's office",
    "prosecution service",
    "city hall",
    "municipality",
    "county",
    "inspectorate",
    "constabulary",
    "gendarmerie",
    "monetary authority",
    "authority",
    "authorities",
    "council of medical research",
    "research council",
    "world health organization",
    "space agency",
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


def _body_match(phrase: str, lowered: str) -> str:
    for match in _BODY_RE.finditer(lowered):
        body = match.group(1)
        written = phrase[match.start() : match.end()]
        if body in _ACRONYMS and written != body.upper():
            continue
        return written  # as the article writes it: "Kremlin", "FBI"
    return ""


def classify(phrase: str, registry: SpeakerRegistry | None = None, context: str = "") -> Verdict:
    """Classify a source phrase (title + name + body) as official or not.

    `context` is the phrase that introduced the speaker earlier in the article
    (e.g. "press secretary Dmitry Peskov" for a later "Peskov"), used as fallback.
    """
    if registry is not None:
        entry = registry.lookup(phrase) or (registry.lookup(context) if context else None)
        if entry is not None and entry.is_official is not None:
            reason = entry.reason or ("official" if entry.is_official else "not official")
            return Verdict(entry.is_official, f"registry: {reason}", entry.title, entry.body)
    verdict = _classify_phrase(phrase)
    if verdict.reason or not context or context == phrase:
        return verdict
    return _classify_phrase(context)


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
    body = _body_match(phrase, lowered)
    if title_match and _is_surname(phrase, title_match):
        title_match = None  # "said King": a family name, not a monarch
    if title_match:
        title = title_match.group(1).rstrip(".")
        title = _ABBREVIATED_TITLES.get(title, title)
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
