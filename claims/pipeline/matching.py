"""Topic matching between two statements, and whether their stances oppose each other.

Pure Python and offline: content words (Snowball-stemmed, so "participated" and
"participation" meet, framing words such as "reports" or "disinformation" left out so
they do not pass for a topic), named entities found by capitalisation, states however
they are named ("North Korean", "Pyongyang" and "North Korea" are one entity), and
numbers with their units. `compare` turns two `Features` into a 0..1 score with
reasons a fact-checker can read.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from rapidfuzz import fuzz

from claims.pipeline.countries import Mention, mentions

_TOKEN_RE = re.compile(r"[A-Za-z][\w’'-]*|\d[\d,.]*")
_NUMBER_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(%|per ?cent|[a-z]+)?", re.IGNORECASE)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself nor of off on once only or
    other our ours out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours since
    there's it's that's mr mrs ms dr would've still even already yet may might must shall
    one two three four five six seven eight nine ten per""".split()
)

# Words that frame a statement rather than say what it is about.
FRAMING = frozenset(
    """say says said saying tell tells told telling state stated statement statements
    report reports reported reporting reporter reporters claim claims claimed allegation
    allegations alleged rumour rumours rumor rumors disinformation misinformation propaganda
    fake false untrue baseless nonsense lie lies speculation accusation accusations insist
    insisted according news media press briefing comment comments describe described
    dismiss dismissed deny denied denies confirm confirmed confirms acknowledge acknowledged
    announce announced add added""".split()
)

NEGATIONS = frozenset("no not never none nobody nothing neither nor cannot without n't".split())
# "No doubt" and "not only" affirm; they are not denials.
_NOT_NEGATING = re.compile(r"\b(?:no doubt|not only|no longer than|nothing but)\b", re.I)
DISMISSALS = frozenset(
    """disinformation misinformation propaganda fake false untrue baseless nonsense lie lies
    fabrication fabricated fabrications rumour rumours rumor rumors provocation""".split()
)

MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)

# A few general synonyms news uses interchangeably; Snowball stems map to one key.
# "involvement" and "participation" are one WordNet synset (participation.n.01).
SYNONYMS = {
    "soldier": "troop",
    "forc": "troop",
    "dispatch": "deploy",
    "percent": "%",
    "involv": "particip",
}
# The English Snowball stemmer (PyStemmer, in C), as PostgreSQL's 'english' text search
# configuration uses it: the words the database searches by and those compared here agree.
# A stemmer object is not thread-safe: one per thread.
_STEMMERS = threading.local()

STANCES = ("asserts", "confirms", "denies", "dismisses", "predicts", "questions")
_AFFIRMING = frozenset({"asserts", "confirms", "predicts"})
_REJECTING = frozenset({"denies", "dismisses"})
# Pairs of stances that cannot both hold for one speaker on one topic.
OPPOSED = frozenset(
    {frozenset({a, r}) for a in _AFFIRMING for r in _REJECTING}
    | {frozenset({"questions", "confirms"})}
)

STATES_ONLY_CAP = 0.5
MIN_CONTENT_WORDS = 6  # below this a statement is too short to link without a person


@dataclass(frozen=True)
class Features:
    words: frozenset[str]
    entities: frozenset[str]
    # The entities that are states (a subset of `entities`).
    states: frozenset[str]
    numbers: frozenset[str]
    # The first word, when capitalised: a name or just the start of a quotation.
    lead: str
    normalised: str
    # Surface words worth searching for, most distinctive first (for full-text queries).
    key_terms: tuple[str, ...]

    @property
    def short(self) -> bool:
        return len(self.words) < MIN_CONTENT_WORDS


@dataclass(frozen=True)
class Similarity:
    score: float
    words: float
    entities: float
    text: float
    reasons: tuple[str, ...]


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem ("participated", "participation" → "particip"), synonyms folded.

    A demonym of a state the country table does not list loses its suffix ("Veltrian"
    → "veltria") so it meets the country's name. Cached: news vocabulary repeats, and
    the matcher stems every word of up to sixty candidates for each new claim.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith(("ian", "ean")) and len(word) > 5:
        return word[:-1]
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = Stemmer.Stemmer("english")
    stemmed = stemmer.stemWord(word)
    return SYNONYMS.get(stemmed, stemmed)


