"""Find source, cue and content spans in one sentence, by surface structure.

1. Quotations are located first; cue words inside a quotation are the speaker's own words
   and are never cues of the sentence.
2. A cue is a reporting verb form (with its auxiliaries and adverbs), "according to",
   or a participle ("..., saying") that borrows the subject of the main clause (cues.py).
3. The source is the noun phrase before the verb group or, in "…," said X, the one after
   (noun_phrases.py).
4. The content is a quotation next to the tag, the clause after the cue, or the clause
   before a trailing tag ("The plan works, the minister said.") (content.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from claims.pipeline.complements import DOCUMENT_NOUNS
from claims.pipeline.content import Content
from claims.pipeline.cues import Cues
from claims.pipeline.framed import CLAIM_NOUNS
from claims.pipeline.lexicon import (
    BE_FORMS,
    COGNITION_FORMS,
    ISSUED_STATEMENTS,
    ISSUING,
    NOT_HELD,
    SPEECH_FORMS,
    STANCE_ADJECTIVES,
)
from claims.pipeline.noun_phrases import NounPhrases
from claims.pipeline.spans import RawAttribution, Span
from claims.pipeline.tagless import tagless
from claims.pipeline.tokens import quote_spans, tokenize

__all__ = ["RawAttribution", "Span", "find_attributions"]

# Every word that can start an attribution. Most sentences hold none, and a set lookup lets
# them skip tokenising; in the others, the words outside it are passed over at once.
_CUE_WORDS = frozenset(
    {
        "according",
        "per",
        "posted",
        "clear",
        "state",
        "states",
        *SPEECH_FORMS,
        *COGNITION_FORMS,
        *CLAIM_NOUNS,
        *STANCE_ADJECTIVES,
        *ISSUED_STATEMENTS,
    }
)
# Documents that "state that" (the verb reading of a word that is mostly a noun), and the
# pronouns that stand for one: "the regulations state that", "It states that courts ...".
STATING_DOCUMENTS = DOCUMENT_NOUNS | frozenset(
    """ruling law bill order decision judgment document regulations rules guidelines act
    constitution policy website agreement treaty doctrine it which""".split()
)
# "per cent", "per day": a rate, not a source.
_NOT_PER_SOURCE = frozenset(
    """cent capita day week month year hour minute second head person annum mile kilometre
    kilometer unit share barrel ton tonne litre liter gallon pound kilo kilogram usual norm
    custom tradition""".split()
)
_WORD_RE = re.compile(r"[a-z]+")
# "PORT CALDER —", "VELMORA, Norland (Agency) –": an all-caps place opening a story.
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
    r"(?:\s*\([^()]{1,40}\))?\s*(?:—|–|--|-)\s*"
)


def find_attributions(text: str, start: int, end: int) -> list[RawAttribution]:
    """Attributions in the sentence text[start:end]; spans are offsets into `text`."""
    if _CUE_WORDS.isdisjoint(_WORD_RE.findall(text[start:end].lower())):
        return tagless(text, start, end)
    dateline = _DATELINE_RE.match(text, start, end)
    if dateline:
        start = dateline.end()  # "VELMORA — The government will ...": the place is no content
    # Two apostrophes stand for a quotation mark in some newswire text; same length kept.
    sentence = text[start:end].replace("''", '" ')
    quotes = quote_spans(sentence, start)
    tokens = tokenize(sentence, start, quotes)
    finder = _Finder(text, tokens, quotes)
    return finder.run() or tagless(text, start, end)


class _Finder(Cues, NounPhrases, Content):
    """One sentence's attributions: cue first, then its source and content."""

    def _per_source(self, index: int) -> bool:
        """', per the agency', 'per Lorne's office': not 'per cent' or 'per day'."""
        following = self._word(index + 1)
        head = self._word(index + 2) if following in {"the", "a", "an"} else following
        if self._word(index - 1) not in {",", "—", "–", "("} or head in _NOT_PER_SOURCE:
            return False
        return following in {"the", "a", "an"} or self.tokens[index + 1].is_cap

    def _states_that(self, index: int) -> bool:
        """'the regulations state that', 'it states that': a document, or a pronoun for one,
        states; 'Southern states that' do not."""
        return self._word(index + 1) == "that" and self._word(index - 1) in STATING_DOCUMENTS

    def _held_stance(self, index: int) -> bool:
        """'was genuinely concerned it might', 'is confident that': a predicate adjective of
        stance after a form of 'be'; its clause is checked like a belief's."""
        probe = index - 1
        while probe >= 0 and self._word(probe).endswith("ly") and not self.tokens[probe].is_cap:
            probe -= 1
        if self._word(probe) not in BE_FORMS:
            return False
        # "should be optimistic", "Asked whether he was concerned": no stance reported.
        before = {self._word(probe - k) for k in (1, 2, 3)}
        return not before & (NOT_HELD | {"whether", "if", "asked"})

    def _issued_statement(self, index: int) -> RawAttribution | None:
        """'Governor X made the announcement in a press statement', 'the ministry issued a
        statement': a lead-in whose content is elsewhere in the article."""
        probe = index - 1
        while probe > 0 and (self.tokens[probe].is_word and self._word(probe) not in ISSUING):
            if index - probe > 4 or self.tokens[probe].is_cap:
                return None
            probe -= 1
        if self._word(probe) not in ISSUING or self._word(index + 1) in {"that", "of", "saying"}:
            return None  # "a statement that ...", "saying ...": other cues read those
        if {self._word(probe - k) for k in (1, 2)} & (NOT_HELD | {"cannot", "before", "after"}):
            return None  # "cannot make a statement", "before the governor made the announcement"
        source, antecedent, appositive, _ = self._subject(probe)
        if source is None:
            return None
        cue = Span(self.tokens[probe].start, self.tokens[index].end)
        content = Span(cue.end, cue.end)
        cue_text = self._span_text(cue)
        return RawAttribution(
            source, cue, cue_text, "announce", content, "", False, antecedent, appositive
        )

    def _makes_clear(self, index: int) -> bool:
        """'makes clear that', 'made it clear that': the verb 'make' before 'clear'."""
        if self._word(index + 1) != "that":
            return False
        before = self._word(index - 1)
        if before == "it":
            before = self._word(index - 2)
        return before in {"make", "makes", "made", "making"}

    def run(self) -> list[RawAttribution]:
        found: list[RawAttribution] = []
        claimed_until = -1
        for index, token in enumerate(self.tokens):
            if token.quoted or index <= claimed_until or token.lower not in _CUE_WORDS:
                continue
            attribution = None
            if token.lower == "according" and self._word(index + 1) == "to":
                attribution = self._according_to(index)
            if token.lower == "per" and self._per_source(index):
                attribution = self._according_to(index, width=1)  # "..., per the agency"
            if token.lower in {"state", "states"} and self._states_that(index):
                attribution = self._verb_cue(index, "state")  # "the regulations state that"
            if token.lower == "clear" and self._makes_clear(index):
                attribution = self._verb_cue(index, "clarify")  # "the law makes clear that"
            if token.lower == "posted" and self._posts_statement(index):
                attribution = self._verb_cue(index, "post")  # "posted on Facebook that ..."
            if token.lower in CLAIM_NOUNS:
                attribution = self._nominal_claim(index)
            if attribution is None and (
                token.lower in SPEECH_FORMS or token.lower in COGNITION_FORMS
            ):
                attribution = self._verb_cue(index)
            if (
                attribution is None
                and token.lower in STANCE_ADJECTIVES
                and self._held_stance(index)
            ):
                attribution = self._verb_cue(index, "believe")  # "was concerned it might"
            if attribution is None and token.lower in ISSUED_STATEMENTS:
                attribution = self._issued_statement(index)  # "made the announcement"
            if attribution is not None:
                found.append(attribution)
                # "According to White House pool reports": the source is not a cue.
                source_end = attribution.source.end if attribution.source else 0
                claimed_until = self._index_at(max(attribution.cue.end, source_end))
        if all(attribution.question for attribution in found):
            return []  # a question with no answer in the sentence states nothing
        return _drop_nested(self.text, _participles_follow_their_tag(found))


