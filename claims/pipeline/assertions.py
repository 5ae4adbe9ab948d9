"""Does an attributed content assert anything a fact-checker could check?

Requests ("asked for a full breakdown of the repairs"), questions, refusals to comment and
phrases without a verb ("in a notification on March 25") are statements of the article,
but not claims: they are kept and shown, not flagged. The answer is a reason a person can
read, or "" when the content asserts something. Deliberately conservative: a content is
called a claim unless one of these shapes is plain.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.pipeline.lexicon import AUX, IRREGULAR_PAST, SPEECH_FORMS
from claims.pipeline.wording import cue_lemma, squeeze

if TYPE_CHECKING:
    from claims.pipeline.detect import Attribution

REQUEST_LEMMAS = frozenset(
    "urge demand order ask propose recommend appeal request plead implore invite".split()
)
# Stance and framing verbs take a noun phrase as what they deny, confirm or call something.
_NOUN_OBJECT_LEMMAS = frozenset(
    """deny dismiss reject dispute rebut counter confirm acknowledge admit concede describe
    call rubbish scoff brush wave praise blame accuse criticize criticise condemn denounce
    decry slam blast announce promise pledge vow warn predict forecast estimate project
    cite report disclose reveal""".split()
)
# Verbs whose content is a clause: after them, a bare noun phrase is not what was said.
_CLAUSE_LEMMAS = frozenset(
    """say tell add state explain note write mention remark comment recall recount observe
    argue insist maintain assert contend""".split()
)
_SUBORDINATORS = frozenset("when if because while although though unless until since".split())
_QUESTION_WORDS = frozenset("if whether why what how who whom when where which about".split())
_PREPOSITIONS = frozenset(
    "in on at for about of during with without by from after before since into over".split()
)
_DETERMINERS = frozenset("a an the his her its their our some at least another this".split())
_REFUSAL_RE = re.compile(
    r"^(?:[\w’' ,-]{0,60}?\b)?(?:would\s+not|will\s+not|won[’']t|wouldn[’']t|did\s+not|"
    r"didn[’']t|declined\s+to|refused\s+to|could\s+not|couldn[’']t|cannot|can[’']t|"
    r"was\s+not\s+able\s+to|is\s+not\s+able\s+to)\s+(?:immediately\s+|publicly\s+)?"
    r"(?:comment|elaborate|discuss|confirm\s+or\s+deny|say\s+more|give\s+details|"
    r"provide\s+(?:further\s+|more\s+)?details)\b",
    re.IGNORECASE,
)
_SUBJECT_PRONOUNS = frozenset("i we you he she they".split())
_COPULAS = frozenset("is are was were be been am".split())
_WORD_RE = re.compile(r"[A-Za-z’']+")
_FRAGMENT_WORDS = 4  # a quotation this short without a verb is an exclamation


def not_a_claim(text: str, attribution: Attribution) -> str:
    """Why the content asserts nothing, or "" when it asserts something."""
    content = squeeze(attribution.content).strip("\"“”' ,;:")
    lemma = cue_lemma(attribution.cue)
    words = _WORD_RE.findall(content)
    if not words:
        return "nothing of what was said is reported"
    first = words[0].lower()
    if content.endswith("?"):
        return "a question, not an assertion"
    if lemma in {"ask", "question"} and first in _QUESTION_WORDS:
        return "a question, not an assertion"
    between = text[attribution.cue_end : attribution.content_start].strip().lower()
    calls_for = lemma == "call" and (first in {"for", "on"} or between in {"for", "on"})
    if lemma in REQUEST_LEMMAS or calls_for:
        return "a request or an appeal, not an assertion"
    if _REFUSAL_RE.match(content):
        return "a refusal to comment, not an assertion"
    if attribution.direct:
        if len(words) <= _FRAGMENT_WORDS and not _has_verb(words):
            return "an exclamation or a fragment, not an assertion"
        return ""
    if first in _SUBORDINATORS and len(words) <= _FRAGMENT_WORDS * 2 and "," not in content:
        return "a subordinate clause alone: it asserts nothing"
    if _has_verb(words):
        return ""
    if first in _PREPOSITIONS or (lemma in _CLAUSE_LEMMAS and _noun_phrase(words)):
        return "a phrase without a verb: it asserts nothing"
    return ""


def _has_verb(words: list[str]) -> bool:
    """A finite verb, read off its form: an auxiliary, a past tense, a contraction."""
    lowered_words = [word.lower() for word in words]
    if any(word in _SUBJECT_PRONOUNS for word in lowered_words[:-1]):
        return True  # "I keep hearing that": a subject and a word after it make a clause
    for index, word in enumerate(words):
        lowered = word.lower()
        if lowered in AUX or lowered in _COPULAS or lowered in IRREGULAR_PAST:
            return True
        if lowered in SPEECH_FORMS and not lowered.endswith("ing"):
            return True
        if lowered.endswith(("n’t", "n't", "’s", "'s", "’re", "'re", "’ve", "'ve", "’ll", "'ll")):
            return True
        previous = words[index - 1].lower() if index else ""
        if lowered.endswith("ed") and previous not in _DETERMINERS and index:
            return True
    return False


def _noun_phrase(words: list[str]) -> bool:
    """ "the Harbour Street bridge repairs": a determiner, and no word that reads as a verb
    in the present ("the plan works") past the first two."""
    if words[0].lower() not in _DETERMINERS:
        return False
    tail = [w for w in words[2:] if w[:1].islower()]
    return not any(w.endswith("s") and not w.endswith("ss") for w in tail)
