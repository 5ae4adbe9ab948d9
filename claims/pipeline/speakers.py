"""Who really speaks: names inside source phrases, pronouns and short descriptions resolved.

The tracker reads an article in order. It remembers every "title + name" mention (so a
later "Peskov said" knows he is the press secretary) and every speaker, so "he", "the
spokesman" or "the ministry" resolve to the last fitting named speaker. A document speaks
for its issuer ("The lawsuit, filed by the state attorney general,"), and a later "the
lawsuit" is the one the article named (documents.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from claims.pipeline.cast import (
    DOCUMENT_NOUNS,
    BodyCast,
    paragraphs_between,
    role_word,
    same_office,
)
from claims.pipeline.documents import (
    DOCUMENTS,
    Issued,
    documents_named,
    issuer_in_aside,
    issuer_in_source,
    later_mention,
)
from claims.pipeline.gender import PRONOUN_GENDER, gender_of
from claims.pipeline.lexicon import IRREGULAR_PAST
from claims.pipeline.names import NAME_PARTICLES, PARTY_TAG_RE, name_in
from claims.pipeline.official_terms import LOCAL_MEMBERS, TITLES
from claims.pipeline.officials import RELATIVE_OF_RE, STAFF_OF, classify
from claims.pipeline.places import CAPITALS, COUNTRIES
from claims.pipeline.roles import and_in_post, office_clause, participle_office
from claims.pipeline.sentences import in_title_case

_NAME_RE = re.compile(
    r"\b[A-Z][a-z][\w’'-]*(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+|"
    r"(?:van|von|de|da|der|di|du|bin|al|la|le|del|della|dos|das)(?=\s+[A-Z]))){1,4}"
)
# The words before a name that describe it stop at punctuation, at a clause word or at the
# verb of the clause the name sits in ("the court previously heard Hartley").
_PREFIX_PUNCT_RE = re.compile(r"[,;:“”\"—–(]|(?:^|\s)['‘]")
_PREFIX_CUT_WORDS = (
    frozenset(
        """said says told and that who by called named dubbed quoted cited heard when while as if
    after before with without about against asked urged thanked praised criticised criticized
    met sued than to is was are were has had have will would could""".split()
    )
    | IRREGULAR_PAST
)
# Past forms that describe the person rather than act: "retired general", "ousted premier".
_DESCRIBING_PAST = frozenset("retired embattled disgraced suspended ousted".split())


def _describing_words(before: str, after: tuple[str, ...] = ()) -> str:
    """The words right before a name (whose words are `after`) that can belong to its
    description."""
    punct = list(_PREFIX_PUNCT_RE.finditer(before))
    words = (before[punct[-1].end() :] if punct else before).split()
    kept: list[str] = []
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        if word == "and" and and_in_post(words[:at], [*reversed(kept), *after]):
            kept.append(word)  # "Parks and Recreation Director Ana Pires"
            continue
        if word in _PREFIX_CUT_WORDS or (
            word.endswith("ed") and word.islower() and word not in _DESCRIBING_PAST
        ):
            break
        kept.append(word)
    return " ".join(reversed(kept))


_CANDIDACY_RE = re.compile(r"\b(?:nomination|bid|race|run|candidacy|campaign)\s+for\b")
# Styles written before a name that describe no office.
_STYLES = frozenset("dr mr mrs ms miss prof professor rev hon".split())
_REFLEXIVE_RE = re.compile(r"\s+(?:himself|herself|themselves|itself)$")
# "Supreme Court justice, Raquel Montoya-Lewis": a role, a comma, then the name.
_COMMA_BEFORE_NAME_RE = re.compile(r",\s*$")
# Words of office ("minister", "mps", "gen."): a set lookup per word is much cheaper than
# one regular expression of every title, and this runs for most names in an article.
_TITLE_WORDS = frozenset(title for title in TITLES if " " not in title)


def _by_first_word(titles: list[str]) -> dict[str, list[str]]:
    """Multi-word titles keyed by their first word and the space after it."""
    grouped: dict[str, list[str]] = {}
    for title in titles:
        grouped.setdefault(title.split(" ", 1)[0] + " ", []).append(title)
    return grouped


# A title can be in a text only if its first word and the space after it are: most texts
# are ruled out a group at a time, not one title at a time.
_MULTI_WORD_TITLES = _by_first_word([title for title in TITLES if " " in title])
_TITLE_TOKEN_RE = re.compile(r"[a-z][a-z.-]*")


@lru_cache(maxsize=8192)  # a person's description recurs with each mention; pure
def _has_title(text: str) -> bool:
    """Whether the text holds a title of office."""
    lowered = text.lower()
    if not _TITLE_WORDS.isdisjoint(_TITLE_TOKEN_RE.findall(lowered)):
        return True
    return any(
        first in lowered and any(title in lowered for title in titles)
        for first, titles in _MULTI_WORD_TITLES.items()
    )


# "held in Los Angeles": a name after a place preposition is a place, not a person.
_PLACE_PREPOSITION_RE = re.compile(r"\b(?:in|at|from|near|to|into|across|outside)\s*$")
# "Blinken's explanations", "the ministry's statement": the possessor is the source.
_POSSESSIVE_NOUN_RE = re.compile(
    r"^(?:the\s+)?(.+?)['’]s?\s+(?:own\s+|latest\s+|new\s+|earlier\s+)?(?:statement|statements|"
    r"remarks|comments|explanation|explanations|announcement|words|testimony|letter|tweet|"
    r"post|speech|address|report|release|briefing|account|assessment|message|memo|office|"
    r"audit|lawsuit|complaint|ruling|analysis|review|filing|guidance|directive)$",
    re.IGNORECASE,
)
# "a report by the county auditor", "a statement from Governor Rory Vance": the issuer
# named after the document speaks.
_ISSUED_BY_RE = re.compile(
    r"^(?:the|a|an)\s+(?:[a-z]+\s+){0,2}?(?:report|statement|memo|release|letter|notice|"
    r"message|audit)\s+(?:by|from)\s+(.+?)(?:\s+(?:to\s+be|released|published|issued|"
    r"on|in|last|this|earlier)\b.*)?$"
)
# "the Statistical Institute of Jamaica, STATIN," or "... (STATIN)": an acronym defined.
_ACRONYM_RE = re.compile(
    r"\b((?:the\s+)?[A-Z][\w&’'-]*(?:\s+(?:of|for|and|&|the|on|[A-Z][\w&’'-]*)){1,8})"
    r"\s*(?:,\s*|\(\s*)([A-Z]{2,8})\b"
)
_ACRONYM_MARK_RE = re.compile(r"[,(]\s*[A-Z]{2,8}\b")
_APPOSITIVE_RE = re.compile(
    r"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){0,2}),\s+((?:the|a|an)\s+)?([^,.;“”\"]{3,90}?)(?=[,.;])"
)
_APPOSITIVE_HEAD = re.compile(
    r"\b(?:minister|secretary|spokes\w+|official|president|director|chairman|chair|analyst|"
    r"professor|governor|mayor|attorney|senator|congressman|head|chief|leader|manager|"
    r"commissioner|officer|ambassador|executive|founder|economist|member|lawmaker|author|"
    r"advis[eo]r|scientist|researcher|epidemiologist|candidate|nominee|council\w*|"
    r"representative|deputy|superintendent|represents)\b",
    re.IGNORECASE,
)
# "Ms Pires", "Mr. Arlen's": a person by style and family name.
_STYLED_SURNAME_RE = re.compile(
    r"\b(Mrs|Ms|Mr|Miss)\.?\s+([A-Z][\w-]*[a-z])(?:['’]s)?\b(?!\s+[A-Z])"
)
# Where a relative clause starts: "Ada Lorne, a former teacher who now serves as mayor".
_BEFORE_WHO_RE = re.compile(r",?\s*\bwho\s")
# "Ana Pires, Vance's spokeswoman": staff of a person the article may have named.
_STAFF_OF_PERSON_RE = re.compile(r"\b([A-Z][\w’'-]*[a-z])" + STAFF_OF)
# "a spokeswoman for Vance", "an aide to Rory Vance": the same, the person named after.
# Staff who speak for the person they serve ("adviser" is read with "'s", officials.STAFF_OF).
_STAFF = r"spokes(?:man|woman|person)|press secretary|aide"
_STAFF_FOR_PERSON_RE = re.compile(
    rf"\b({_STAFF})\s+(?:for|to)\s+"
    r"(?:[A-Z][\w’'-]+\s+)?([A-Z][\w’'-]*[a-z])\b(?!\s+[A-Z])"
)
# "A spokeswoman for Governor Rory Vance", "a spokesman for Mayor Ada Lorne of Eastfield":
# staff left unnamed, described by whom they serve.
# "Vance spokesman Tom Arlen", "Vance aide Ana Pires": the surname of the person they serve
# written before the staff noun, as US papers do, then the staff member's name.
_SURNAME_STAFF_RE = re.compile(rf"\b([A-Z][\w’'-]*[a-z])\s+({_STAFF})\s+[A-Z][a-z]")
_UNNAMED_STAFF_FOR_RE = re.compile(
    rf"^(?:[Tt]he|[Aa]n?)\s+(?:\w+\s+)?(?:{_STAFF})\s+"
    r"(?:for|to)\s+(?:[A-Z][a-z]*\.?\s+)*[A-Z][\w’'-]*[a-z](?:\s+of\s+[A-Z][a-z]+)?$"
)
# "City staff recommended approval", "the county's planning staff": the staff a later bare
# "Staff said" speaks as (officials decides whether they are a unit of government's).
_STAFF_MENTION_RE = re.compile(
    r"\b(?:(?:[A-Z][\w’'-]*\s+){1,4}|(?:[Tt]he\s+)?[a-z]+(?:['’]s)?\s+(?:[a-z-]+\s+)?)staff\b"
)
_BARE_STAFF = frozenset({"staff", "the staff", "staffers"})
# People the article names as running for office: "Cruz's campaign", "the Sanders
# campaign", "his presidential bid" after a name, "presidential campaign rival Marco
# Rubio", "Republican candidate Ana Pires". Their staff may speak for the campaign, not the
# office they hold (guidelines: a candidate and "X's campaign" are not official).
_CAMPAIGN_OF_RE = re.compile(
    r"\b([A-Z][\w’'-]*?[a-z])(?:['’]s?)?\s+(?:(?:presidential|re-?election|Senate|"
    r"gubernatorial|mayoral)\s+)?(?:campaign|bid|candidacy)\b"
)
# A sentence about a race names its runners: "a bitter fight between the two rising
# candidates", "his presidential campaign" (every name in it is marked).
_RACE_RE = re.compile(
    r"\b(?:(?:presidential|Senate|gubernatorial|mayoral)\s+(?:campaign|race|bid|primary|contest)|"
    r"candidates)\b"
)
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w’'-]*?[a-z](?=['’]s\b|\b)")
_CANDIDATE_NAMED_RE = re.compile(
    r"\b(?:candidate|rival|nominee|hopeful|contender)s?,?\s+((?:[A-Z][\w’'.-]*\s+){0,3}"
    r"[A-Z][\w’'-]*[a-z])"
)
_CLOSE_TO_RE = re.compile(r"\b(?:close to|familiar with|allies of|aides to)\b")
_FULL_NAME = r"[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,2}"
_CATAPHORA = 1500  # characters read ahead for the name of "the mayor"
# Offices one person holds at a time, so "the mayor" is the mayor the article names.
SINGLE_OFFICES = frozenset(
    "mayor governor premier chancellor president sheriff superintendent coroner".split()
)
_LOOKAHEAD = 20_000  # characters read ahead for a speaker's role
PERSON_PRONOUNS = frozenset("he she i him her".split())
# A sentence whose subject is a person named before by surname or pronoun: "Pires is the
# county's health officer.", "She was appointed health officer in 2019."
_COURTESY = r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"  # "Ms. Pires is ...", as papers write a surname
_OPENING_SUBJECT_RE = re.compile(
    rf"[\s“\"]*{_COURTESY}(He|She|[A-Z][\w’'-]*[a-z])(?=\s+[a-z]|,\s*\d)"
)
# Where a sentence may begin, looking back from a word: "... said Ana Pires. Pires is".
_SENTENCE_END_BEFORE_RE = re.compile(rf"(?:[.!?][”\"’)]?\s+|\n\s*){_COURTESY}$")
# A plural office before coordinated names gives each name the office: "Councilwomen Ana
# Pires and Lena Ivo", "Sens. Ana Pires and Tom Arlen", "Supervisors X, Y and Z".
_COORDINATED_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){1,2}"
_PLURAL_BEFORE_RE = re.compile(
    rf"\b([A-Z][a-z]+\.?)\s+{_COORDINATED_NAME}(?:,\s+{_COORDINATED_NAME})*,?\s+and\s+$"
)
_COORDINATION_AFTER_RE = re.compile(r",?\s+and\s+[A-Z]|,\s+[A-Z][\w’'-]+\s+[A-Z]")
_PLURAL_ENDINGS = (("s.", "."), ("men", "man"), ("s", ""))
# "The mayor, Ana Pires, was not available. Her deputy, Tom Arlen, said": staff named by a
# possessive pronoun serve the official the article has just named.
_PRONOUN_STAFF_RE = re.compile(
    r"\b([Hh]is|[Hh]er)\s+((?:top\s+|chief\s+|senior\s+)?(?:deputy|spokes(?:man|woman|person)|"
    r"press\s+secretary|chief\s+of\s+staff|communications\s+director))\s*,\s*$"
)
_RECENT_SPEAKERS = 30


@dataclass(frozen=True)
class Resolved:
    speaker: str  # the name a fact-checker would write down
    phrase: str  # the fullest description seen, used to decide "official"
    is_person: bool
    origin: str = ""  # where the description was read, when not in this sentence
    # The document that speaks for the speaker: "The lawsuit, filed by the state attorney
    # general" (documents.py). The speaker is its issuer.
    document: str = ""


def appositives(sentence: str) -> list[tuple[str, str]]:
    """("Oleksii Danilov", "Secretary of X") for each "Name, role," in the sentence.

    Matches may overlap: in "Earlier, Oleksii Danilov, Secretary of X," the first candidate
    ("Earlier, Oleksii Danilov") is no appositive, and the search resumes inside it.
    """
    found: list[tuple[str, str]] = []
    if "," not in sentence:
        return found  # every appositive is set off by a comma; a cheap test skips the search
    position = 0
    while (match := _APPOSITIVE_RE.search(sentence, position)) is not None:
        clause = office_clause(match.group(3))
        participle = None if match.group(2) else participle_office(match.group(3))
        if participle is not None:
            # "Ana Pires, elected to the city council in 2018,": the office it started;
            # "appointed by the governor": whoever appointed her is not her office
            if participle:
                found.append((match.group(1), participle))
            position = match.end()
        elif clause:
            # "Lena Ivo, who heads the Harbour Authority,": the head of that body; "a
            # former teacher who now serves as mayor": the description, then the office.
            described = _BEFORE_WHO_RE.split(match.group(0), maxsplit=1)[0]
            described = described[len(match.group(1)) :].strip(" ,")
            found.append((match.group(1), f"{described}, {clause}" if described else clause))
            position = match.end()
        elif _APPOSITIVE_HEAD.search(match.group(3)) or _has_title(match.group(3)):
            found.append((match.group(1), match.group(0)))
            position = match.end()
        else:
            position = match.start(3)
    return found


def _office_holder(possessor: str) -> bool:
    """'the AG', 'the mayor': a possessor named by office, so 'the AG's office' is a body."""
    words = possessor.split()
    last = words[-1] if words else ""
    return (last.isupper() and len(last) <= 4) or (
        len(words) <= 3 and " ".join(w for w in words if w.lower() != "the").lower() in TITLES
    )


