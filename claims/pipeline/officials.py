"""Decide whether a source speaks for a state body, with a reason a fact-checker can read.

Order of evidence: the staff-edited registry, then disqualifiers (former, party, company,
media, expert ...), then state media, titles and offices, government bodies and their
metonyms (capitals and country names), then anonymous officials.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from claims.pipeline.names import PARTY_DISTRICT_RE, name_in
from claims.pipeline.official_terms import (
    ABBREVIATED_TITLES,
    BODIES,
    BODY_HEADS,
    CAPITALISED_BODIES,
    CENTRAL_BANKS,
    DATA_NOUNS,
    GENERAL_HEADS,
    IN_ROLE_OCCUPATIONS,
    LEGISLATIVE,
    NOT_OFFICIAL,
    NOT_OFFICIAL_PHRASES,
    OFFICE_INITIALS,
    PARTY_WORDS,
    POLICE_INITIALS,
    PUBLIC_DISTRICT_KINDS,
    STATE_ACRONYMS,
    STATE_MEDIA,
    STATE_MODIFIERS,
    THE_OFFICE_INITIALS,
    TITLES,
)
from claims.pipeline.places import CAPITALS, COUNTRIES, DEMONYMS
from claims.pipeline.roles import (
    affiliation_in,
    current_office,
    full_title,
    portfolio_with_and,
    role_in,
)


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
# Titles that a company, a party or a trade group gives as well: official only with a body.
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_NEEDS_A_BODY = frozenset({*_SPOKESPEOPLE, "secretary", *GENERAL_HEADS})
_WORD_RE = re.compile(r"[a-z]+(?:[.'][a-z]+)*")
_CAPS_RE = re.compile(r"\b[A-Z]{2,7}\b")
_PLACE_RE = re.compile(
    r"\b("
    + "|".join(re.escape(p) for p in sorted(CAPITALS | COUNTRIES, key=len, reverse=True))
    + r")\b"
)
_DEMONYM_RE = re.compile(r"\b(" + "|".join(re.escape(d) for d in sorted(DEMONYMS)) + r")\b")

# Bodies read only as written: the Bank of England and British departments by their
# mixed-case initials (official_terms.BODIES).
_WRITTEN_AS = {
    "boe": ("BoE",),
    "mod": ("MoD",),
    "moj": ("MoJ",),
    "dfe": ("DfE",),
    "dft": ("DfT",),
    "defra": ("Defra", "DEFRA"),
}
# Capitalised acronyms such as "WHO" or "UN" must not match the words "who" or "un-".
_ACRONYMS = {"who", "un", "eu", "esa", "nsa", "cia", "fbi", "imf", "nhs", "irs", "cdc", "epa"}


def _body_match(phrase: str, lowered: str, name: str = "") -> str:
    for match in _BODY_RE.finditer(lowered):
        body = match.group(1)
        written = phrase[match.start() : match.end()]
        if body in _ACRONYMS and written != body.upper():
            continue
        if body in _WRITTEN_AS and written not in _WRITTEN_AS[body]:
            continue  # "BoE" only as the papers write it; "mod" is a word
        if body in CAPITALISED_BODIES and not (
            written[:1].isupper() and _NUMBER_10_AFTER_RE.match(phrase, match.end())
        ):
            continue  # "the number 10 bus", "the No. 10 seed" are no Downing Street
        if body == "the presidency" and not (
            written.endswith("Presidency") or lowered.strip() == body
        ):
            continue  # "a bid for the presidency" is no office
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


# "Napa County Public Works Department", "Office of the Governor", "Bank of Jamaica": a
# capitalised name whose head noun makes it a state body (official_terms.BODY_HEADS).
_HEADS = "|".join(sorted((h.capitalize() for h in BODY_HEADS), key=len, reverse=True))
_ANY_HEAD_RE = re.compile(rf"\b(?:{_HEADS}|Cent(?:er|re)s?|District)\b")
_NAME_WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*|&")
_CONNECTORS = frozenset({"and", "&", "of", "for"})
# Public-health centres: "Centers for Disease Control", "Centre for Health Protection".
_CENTRES = frozenset({"Centre", "Center", "Centres", "Centers"})
_CENTRE_FIELDS = frozenset({"Disease", "Diseases", "Health", "Public"})
# "No 10 said", "a No 10 spokesman", "Number 10's policy unit": what follows the prime
# minister's address as a metonym (a ranking, "world No 10", "the No. 10 seed", is none).
_NUMBER_10_AFTER_RE = re.compile(
    r"(?:['’]s\b|\s*$|\s*,|\s+(?:spokes(?:man|woman|person)|officials?|aides?|advis[eo]rs?|"
    r"press|chief|director|insiders?|sources?|staff|policy)\b)"
)
_CENTRAL_BANKS_RE = re.compile(
    r"(?<![\w’'-])("
    + "|".join(re.escape(b) for b in sorted(CENTRAL_BANKS, key=len, reverse=True))
    + r")(?![\w-])"
)
# A capitalised word right before (not an article, not a possessor: "Britain's Bank of
# England" is the central bank, "Royal Bank of Canada" is not).
_CAPITALISED_WORD_BEFORE_RE = re.compile(r"\b(?!(?:The|A|An)\b)[A-Z][\w’'.&-]*(?<!['’]s)\s+$")
# "city data", "government figures", "police records": state data by its modifier.
_STATE_DATA_RE = re.compile(
    rf"\b({'|'.join(sorted(STATE_MODIFIERS))})\s+(?:\w+\s+)?({'|'.join(sorted(DATA_NOUNS))})\b"
)
# "AG Lynch", "the DA's office": an office by its initials, in capitals, before a name or a
# possessive and not after a number ("4 PM").
_OFFICE_INITIALS_RE = re.compile(
    r"(?<![\w.:])(?<!\d )(" + "|".join(OFFICE_INITIALS) + r")(?=['’]s\b|\s+[A-Z][a-z])"
)
# "the DPP said", "The DPP, Ana Pires,": an office by its initials alone after "the".
_THE_OFFICE_INITIALS_RE = re.compile(
    r"\b[Tt]he\s+(" + "|".join([*OFFICE_INITIALS, *THE_OFFICE_INITIALS]) + r")(?=\s*(?:,|$))"
)
# "DCI Ana Pires", "PC Tom Arlen": a police rank in initials, right before the holder's name.
_POLICE_INITIALS_RE = re.compile(
    r"(?<![\w.’'-])(" + "|".join(sorted(POLICE_INITIALS, key=len, reverse=True)) + r")\s+(?=[A-Z])"
)
# A portfolio named after "on", "for" or "of", capitalised: "Special Adviser to the President
# on Media", "Minister of Information and Media": the office's field, not a newsroom.
_MEDIA_PORTFOLIO_RE = re.compile(r"\b(?:on|for|of)\s+(?:[A-Z][a-z]+\s+(?:and|&)\s+)?Media\b")
# The head of a Ghanaian district, municipal or metropolitan assembly (a documented class):
# "Ana Pires, the Municipal Chief Executive for Eastfield", "the District Chief Executive".
_LOCAL_CHIEF_EXECUTIVE_RE = re.compile(r"\b(?:district|municipal|metropolitan) chief executive\b")
# "chief executive of the NHS trust": the head of a public body, named after the post.
_PUBLIC_HEAD_RE = re.compile(
    r"\bchief\s+executive(?:\s+officer)?\s+(?:of|at)\s+(?:the\s+|an?\s+)?([^,;]{2,80})",
    re.IGNORECASE,
)
# India's federal government as its papers name it, capitalised: "Union Minister Ravi
# Tandel", "Union Home Minister X", "the Union government", "the Union Cabinet".
_UNION_GOVERNMENT_RE = re.compile(
    r"\bUnion\s+(?:[A-Z][a-z]+\s+){0,2}?(?:[Mm]inisters?|[Mm]inistry|[Gg]overnment|Cabinet)\b"
)
# "the Federal Reserve Bank of Dallas", "the reserve bank": central banks and their regions.
_CENTRAL_BANK_RE = re.compile(r"\b(?:reserve|central) banks?\b|\bfederal reserve\b")
# "the city's emergency operations director", "the county's chief executive", "the state's
# attorney", "the district's chief financial officer": a post in a unit of government, named
# by the unit's possessive. A district is one of local government (a school, water, fire or
# hospital district, official_terms.PUBLIC_DISTRICT_KINDS) or a seat ("the district's
# congressman"); a company names itself ("the company's chief financial officer").
_GOVERNMENT_UNITS = "city|county|state|town|village|borough|township|province|municipality|district"
_GOVERNMENT_ROLES = (
    r"director|manager|administrator|officer|chief|head|engineer|planner|attorney|auditor|"
    r"spokes(?:man|woman|person)|executive|treasurer|clerk|coordinator|counsel|adviser|advisor|"
    r"secretary|inspector"
)
_GOVERNMENT_ROLE_RE = re.compile(
    rf"\b(?:{_GOVERNMENT_UNITS})'s\s+(?:[a-z-]+\s+){{0,3}}?(?:{_GOVERNMENT_ROLES})\b"
    # the same post written after it: "the chief secretary of the province", "a spokesman
    # for the city" (not "of the city's": a post in a part of it, below)
    rf"|\b(?:{_GOVERNMENT_ROLES})\s+(?:of|for)\s+the\s+(?:{_GOVERNMENT_UNITS})\b(?!['’])"
    # the unit's employees, speaking in role: "city staff", "the county's planning staff"
    rf"|\b(?:{_GOVERNMENT_UNITS})(?:'s)?\s+(?:[a-z-]+\s+)?staff(?:ers)?\b"
)
# "the state's top doctor", "the nation's top election official": the highest post of its
# kind in a unit of government. Not "the nation's top expert": a ranking, not a post.
_TOP_POST_RE = re.compile(
    rf"\b(?:{_GOVERNMENT_UNITS}|nation|country|government)['’]s\s+top\s+(?:[a-z-]+\s+){{0,3}}?"
    r"(?:doctor|physician|official|prosecutor|lawyer|diplomat|negotiator|cop|general)\b"
)
# "head of the state's prison system", "member of the city's planning board" (as "who
# oversees the state's prison system" is restated, roles.office_clause): a post in a part
# of a unit of government.
_GOVERNMENT_POST_OF_RE = re.compile(
    rf"\b(?:head|chief|director|chair|member|administrator|manager)\s+of\s+the\s+"
    rf"(?:{_GOVERNMENT_UNITS})'s\s+"
    r"(?:[a-z-]+\s+){0,3}?(?:system|program|programme|department|board|commission|office|"
    r"agency|division|bureau|council|committee|service|services|authority|unit|schools|"
    r"trust|fund|district)\b"
    r"(?:\s+of\s+[a-z-]+\b)?"  # "board of supervisors", "department of health"
)
# "the governor's spokesman", "the minister's chief of staff": staff of an office-holder.
STAFF_OF = (
    r"['’]s\s+(?:(?:top|senior|chief|deputy|former)\s+)?(spokes(?:man|woman|person)|"
    r"press secretary|chief of staff|aide|adviser|advisor|communications director)\b"
)
_STAFF_OF_RE = re.compile(STAFF_OF)
# "Governor Rory Vance's spokeswoman": the office-holder named between title and staff.
_NAMED_STAFF_OF_RE = re.compile(r"(?:\s+[A-Z][\w’'-]+){1,3}" + STAFF_OF)
# "a Democrat who represents the 4th District": a seat in a legislature by its structure.
# "the member representing Eastfield Federal Constituency", as Nigerian papers write it; not
# "representing the district's teachers".
_REPRESENTS_RE = re.compile(
    r"\brepresent(?:s|ing)\s+(?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:district|constituency|ward|riding)\b(?!['’])",
    re.IGNORECASE,
)
# "who represents Eastfield in the Assembly", "represents Marlow on the city council": a
# named place's seat in a legislature or a council (the place is capitalised, so "represents
# workers on the board" is no seat).
_REPRESENTS_IN_RE = re.compile(
    r"\brepresents\s+(?:[A-Z][\w’'.-]*\s+){1,3}(?:in|on)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?:[Aa]ssembly|[Ss]enate|House|[Ll]egislature|[Pp]arliament|Congress|[Cc]ouncil|"
    r"[Bb]oard\s+of\s+[Ss]upervisors|[Cc]ommission)\b"
)
# "a member of the Assembly", "elected to the state Assembly": a seat in a legislature named
# Assembly (a US state's lower house, a National Assembly). Capitalised, so "a school
# assembly" is none.
_ASSEMBLY_SEAT_RE = re.compile(
    r"\b(?:member\s+of|elected\s+to|seat\s+in)\s+the\s+(?:(?:state|[A-Z][a-z]+)\s+)?Assembly\b"
)
# "Eastfield's representative on the regional transit board", "the county's delegate to the
# water commission": a seat a place or a unit of government fills on a public body.
_SEAT_ON_BODY_RE = re.compile(
    rf"(?:\b[A-Z][\w.-]*|\b(?:{_GOVERNMENT_UNITS}))'s\s+(?:[a-z-]+\s+)?"
    r"(?:representative|delegate|appointee)\s+(?:on|to)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:board|commission|council|authority|committee|agency|district|assembly)\b"
)
# "Gowdy's office said", "Meadows' congressional office": the office of an office-holder
# named by a person's name (read after disqualifiers, so a former official's stays out).
_PERSONAL_OFFICE_RE = re.compile(
    r"\b[A-Z][\w’'-]*[a-z](?:['’]s|s['’])\s+(?:(?:congressional|district|press|senate|"
    r"parliamentary|constituency)\s+)?office\b"
)
# Offices that are also common nouns count only capitalised before a name: "Supervisor
# Hilda Sorn", "Trustee Ada Lorne", "Speaker Ivo Brand" (not "a warehouse supervisor",
# "a keynote speaker"); "the Hon. Ada Lorne", the Commonwealth style of ministers and
# members of parliament.
_CAPITALISED_TITLE_RE = re.compile(
    r"\b(Supervisor|Trustee|Delegate|Assemblymember|Alderwoman|Speaker|Hon\.|Honourable|"
    r"Honorable)\s+[A-Z][a-z]"
)
# The presiding officer of a legislature, capitalised, with or without a name: "the
# Speaker", "the Deputy Speaker, Ana Pires" (a keynote or rally "speaker" is lowercase).
_PRESIDING_OFFICER_RE = re.compile(r"\b(?:Deputy\s+)?Speaker\b")
# The Leader of the Opposition in a parliament, capitalised as the office is: a legislator
# holding a post of the house. A lowercase "opposition leader" leads a party or a movement,
# and the leader's own spokesman speaks for a party (guidelines: party officials).
_OPPOSITION_OFFICE_RE = re.compile(r"\b(?:Leader of the Opposition|Opposition Leader)\b(?!['’]s)")
# A lowercase field before an expert names what the expert studies, not a state body the
# expert works for: "two military analysts", "a defence expert" (compare "Army analysts").
_FIELD_OF_EXPERTS_RE = re.compile(
    r"\b(?:military|defen[cs]e|security|intelligence)\s+(?:analysts?|experts?|strategists?)\b"
)
# Opening the phrase with no name after it, "Speaker" is only capitalised to start the
# sentence ("Speaker after speaker said"): the office is written "the Speaker" or before a name.
_NAME_AFTER_RE = re.compile(r"\s+[A-Z]")
# "Deputy" written alone before a name is a rank or a seat, never a company post (which
# names its office: "Deputy Editor Ana Pires"): a sheriff's deputy, like "Trooper" or
# "Sgt.", or a member of a parliament styled Deputy. Both hold a public office.
_DEPUTY_RE = re.compile(r"\bDeputy\s+(?=[A-Z][a-z])")
# "the congressman's wife", "the wife of Mayor Tomas Varga": the title is her husband's, not
# hers. The "of" form is read only to open the phrase, so "Mayor Ana Pires, a mother of
# three" keeps her own office; "partner of" is left out there ("a partner of the firm").
_RELATIVES = "wife|husband|widow|widower|son|daughter|brother|sister|mother|father|spouse"
_RELATIVE_RE = re.compile(rf"'s\s+(?:\w+\s+)?(?:{_RELATIVES}|partner)\b")
RELATIVE_OF_RE = re.compile(
    rf"^(?:the|a|an)\s+(?:\w+\s+)?(?:{_RELATIVES})s?\s+of\s+", re.IGNORECASE
)
# "a spokeswoman for Gov. Ada Lorne", "a spokesman for the command": speaking for an
# office-holder or for a body the article named by its head noun.
_SPEAKS_FOR_OFFICE_RE = re.compile(
    r"\s+(?:for|to)\s+(?:the\s+)?(?:"
    + "|".join(
        re.escape(t)
        for t in sorted({*TITLES, *ABBREVIATED_TITLES}, key=len, reverse=True)
        if t not in {"official", "officials", "officer", "officers"}
    )
    + "|"
    + "|".join(sorted(BODY_HEADS))
    + r")(?![\w])"
)
_POSSESSIVE_RE = re.compile(r"['’]s$")
# A unit of government named alone: "the city said", "the county said".
_BARE_GOVERNMENTS = frozenset(
    "the city|the town|the village|the township|the borough|the state".split("|")
)
_FORMER_WORDS = frozenset(
    word for word, why in NOT_OFFICIAL.items() if why == "former office-holder"
)
# "Professor Ana Pires", "Prof. Kelly": the academic style written before a name.
_ACADEMIC_STYLE_RE = re.compile(r"\b(?:Professor|Prof\.?)\s+[A-Z][\w'’-]+")
# "the former Soviet republic's foreign minister", "foreign minister of the former Yugoslav
# republic": "former" qualifies a place that still exists under another status (a republic,
# colony, territory, protectorate, state or satellite of something else), not the person's
# post. Read only where the place ends the description or owns the post, so "a former
# Eastfield state senator" keeps its former post; "former Soviet leader" names no place.
_FORMER_PLACE_RE = re.compile(
    r"\b[Ff]ormer\s+((?:[A-Z][\w-]+\s+){1,2}(?i:republics?|colony|colonies|territory|"
    r"territories|protectorate|states?|satellite))(?=['’]s\b|\s*[,;.]|\s+of\b|\s*$)"
)
# "Ana Pires, the mayor and former police chief", "the attorney general and a former
# prosecutor": an office held now coordinated with a former one.
_OFFICE_AND_FORMER_RE = re.compile(
    r",\s+(?P<office>(?:the\s+|a\s+|an\s+)?[^,;]+?)\s+and\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:former|ex-|retired)\b"
)
_CUT_INITIAL_RE = re.compile(r"\.[A-Z]$")
_COMPANY_MARKERS = frozenset({"inc", "corp", "ltd", "llc", "company", "firm", "group", "plc"})


def structural_bodies(text: str) -> list[str]:
    """Every state body a sentence names by structure, as written: capitalised words up to
    a head noun ("Harbour Authority"), then an "of the ..." tail ("Office of the Governor").
    A walk over words, linear in the sentence."""
    if _ANY_HEAD_RE.search(text) is None:
        return []  # most sentences name no body: one cheap scan decides
    words = [(m.group(), m.start(), m.end()) for m in _NAME_WORD_RE.finditer(text)]
    found: list[str] = []
    index = 0
    while index < len(words):
        head = _head_at(words, index)
        if not head:
            index += 1
            continue
        first = _walk_left(text, words, index)
        if words[first][0] in {"The", "A", "An"}:
            first += 1
        last = _walk_right(text, words, index, named=head == "centre")
        if first == last == index:
            index += 1  # a bare "Department" or "Office" names no body
            continue
        name = _POSSESSIVE_RE.sub("", text[words[first][1] : words[last][2]])
        if found and found[-1] in name:
            found.pop()  # "U.S. Customs" inside "U.S. Customs and Border Protection"
        found.append(name)
        index = last + 1
    return found


def _head_at(words: list[tuple[str, int, int]], index: int) -> str:
    word = words[index][0]
    lowered = word.lower()
    if lowered.endswith(("'s", "’s")):
        lowered = lowered[:-2]  # "the Housing Authority's executive director": a body owns
    if word[:1].isupper() and lowered in BODY_HEADS:
        return "head"
    if lowered == "district" and index and words[index - 1][0].lower() in PUBLIC_DISTRICT_KINDS:
        return "head"  # "Harlow Water District": a public district (local government)
    following = [w for w, _, _ in words[index + 1 : index + 3]]
    if word in _CENTRES and len(following) == 2 and following[0] == "for":
        return "centre" if following[1] in _CENTRE_FIELDS else ""
    return ""


def _adjacent(text: str, words: list[tuple[str, int, int]], left: int) -> bool:
    """Only spaces between word `left` and the next one: no comma or bracket between."""
    return text[words[left][2] : words[left + 1][1]].isspace()


def _walk_left(text: str, words: list[tuple[str, int, int]], index: int) -> int:
    first = index
    probe = index - 1
    while probe >= 0 and _adjacent(text, words, probe):
        word = words[probe][0]
        if word[:1].isupper():
            first = probe
        elif not (word in _CONNECTORS and probe > 0 and words[probe - 1][0][:1].isupper()):
            break
        probe -= 1
    return first


def _walk_right(
    text: str, words: list[tuple[str, int, int]], index: int, named: bool = False
) -> int:
    """'... of the Governor', '... for Disease Prevention and Control'."""
    last = index
    probe = index + 1
    if named:
        last, probe = index + 2, index + 3  # "Centers for Disease": the field is named
    elif not (
        probe < len(words) and words[probe][0] in {"of", "for"} and _adjacent(text, words, index)
    ):
        return last
    probe += 1
    if probe < len(words) and words[probe][0] == "the":
        probe += 1
    while probe < len(words) and _adjacent(text, words, probe - 1):
        word = words[probe][0]
        if word[:1].isupper():
            last = probe
        elif word not in {"and", "&", "of", "for"} or last == index:
            break
        probe += 1
    return last


def structural_body(phrase: str) -> str:
    """The state body a capitalised name denotes by its head noun, as written; "" if none."""
    bodies = structural_bodies(phrase)
    if bodies:
        return max(bodies, key=len)
    return central_bank(phrase)  # "Bank of Jamaica"


def central_bank(phrase: str) -> str:
    """A central bank the phrase names (official_terms.CENTRAL_BANKS), as written, or "".
    Not one inside a longer capitalised name: "Royal Bank of Canada" is a company."""
    if "Ban" not in phrase and "bank" not in phrase:
        return ""  # most phrases name no bank: one cheap test decides
    for match in _CENTRAL_BANKS_RE.finditer(phrase):
        if not _CAPITALISED_WORD_BEFORE_RE.search(phrase, 0, match.start()):
            return match.group(1)
    return ""


def classify(phrase: str, registry: SpeakerRegistry | None = None) -> Verdict:
    """Classify a source phrase (title + name + body) as official or not."""
    if registry is not None:
        entry = registry.lookup(phrase)
        if entry is not None and entry.is_official is not None:
            reason = entry.reason or ("official" if entry.is_official else "not official")
            return Verdict(entry.is_official, f"registry: {reason}", entry.title, entry.body)
    # "Military analysts said" is capitalised only to open the sentence: the same field of
    # study as "military analysts", not the Military as a state body.
    opening = phrase[:1].lower() + phrase[1:]
    if _FIELD_OF_EXPERTS_RE.match(opening):
        phrase = opening
    return _described(_classify_phrase(phrase), phrase)


def _described(verdict: Verdict, phrase: str) -> Verdict:
    """A role and an affiliation for sources that hold no office: "Economist X of the Y"."""
    if verdict.title and verdict.body:
        return verdict
    name = name_in(phrase.split(";")[0])
    title = verdict.title or role_in(phrase, name)
    body = verdict.body or affiliation_in(phrase, name)
    return Verdict(verdict.official, verdict.reason, title, body)


@lru_cache(maxsize=4096)  # speakers recur within and across articles; the verdict is pure
def _classify_phrase(phrase: str) -> Verdict:
    if "ormer " in phrase:
        phrase = _FORMER_PLACE_RE.sub(r"\1", phrase)  # "the former Soviet republic's"
    lowered = phrase.lower().replace("’", "'")
    words = set(_WORD_RE.findall(lowered))
    # A possessor is read as its noun: "the union's president" heads a union. "The bank's
    # governor" refers back to the bank the article named, often a central bank: not read.
    words |= {word.removesuffix("'s") for word in words if word != "bank's"}
    for match in _STATE_MEDIA_RE.finditer(lowered):
        key = match.group(1)
        # Agency acronyms count only in capitals: "sana" or "tass" in lower case are words.
        if key in _MEDIA_ACRONYMS and key.upper() not in phrase:
            continue
        return Verdict(True, f"state media: {STATE_MEDIA[key]}", body=STATE_MEDIA[key])
    if _RELATIVE_RE.search(lowered.split(";")[0]):
        return Verdict(False, "not official: relative of an official")
    if RELATIVE_OF_RE.match(lowered):
        return Verdict(False, "not official: relative")  # "the mother of the victim" too
    current = _current_office(phrase, words)
    if current is not None:
        return current
    if words.isdisjoint(_FORMER_WORDS) and _OPPOSITION_OFFICE_RE.search(phrase):
        title = "leader of the opposition"
        return Verdict(True, f"title: {title}", title=title)
    structural = structural_body(phrase)
    for key, why in NOT_OFFICIAL_PHRASES.items():
        if key in lowered and not (
            why == "company executive" and _public_executive(phrase, lowered, structural, words)
        ):
            return Verdict(False, f"not official: {why}")
    # "Statistical Institute of Jamaica": a word such as "institute" inside a state body's
    # name is not a disqualifier.
    inside_bodies = {
        word
        for match in _BODY_RE.finditer(lowered)
        if " " in match.group(1)
        for word in match.group(1).split()
    }
    # Titles are read outside the person's name, so "said King" is not a monarch.
    name = name_in(phrase.split(";")[0])
    titled = lowered.replace(name.lower(), " " * len(name)) if name else lowered
    title_match = _TITLE_RE.search(titled)
    for word, why in NOT_OFFICIAL.items():
        if word in words and word not in inside_bodies:
            if _excused(word, phrase, title_match, structural, words):
                continue
            return Verdict(False, f"not official: {why}")
    leader = LEADER_OF_STATE.search(lowered)
    if leader:
        return Verdict(True, f"title: {leader.group(0)}", title=leader.group(0))
    body = _body_match(phrase, lowered, name) or central_bank(phrase)
    if title_match and _is_surname(phrase, title_match):
        title_match = None  # "said King": a family name, not a monarch
    if title_match:
        title = title_match.group(1).rstrip(".")
        title = ABBREVIATED_TITLES.get(title, title)
        title = portfolio_with_and(phrase, title_match.start(), title) or full_title(
            titled, title_match.start(), title
        )
        title = _executive_post(titled, title_match.start()) or title
        staff = _STAFF_OF_RE.match(titled, title_match.end()) or _NAMED_STAFF_OF_RE.match(
            phrase, title_match.end()
        )
        if staff:
            # "the governor's spokesman": speaks for the office-holder, is not one.
            title = f"{staff.group(1)} for the {title}"
        if title.endswith("president") and _heads_organisation(phrase, title_match.end()):
            return Verdict(False, "not official: president of an organisation", title=title)
        spoken_for = _office_spoken_for(phrase, titled, title_match.end())
        if title in _NEEDS_A_BODY and not (
            body
            or _state_acronym(phrase)  # "an ICE spokesman", "SEC spokeswoman Ada Lorne"
            or _GOVERNMENT_ROLE_RE.search(lowered)
            or _PLACE_RE.search(lowered)
            or _DEMONYM_RE.search(lowered)
            or structural
            or spoken_for
        ):
            # "spokesperson" alone could speak for a company: not enough.
            return Verdict(False, f"not official: {title} of an unnamed body")
        if spoken_for and title in _SPOKESPEOPLE:
            # "a spokeswoman for Governor Rory Vance" speaks for the office, as "the
            # governor's spokeswoman" does: the same title.
            title = f"{title} for the {spoken_for}"
        return Verdict(True, f"title: {title}", title=title, body=body)
    initials = _OFFICE_INITIALS_RE.search(phrase) or _THE_OFFICE_INITIALS_RE.search(phrase)
    if initials:
        written = initials.group(1)
        title = OFFICE_INITIALS.get(written) or THE_OFFICE_INITIALS[written]
        return Verdict(True, f"title: {title} ({written})", title=title, body=body)
    police = _police_initials(phrase, name)
    if police:
        title = POLICE_INITIALS[police]
        return Verdict(True, f"title: {title} ({police})", title=title, body=body)
    if len(structural) > len(body):
        body = structural  # "Napa County Public Works Department" rather than "County"
    body = body or _state_acronym(phrase)
    post = _GOVERNMENT_POST_OF_RE.search(lowered)
    if post and body.lower() in _GOVERNMENT_UNITS.split("|"):
        # "head of the county's board of supervisors": the post says more than "county".
        return Verdict(True, f"title: {post.group(0)}", title=post.group(0), body=body)
    if body:
        return Verdict(True, f"body: {body}", body=body)
    if not words.isdisjoint(PARTY_WORDS) and not words.isdisjoint(LEGISLATIVE):
        return Verdict(True, f"legislators: {phrase.strip()}")  # "House Democrats"
    role = _GOVERNMENT_ROLE_RE.search(lowered) or post or _TOP_POST_RE.search(lowered)
    if role:
        return Verdict(True, f"title: {role.group(0)}", title=role.group(0), body=body)
    seat = (
        _REPRESENTS_RE.search(phrase)
        or _REPRESENTS_IN_RE.search(phrase)
        or _ASSEMBLY_SEAT_RE.search(phrase)
    )
    if seat:
        return Verdict(True, f"title: legislator ({seat.group(0)})", title="legislator")
    seat_on = _SEAT_ON_BODY_RE.search(phrase.replace("’", "'"))
    if seat_on:
        title = seat_on.group(0).split(maxsplit=1)[1]  # without the place that fills it
        return Verdict(True, f"title: {title}", title=title)
    tag = PARTY_DISTRICT_RE.search(phrase)
    if tag:
        # "Sen. Ada Lorne, D-N.J.", "(R-Texas)": the party and seat of a legislator.
        written = tag.group(0)
        written += "." if _CUT_INITIAL_RE.search(written) else ""  # "D-N.J" cut at the end
        title = f"legislator ({written})"
        return Verdict(True, f"title: {title}", title=title)
    presiding = _PRESIDING_OFFICER_RE.search(phrase)
    if presiding and (presiding.start() or _NAME_AFTER_RE.match(phrase, presiding.end())):
        title = presiding.group(0).lower()
        return Verdict(True, f"title: {title}", title=title)
    capitalised = _CAPITALISED_TITLE_RE.search(phrase)
    if capitalised:
        title = capitalised.group(1).lower()
        return Verdict(True, f"title: {title}", title=title)
    deputy = _DEPUTY_RE.search(phrase)
    if deputy and name and phrase.startswith(name, deputy.end()):
        return Verdict(True, "title: deputy", title="deputy")
    office = _PERSONAL_OFFICE_RE.search(phrase)
    if office:
        return Verdict(True, f"body: {office.group(0)}", body=office.group(0))
    if lowered.strip() in _BARE_GOVERNMENTS:
        return Verdict(True, f"government metonym: {phrase.strip()}", body=phrase.strip())
    data = _STATE_DATA_RE.search(lowered)
    if data:
        return Verdict(True, f"state data: {data.group(0)}", body=data.group(0))
    place = _PLACE_RE.search(lowered)
    if place and _is_bare_place(lowered, place):
        return Verdict(True, f"government metonym: {phrase.strip()}", body=phrase.strip())
    return Verdict(False, "")


def _current_office(phrase: str, words: set[str]) -> Verdict | None:
    """'Former Mayor Ada Lorne, now a state senator', 'a former teacher who now serves as
    mayor': "former" qualifies only the title it is written with, so an office held now is
    read alone ("Ada Lorne, a former mayor" stays a former office-holder)."""
    if words.isdisjoint(_FORMER_WORDS):
        return None
    name = name_in(phrase.split(";")[0])
    for part in phrase.split(";"):
        office = current_office(part)
        if office and _FORMER_WORDS.isdisjoint(_WORD_RE.findall(office.lower())):
            verdict = _classify_phrase(f"{name}, {office}" if name else office)
            if verdict.official:
                return verdict
    for part in phrase.split(";"):
        for coordinated in _OFFICE_AND_FORMER_RE.finditer(part):
            office = coordinated.group("office")
            if name_in(part[: coordinated.start()]) and _FORMER_WORDS.isdisjoint(
                _WORD_RE.findall(office.lower())
            ):
                verdict = _classify_phrase(office)  # read alone: "the widow of the mayor"
                if verdict.official:
                    return verdict  # "the mayor and former police chief": the mayor
    # "Sheriff Ada Lorne, a former prosecutor", "Rep. Ada Lorne, the former chair of the
    # committee": a title written before the name, with no "former", is held now. Only
    # there: a description may name other people's offices ("who served under President X").
    head = phrase.split(";")[0].split(",")[0]
    named = name_in(head)
    before_name = head[: head.rfind(named)] if named and named in head else ""
    if before_name.strip() and _FORMER_WORDS.isdisjoint(_WORD_RE.findall(head.lower())):
        verdict = _classify_phrase(head)
        if verdict.official and not _classify_phrase(named).official:
            return verdict  # the words before the name make it official
    return None


def _public_executive(phrase: str, lowered: str, structural: str, words: set[str]) -> bool:
    """An executive title held in a state body or a unit of government, not a company's:
    "Chief Executive Officer of the Special Economic Zone Authority", "the county's chief
    executive", "chief executive of the NHS trust", a Ghanaian district chief executive."""
    return (
        _state_executive(structural, words)
        or "county executive" in lowered
        or _LOCAL_CHIEF_EXECUTIVE_RE.search(lowered) is not None
        or _heads_public_body(phrase)
        or _GOVERNMENT_ROLE_RE.search(lowered) is not None
        # "executive director of the city's housing agency"
        or _GOVERNMENT_POST_OF_RE.search(lowered) is not None
    )


