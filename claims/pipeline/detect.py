"""Attributed statements in an article: who said what, and is the speaker an official.

1. Split the text into sentences (offsets kept).
2. Skip headlines, bylines and page furniture; find attributions in each sentence.
3. Resolve each source to a real speaker and classify it as official or not.
4. Attach quotation continuations (a quoted sentence with no tag) to the last speaker.
5. Score check-worthiness.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace

from claims.pipeline.attribution import RawAttribution, Span, find_attributions
from claims.pipeline.checkworthiness import score as checkworthiness
from claims.pipeline.known import KnownSpeakers
from claims.pipeline.officials import SpeakerRegistry, classify
from claims.pipeline.sentences import Sentence, in_title_case, iter_sentences
from claims.pipeline.speakers import Resolved, SpeakerTracker
from claims.pipeline.stance import stance_of
from claims.pipeline.statements import with_statements

DETECTOR_VERSION = "2026.12-8"

_TERMINAL_RE = re.compile(r"[.!?:\"”’')…]\s*$")
_BYLINE_RE = re.compile(r"^(?:By|BY|Posted by|Written by)\s+[A-Z]")
_QUOTE_OPEN_RE = re.compile(r"^\s*[\"“]")
_QUOTE_MARK_RE = re.compile('["“”]')
_THE_RE = re.compile(r"^[Tt]he\s+")
# "- ...", "• ...", "1. ...": a list item, as in statements listed under "He said:".
_BULLET_RE = re.compile(r"^\s*(?:[-–—•*▪●·]|\d{1,2}[.)])\s+\S")
_BULLET_MARK_RE = re.compile(r"(?:[-–—•*▪●·]|\d{1,2}[.)])\s+")
_PROSE_WORDS = 10  # a line without a full stop this long is prose, not a headline
_GAP = 3  # sentences: a quoted paragraph this close to the last statement continues it
# "Statement from the Office of the Governor – Ada Lorne": a statement reprinted below.
_STATEMENT_HEADING_RE = re.compile(
    r"^(?:(?:Full|Read the(?: full)?)\s+)?(?:[Ss]tatement|[Tt]ext of the statement)"
    r"\s+(?:from|by|of)\s+(?P<source>.+?)\s*:?\s*$"
)


@dataclass(frozen=True)
class Attribution:
    sentence_start: int
    sentence_end: int
    sentence: str
    source: str
    source_start: int
    source_end: int
    speaker: str
    speaker_title: str
    speaker_body: str
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    direct: bool
    official: bool
    official_reason: str
    score: float
    score_reasons: tuple[str, ...]
    stance: str = "asserts"
    stance_reason: str = ""
    statement: str = ""  # self-contained: speaker, stance and content, read alone
    not_a_claim: str = ""  # why the content asserts nothing; "" when it asserts something
    # Where the title or body that makes the speaker official was read, when not in this
    # sentence: "paragraph 1", or "an earlier article" for a speaker the desk knows.
    title_source: str = ""

    def to_json(self) -> dict:
        data = asdict(self)
        data["score_reasons"] = list(self.score_reasons)
        return data


def detect(
    text: str, registry: SpeakerRegistry | None = None, known: KnownSpeakers | None = None
) -> list[Attribution]:
    return list(iter_detect(text, registry, known))


def iter_detect(
    text: str, registry: SpeakerRegistry | None = None, known: KnownSpeakers | None = None
) -> Iterator[Attribution]:
    """Attributions in order, each with its statement; streaming keeps memory flat.

    `known` looks up speakers seen with a title in earlier articles (known.py)."""
    return with_statements(text, _iter_attributions(text, registry, known))


def _iter_attributions(
    text: str, registry: SpeakerRegistry | None, known: KnownSpeakers | None
) -> Iterator[Attribution]:
    tracker = SpeakerTracker()
    pending: Attribution | None = None  # held back: the next sentence may continue its quote
    # A quoted sentence with no tag continues the last statement while the quotation runs:
    # right after an attribution, or inside a quotation left open by an earlier sentence.
    continuing = False
    inside_quote = False
    since = _GAP + 1  # sentences since the last attribution
    reprinted: Attribution | None = None  # the speaker of a statement reprinted in full
    # "Lind also said:" ending a paragraph: the next paragraph, and the list items that
    # follow it, are what was said.
    lead_in: Attribution | None = None
    lead_paragraphs = 0
    for sentence in iter_sentences(text):
        tracker.observe(sentence.text, sentence.paragraph_start, sentence.start)
        since += 1
        if sentence.paragraph_start and not _QUOTE_OPEN_RE.match(sentence.text):
            inside_quote = False
        starts_inside = inside_quote
        inside_quote = _quote_open_after(sentence.text, inside_quote)
        if lead_in is not None and sentence.paragraph_start:
            lead_paragraphs += 1
            if lead_paragraphs > 1 and not _BULLET_RE.match(sentence.text):
                lead_in = None  # the list ended
        if lead_in is not None and not find_attributions(text, sentence.start, sentence.end):
            # What follows "He said:" is the content of that one statement: the unit grows.
            pending = lead_in = _extend(lead_in, text, sentence)
            continuing, since = False, 0
            continue
        heading = _statement_heading(text, sentence, tracker, registry, known)
        if heading is not None or _is_furniture(sentence):
            continuing = False
            reprinted = heading
            continue
        raws = find_attributions(text, sentence.start, sentence.end)
        if not raws:
            quoted = starts_inside or _QUOTE_OPEN_RE.match(sentence.text)
            if continuing and pending is not None and quoted:
                pending = _extend(pending, text, sentence)
            elif reprinted is not None or (
                pending is not None and since <= _GAP and sentence.paragraph_start and quoted
            ):
                # A quoted paragraph shortly after a statement, or a statement reprinted
                # under its heading: the same speaker goes on.
                if pending is not None:
                    yield pending
                previous = reprinted or pending
                if previous is not None:  # one of them is, by the condition above
                    pending = _continuation(previous, sentence)
                continuing, since = True, 0
            else:
                continuing = False
            continue
        built = [
            (raw.nested, *_build(text, sentence, raw, tracker, registry, known)) for raw in raws
        ]
        outer_official = any(a.official for nested, a, _ in built if not nested)
        for nested, attribution, resolved in built:
            if nested and (outer_official or not attribution.official):
                continue  # an official relayed by a non-official speaker is shown too
            if pending is not None:
                yield pending
            pending = attribution
            tracker.record(resolved, "" if attribution.direct else attribution.content)
        lead_in = pending if _leads_in(pending, sentence) else None
        lead_paragraphs = 0
        continuing, since = True, 0
    if pending is not None:
        yield pending


def _leads_in(attribution: Attribution | None, sentence: Sentence) -> bool:
    """A tag that ends its paragraph with a colon and says nothing yet: "He said:"."""
    return (
        attribution is not None
        and not attribution.content
        and sentence.paragraph_end
        and sentence.text.rstrip().endswith(":")
    )


def _quote_open_after(sentence: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    is_open = open_before
    for mark in _QUOTE_MARK_RE.finditer(sentence):  # only the marks: most characters are none
        char = mark.group()
        if char == "“":
            is_open = True
        elif char == "”":
            is_open = False
        elif char == '"':
            is_open = not is_open
    return is_open


def _is_furniture(sentence: Sentence) -> bool:
    """Headlines, bylines and page furniture: a whole line with no sentence punctuation."""
    whole_line = sentence.paragraph_start and sentence.paragraph_end
    if whole_line and _BYLINE_RE.match(sentence.text) and len(sentence.text.split()) <= 8:
        return True
    if whole_line and not _TERMINAL_RE.search(sentence.text):
        # A highlight bullet or a sentence published without its full stop is still prose.
        return len(sentence.text.split()) < _PROSE_WORDS or in_title_case(sentence.text)
    return whole_line and in_title_case(sentence.text)


def _build(
    text: str,
    sentence: Sentence,
    raw: RawAttribution,
    tracker: SpeakerTracker,
    registry: SpeakerRegistry | None,
    known: KnownSpeakers | None = None,
) -> tuple[Attribution, Resolved]:
    source = raw.source or Span(raw.cue.start, raw.cue.start)
    source_text = text[source.start : source.end]
    antecedent = text[raw.antecedent.start : raw.antecedent.end] if raw.antecedent else ""
    if raw.relayed is not None:  # "X quoted Y as saying": Y is the speaker
        resolved = tracker.resolve(text[raw.relayed.start : raw.relayed.end])
    elif raw.lemma == "ask" and source_text.strip() == "I":
        # "I asked the minister whether ...": the writer puts the question, not the person
        # quoted last.
        resolved = Resolved("I", "I", True)
    else:
        resolved = tracker.resolve(source_text, antecedent, raw.appositive)
    resolved = tracker.described_later(text, sentence.end, resolved)
    resolved = tracker.staff_of_cast(resolved)
    verdict = classify(resolved.phrase, registry)
    if not verdict.official and resolved.is_person and not verdict.reason:
        resolved = tracker.introduced_later(text, sentence.end, resolved)
        verdict = classify(resolved.phrase, registry)
    title_source = ""
    if not verdict.official and not verdict.reason and resolved.is_person and known:
        hit = known.title_of(resolved.speaker)
        earlier = classify(hit.phrase) if hit is not None else None
        if hit is not None and earlier is not None and earlier.official:
            # Seen with a title in an earlier article: "title from an earlier article ...".
            kind, what = ("title", earlier.title) if earlier.title else ("body", earlier.body)
            verdict = replace(earlier, reason=f"{kind} from {hit.where}: {what}")
            title_source = hit.where
            resolved = replace(resolved, speaker=hit.name)  # one speaker, not "Ruiz" beside it
    if (
        verdict.official
        and resolved.origin
        and not title_source
        and not verdict.reason.startswith("registry")
    ):
        written = f"{source_text}, {raw.appositive}" if raw.appositive else source_text
        here = classify(written)
        if not here.official or (verdict.title and here.title != verdict.title):
            # The title was read elsewhere in the article ("Ryan's office said" is official
            # by itself, but "speaker" was read earlier): say where.
            title_source = resolved.origin
            kind, what = ("title", verdict.title) if verdict.title else ("body", verdict.body)
            verdict = replace(verdict, reason=f"{kind} from {title_source}: {what}")
    if verdict.official and resolved.document:
        # "The lawsuit, filed by the state attorney general, alleges": the issuer's document.
        issuer = verdict.body if resolved.is_person else _THE_RE.sub("", resolved.speaker)
        what = verdict.title or issuer or verdict.reason.split(": ", 1)[-1]
        where = f" ({resolved.document}, {title_source})" if title_source else ""
        verdict = replace(verdict, reason=f"document issued by a state body: {what}{where}")
    content = raw.content or Span(raw.cue.end, raw.cue.end)
    value, reasons = checkworthiness(raw.content_text, raw.cue_text, verdict.official)
    stance, stance_reason = stance_of(raw.lemma, raw.cue_text)
    attribution = Attribution(
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        sentence=sentence.text,
        source=source_text,
        source_start=source.start,
        source_end=source.end,
        speaker=resolved.speaker,
        speaker_title=verdict.title,
        speaker_body=verdict.body,
        cue=raw.cue_text,
        cue_start=raw.cue.start,
        cue_end=raw.cue.end,
        content=raw.content_text,
        content_start=content.start,
        content_end=content.end,
        direct=raw.direct,
        official=verdict.official,
        official_reason=verdict.reason or "no official title or body",
        score=value,
        score_reasons=reasons,
        stance=stance,
        stance_reason=stance_reason,
        title_source=title_source,
    )
    return attribution, resolved


def _extend(previous: Attribution, text: str, sentence: Sentence) -> Attribution:
    """A quoted sentence with no tag continues the previous quotation: one statement, one unit.

    The unit grows to cover it, as a multi-sentence quotation under one speech tag does.
    """
    body, start = _quoted_body(sentence)
    return replace(
        previous,
        sentence_end=sentence.end,
        sentence=text[previous.sentence_start : sentence.end],
        content=f"{previous.content} … {body}" if previous.content else body,
        content_end=start + len(body),
    )


def _quoted_body(sentence: Sentence) -> tuple[str, int]:
    """The sentence without its quotation marks, and where that text starts."""
    body = sentence.text.strip().strip('"“”').strip()
    marker = _BULLET_MARK_RE.match(body)
    if marker:
        body = body[marker.end() :]  # "- The bridge reopens": the list item, not its dash
    return body, (sentence.start + sentence.text.find(body) if body else sentence.start)


def _continuation(previous: Attribution, sentence: Sentence) -> Attribution:
    """An untagged sentence that goes on with an earlier statement: same speaker, no cue."""
    body, start = _quoted_body(sentence)
    return replace(
        previous,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        sentence=sentence.text,
        source="",
        source_start=sentence.start,
        source_end=sentence.start,
        cue="",
        cue_start=sentence.start,
        cue_end=sentence.start,
        content=body,
        content_start=start,
        content_end=start + len(body),
        direct=True,
    )


def _statement_heading(
    text: str,
    sentence: Sentence,
    tracker: SpeakerTracker,
    registry: SpeakerRegistry | None,
    known: KnownSpeakers | None,
) -> Attribution | None:
    """A heading such as "Statement by the Ministry of Health": its body is the statement."""
    whole_line = sentence.paragraph_start and sentence.paragraph_end
    match = _STATEMENT_HEADING_RE.match(sentence.text.strip()) if whole_line else None
    if match is None or len(sentence.text.split()) > 16:
        return None
    offset = sentence.start + sentence.text.find(match.group("source"))
    source = Span(offset, offset + len(match.group("source")))
    cue = Span(sentence.start, sentence.start)
    raw = RawAttribution(source, cue, "", "statement", None, "", True)
    attribution, _ = _build(text, sentence, raw, tracker, registry, known)
    return attribution