def _role_before(before: str) -> str:
    """'the state's chief regulator, ' before a name: the role set off by a comma."""
    comma = _COMMA_BEFORE_NAME_RE.search(before)
    if comma is None:
        return ""
    role = _describing_words(before[: comma.start()])
    determiner = list(re.finditer(r"\b(?:the|a|an|its|his|her|their|our)\s+", role))
    if determiner:
        role = role[determiner[-1].end() :]  # "sworn in its first Supreme Court justice"
    if not role or len(role.split()) > 8 or not _has_title(role):
        return ""
    if _CANDIDACY_RE.search(role):
        return ""  # "the Democratic nomination for president, Ana Pires": a race, no office
    return role


def _shortened(short: list[str], full: list[str]) -> bool:
    """'Levine Cava' of 'Daniella Levine Cava', 'Ana Pires' of 'Ana Maria Pires' or 'Ana M.
    Pires': the full name's last words, or its first and last, as a later mention writes
    them. A different first name is a different person ("Tom Arlen", "Ana Arlen")."""
    if len(short) >= len(full) or short[-1].lower() != full[-1].lower():
        return False
    lowered = [word.lower() for word in full]
    tail = [word.lower() for word in short]
    return lowered[-len(tail) :] == tail or (len(short) == 2 and tail[0] == lowered[0])