def _excused(
    word: str, phrase: str, title: re.Match[str] | None, structural: str, words: set[str]
) -> bool:
    """A disqualifier that does not apply: the executive of a state body ("Chief Executive
    Officer of the Special Economic Zone Authority"), a central bank, staff of a state body
    or legislators of a party."""
    lowered = phrase.lower().replace("’", "'")
    if word in {"executive", "ceo"}:
        return _public_executive(phrase, lowered, structural, words)
    if word in {"bank", "banks"}:
        # "the Bank of Jamaica", "the Federal Reserve Bank of Dallas": central banks.
        return (
            "Bank" in structural
            or _CENTRAL_BANK_RE.search(lowered) is not None
            or bool(central_bank(phrase))
        )
    if word == "media":
        # "Special Adviser to the President on Media": the portfolio of an office.
        return title is not None and _MEDIA_PORTFOLIO_RE.search(phrase) is not None
    if word in IN_ROLE_OCCUPATIONS:
        if _FIELD_OF_EXPERTS_RE.search(phrase):
            return False  # "military analysts": the field they study, not their employer
        # "IMF chief economist X", "NASA scientists": staff speaking for their body.
        return bool(structural or _BODY_RE.search(lowered) or _state_acronym(phrase))
    if word in PARTY_WORDS:
        return not words.isdisjoint(LEGISLATIVE)  # "Senate Republicans", "GOP lawmakers"
    if word in {"professor", "prof"} and _ACADEMIC_STYLE_RE.search(phrase):
        # "Chief Medical Officer Professor Ana Pires", "Prof Tom Arlen, the deputy chief
        # medical officer": an academic style before the name of an office-holder, as
        # Commonwealth officials are written. A professor's own field ("an epidemiologist
        # at ...") is no office.
        return (
            title is not None and title.group(1) not in IN_ROLE_OCCUPATIONS
        ) or _GOVERNMENT_ROLE_RE.search(phrase.lower().replace("’", "'")) is not None
    if word == "union":
        return _UNION_GOVERNMENT_RE.search(phrase) is not None  # "Union Home Minister X"
    return False


