"""What a source phrase says about the person besides the name: a role noun written before
it ("Resident Carla Mendes", "Farmer Lukas Bren"), the organisation after it ("Riya Banerjee
of the Halden Institute") and the portfolio of an office ("Water Minister", "the deputy
minister").
"""

from __future__ import annotations

import re

from claims.pipeline.official_terms import LOCAL_SERVICE_HEADS

# Occupations and descriptions that news writes capitalised before a name at the start of
# a sentence. Not offices of state: those are titles (officials.TITLES).
ROLE_NOUNS = frozenset(
    """resident residents farmer grower rancher fisherman villager shepherd herder miner
    economist analyst professor lecturer academic researcher scientist historian
    teacher nurse doctor physician surgeon midwife paramedic pharmacist patient
    student worker labourer laborer driver commuter motorist cyclist passenger
    owner shopkeeper trader vendor merchant landlord tenant homeowner pensioner retiree
    voter parent volunteer engineer architect lawyer attorney activist campaigner protester
    businessman businesswoman entrepreneur investor banker developer builder contractor
    mechanic electrician plumber chef author writer novelist artist musician singer actor
    coach player athlete priest pastor imam rabbi bishop consultant strategist pollster
    critic witness survivor victim customer tourist photographer journalist reporter editor
    columnist supervisor trustee delegate registrar assemblymember speaker""".split()
)
# Words that sharpen an office: "Deputy Minister", "acting governor".
_RANKS = frozenset("deputy acting vice assistant junior interim associate".split())
# Offices named by their portfolio: "Water Minister", "the agriculture minister".
_PORTFOLIO_TITLES = frozenset("minister secretary commissioner".split())
_NOT_PORTFOLIO = frozenset(
    """the a an this that his her its their our former then new prime senior top chief
    state federal national and or as by with for said says told""".split()
)
# Right after the name, or after its short role: "X of the Y", "X, an economist at the Y".
_AFFILIATION_RE = re.compile(
    r"(?:,\s+(?:(?!who\b|which\b)[a-z-]+\s+){0,4}?[a-z-]+)?\s+(?:of|at|from)\s+(?:the\s+)?"
    r"([A-Z][\w’'&.-]*(?:\s+(?:of|for|and|&|on|[A-Z][\w’'&.-]*))*)"
)
_SPLIT_RE = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z]")
# An office stated by a verb rather than a noun: "who chairs the board of supervisors",
# "who serves as finance director", "who sits on the county commission", "was elected to
# the city council", "is the city's finance director". Each is restated as the noun phrase
# an appositive would use ("head of ...", "member of ..."), so the office is read the way
# "Name, head of X" is. Past tenses count only for the events that start an office
# ("was elected", "was appointed"): "was the mayor" is a former office.
_HEAD_VERBS = (
    r"heads|chairs|leads|runs|directs|oversees|commands|manages|presides\s+over|"
    r"has\s+(?:headed|chaired|led|run|directed|overseen|commanded|managed|presided\s+over)"
)
_MEMBER_VERBS = (
    r"sits\s+on|serves\s+on|has\s+(?:served|sat)\s+on|won\s+(?:a\s+seat\s+on|election\s+to)|"
    r"(?:was|has\s+been)\s+(?:(?:first|recently|newly|just|unanimously)\s+)?"
    r"(?:elected|appointed|named|re-elected)\s+to"
)
_AS_VERBS = (
    r"serves\s+as|has\s+served\s+as|is|"
    r"(?:was|has\s+been)\s+(?:(?:first|recently|newly|just|unanimously)\s+)?"
    r"(?:elected|re-elected|appointed|named|sworn\s+in)(?:\s+as)?"
)
_OFFICE_CLAUSE_RE = re.compile(
    r"(?:,\s*\d{1,3},\s+)?(?:who\s+)?(?:also\s+)?(?P<now>(?:now|currently)\s+)?(?:also\s+)?(?:(?P<head>"
    + _HEAD_VERBS
    + r")|(?P<member>"
    + _MEMBER_VERBS
    + r")|(?P<as>"
    + _AS_VERBS
    + r"))\s+(?P<rest>[^,;:.“”\"()]+)"
)
# "was appointed by the governor", "is running for mayor", "was named in the suit": the
# verb does not state an office.
_NOT_AN_OFFICE = frozenset(
    """by in on for to at with after before from over under about against into during
    since when while that not also expected set likely due""".split()
)
_DETERMINERS = frozenset("the a an".split())
# The office ends where another clause begins: "is a careful person and would be a
# careful president" states no office.
_CLAUSE_END_RE = re.compile(
    r"\s(?:and|but|or|who|which|that|would|will|could|should|because|than|said|says)\s.*"
)
_WHO_RE = re.compile(r"\bwho\s")
# "a former teacher who now serves as mayor", "Former Mayor Ada Lorne, now a state senator":
# the office held now, beside a former one.
_NOW_RE = re.compile(r"\b(?:now|currently)\s+")
_OFFICE_END_RE = re.compile(r"[,;:.“”\"()]")
_ROLE_WORD_RE = re.compile(r"[\w-]+")
# The head noun of a post named by its portfolio before a name: "Parks and Recreation
# Director Ana Pires", "Health and Human Services Secretary Ana Pires".
_POST_HEADS = frozenset(LOCAL_SERVICE_HEADS) | _PORTFOLIO_TITLES