def _participles_follow_their_tag(found: list[RawAttribution]) -> list[RawAttribution]:
    """'X is so, said a source, adding that Y': the participle continues the tag before it,
    whose speaker may stand after the verb, not the subject of the sentence's main clause."""
    out: list[RawAttribution] = []
    for attribution in found:
        tag = out[-1] if out else None
        if (
            attribution.participle
            and tag is not None
            and not tag.participle
            and not tag.question
            and tag.source is not None
            and tag.source.start > tag.cue.start  # an inverted tag: "said a source"
        ):
            attribution = replace(attribution, source=tag.source, appositive=tag.appositive)
        out.append(attribution)
    return out


def _drop_nested(text: str, found: list[RawAttribution]) -> list[RawAttribution]:
    """Separate coordinated attributions; drop reported speech within reported speech.

    "A said X, while B said Y" holds two attributions: A's content stops at the comma.
    "A said that B told him Y" holds one: B's words are part of what A said.
    """
    kept = list(found)
    # Membership by identity: comparing dataclasses field by field made a long
    # sentence of many cues cubic.
    alive = {id(attribution) for attribution in found}
    removed: list[RawAttribution] = []
    for inner in found:
        for index, outer in enumerate(kept):
            if (
                outer is inner
                or id(inner) not in alive
                or outer.content is None
                or not _contains(outer.content, inner.cue.start)
                or _contains(inner.content, outer.cue.start)  # "X said Y, Z reported": both
                or inner.participle
                or outer.lemma == "according"
            ):
                continue
            start = inner.cue.start
            if inner.source is not None and inner.source.start >= outer.content.start:
                start = min(start, inner.source.start)
            lead = text[outer.content.start : start].rstrip()
            shares_subject = inner.source is None or inner.source.start < outer.content.start
            pattern = _SHARED_SUBJECT_RE if shares_subject else _COORDINATION_RE
            cut = pattern.search(lead)
            if cut and cut.start() > 0:
                end = outer.content.start + cut.start()
                trimmed = Span(outer.content.start, end)
                kept[index] = replace(
                    outer, content=trimmed, content_text=text[outer.content.start : end]
                )
                alive.discard(id(outer))
                alive.add(id(kept[index]))
            else:
                kept = [attribution for attribution in kept if attribution is not inner]
                alive.discard(id(inner))
                removed.append(replace(inner, nested=True))
            break
    # Reported speech within reported speech is kept aside, marked: the detector shows it
    # only when it names an official and the outer speaker is not one ("He says data from
    # the statistics office show ...").
    return sorted(kept + removed, key=lambda attribution: attribution.cue.start)


_COORDINATION_RE = re.compile(
    r"\s*(?:[,;]\s*(?:while|but|and|whereas|although|though)?|—)(?:\s+(?:only|just|even|some))?$"
    # "..., a day after the mayor promised ...": a later statement, set off by a time lead.
    r"|\s*,\s+(?:(?:a|an|one|two|three|four|several|some|just|only|\d+)\s+)?"
    r"(?:days?|hours?|minutes?|weeks?|months?|years?|moments?|shortly|soon)\s+(?:after|before)$"
)
# "He said A and said B": the second verb shares the subject, so "and" alone separates them.
_SHARED_SUBJECT_RE = re.compile(r",?\s*(?:and|but|then|,)(?:\s+\w+ly)?(?:\s+then)?$")


def _contains(span: Span | None, offset: int) -> bool:
    return span is not None and span.start <= offset < span.end
