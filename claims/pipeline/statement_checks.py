"""An automatic reading of a statement: does it stand alone, and did the stance survive?

Two checks, on the statement's own words (quotations are the speaker's and are left out):
1. nothing points outside it — it does not open with a pronoun, the object of its stance
   verb is not a bare "it"/"this", and a reported clause does not open with "it", "this"
   or "they" that cannot be the speaker, nor with "he"/"she" of the other gender;
2. a denial, dismissal or rejection keeps its verb.
Used by `make eval` and the tests; a heuristic, so its misses are read by people too.
"""

from __future__ import annotations

import re

from claims.pipeline.gender import PRONOUN_GENDER, gender_of
from claims.pipeline.lexicon import SPEECH_FORMS
from claims.pipeline.wording import PRONOUNS, cue_lemma, first_word, unquoted

# Stances a statement must never lose: the verb is the finding's opposite otherwise.
KEPT_LEMMAS = frozenset("deny dismiss reject dispute rebut rubbish scoff brush wave".split())
_POINTING = r"(?:it|this|that|them|these|those)"
_EXPLETIVE_RE = re.compile(
    r"^it(?:\s+(?:is|was|would|will|has|had|could|may|might)(?:\s+(?:not|be|been|also))*"
    r"|[’']s)\s+(?:\w+\s+)?(?:to|that|clear|unclear|likely|unlikely|possible|impossible|"
    r"important|necessary|time|too|difficult|hard|easy|true|false|wrong|right|up|"
    r"expected|believed|thought|understood|estimated|reported|hoped|feared)\b",
    re.IGNORECASE,
)
# "told him they were lost": whom the speaker told is not the reported clause.
_RECIPIENTS = "him|her|them|me|us|you|reporters|journalists"
_PLURAL_SPEAKER_RE = re.compile(r"s\b|\b(?:police|people|staff|media|government)\b", re.I)


def statement_problems(statement: str, *, cue: str, speaker: str, person: bool) -> list[str]:
    """What keeps a reader from understanding the statement alone; [] when nothing does."""
    problems: list[str] = []
    own = unquoted(statement)
    if first_word(statement) in PRONOUNS:
        problems.append(f"begins with the pronoun {first_word(statement)!r}")
    lemma = cue_lemma(cue)
    forms = [form for form, of in SPEECH_FORMS.items() if of == lemma]
    if lemma in KEPT_LEMMAS and not any(re.search(rf"\b{f}\b", own, re.I) for f in forms):
        problems.append(f"the stance verb of {cue!r} is lost")
    stance_forms = [form for form, of in SPEECH_FORMS.items() if of in KEPT_LEMMAS]
    object_re = rf"\b(?:{'|'.join(stance_forms)})\s+{_POINTING}(?=\s+as\b|\s*[,.;]|\s*$)"
    if re.search(object_re, own, re.IGNORECASE):
        problems.append("the object of the stance verb points outside the statement")
    opening = _reported_opening(own, lemma)
    if opening and _points_outside(opening, speaker, person):
        problems.append(f"the reported clause opens with {first_word(opening)!r}")
    return problems


def _reported_opening(own: str, lemma: str) -> str:
    """The reported clause after the cue verb: "said it would ..." -> "it would ..."."""
    forms = [form for form, of in SPEECH_FORMS.items() if of == lemma] or ["said"]
    match = re.search(
        rf"\b(?:{'|'.join(forms)})\s+(?:(?:{_RECIPIENTS})\s+)?(?:that\s+)?(?P<rest>.+)$", own, re.I
    )
    return match.group("rest") if match else ""


def _points_outside(clause: str, speaker: str, person: bool) -> bool:
    word = first_word(clause)
    if word in {"this", "these", "those"}:
        return True
    if word == "it":
        return person and not _EXPLETIVE_RE.match(clause)
    if word in {"they", "their"}:
        return person and not _PLURAL_SPEAKER_RE.search(speaker)
    if word in PRONOUN_GENDER:
        speaker_gender = gender_of(speaker)
        return not person or (bool(speaker_gender) and speaker_gender != PRONOUN_GENDER[word])
    return False