class SpeakerTracker:
    def __init__(self) -> None:
        self._people: dict[str, Resolved] = {}
        self._speakers: list[tuple[Resolved, int]] = []
        self._sentence = 0
        self._mentioned: tuple[Resolved, int] | None = None
        self._introduced_at: tuple[str, int] | None = None  # a name and its sentence
        self._acronyms: dict[str, str] = {}
        # Names whose first word a title or role marks ("Mayor Daniella Levine Cava", "the
        # economy minister, Ildefonso Guajardo Villarreal"), outside title-case lines.
        self._clear_names: set[str] = set()
        self._later: dict[str, Resolved | None] = {}
        self._served: dict[str, str] = {}  # staff named by a pronoun: where their official was
        self._genders: dict[str, str] = {}
        self._bodies = BodyCast()
        self._documents: dict[str, Resolved] = {}  # "audit" -> its issuer, last named
        self._staff: Resolved | None = None  # the last staff the article named by employer
        self._campaigning: set[str] = set()  # names the article writes as running for office
        self._campaign_here = False  # the sentence read last names a campaign
        self._paragraph = 0
        self._offset = 0

    def observe(self, sentence: str, new_paragraph: bool = True, offset: int = 0) -> None:
        """Remember "title + name" and "name, title" mentions for later surname lookups,
        and the bodies the sentence names."""
        self._sentence += 1
        self._paragraph += 1 if new_paragraph else 0
        self._offset = offset
        self._read_people(sentence)
        self._read_opening(sentence)
        self._bodies.observe(sentence, self._paragraph, self._sentence)
        for document, naming in documents_named(sentence):
            # "The inspector general released a report": a later "the report" is hers.
            self._issued(naming, document, self.resolve(document.issuer))
        self._campaign_here = "campaign" in sentence.lower()
        if self._campaign_here or "andida" in sentence or "ival" in sentence or "omin" in sentence:
            for running in _CAMPAIGN_OF_RE.finditer(sentence):
                self._campaigning.add(running.group(1).lower())
            for running in _CANDIDATE_NAMED_RE.finditer(sentence):
                self._campaigning.update(w.lower() for w in running.group(1).split())
            if _RACE_RE.search(sentence):
                self._campaigning.update(w.lower() for w in _CAPITALISED_RE.findall(sentence))
        if "staff" in sentence:  # most sentences name no staff: a substring test decides
            for staff in _STAFF_MENTION_RE.finditer(sentence):
                named = _sentence_case(staff.group(0))
                self._staff = Resolved(named, named, False, self._where())
        # The acronym pattern backtracks over every capitalised phrase; a sentence with no
        # ", ABC" or "(ABC" (most of them) cannot match it.
        acronyms = _ACRONYM_RE.finditer(sentence) if _ACRONYM_MARK_RE.search(sentence) else ()
        for match in acronyms:
            full, acronym = match.group(1), match.group(2)
            words = full.split()[1:] if full.lower().startswith("the ") else full.split()
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if acronym[:1] == initials[:1] and len(acronym) >= 2:
                self._acronyms[acronym] = full

    def _read_people(self, sentence: str) -> None:
        """The people a sentence names, with the titles and roles written with them."""
        last_named = -1  # where the last full name mentioned starts
        for match in _NAME_RE.finditer(sentence):
            before = sentence[max(0, match.start() - 90) : match.start()]
            prefix = _describing_words(before, tuple(match.group(0).split()))
            phrase = " ".join([*prefix.split()[-8:], match.group(0)])
            if prefix or before.endswith("and "):
                phrase = _shared_title(sentence, match, before, prefix, phrase)
            name = name_in(phrase)
            role = ""
            if not prefix:
                role = _role_before(before)
            elif prefix.lower().rstrip(".") in _STYLES:
                # "the county's public health officer, Dr. Cameron Kaiser": the style is no
                # description; the role before it is.
                role = _role_before(before[: before.rstrip().rfind(prefix)])
            if role and name:
                phrase = f"{role}, {name}"
            tag = PARTY_TAG_RE.match(sentence, match.end())
            if tag and name and match.group(0).endswith(name):
                # "Ana Pires (D-Eastfield)", "Ana Pires, R-Texas,": the party and seat of a
                # legislator (US press), so a later "Pires said" knows her seat.
                phrase = f"{phrase}, {tag.group(0).strip(' ,()')}"
            staff = _PRONOUN_STAFF_RE.search(before) if name and not prefix else None
            if staff is not None:
                phrase = self._staff_of_previous(staff, name) or phrase
            if len(name.split()) >= 2 and not _PLACE_PREPOSITION_RE.search(prefix):
                if (role or _has_title(phrase[: phrase.rfind(name)])) and not in_title_case(
                    sentence
                ):
                    self._clear_names.add(name.lower())  # "Mayor Daniella Levine Cava"
                self._remember(name, phrase)
                self._mentioned = (Resolved(name, phrase, True, self._where()), self._sentence)
                last_named = match.start()
            elif len(name.split()) == 1 and phrase != name and _has_title(phrase):
                self._entitle(name, phrase)  # "Judge Montoya-Lewis": a title for a known name
            if name and match.group(0).endswith(name):
                self._introduced(name, sentence[match.end() : match.end() + 120])
        for name, role in appositives(sentence):
            self._remember(name, f"{name}, {role}")
        # "Ms Pires, the health secretary, was asked ...": the subject, by style and family
        # name, opening the sentence (a full name later in it is mentioned after her).
        styled = _STYLED_SURNAME_RE.match(sentence) if sentence[:1] == "M" else None
        if styled is not None and last_named < 0:
            self._styled_mention(styled.group(1), styled.group(2))

    def _styled_mention(self, style: str, surname: str) -> None:
        """'Ms Pires, the health secretary, was asked ...': a person named by style and
        family name is mentioned as a full name is, so a later "She said" can continue
        with her. The style tells the gender: a known person of that family name and the
        other gender ("Mr. Bush" after "Laura Bush") is someone else, and where several
        people share the family name only one of the style's gender is taken."""
        gender = gender_of(style)
        known = self._people.get(surname.lower())
        if (
            known is not None
            and self._gender_of(known) != gender
            and (self._gender_of(known) or self._namesakes(surname) > 1)
        ):
            return
        phrase = known.phrase if known is not None else f"{style} {surname}"
        speaker = known.speaker if known is not None else surname
        self._mentioned = (Resolved(speaker, phrase, True, self._where()), self._sentence)
        if gender:
            self._genders.setdefault(speaker.lower(), gender)

    def _staff_of_previous(self, staff: re.Match[str], name: str) -> str:
        """'Her deputy, Tom Arlen' right after 'The mayor, Ana Pires': the deputy mayor;
        'His spokesman' of a sheriff: the sheriff's spokesman. '' when the person named
        just before holds no titled office, is this person, or is of the other gender."""
        if self._mentioned is None or self._mentioned[1] < self._sentence - 1:
            return ""
        holder = self._people.get(self._mentioned[0].speaker.lower()) or self._mentioned[0]
        if holder.speaker == name or " " not in holder.speaker:
            return ""
        if self._gender_of(holder) not in {"", PRONOUN_GENDER[staff.group(1).lower()]}:
            return ""
        verdict = classify(holder.phrase)
        if not verdict.official or not verdict.title:
            return ""
        post = " ".join(staff.group(2).lower().split())
        self._served[name.lower()] = holder.origin
        if post == "deputy":
            return f"{name}, deputy {verdict.title}"
        return f"{name}, the {verdict.title}'s {post}"

    def _read_opening(self, sentence: str) -> None:
        """'Pires is the county's health officer.', 'She was appointed health officer in
        2019.': a sentence whose subject is someone named before, by surname or pronoun,
        introduces that person by office as a full name would."""
        opening = _OPENING_SUBJECT_RE.match(sentence)
        if opening is None:
            return
        after = sentence[opening.end() : opening.end() + 120]
        if not office_clause(after, opening=True):
            return  # most sentences that open so state no office: the person is not looked up
        subject = opening.group(1)
        if subject in {"He", "She"}:
            person = self._last_person(subject.lower())
        else:
            person = self._people.get(subject.lower())
        if person is not None and person.is_person and " " in person.speaker:
            self._introduced(person.speaker, after)

    def _introduced(self, name: str, after: str) -> None:
        """'Rory Vance is the city's finance director.', 'Pires was appointed harbor
        commissioner last year': a sentence that introduces the person by office, so a later
        "He said" or "Pires said" knows it. Kept only when the office decides something
        (a title, a body, "former") and the person had no such description yet."""
        office = office_clause(after, opening=True)
        if not office:
            return
        known = self._people.get(name.lower())
        if known is not None and classify(known.phrase).reason:
            return  # "Rep. Ada Lorne" already says who she is, and where it was read
        if known is not None and len(known.speaker) > len(name):
            name = known.speaker  # "Le Pen is ..." after "Marine Le Pen"
        phrase = f"{name}, {office}"
        if " " in name and classify(phrase).reason:
            self._remember(name, phrase)
            self._introduced_at = (name, self._sentence)

    def _namesakes(self, surname: str) -> int:
        """How many people of this family name the article has named in full."""
        ending = f" {surname.lower()}"
        return len({r.speaker for r in self._people.values() if r.speaker.lower().endswith(ending)})

    def _where(self) -> str:
        return f"paragraph {self._paragraph}" if self._paragraph else ""

    def _entitle(self, surname: str, phrase: str) -> None:
        """A title written with the family name of someone already named."""
        known = self._people.get(surname.lower())
        if known is not None and " " in known.speaker:
            self._remember(surname, phrase)

    def _remember(self, name: str, phrase: str) -> None:
        name = name_in(name) or name
        parts = name.split()
        if len(parts) == 1:
            # "Tegnell, the state epidemiologist at X": the role of someone named before,
            # or of someone whose full name comes later (kept under the family name).
            known = self._people.get(name.lower()) or Resolved(name, name, True)
            if phrase not in known.phrase:
                enriched = Resolved(
                    known.speaker, f"{known.phrase}; {phrase}"[:300], True, self._where()
                )
                for key, value in list(self._people.items()):
                    if value is known:
                        self._people[key] = enriched
                self._people.setdefault(name.lower(), enriched)
            return
        fuller = self._people.get(parts[-1].lower())
        if (
            fuller is not None
            and fuller.speaker.lower() in self._clear_names
            and _shortened(parts, fuller.speaker.split())
        ):
            # "Levine Cava said" after "Mayor Daniella Levine Cava", "Ana Pires" after
            # "Commissioner Ana Maria Pires": the same person named shorter, not someone new.
            # Only a name whose first word a title marked: "Rival Hillary Clinton" opening a
            # sentence or "Black Lawmakers Rip Donald Trump" in a headline is no fuller name.
            if phrase != name and phrase not in fuller.phrase:
                fuller = Resolved(
                    fuller.speaker, f"{fuller.phrase}; {phrase}"[:300], True, fuller.origin
                )
                for key, value in list(self._people.items()):
                    if value.speaker == fuller.speaker:
                        self._people[key] = fuller
            self._people[name.lower()] = fuller
            return
        resolved = Resolved(name, phrase, True, self._where())
        earlier = self._people.get(name.lower()) or self._people.get(parts[-1].lower())
        if earlier is not None and " " not in earlier.speaker and earlier.phrase not in phrase:
            resolved = Resolved(name, f"{phrase}; {earlier.phrase}"[:300], True, earlier.origin)
        earlier = self._people.get(name.lower())
        if earlier is not None and not _fuller(resolved.phrase, earlier.phrase):
            return
        # Family names come last in most names in English news and first in Chinese ones.
        keys = [name.lower(), parts[-1].lower(), parts[0].lower()]
        if len(parts) > 2 and parts[1].lower() in NAME_PARTICLES:
            keys.append(" ".join(parts[1:]).lower())  # "Bill de Blasio" is "De Blasio" later
        for key in keys:
            self._people[key] = resolved

    def resolve(self, source: str, antecedent: str = "", appositive: str = "") -> Resolved:
        source = _REFLEXIVE_RE.sub("", source)  # "Montoya-Lewis herself said"
        lowered = source.lower().strip()
        possessive = _POSSESSIVE_NOUN_RE.match(source.strip())
        if possessive and possessive.group(1).lower() not in PERSON_PRONOUNS | {"its", "their"}:
            noun = lowered.split()[-1]
            if noun in DOCUMENTS:
                # "The state auditor's report found": the auditor's document.
                owner = self.resolve(possessive.group(1), appositive=appositive)
                return self._issued(source, Issued(noun, possessive.group(1)), owner)
            if not _office_holder(possessive.group(1)):
                owner = self.resolve(possessive.group(1), appositive=appositive)
                if lowered.endswith("office") and owner.is_person:
                    # "Gowdy's office said": the person's office speaks; the phrase keeps
                    # it so the office counts (officials._PERSONAL_OFFICE_RE).
                    return replace(owner, phrase=f"{owner.phrase}; {source.strip()}"[:300])
                return owner
            if lowered.endswith("office"):
                # "the AG's office": the office speaks, not a person whose role says "office".
                return Resolved(_sentence_case(source.strip()), source, False)
        document = (issuer_in_aside(source, appositive) if appositive else None) or (
            issuer_in_source(source)
        )
        if document is not None:
            # "The lawsuit, filed by the state attorney general,", "a report from the state
            # auditor": the issuer alone decides; "a letter to Governor X from 40 doctors"
            # is the doctors'.
            by = self.resolve(document.issuer)
            return self._issued(source, document, by, appositive)
        mentioned = later_mention(source)
        if mentioned is not None:
            named = self._documents.get(mentioned.noun)
            if named is not None and mentioned.fits(named.document):
                return named  # "The audit also found", "the IG report says": the one named
        issued = _ISSUED_BY_RE.match(source.strip())
        if issued:
            by = self.resolve(issued.group(1), appositive=appositive)
            return replace(by, phrase=f"{by.phrase}; {source.strip()}"[:300])
        if lowered.endswith(("'s", "’s")) and len(lowered) > 3:
            return self.resolve(source.strip()[:-2], antecedent, appositive)  # "Lorne's claim"
        if RELATIVE_OF_RE.match(source.strip()) or _UNNAMED_STAFF_FOR_RE.match(source.strip()):
            # "the son of Governor Ana Pires", "a spokeswoman for Governor Rory Vance": the
            # son or the spokeswoman speaks, not the person they are described by.
            return Resolved(_sentence_case(source.strip()), source, True)
        if _CLOSE_TO_RE.search(lowered):
            return Resolved(source.strip(), source, False)  # "people close to Ada Lorne"
        if lowered in {"who", "which", "that"} and antecedent:
            return self.resolve(antecedent, appositive=appositive)
        if lowered in {"he", "she", "him", "her", "i"}:
            return self._last_person(lowered) or Resolved(source, source, True)
        if lowered == "it":
            # "it said": the last speaker (a firm's name looks like a person's), else the
            # last body the article named.
            found = self._previous_subject() or self._last(lambda r: True) or self._named_body("")
            return found or Resolved(source, source, False)
        if lowered in {"they", "we", "who", "which"}:
            return self._last(lambda r: True) or Resolved(source, source, False)
        if lowered in _BARE_STAFF and self._staff is not None:
            # "City staff recommended approval. Staff said ...": the staff named before.
            said, named = source.strip(), self._staff
            return Resolved(said, f"{said}; {named.phrase}", False, named.origin)
        if lowered in LOCAL_MEMBERS:
            members = self._members(source.strip(), LOCAL_MEMBERS[lowered])
            if members is not None:
                return members
        description = _definite_head(lowered)
        if description in DOCUMENT_NOUNS:
            # "the statement said", "according to the release": the body that issued it.
            issuer = self._last(lambda r: description in r.phrase.lower()) or self._last(
                lambda r: True
            )
            if issuer is not None:
                return Resolved(issuer.speaker, f"{source}; {issuer.phrase}"[:300], False)
        if description:
            same = same_office(description)
            found = (
                self._last(
                    lambda r: (
                        description in r.phrase.lower()
                        or (same is not None and same.search(r.phrase.lower()) is not None)
                    )
                )
                or self._titled(lowered)
                or self._named_body(description)
            )
            if found:
                return found
            renamed = self._renamed(source)
            if renamed is not None:
                return renamed
        name = name_in(source)
        if name.lower() in COUNTRIES or name.lower() in CAPITALS:
            name = ""
        phrase = f"{source}, {appositive}" if appositive else source
        if name:
            known = self._people.get(name.lower()) or self._people.get(name.split()[-1].lower())
            if known and len(known.speaker) >= len(name):
                if phrase.strip() == name or known.phrase.endswith(phrase.strip()):
                    return known
                phrase = f"{phrase}; {known.phrase}"[:300]
                return Resolved(known.speaker, phrase, True, known.origin)
            return Resolved(name, phrase, True)
        acronyms = re.findall(r"\b[A-Z]{2,8}\b", source)
        expanded = [self._acronyms[w] for w in acronyms if w in self._acronyms]
        expanded = [full for full in expanded if full not in source]
        origin = ""
        for word in acronyms:
            defined = self._bodies.acronym(word)
            if defined is not None and defined.name not in source and defined.name not in expanded:
                expanded.append(defined.name)
                origin = f"paragraph {defined.paragraph}"
        if expanded:
            phrase = f"{phrase}; {'; '.join(expanded)}"
        return Resolved(_sentence_case(source.strip()), phrase, False, origin)

    def _issued(self, source: str, document: Issued, issuer: Resolved, aside: str = "") -> Resolved:
        """The issuer of a document speaks; the document is remembered by its noun, so a
        later "the audit" is the same one, read where it was named."""
        described = _sentence_case(source.strip())
        if aside and document.issuer not in described:
            described = f"{described} {aside}"  # "the lawsuit filed by the state AG"
        resolved = replace(issuer, document=described)
        if not classify(issuer.phrase).reason:
            # An issuer that says nothing of itself: the kind of document may ("A survey by
            # the organization" is a poll). Only the noun: the rest may name a recipient.
            resolved = replace(resolved, phrase=f"{issuer.phrase}; {document.noun}")
        self._documents[document.noun] = replace(resolved, origin=issuer.origin or self._where())
        return resolved

    def _renamed(self, source: str) -> Resolved | None:
        """'Chris Grayling warned ...' and next 'the Conservative MP said': news names the
        office of the person who just spoke. Only for a speaker the article has not
        described yet, so a minister answering an activist stays a different person."""
        if not self._speakers or not _has_title(source):
            return None
        last, sentence = self._speakers[-1]
        if self._sentence - sentence > 2 or not last.is_person or " " not in last.speaker:
            return None
        if classify(last.phrase).reason:
            return None  # already described: a title, an employer, a disqualifier
        description = source.strip()
        self._remember(last.speaker, f"{description}, {last.speaker}")
        return Resolved(last.speaker, f"{description}; {last.phrase}"[:300], True)

    def _previous_subject(self) -> Resolved | None:
        """'The Appellate Court disagreed. It noted ...': a body that opened the sentence
        before, when no one spoke since, is what "it" continues."""
        body = self._bodies.subject_of(self._sentence - 1)
        if body is None or (self._speakers and self._speakers[-1][1] >= self._sentence - 1):
            return None
        return Resolved(body.name, body.name, False, f"paragraph {body.paragraph}")

    def _members(self, source: str, words: str) -> Resolved | None:
        """'Supervisors said' -> the Board of Supervisors the article named, whose members
        speak (local government, official_terms.LOCAL_MEMBERS)."""
        body = self._bodies.last_naming(*words.split())
        if body is None:
            return None
        return Resolved(source, f"{source}; {body.name}", False, f"paragraph {body.paragraph}")

    def _named_body(self, head: str) -> Resolved | None:
        """'the agency' -> the Harbour Agency the article named ('' -> the last body)."""
        body = self._bodies.last_with_head(head)
        if body is None:
            return None
        return Resolved(body.name, body.name, False, f"paragraph {body.paragraph}")

    def introduced_later(self, text: str, offset: int, resolved: Resolved) -> Resolved:
        """A speaker quoted before the article says who they are ("..., says Hallam" and,
        paragraphs later, "Piet Hallam, the agency's science adviser"): read ahead for the
        role. Bounded and remembered per name, so long texts stay linear."""
        surname = resolved.speaker.split()[-1] if resolved.speaker else ""
        if not surname[:1].isupper() or not resolved.is_person:
            return resolved
        key = surname.lower()
        if key not in self._later:
            reader = SpeakerTracker()
            window = text[offset : offset + _LOOKAHEAD]
            found_at = offset
            for match in re.finditer(re.escape(surname), window):
                start = max(window.rfind("\n", 0, match.start()), match.start() - 200)
                before = reader._people.get(key)
                # Only the people it names: the bodies and acronyms are not asked for.
                reader._read_people(window[max(0, start) : match.end() + 200])
                learned = reader._people.get(key) is not before or (
                    # "Pires is the county's health officer." later in the article
                    before is None and _surname_introduces(reader, resolved, text, offset, match)
                )
                if learned:
                    found_at = offset + match.start()
            later = reader._people.get(key)
            if later is not None:
                ahead = paragraphs_between(text, self._offset, found_at)
                later = Resolved(later.speaker, later.phrase, True, self._where_ahead(ahead))
            self._later[key] = later
        later = self._later[key] or self._pronoun_introduction(text, offset, resolved)
        if later is None or later.phrase in resolved.phrase:
            return resolved
        phrase = f"{resolved.phrase}; {later.phrase}"[:300]
        return Resolved(resolved.speaker, phrase, True, later.origin)

    def _pronoun_introduction(self, text: str, offset: int, resolved: Resolved) -> Resolved | None:
        """'"...," said Ana Pires. She is the county's health officer.': the sentence right
        after the speaker's says who the speaker is, when the speaker is the last person the
        sentence names and the pronoun can be theirs."""
        opening = _OPENING_SUBJECT_RE.match(text, offset)
        if opening is None or opening.group(1) not in {"He", "She"} or " " not in resolved.speaker:
            return None
        if self._gender_of(resolved) not in {"", PRONOUN_GENDER[opening.group(1).lower()]}:
            return None
        surname = resolved.speaker.split()[-1]
        sentence = text[self._offset : offset]
        last = sentence.rfind(surname)
        if last < 0 or _NAME_RE.search(sentence, last + len(surname)):
            return None  # "Pires said Mayor Tom Arlen had lied. He was ..."
        reader = SpeakerTracker()
        reader._introduced(resolved.speaker, text[opening.end() : opening.end() + 120])
        found = reader._people.get(resolved.speaker.lower())
        if found is None:
            return None
        ahead = paragraphs_between(text, self._offset, opening.start(1))
        return Resolved(found.speaker, found.phrase, True, self._where_ahead(ahead))

    def _where_ahead(self, paragraphs: int) -> str:
        return f"paragraph {self._paragraph + paragraphs}" if self._paragraph else ""

    def _titled(self, lowered: str) -> Resolved | None:
        """'the mayor' after 'Mayor Mara Oduya' was mentioned, not yet quoted; 'the chair'
        after 'Harbour Authority chair Lena Ivo'."""
        title = _office(lowered) or role_word(lowered)
        if not title:
            return None
        role = same_office(title) or re.compile(rf"\b{re.escape(title)}\b")
        for person in reversed(list(self._people.values())):
            # "Mayor Mara Oduya", "Lena Ivo, the port's chief regulator": the role and the
            # full name in one description.
            if " " in person.speaker and role.search(person.phrase.lower()):
                return person
        return None

    def described_later(self, text: str, offset: int, resolved: Resolved) -> Resolved:
        """'..., a day after the mayor promised ...' with 'Mayor Mara Oduya said' next: the
        office introduced by name a little later."""
        title = _office(resolved.speaker.lower())
        if resolved.is_person or not title:
            return resolved
        pattern = rf"\b{title.capitalize()}\s+({_FULL_NAME})"
        match = re.search(pattern, text[offset : offset + _CATAPHORA])
        if match is None:
            return resolved
        name = match.group(1)
        return Resolved(name, f"{resolved.phrase}; {match.group(0)}", True)

    def staff_of_cast(self, resolved: Resolved) -> Resolved:
        """'Ana Pires, Vance's spokeswoman' after 'Governor Rory Vance': staff speak for the
        office of the official they work for; staff of someone who holds no office, or of
        someone the article never described, stay as they are."""
        first = resolved.phrase.split(";")[0]
        if not resolved.is_person:
            return resolved
        if _PRONOUN_STAFF_RE.search(first.split(resolved.speaker)[0]):
            # "His spokesman, Tomas Reyl": the cast read whose ("the sheriff's spokesman")
            known = self._people.get(resolved.speaker.lower())
            if known is not None and known.phrase != first and classify(known.phrase).official:
                origin = self._served.get(resolved.speaker.lower(), known.origin)
                phrase = f"{known.phrase}; {resolved.phrase}"[:300]
                return Resolved(resolved.speaker, phrase, True, origin)
        match = _STAFF_OF_PERSON_RE.search(first)
        if match is not None:
            staff, name = match.group(2), match.group(1)
        elif (match := _STAFF_FOR_PERSON_RE.search(first)) is not None:
            staff, name = match.group(1), match.group(2)
        elif (match := _SURNAME_STAFF_RE.search(first)) is not None:
            staff, name = match.group(2), match.group(1)
        else:
            return resolved
        if staff in {"adviser", "advisor"} or "campaign" in first.lower():
            return resolved  # an adviser or a campaign's staff need not work in the office
        if name.lower() in self._campaigning or self._campaign_here:
            return resolved  # running for office, or "the campaign" speaks: a campaign's staff
        holder = self._people.get(name.lower())
        if holder is None or holder.speaker == resolved.speaker:
            return resolved
        verdict = classify(holder.phrase)
        if not verdict.official or not verdict.title:
            return resolved
        described = f"{resolved.speaker}, the {verdict.title}'s {staff}"
        if _UNNAMED_STAFF_FOR_RE.match(resolved.speaker):
            # "A spokeswoman for Vance": no name of their own, so the office they serve
            # leads the description (as "the governor's spokeswoman" would).
            described = f"the {verdict.title}'s {staff}"
        return Resolved(
            resolved.speaker, f"{described}; {resolved.phrase}"[:300], True, holder.origin
        )

    def record(self, resolved: Resolved, content: str = "") -> None:
        """A speaker in order; "Ada Lorne said she had waited" also tells her gender."""
        opening = content.split(" ", 1)[0].lower()
        if resolved.is_person and opening in {"he", "she"} and " " in resolved.speaker:
            self._genders.setdefault(resolved.speaker.lower(), PRONOUN_GENDER[opening])
        # "he" or "it" later is the speaker, not the document: "he said" is no memo.
        spoken = replace(resolved, document="") if resolved.document else resolved
        self._speakers.append((spoken, self._sentence))
        del self._speakers[:-_RECENT_SPEAKERS]  # only recent speakers are candidates for a pronoun
        if resolved.is_person and resolved.speaker.lower() not in PERSON_PRONOUNS:
            self._remember(resolved.speaker, resolved.phrase)

    def _last(self, fits: Callable[[Resolved], bool]) -> Resolved | None:
        for resolved, _ in reversed(self._speakers):
            if fits(resolved):
                return resolved
        return None

    def _last_person(self, pronoun: str) -> Resolved | None:
        """The last named speaker of the pronoun's gender; a person only mentioned counts
        when no one spoke lately. "A woman who ..." qualifies for "she" without a name."""
        wanted = PRONOUN_GENDER.get(pronoun, "")
        introduced = self._introduced_before(wanted)
        if introduced is not None:
            return self._learn(introduced, wanted)
        for resolved, sentence in reversed(self._speakers):
            gender = self._gender_of(resolved)
            if wanted and gender and gender != wanted:
                continue
            named = resolved.is_person and resolved.speaker.lower() not in PERSON_PRONOUNS
            if named or (wanted and gender == wanted):
                if self._mentioned and self._mentioned[1] > sentence + 3:
                    break
                return self._learn(resolved, wanted)
        mentioned = self._mentioned[0] if self._mentioned else None
        if mentioned is None or (wanted and self._gender_of(mentioned) not in {"", wanted}):
            return None
        # "Lena Ivo, the port's chief regulator, visited ...": the cast holds her role.
        known = self._people.get(mentioned.speaker.lower())
        if known is not None and known.phrase.startswith(f"{mentioned.speaker}, "):
            mentioned = known
        return self._learn(mentioned, wanted)

    def _introduced_before(self, wanted: str) -> Resolved | None:
        """'Rory Vance is the county's finance director. “...,” he said.': a person the
        sentence before introduced by office is whom the pronoun continues, rather than
        whoever spoke before that introduction."""
        if self._introduced_at is None:
            return None
        name, sentence = self._introduced_at
        if self._sentence - sentence > 1 or (self._speakers and self._speakers[-1][1] >= sentence):
            return None
        person = self._people.get(name.lower())
        if person is None or (wanted and self._gender_of(person) not in {"", wanted}):
            return None
        return person

    def _gender_of(self, resolved: Resolved) -> str:
        return self._genders.get(resolved.speaker.lower()) or gender_of(resolved.phrase)

    def _learn(self, resolved: Resolved, gender: str) -> Resolved:
        """'he' resolved to Piet Hallam: later 'she' will look elsewhere."""
        if gender:
            self._genders.setdefault(resolved.speaker.lower(), gender)
        return resolved