# A company-style executive title, with the unit of government that holds it when written
# as a possessor: "the district's chief financial officer", "chief operating officer".
_EXECUTIVE_POST_RE = re.compile(
    rf"(?:\b(?:{_GOVERNMENT_UNITS})'s\s+(?:[a-z-]+\s+){{0,2}}?)?(?:"
    + "|".join(key for key, why in NOT_OFFICIAL_PHRASES.items() if why == "company executive")
    + r")\b"
)


def _executive_post(titled: str, at: int) -> str:
    """'the district's chief financial officer' -> that post, when the title word at `at`
    is inside an executive title a unit of government holds (so not "officer" or "general"
    alone); "" otherwise. Reached only once the company-executive disqualifier was excused."""
    for post in _EXECUTIVE_POST_RE.finditer(titled):
        if post.start() <= at < post.end():
            return post.group(0)
    return ""


def _office_spoken_for(phrase: str, titled: str, end: int) -> str:
    """'a spokeswoman for Gov. Ada Lorne' -> "governor": an office-holder, not a company's
    president; "" when the phrase speaks for no office."""
    match = _SPEAKS_FOR_OFFICE_RE.match(titled, end)
    if match is None:
        return ""
    if match.group(0).endswith("president") and _heads_organisation(phrase, match.end()):
        return ""
    office = match.group(0).split()[-1]
    return ABBREVIATED_TITLES.get(office.rstrip("."), office)


