"""Personal names inside source phrases: "Resident Carla Mendes" is Carla Mendes, "the
Ministry of Agriculture" holds none, "Riya Banerjee of the Halden Institute" is Riya Banerjee.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.pipeline.official_terms import LOCAL_TITLES, TITLES
from claims.pipeline.places import DEMONYMS
from claims.pipeline.roles import before_affiliation, strip_role

# Capitalised words that belong to a title or an organisation, not to a person's name.
NOT_NAME = (
    frozenset(
        """president vice prime minister secretary general gen gen. staff chief chair chairman
    chairwoman deputy acting senior director head leader spokesman spokeswoman spokesperson
    press office department ministry agency committee council party house senate congress state
    national federal foreign defense defence interior sen sen. rep rep. gov gov. governor mayor
    judge justice ambassador superintendent supt supt. commissioner inspector officer sergeant
    colonel col col. lt lt. maj maj. admiral commander king queen premier chancellor police
    attorney dr dr. mr mr. mrs mrs. ms ms. prof prof. the of and for u.s. fed central bank
    executive manager mission co-author study independent district court supreme republican
    democratic democrat gop member members representative senator congressman congresswoman
    kremlin white pentagon government administration army navy military news media
    legislature parliament assembly commission bureau institute university college
    said says told asked added according fund monetary reserve service authority
    international organization health world pan american
    prosecutor inspector detective sheriff councilman councilwoman analyst economist professor
    chief-of-staff lawmaker legislator diplomat envoy consul magistrate mp mps tory labour
    councilmember councillor cmdr cmdr. adm adm. capt capt. sgt sgt. det det. insp insp. cpl
    cpl. brig brig. amb amb. cllr cllr. hon hon. pvt pvt. speaker collector tehsildar whip
    agent charge
    monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december in on at after before but and when while
    if as for to a an by with from this that these those it its his her their""".split()
    )
    | DEMONYMS
    # Titles of office, also when capitalised to open a sentence: "Investigators said".
    | frozenset(t for t in TITLES if " " not in t and "." not in t)
    # The last word of a local office: "City Clerk Amy Lo", "Town Administrator Pat Kerr".
    | frozenset(t.split()[-1] for t in LOCAL_TITLES)
)

# Nouns that head the name of an organisation written "X of Y": "Ministry of Agriculture".
BODY_HEADS = frozenset(
    """ministry department office bureau agency institute university college bank council
    commission board court service authority school embassy secretariat directorate""".split()
)
_ORGANISATION_LEADS = frozenset("the a an of for at from with in by".split())
# Honorifics that stand before a personal name and leave it (a documented class): styles
# conferred by a state or a ruler (Malaysian "Tun", "Tan Sri", "Datuk Seri", "Dato' Sri";
# Bruneian "Pehin", "Pengiran"; British "Sir", "Dame"), of a pilgrimage ("Alhaji",
# "Hajiya", "Haji"), Gulf and Arabic "Sheikh" and Nigerian professional styles ("Engr.",
# "Barr.", "Arc."; the honorific "Chief" is in NOT_NAME, as a title is). None is an
# office: "Datuk Ana Pires" is Ana Pires, official only if a title or body says so. Several
# may stack, and "Sri" or "Tan" is an honorific only inside a listed sequence ("Sri Mulyani",
# "Tan Wei Ming" are names).
HONORIFICS = frozenset(
    tuple(words.split())
    for words in """tun|toh puan|tan sri|puan sri|datuk|dato'|dato’|dato|datin|datuk seri|
    dato' seri|dato’ seri|dato seri|datuk sri|dato' sri|dato’ sri|dato sri|datin seri|
    datin sri|datin paduka|dato paduka|datuk wira|datuk amar|datuk patinggi|pehin|pengiran|
    awang|dayang|sir|dame|alhaji|alhaja|hajiya|haji|hajjah|sheikh|sheikha|shaikh|engr|
    engr.|barr|barr.|arc.|pharm.""".replace("\n", "").split("|")
)
_HONORIFIC_LENGTHS = sorted({len(words) for words in HONORIFICS}, reverse=True)
NAME_PARTICLES = frozenset("van von de da der den di du del della le la bin ibn al el".split())
_WORD_RE = re.compile(r"[\w’'.-]+")
_INITIAL_RE = re.compile(r"^[A-Z]\.$")
# The party-and-seat tag of a US legislator: "D-Calif.", "(R-Texas)", "D-Los Angeles". It
# describes the seat, so it is read as a title (officials) and kept out of the name.
PARTY_DISTRICT_RE = re.compile(r"(?<![\w-])[DRI]-(?:[A-Z][a-z]*\.?){1,2}(?:\s[A-Z][a-z]+)?")
PARTY_TAG_RE = re.compile(rf"[\s,(]*{PARTY_DISTRICT_RE.pattern}\)?")
# Letters written after a name (a documented class): a seat in a legislature ("Ana Pires
# MP", "MSP", "MLA", "MEP", "TD"), silk ("QC", "KC") and honours ("OBE", "CBE" ...). They
# leave the name; officials reads the seat from the phrase, which keeps them. Ambiguous
# letters ("MS", "AM", "PC") are left out.
POST_NOMINALS = frozenset("MP MSP MLA MEP MPP MNA TD QC KC OBE MBE CBE KBE DBE".split())
_POST_NOMINAL_MARK_RE = re.compile(r"[a-z]\s+(?:" + "|".join(sorted(POST_NOMINALS)) + r")\b")
_POST_NOMINAL_RE = re.compile(
    r"(?<=[a-z])(?:,?\s+(?:" + "|".join(sorted(POST_NOMINALS)) + r"))+(?=\s*(?:[,;]|$))"
)


# Pure, and asked again for the same phrase: each mention of a person is read as it is
# observed, remembered, resolved and classified.
@lru_cache(maxsize=8192)
def name_in(phrase: str) -> str:
    """The personal name at the end of a source phrase, or "" when there is none."""
    phrase = PARTY_TAG_RE.sub("", phrase)  # "Rory Vance (R-Eastfield)" is Rory Vance
    if _POST_NOMINAL_MARK_RE.search(phrase):
        phrase = _POST_NOMINAL_RE.sub("", phrase)  # "Ana Pires MP" is Ana Pires
    part = phrase.rsplit(",", 1)[-1] if phrase.count(",") == 1 else phrase
    # "Riya Banerjee of the Halden Institute": the name comes before the organisation.
    head = before_affiliation(part)
    if head and len(named := _trailing_name(head)) >= 2:
        lead = _WORD_RE.findall(head)[: -len(named)]
        if not lead or lead[-1].lower() not in _ORGANISATION_LEADS:
            return strip_role(" ".join(named))  # not "a spokesman for the United Mine Workers"
    words = _WORD_RE.findall(part)
    name = _trailing_name(part)
    if name and name[0].endswith((".", "’s", "'s")):
        return ""
    before = words[: len(words) - len(name)]
    if name and _in_body_name(before):
        # "the Ministry of Agriculture", "Department of Transport": a body's name, unless a
        # name follows it ("the Ministry of Finance Brian Manning").
        if len(name) < 3:
            return ""
        name = name[-2:]
    elif (
        name
        and len(before) >= 2
        and before[-1] in {"of", "for"}
        and before[-2].lower() in _PORTFOLIO_OFFICES
    ):
        # "Minister of Finance Ada Lorne", "MP for Eastfield Ana Pires": the portfolio or the
        # seat is not part of the name, and with no name after it ("the Director of Public
        # Prosecutions", "the MP for Eastfield") the phrase names no person.
        if len(name) < 3:
            return ""
        name = _after_portfolio(name)
    elif len(name) - bool(_INITIAL_RE.match(name[-2] if len(name) > 1 else "")) >= 3 and (
        _in_portfolio(before)
    ):
        # "Minister of National Security Ana Pires": the portfolio's last word opens the name.
        name = _after_portfolio(name)
    elif len(name) == 1 and _in_portfolio(before):
        return ""  # "the Minister of National Security": the portfolio's last word, no name
    elif len(name) < 3 and _after_capitalised_of(before):
        # "the president of the Valdorian Chamber of Commerce", "the Leader of the
        # Opposition": the words end the name of an organisation or an office, not a person.
        return ""
    return strip_role(" ".join(name))


_PORTFOLIO_OFFICES = frozenset("minister secretary commissioner director head registrar mp".split())


def _after_portfolio(name: list[str]) -> list[str]:
    """The person's own name after a portfolio's capitalised words: the last two words, or
    three with a middle initial ("Finance Ada K. Lorne" -> "Ada K. Lorne")."""
    keep = 3 if len(name) > 3 and _INITIAL_RE.match(name[-2]) else 2
    return name[-keep:]


def _in_portfolio(before: list[str]) -> bool:
    """Whether the words before a name end inside a portfolio: an office, "of"/"for", then one
    or two capitalised words ("Minister of National" before "Security Ana Pires"; "Secretary
    of State" is a whole office)."""
    words = len(before)
    return any(
        words > size + 1
        and all(word[:1].isupper() and word != "State" for word in before[-size:])
        and before[-size - 1] in {"of", "for"}
        and before[-size - 2].lower() in _PORTFOLIO_OFFICES
        for size in (1, 2)
    )


def _after_capitalised_of(before: list[str]) -> bool:
    """Whether the words before a name end in a capitalised word and "of" ("Chamber of"),
    or in "of the" ("Leader of the"): a person's name follows neither."""
    if len(before) >= 2 and before[-1] == "the" and before[-2] == "of":
        return True
    return len(before) >= 2 and before[-1] == "of" and before[-2][:1].isupper()


def _in_body_name(before: list[str]) -> bool:
    """Whether the words before a name end in "Ministry of", "Department of Housing and"."""
    if not before or before[-1] not in {"of", "for", "and", "&"}:
        return False
    for word in reversed(before):
        if word.lower() in BODY_HEADS and word[:1].isupper():
            return True
        if not (word[:1].isupper() or word in {"of", "for", "and", "&", "the"}):
            return False
    return False


def _trailing_name(phrase: str) -> list[str]:
    name: list[str] = []
    words = _WORD_RE.findall(phrase)
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        lowered = word.lower()
        if lowered in NAME_PARTICLES and name and index and words[index - 1][:1].isupper():
            name.insert(0, word)  # "Joost van Hoof"
            continue
        if not word[:1].isupper() or lowered in NOT_NAME or lowered.rstrip(".") in NOT_NAME:
            break
        if lowered.endswith("-elect"):
            break  # "President-elect Rodrigo Chaves": a title, not part of the name
        if lowered == "con" and index and words[index - 1].lower() == "det":
            break  # "Det Con Ana Pires": a detective constable (official_terms.UK_POLICE_RANKS)
        if word.isupper() and len(word) > 1 and not _INITIAL_RE.match(word):
            break  # an acronym such as KCNA or UN names a body, not a person
        name.insert(0, word)
    return _without_honorifics(name)


def _without_honorifics(name: list[str]) -> list[str]:
    """The name with its leading honorifics dropped, keeping at least one word."""
    stripped = True
    while stripped:
        stripped = False
        for length in _HONORIFIC_LENGTHS:
            if len(name) > length and tuple(w.lower() for w in name[:length]) in HONORIFICS:
                name = name[length:]
                stripped = True
                break
    return name
