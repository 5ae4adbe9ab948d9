"""Small pieces of English the statement writer needs: cue lemmas, past tenses, sentence
ends, quotation marks."""

from __future__ import annotations

import re

from claims.pipeline.lexicon import COGNITION_FORMS, IRREGULAR, SPEECH_FORMS

# Words a reader cannot place without the article: "North Korea *also* confirmed".
CONTEXT_ADVERBS = frozenset("also too likewise similarly again then later".split())
# Pronouns a statement may never open with, and that never name a speaker.
PRONOUNS = frozenset(
    """he she it they we i you him her them me this that these those who which whom
    his its their our my your""".split()
)
_SPACE_RE = re.compile(r"\s+")
# Compiled once: these run for every attribution the statement writer words.
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_WORD_RE = re.compile(r"[A-Za-z’']+")
_TERMINAL = (".", "!", "?", "…")
_CLOSING = "\"”’'"
QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"")


def squeeze(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def cue_lemma(cue: str) -> str:
    """The reporting verb of a cue: "had consistently denied" -> "deny", "According to" ->
    "according"."""
    for word in _LOWER_WORD_RE.findall(cue.lower()):
        if word == "according":
            return word
        lemma = SPEECH_FORMS.get(word) or COGNITION_FORMS.get(word)
        if lemma:
            return lemma
    return ""


def past_tense(lemma: str) -> str:
    if lemma in IRREGULAR:
        return IRREGULAR[lemma][1]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        return lemma[:-1] + "ied"
    if lemma in {"admit", "rebut", "regret", "commit"}:
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def without_context_adverbs(verb_group: str) -> str:
    """ "also confirmed" -> "confirmed": the statement stands without what came before."""
    return " ".join(w for w in verb_group.split() if w.lower() not in CONTEXT_ADVERBS)


def capitalise(text: str) -> str:
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def lower_determiner(phrase: str) -> str:
    """ "The state news agency VNA" inside a sentence: "the state news agency VNA"."""
    first, _, rest = phrase.partition(" ")
    if first in {"The", "A", "An"} and rest:
        return f"{first.lower()} {rest}"
    return phrase


def end_sentence(text: str) -> str:
    """One full stop at the end, none after a question mark or a quotation closed by one."""
    text = text.rstrip(" ,;:—–-")
    bare = text.rstrip(_CLOSING)
    if bare.endswith(_TERMINAL):
        return text
    return text + "."


def unquoted(text: str) -> str:
    """The statement's own words: quotations removed, so the speaker's words don't count."""
    return QUOTED_RE.sub(" ", text)


def quote_marks(text: str, start: int) -> tuple[str, str]:
    """The article's own quotation marks for a quotation starting at `start`; curly by default."""
    before = text[max(0, start - 3) : start]
    if '"' in before and "“" not in before:
        return '"', '"'
    return "“", "”"


def first_word(text: str) -> str:
    """The first word, lowered; an acronym ("US President ...") is no pronoun and is kept."""
    match = _WORD_RE.search(text)
    if match is None:
        return ""
    word = match.group(0)
    return word if len(word) > 1 and word.isupper() else word.lower()


def possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"