def _police_initials(phrase: str, name: str) -> str:
    """'DCI Ana Pires' -> "DCI": a police rank in initials written right before a full
    name, not after a capitalised word ("Washington DC Mayor X", "DC Comics")."""
    if " " not in name:
        return ""  # "DS Smith said": the company as well; a rank is written with a full name
    for match in _POLICE_INITIALS_RE.finditer(phrase):
        if phrase.startswith(name, match.end()) and not _CAPITALISED_WORD_BEFORE_RE.search(
            phrase, 0, match.start()
        ):
            return match.group(1)
    return ""


def _heads_public_body(phrase: str) -> bool:
    """'the chief executive of the NHS trust', 'chief executive of the Environment Agency':
    the post heads the state body named right after it (a charity or a company is not)."""
    head = _PUBLIC_HEAD_RE.search(phrase)
    if head is None:
        return False
    headed = head.group(1)
    words = set(_WORD_RE.findall(headed.lower()))
    if words & _COMPANY_MARKERS or "charity" in words:
        return False
    body = _body_match(headed, headed.lower())
    if body and body in headed:
        # the body opens the name of what is headed: "NHS trust", "Harlow NHS Foundation Trust"
        return all(word[:1].isupper() for word in headed[: headed.index(body)].split())
    return bool(structural_bodies(headed))


def _state_acronym(phrase: str) -> str:
    """A widely known state acronym as written in capitals ("FAA"), or ""."""
    for match in _CAPS_RE.finditer(phrase):
        if match.group(0) in STATE_ACRONYMS:
            return match.group(0)
    return ""


def _state_executive(structural: str, words: set[str]) -> bool:
    """'Chief Executive Officer of the Special Economic Zone Authority': a state body's head."""
    return bool(structural) and not words & _COMPANY_MARKERS


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
        not title.group(1).endswith("s")  # "Officials say": a plural is never a surname
        and title.start() == 0
        and phrase[:1].isupper()
        and " " not in title.group(1)
        and (not after or after[0] in ",;")
    )


def _is_bare_place(lowered: str, place: re.Match[str]) -> bool:
    """True when the phrase is just a country or capital ("Moscow", "the U.S.")."""
    rest = (lowered[: place.start()] + lowered[place.end() :]).strip()
    return rest in {"", "the"}
