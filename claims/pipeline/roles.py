"""What a source phrase says about the person besides the name: a role noun written before
it ("Resident Carla Mendes", "Farmer Lukas Bren"), the organisation after it ("Riya Banerjee
of the Halden Institute") and the portfolio of an office ("Water Minister", "the deputy
minister").
"""

from __future__ import annotations

import re

from claims.pipeline.official_terms import LOCAL_SERVICE_HEADS, TITLES

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
# Words that sharpen an office: "Deputy Minister", "acting governor", "shadow home secretary"
# (a member of parliament holding the opposition's post: a legislator, so still official).
_RANKS = frozenset("deputy acting vice assistant junior interim associate shadow".split())
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
# ("was elected", "was appointed", "became", "took office as"; the office taken reads as
# held now): "was the mayor" is a former office, read as one only when its end is written
# ("was mayor from 2010 to 2014", "served as mayor until 2018").
_HEAD_VERBS = (
    r"heads|chairs|leads|runs|directs|oversees|commands|manages|presides\s+over|"
    r"has\s+(?:headed|chaired|led|run|directed|overseen|commanded|managed|presided\s+over)|"
    # "was appointed by the governor to lead the agency": chosen to head it
    r"(?:was|has\s+been)\s+(?:appointed|named|elected|chosen|picked|tapped|hired)\s+"
    r"(?:by\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+)?\s+)?(?:in\s+\d{4}\s+)?"
    r"to\s+(?:lead|head|run|chair|direct|oversee|manage)"
)
_MEMBER_VERBS = (
    r"sits\s+on|serves\s+on|has\s+(?:served|sat)\s+on|won\s+(?:a\s+seat\s+on|election\s+to)|"
    r"(?:was|has\s+been)\s+(?:(?:first|recently|newly|just|unanimously)\s+)?"
    r"(?:elected|appointed|named|re-elected)\s+to"
)
_AS_VERBS = (
    r"serves\s+as|has\s+served\s+as|(?P<took>took\s+(?:office|over)\s+as)|"
    r"(?:was|has\s+been)\s+(?:(?:first|recently|newly|just|unanimously)\s+)?"
    r"(?:elected|re-elected|appointed|named|sworn\s+in)(?:\s+as)?|"
    r"(?P<copula>is(?:\s+now)?|has\s+been|(?P<became>became)|(?P<past>was|served\s+as))"
)
# Set off between the name and its verb: an age ("Ana Pires, 54, is"), or a short
# indefinite description ("Ana Pires, a former teacher, is now the city's mayor").
_BETWEEN = r"(?:,\s*(?:\d{1,3}|an?\s+[\w-]+(?:\s+[\w-]+){0,2}),\s+)?"
_OFFICE_CLAUSE_RE = re.compile(
    _BETWEEN
    + r"(?:who\s+)?(?:also\s+)?(?P<now>(?:now|currently)\s+)?(?:also\s+)?(?:(?P<head>"
    + _HEAD_VERBS
    + r")|(?P<member>"
    + _MEMBER_VERBS
    + r")|(?P<as>"
    + _AS_VERBS
    + r"))\s+(?P<rest>[^,;:.“”\"()]+)"
)
# "was mayor from 2010 to 2014", "served as mayor until 2018": an office that ended.
_ENDED_RE = re.compile(r"\b(?:until|till|from\s+\d{4}|between\s+\d{4}|in\s+the\s+\d{4}s)\b")
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
# Lowercase words a capitalised word of an office's name can follow: "the Eastfield police
# chief", "mayor of Eastfield", "the new Harbour Authority chair".
_BEFORE_PROPER = (
    _DETERMINERS
    | _RANKS
    | frozenset("of for and on in at to former new current first top senior chief".split())
)
# An office named without a determiner after "is" or "became": "became mayor in 2019".
_SINGLE_TITLES = frozenset(t for t in TITLES if " " not in t and "." not in t)
# A participle opening an appositive states the event that started an office: "Ana Pires,
# elected to the city council in 2018, said", "..., appointed police chief in May,".
_PARTICIPLE_RE = re.compile(
    r"(?:(?:first|recently|newly|just|unanimously)\s+)?"
    r"(?:elected|re-elected|appointed|named|sworn\s+in|chosen|picked|tapped|hired)\b"
)


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


def _clause(text: str, opening: bool) -> re.Match[str] | None:
    if opening:
        return _OFFICE_CLAUSE_RE.match(text.lstrip())
    who = _WHO_RE.search(text)
    return _OFFICE_CLAUSE_RE.match(text, who.start()) if who else None


def office_clause(text: str, opening: bool = False) -> str:
    """'who chairs the county board' -> 'head of the county board', 'serves as finance
    director' -> 'finance director'; '' when the text states no office by a verb. With
    `opening`, the clause must open the text (the words right after a name); otherwise a
    relative clause anywhere in it counts ("a Republican who sits on the council")."""
    match = _clause(text, opening)
    if match is None:
        return ""
    rest = _CLAUSE_END_RE.sub("", match.group("rest")).split()
    first = rest[0].lower() if rest else ""
    if first in _NOT_AN_OFFICE or first.endswith("ing"):
        return ""
    if (
        match.group("copula")
        and first not in _DETERMINERS
        and not _possessive(first)
        and first not in _SINGLE_TITLES
    ):
        return ""  # "is the city's finance director", "became mayor", not "is confident"
    if match.group("copula"):
        rest = _before_reduced_relative(rest)
    if match.group("past"):
        # "served as mayor until 2018", "was mayor from 2010 to 2014": an office that ended,
        # read only with its end written ("was mayor at the time" may be the office held
        # when speaking; "served as a senator for 36 years" says nothing of now)
        if not _ENDED_RE.search(" ".join(rest)):
            return ""
        if first in _DETERMINERS:
            return f"{rest[0]} former {' '.join(rest[1:12])}"  # "the former county's ..."
        return f"former {' '.join(rest[:12])}"
    if match.group("head") and first != "the" and not _possessive(first):
        return ""  # "heads the county's water agency", not "heads a project on secrecy"
    noun = "head of " if match.group("head") else "member of " if match.group("member") else ""
    # "a former legislator who became lieutenant governor": the office taken is held now
    started = match.group("became") or match.group("took")
    now = "now " if match.group("now") or started else ""
    return f"{now}{noun}{' '.join(rest[:12])}"


def participle_office(text: str) -> str | None:
    """'elected to the city council in 2018' -> 'member of the city council in 2018': an
    appositive opening with the participle of an appointment, read as 'was elected ...';
    '' when it states no office ('appointed by the governor in 2020' names who appointed,
    not the post), None when the text does not open with such a participle."""
    if not _PARTICIPLE_RE.match(text):
        return None
    return office_clause(f"was {text}", opening=True)


_NOUN_PHRASE_WORDS = 5  # the head noun of an office comes within its first words


def _before_reduced_relative(words: list[str]) -> list[str]:
    """'the place Pentagon officials say ...' -> 'the place': after a copula the office is
    one noun phrase, and a capitalised word right after a common noun begins a clause about
    it (a relative without "that"), not the office."""
    for at in range(1, min(len(words), _NOUN_PHRASE_WORDS)):
        previous = words[at - 1]
        if (
            words[at][:1].isupper()
            and previous.isalpha()
            and previous.islower()
            and previous not in _BEFORE_PROPER
            and not _possessive(previous)
        ):
            return words[:at]
    return words


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