def _fuller(phrase: str, earlier: str) -> bool:
    """Whether a new description of a person replaces the one kept: a title of office
    outranks any description without one ("Sen. Ada Lorne" is not forgotten for a longer
    "Vermont's outspoken Ada Lorne"); otherwise the longer one wins."""
    titled, kept_titled = _has_title(phrase), _has_title(earlier)
    if titled != kept_titled:
        return titled
    return len(phrase) > len(earlier)


def _surname_introduces(
    reader: SpeakerTracker, resolved: Resolved, text: str, offset: int, surname: re.Match[str]
) -> bool:
    """'Pires is the county's health officer.' later in the article: the family name alone
    opening a sentence with an office clause says who the speaker quoted before is. The
    reader (a tracker of the read-ahead) learns it under the speaker's full name; True when
    it did."""
    at, end = offset + surname.start(), offset + surname.end()
    if text[end : end + 1].isalpha() or not _SENTENCE_END_BEFORE_RE.search(
        text, max(0, at - 8), at
    ):
        return False  # "Dace" inside "Daceton"; not the subject of its sentence
    reader._introduced(resolved.speaker, text[end : end + 120])
    return reader._people.get(surname.group().lower()) is not None


def _shared_title(sentence: str, name: re.Match[str], before: str, prefix: str, phrase: str) -> str:
    """'Sens. Ana Pires and Lena Ivo': each name holds the office the plural names, the
    first written right after it ("Sen. Ana Pires"), the others after "and"."""
    if prefix:
        plural = prefix.split()[-1]
        if not _COORDINATION_AFTER_RE.match(sentence, name.end()):
            return phrase
    else:
        coordinated = _PLURAL_BEFORE_RE.search(before)
        if coordinated is None:
            return phrase
        plural = coordinated.group(1)
    singular = _singular_title(plural)
    held = f"{singular} {name.group(0)}"
    if singular and len(name.group(0).split()) >= 2 and classify(held).official:
        return held
    return phrase


def _singular_title(plural: str) -> str:
    """'Councilwomen' -> 'Councilwoman', 'Sens.' -> 'Sen.', 'Supervisors' -> 'Supervisor';
    '' for a word that is no plural."""
    lowered = plural.lower()
    for ending, singular in _PLURAL_ENDINGS:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
            return plural[: -len(ending)] + singular
    return ""


def _sentence_case(body: str) -> str:
    """'The ministry' opening a sentence is 'the ministry'."""
    return "t" + body[1:] if body.startswith("The ") else body


def _definite_head(lowered: str) -> str:
    """'the spokesman' -> 'spokesman'; only short descriptions without a name."""
    words = lowered.split()
    if 2 <= len(words) <= 3 and words[0] in {"the", "this", "that"}:
        return words[-1]
    return ""


def _office(lowered: str) -> str:
    """'the mayor' -> 'mayor': an office one person holds, named without qualification."""
    words = lowered.split()
    if len(words) == 2 and words[0] == "the" and words[1] in SINGLE_OFFICES:
        return words[1]
    return ""
