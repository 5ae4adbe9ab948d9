"""A self-contained statement for each attribution: one sentence a reader understands alone.

A triage queue, a fact-check page or a feed shows a claim without its article, so the
statement
1. names the speaker as the article introduced them ("Press secretary Dmitry Peskov"),
   never by a pronoun, a relative "who" or a bare surname;
2. keeps the cue's verb, so a denial stays a denial ("denied", "dismissed ... as");
3. replaces an object that points back ("it", "the reports") by what it stands for;
4. quotes direct speech as a quotation and keeps indirect speech reported;
5. drops what only the article explains ("also", a reporter's aside after the claim).
Whether the content asserts anything at all is decided in assertions.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from claims.pipeline.assertions import not_a_claim
from claims.pipeline.referents import Said, resolve_object, resolve_pair
from claims.pipeline.wording import (
    PRONOUNS,
    capitalise,
    cue_lemma,
    end_sentence,
    first_word,
    lower_determiner,
    past_tense,
    quote_marks,
    squeeze,
    without_context_adverbs,
)

if TYPE_CHECKING:
    from claims.pipeline.detect import Attribution

UNNAMED = "An unnamed source"
_MAX_PHRASE_WORDS = 14
_MAX_MIDDLE = 90  # characters between cue and content kept ("told reporters on Monday that")
# A reporter's own words after the claim: ", even as bread prices rose", ", a figure ...".
_ASIDE_RE = re.compile(
    r",\s+(?:even\s+(?:as|though|while|after)|amid|despite|a\s+day\s+after|"
    r"(?:a|an)\s+(?:figure|claim|number|assertion|estimate|statement|charge)\s)"
)
_RELAYED_RE = re.compile(r"^(?:quoted|cited|quotes|cites|quoting|citing)\b", re.IGNORECASE)
_RELAYED_TAIL_RE = re.compile(r"\bas\s+(?P<verb>[a-z]+ing)(?P<that>\s+that)?\s*$")
_RECIPIENT_RE = re.compile(r"^\s*((?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)\s*(?=[,.;:]|$)")
# "Moscow – The Russian Defense Ministry denied ...": a dateline opening the content.
_DATELINE_RE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+[–—]\s+(?=[A-Z])")
# "Kremlin officials, including press secretary Dmitry Peskov": whose press secretary.
_BODY_BEFORE_RE = re.compile(
    r"\b(?P<body>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s+(?:officials|staff|spokespeople),?\s+"
    r"(?:including|such\s+as|among\s+them)\s+$"
)
_TRAILING_RELATIVE_RE = re.compile(r"\s+(?:who|which|that)$")
_ACRONYM_ONLY_RE = re.compile(r"[A-Z]{2,8}")
_ACRONYM_TEMPLATE = (
    r"(?P<full>(?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:of|for|and|&|the|on|[A-Z][\w’'&-]*)){{1,8}})"
    r"\s*\(\s*{acronym}\s*\)"
)
# Words that are never names: a reported clause opening with one is lowered after "said".
_FUNCTION_WORDS = frozenset(
    """the a an this that these those there it its he she they we our their his her some
    many most all no every each any both few several more less nobody everyone""".split()
)
_WINDOW = 20_000  # characters around a statement searched for how its speaker was named
_FOLLOWING_WINDOW = 300  # characters: a question and the answer that follows it
_EARLIER_KEPT = 12


def with_statements(text: str, attributions: Iterable[Attribution]) -> Iterator[Attribution]:
    """The attributions again, each carrying its statement and whether it is a claim.

    Streaming with one attribution of lookahead: a question ("Asked about X, ...") is
    worded with the speaker of the answer that follows it.
    """
    writer = StatementWriter(text)
    previous: Attribution | None = None
    for attribution in attributions:
        if previous is not None:
            yield writer.complete(previous, following=attribution)
        previous = attribution
    if previous is not None:
        yield writer.complete(previous, following=None)


class StatementWriter:
    """Writes the statements of one article in order; remembers who was introduced how."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.described: dict[str, str] = {}  # speaker -> how the article introduced them
        self.earlier: list[Said] = []
        # Searches stay near the statement, so a long text costs linear time, not quadratic.
        self.window = (0, len(text))

    def complete(self, attribution: Attribution, following: Attribution | None) -> Attribution:
        self.window = (
            max(0, attribution.sentence_start - _WINDOW),
            min(len(self.text), attribution.sentence_end + _WINDOW),
        )
        reason = not_a_claim(self.text, attribution)
        statement = self.write(attribution, following)
        self.earlier = [*self.earlier[-_EARLIER_KEPT:], self._said(attribution)]
        return replace(attribution, statement=statement, not_a_claim=reason)

    def write(self, a: Attribution, following: Attribution | None = None) -> str:
        lemma = cue_lemma(a.cue)
        if not a.speaker and not a.source and lemma == "ask":
            return self._question(a, following)
        subject = self.subject(a)
        content = self._content(a)
        if lemma == "according":
            return end_sentence(f"According to {lower_determiner(subject)}, {content}")
        if a.direct:
            return self._quoted(a, subject, content, lemma)
        if _RELAYED_RE.match(a.cue) and not _names(a.source, a.speaker):
            return self._relayed(a, content)
        return end_sentence(f"{subject} {self._predicate(a, lemma, content)}")

    # The speaker

    def subject(self, a: Attribution) -> str:
        return capitalise(self.phrase(a.speaker, a.source, a.speaker_title))

    def phrase(self, speaker: str, source: str, title: str) -> str:
        """How the article introduced the speaker, as a noun phrase."""
        name = squeeze(speaker)
        source = _TRAILING_RELATIVE_RE.sub("", squeeze(source))
        if first_word(name) in PRONOUNS and len(name.split()) == 1:
            name = ""
        if not name:
            usable = source and not (first_word(source) in PRONOUNS and len(source.split()) == 1)
            return source if usable else UNNAMED
        if name in self.described:
            candidate = self.described[name]
        elif _describes(source, name):
            candidate = _appositive_first(source, name)
        else:
            candidate = _titled(self.text, self.window, name, title) or self._expanded(name)
        if candidate != name:
            self.described.setdefault(name, candidate)
        return candidate

    def _expanded(self, name: str) -> str:
        """ "KCNA" -> "the Korean Central News Agency (KCNA)" when the article spells it out."""
        bare = name[4:] if name.lower().startswith("the ") else name
        if not _ACRONYM_ONLY_RE.fullmatch(bare):
            return name
        name = bare
        pattern = re.compile(_ACRONYM_TEMPLATE.format(acronym=re.escape(name)))
        match = pattern.search(self.text, *self.window)
        if match is None:
            return name
        full = match.group("full")
        initials = "".join(w[0] for w in full.split() if w[:1].isupper())
        if not initials.startswith(name[0]):
            return name
        return f"{full} ({name})"

    # What was said

    def _content(self, a: Attribution) -> str:
        content = _DATELINE_RE.sub("", squeeze(self._without_tag(a))).rstrip(" ,;:—–-")
        aside = _ASIDE_RE.search(content)
        if aside and _balanced(content[: aside.start()]):
            content = content[: aside.start()]
        if a.direct:
            return content
        content = resolve_pair(self.text, a.sentence_start, content)
        return resolve_object(
            self.text,
            sentence_start=a.sentence_start,
            cue_start=a.cue_start,
            content=content,
            speaker=a.speaker,
            earlier=self.earlier,
        )

    def _without_tag(self, a: Attribution) -> str:
        """ "The operation began in 2020, authorities said, and meetings were set up":
        the tag inside the content is the statement's subject and verb, not its content."""
        spliced = a.content != self.text[a.content_start : a.content_end]  # a quotation's parts
        if spliced or not a.content_start < a.cue_start < a.content_end:
            return a.content
        tag_start = min(a.cue_start, a.source_start if a.source else a.cue_start)
        before = self.text[a.content_start : tag_start].rstrip(" ,")
        after = self.text[a.cue_end : a.content_end].lstrip(" ,")
        return f"{before}, {after}" if after else before

    def _predicate(self, a: Attribution, lemma: str, content: str) -> str:
        verb = self._verb(a, lemma)
        if a.cue_end <= a.content_start:  # "X said that Y": the words between are kept
            middle = squeeze(self.text[a.cue_end : a.content_start])
            if len(middle) > _MAX_MIDDLE:
                middle = "that" if middle.endswith(" that") else ""
            return " ".join(part for part in (verb, middle, content) if part)
        # "Y, X said": the reported clause follows the verb, lowered unless a name opens it
        return f"{verb} {self._lowered(content)}"

    def _verb(self, a: Attribution, lemma: str) -> str:
        verb = without_context_adverbs(squeeze(self.text[a.cue_start : a.cue_end])) or "said"
        if lemma and " " not in verb and verb.endswith("ing"):
            return past_tense(lemma)  # "..., saying X" -> "said X"
        return verb[:1].lower() + verb[1:]  # a cue opening its sentence ("Asked") is a verb

    def _quoted(self, a: Attribution, subject: str, content: str, lemma: str) -> str:
        verb = without_context_adverbs(squeeze(self.text[a.cue_start : a.cue_end]))
        if not verb or lemma in {"", "tell", "according", "quote"} or verb.endswith("ing"):
            verb = "said" if not verb.endswith(("says", "tells")) else "says"
        opening, closing = quote_marks(self.text, a.content_start)
        words = end_sentence(content.strip("\"“”' "))
        return f"{subject} {verb[:1].lower() + verb[1:]}: {opening}{words}{closing}"

    def _relayed(self, a: Attribution, content: str) -> str:
        """ "State media quoted Gerasimov as praising X": both the relay and the speaker."""
        relay = capitalise(self.phrase(a.source, a.source, ""))
        speaker = lower_determiner(self.phrase(a.speaker, "", a.speaker_title))
        middle = squeeze(self.text[a.cue_end : a.content_start])
        tail = _RELAYED_TAIL_RE.search(middle)
        how = f"as {tail.group('verb')}{tail.group('that') or ''}" if tail else "as saying"
        verb = squeeze(self.text[a.cue_start : a.cue_end])
        return end_sentence(f"{relay} {verb} {speaker} {how} {content}")

    def _question(self, a: Attribution, following: Attribution | None) -> str:
        asked = UNNAMED
        answer = following
        named = answer is not None and bool(answer.speaker or answer.source)
        if answer and named and answer.sentence_start - a.sentence_end <= _FOLLOWING_WINDOW:
            asked = self.phrase(answer.speaker, answer.source, answer.speaker_title)
        content = squeeze(a.content).rstrip(" ,;:")
        return end_sentence(f"{capitalise(asked)} was asked {content}")

    def _lowered(self, content: str) -> str:
        word = re.match(r"[A-Za-z’']+", content)
        if word is None or word.group(0) == "I" or not word.group(0)[:1].isupper():
            return content
        lowered = word.group(0).lower()
        if lowered in _FUNCTION_WORDS:
            return lowered + content[len(lowered) :]
        lower_case = re.compile(rf"(?<![.!?]\s)\b{re.escape(lowered)}\b")
        if lower_case.search(self.text, *self.window) is None:
            return content  # only ever written capitalised: a name
        return lowered + content[len(lowered) :]

    def _said(self, a: Attribution) -> Said:
        name = squeeze(a.speaker) if first_word(a.speaker) not in PRONOUNS else ""
        return Said(a.sentence_start, a.sentence_end, name, squeeze(a.content), a.direct)