def strip_role(name: str) -> str:
    """'Resident Carla Mendes' -> 'Carla Mendes'; a lone 'Paul Farmer' keeps his surname."""
    words = name.split()
    while len(words) > 2 and words[0].lower() in ROLE_NOUNS:
        words.pop(0)
    return " ".join(words)


def before_affiliation(phrase: str) -> str:
    """'Riya Banerjee of the Halden Institute' -> 'Riya Banerjee'; '' without such a tail."""
    match = _SPLIT_RE.search(phrase)
    return phrase[: match.start()] if match else ""


def role_in(phrase: str, name: str) -> str:
    """The role noun written with a name: 'Economist Riya Banerjee' -> 'economist'."""
    if not name:
        return ""
    for word in _ROLE_WORD_RE.findall(phrase.split(";")[0].replace(name, " ")):
        if word.lower() in ROLE_NOUNS:
            return word.lower()
    return ""


def affiliation_in(phrase: str, name: str) -> str:
    """The organisation a person speaks from: '... of the Halden Institute'."""
    first = phrase.split(";")[0]
    at = first.find(name) if name else -1
    match = _AFFILIATION_RE.match(first, at + len(name)) if at >= 0 else None
    if match is None:
        return ""
    return re.sub(r"\s+(?:of|for|and|&|on)$", "", match.group(1)).rstrip(".,")


def full_title(lowered: str, start: int, title: str) -> str:
    """'deputy minister', 'water minister': the office with its rank or portfolio."""
    words = lowered[:start].replace("’", "'").split()
    taken: list[str] = []
    portfolio = title in _PORTFOLIO_TITLES
    while words and len(taken) < 2:
        word = words[-1]
        if word in _RANKS or (
            portfolio and not taken and word.isalpha() and word not in _NOT_PORTFOLIO
        ):
            taken.insert(0, word)
            words.pop()
            portfolio = False  # one portfolio word: "health minister", not "a health minister"
            continue
        break
    return " ".join([*taken, title])


def office_clause(text: str, opening: bool = False) -> str:
    """'who chairs the county board' -> 'head of the county board', 'serves as finance
    director' -> 'finance director'; '' when the text states no office by a verb. With
    `opening`, the clause must open the text (the words right after a name); otherwise a
    relative clause anywhere in it counts ("a Republican who sits on the council")."""
    if opening:
        match = _OFFICE_CLAUSE_RE.match(text.lstrip())
    else:
        who = _WHO_RE.search(text)
        match = _OFFICE_CLAUSE_RE.match(text, who.start()) if who else None
    if match is None:
        return ""
    rest = _CLAUSE_END_RE.sub("", match.group("rest")).split()
    first = rest[0].lower() if rest else ""
    if first in _NOT_AN_OFFICE or first.endswith("ing"):
        return ""
    if match.group("as") == "is" and first not in _DETERMINERS and not _possessive(first):
        return ""  # "is the city's finance director", not "is confident the plan works"
    if match.group("head") and first != "the" and not _possessive(first):
        return ""  # "heads the county's water agency", not "heads a project on secrecy"
    noun = "head of " if match.group("head") else "member of " if match.group("member") else ""
    now = "now " if match.group("now") else ""
    return f"{now}{noun}{' '.join(rest[:12])}"


def current_office(text: str) -> str:
    """'a former teacher who now serves as mayor' -> 'mayor', 'the former mayor, now a state
    senator' -> 'a state senator'; '' when the text names no office held now."""
    for match in _NOW_RE.finditer(text):
        after = text[match.end() :]
        office = office_clause(after, opening=True)
        if not office:
            office = _CLAUSE_END_RE.sub("", _OFFICE_END_RE.split(after, maxsplit=1)[0])
        first = office.split()[0].lower() if office.split() else ""
        if first and first not in _NOT_AN_OFFICE and not first.endswith("ing"):
            return office
    return ""


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def and_in_post(before: list[str], after: list[str]) -> bool:
    """Whether an "and" between the words `before` and `after` joins the two portfolios of
    a post written before a name ("Parks and Recreation Director Ana Pires"), not two
    people ("Tom Arlen and Mayor Ana Pires"): one capitalised word before it, and after it
    capitalised words reaching a post's head noun past a portfolio word, then a name."""
    if not before or not before[-1][:1].isupper():
        return False
    if len(before) > 1 and before[-2][:1].isupper() and before[-2] not in {"The", "A", "An"}:
        return False
    for index, word in enumerate(after):
        if not word[:1].isupper():
            return False
        if word.lower() in _POST_HEADS:
            return index >= 1 and index + 1 < len(after) and after[index + 1][:1].isupper()
    return False


def portfolio_with_and(phrase: str, start: int, title: str) -> str:
    """'Health and Human Services Secretary Ana Pires' -> 'health and human services
    secretary': the whole portfolio of a post whose name holds "and", written before the
    title word at `start`; "" when there is none."""
    words = phrase[:start].split()
    for at in range(len(words) - 1, 0, -1):
        if words[at] == "and":
            if and_in_post(words[:at], [*words[at + 1 :], *phrase[start:].split()]):
                return " ".join([*words[at - 1 :], title]).lower()
            return ""
        if not words[at][:1].isupper():
            return ""
    return ""