def features(text: str) -> Features:
    words: set[str] = set()
    entities: set[str] = set()
    states: set[str] = set()
    surface: list[tuple[int, str]] = []
    # However a state is named (country, demonym, capital, seat, state media) it is one
    # entity: "North Korean involvement" and "Pyongyang was providing troops" share it.
    found = mentions(text)
    for mention in found:
        state = mention.country.name.lower()
        words.add(state)
        entities.add(state)
        states.add(state)
        # Searched word by word, as the database's text search indexes them.
        surface.extend((2, word) for word in mention.text.lower().split())
    tokens = _TOKEN_RE.findall(_blank(text, found))
    # A state named first is the first word: the next capital says nothing of a name.
    sentence_start = not (found and not text[: found[0].start].strip())
    lead = ""
    for token in tokens:
        lower = token.lower().replace("’", "'")
        if token[0].isdigit() or lower in STOPWORDS or lower in FRAMING or lower in NEGATIONS:
            sentence_start = False
            continue
        stemmed = stem(lower)
        words.add(stemmed)
        # A capital at the start of the statement says nothing about being a name.
        is_entity = token[0].isupper() and not sentence_start and lower not in MONTHS_AND_DAYS
        if sentence_start and token[0].isupper():
            lead = stemmed
        if is_entity:
            entities.add(stemmed)
        surface.append((2 if is_entity else 1, lower))
        sentence_start = False
    # Names first, then longer words: both are rarer and so better search terms.
    ranked = sorted(dict.fromkeys(surface), key=lambda item: (-item[0], -len(item[1])))
    key_terms = tuple(dict.fromkeys(word for _, word in ranked))
    return Features(
        words=frozenset(words),
        entities=frozenset(entities),
        states=frozenset(states),
        numbers=frozenset(numbers(text)),
        lead=lead,
        normalised=normalise(text),
        key_terms=key_terms,
    )


def _blank(text: str, found: list[Mention]) -> str:
    """`text` with the mentions of states blanked out (their words are counted once)."""
    if not found:
        return text
    parts, at = [], 0
    for mention in found:
        parts.append(text[at : mention.start])
        parts.append(" " * (mention.end - mention.start))
        at = mention.end
    parts.append(text[at:])
    return "".join(parts)


def numbers(text: str) -> set[str]:
    """Numbers with the word after them ("3,000 troops" → "3000 troop")."""
    found = set()
    for match in _NUMBER_RE.finditer(text):
        value = match.group(1).replace(",", "").rstrip(".")
        unit = (match.group(2) or "").lower()
        if unit in STOPWORDS:
            unit = ""
        unit = "%" if unit in {"%", "per cent", "percent"} else stem(unit) if unit else ""
        found.add(f"{value} {unit}".strip())
    return found


def compare(a: Features, b: Features, *, text_similarity: float | None = None) -> Similarity:
    """How much two statements are about the same thing, 0..1, with the evidence.

    `text_similarity` may come from the database (pg_trgm); otherwise rapidfuzz.
    """
    words = _dice(a.words, b.words)
    if a.short or b.short:
        # A short statement ("reports of North Korean involvement") is about all it says:
        # how much of it the other covers counts as much as the overlap of both.
        words = (words + _containment(a.words, b.words)) / 2
    # A capitalised first word is a name if the other statement capitalises it too.
    a_names = a.entities | ({a.lead} - {""})
    b_names = b.entities | ({b.lead} - {""})
    a_entities = a.entities | ({a.lead} & b_names)
    b_entities = b.entities | ({b.lead} & a_names)
    # Nothing named on either side: words decide alone.
    entities = _dice(a_entities, b_entities) if a_entities or b_entities else words
    shared = a_entities & b_entities
    if shared and shared <= a.states | b.states:
        # Most political news names a country: sharing only countries is half the
        # evidence of sharing a place, a person or an organisation.
        entities = min(entities, STATES_ONLY_CAP)
    text = (
        text_similarity
        if text_similarity is not None
        else fuzz.token_set_ratio(a.normalised, b.normalised) / 100
    )
    score = 0.45 * words + 0.35 * entities + 0.20 * text
    reasons = []
    shared_words = sorted(a.words & b.words)
    if shared_words:
        reasons.append("shared words: " + ", ".join(shared_words[:8]))
    shared_entities = sorted(a_entities & b_entities)
    if shared_entities:
        reasons.append("shared names: " + ", ".join(shared_entities))
    if a.numbers and b.numbers:
        if a.numbers & b.numbers:
            score += 0.05
            reasons.append("same numbers: " + ", ".join(sorted(a.numbers & b.numbers)))
        else:
            score *= 0.8
            reasons.append(
                f"numbers differ: {', '.join(sorted(a.numbers))} vs {', '.join(sorted(b.numbers))}"
            )
    score = round(min(score, 1.0), 3)
    return Similarity(score, round(words, 3), round(entities, 3), round(text, 3), tuple(reasons))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _containment(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def statement_stance(stance: str, cue: str, content: str) -> tuple[str, str]:
    """The stance toward the content, after the cue and the content's own negation.

    The detector reads stance off the cue verb; a statement "told" with "there are no
    plans" still denies, and one that calls a report "disinformation" dismisses it.
    """
    lowered = _NOT_NEGATING.sub(" ", normalise(content))
    tokens = set(re.findall(r"[a-z']+", lowered.replace("n't", " n't")))
    cue_lower = cue.lower()
    if stance == "denies" and cue_lower.startswith(("dismiss", "brush", "wave", "scoff")):
        return "dismisses", f"cue: {cue}"
    if stance in _AFFIRMING:
        dismissal = sorted(tokens & DISMISSALS)
        if dismissal:
            return "dismisses", f"cue: {cue}; calls it {dismissal[0]!r}"
        negation = sorted(tokens & NEGATIONS)
        if negation:
            return "denies", f"cue: {cue}; negated content ({negation[0]!r})"
    return stance, f"cue: {cue}"


def opposite_stance(a: str, b: str) -> bool:
    return frozenset({a, b}) in OPPOSED