def _names(phrase: str, name: str) -> bool:
    return bool(name) and name.lower() in phrase.lower()


def _describes(source: str, name: str) -> bool:
    """The source names the speaker in full and says more about them ("Mayor Mara Oduya")."""
    if not _names(source, name) or len(source.split()) > _MAX_PHRASE_WORDS:
        return False
    after = source.lower().split(name.lower(), 1)[1]
    return len(source) > len(name) and not after.startswith(("’s", "'s"))


def _appositive_first(source: str, name: str) -> str:
    """ "The city's chief engineer, Tomas Vell" -> "The city's chief engineer Tomas Vell";
    "Jonah Pell, the finance director" -> "the finance director Jonah Pell"."""
    if source.count(",") != 1:
        return source
    before, after = (part.strip() for part in source.split(","))
    if name in after and name not in before:
        return f"{before} {after}"
    if name in before and after and name not in after:
        return f"{after} {before}"
    return source


def _titled(text: str, window: tuple[int, int], name: str, title: str) -> str:
    """ "press secretary Dmitry Peskov", with the article's own casing of the title."""
    if not title or title.lower() in name.lower():
        return ""
    titled = re.compile(rf"\b{re.escape(title)}\s+{re.escape(name)}\b", re.IGNORECASE)
    written = titled.search(text, *window)
    if written is not None:
        body = _BODY_BEFORE_RE.search(text, max(0, written.start() - 80), written.start())
        return f"{body.group('body')} {written.group(0)}" if body else written.group(0)
    cased = re.compile(rf"\b{re.escape(title)}\b", re.IGNORECASE).search(text, *window)
    return f"{cased.group(0) if cased else title} {name}"


def _balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")
