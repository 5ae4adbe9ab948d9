"""Cue words: reporting verbs, "according to" and participles, with the checks that tell a
verb from a noun ("media reports") and a statement from its absence ("declined to comment").
"""

from __future__ import annotations

from claims.pipeline.complements import FINITE_VERBS
from claims.pipeline.framed import Framed
from claims.pipeline.lexicon import (
    AS_FRAME_LEMMAS,
    AUX,
    COGNITION_FORMS,
    DETERMINERS,
    HELD_VIEW_LEMMAS,
    NOT_HELD,
    PASSIVE_AUX,
    PREPOSITIONS,
    PRONOUNS,
    SPEECH_FORMS,
    WEAK_LEMMAS,
    ly_adverb,
)
from claims.pipeline.participles import Participles
from claims.pipeline.spans import RawAttribution, Span
from claims.pipeline.tokens import QUOTE_CHARS, Token

PLURAL_SUBJECTS = frozenset(
    """to they we i you n't not ’t who some many most others people few both all""".split()
)
NOUN_MODIFIERS = frozenset(
    """media news press intelligence unconfirmed earlier recent initial local official several
    many some conflicting public private such these those""".split()
)
COUNTED_SUBJECTS = frozenset(
    """percent % majority majorities half third quarter
    two three four five six seven eight nine ten""".split()
)
# Plural subjects without an -s — the irregular plurals ("the women say", "police data
# show", "local media report") — and reduced relatives ("those polled say").
PLURAL_HEADS = frozenset(
    """women men children police staff personnel data media surveyed polled questioned
    interviewed""".split()
)
# Numbers and quantity or degree words make the -ed form after them an adjective: "475
# pledged delegates", "more pledged delegates", "such expected backers".
QUANTITY_WORDS = frozenset("more most less fewer such highly".split())
# A number word after a determiner counts the things named: "her five proposed bills" (but
# "the mother of three replied": a subject's end).
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())
MEDIA_NOUNS = frozenset("statement interview email tweet post speech letter call video".split())
ISSUED_NOUNS = frozenset("release memo notice report message note".split())
NO_CONTENT = frozenset("comment respond say elaborate".split())
REFUSALS = frozenset("declined refused declines refuses decline refuse not".split())


class Cues(Framed, Participles):
    """Finds the cue and hands source and content to the other parts of the finder."""

    def _according_to(self, index: int, width: int = 2) -> RawAttribution | None:
        """'according to X' (width 2) or 'per X' (width 1): X is the source."""
        cue = Span(self.tokens[index].start, self.tokens[index + width - 1].end)
        np_end = index + width
        while np_end < len(self.tokens) and (
            not self._ends_np(self.tokens[np_end])
            or self.tokens[np_end - 1].text.endswith(("'s", "’s"))  # "per Lorne's remarks"
            or self._joins_name(np_end)  # "the Department of Housing and Urban Renewal"
            or self._document_by(np_end, index + width)  # "a report by the county auditor"
        ):
            np_end += 1
        if np_end == index + width:
            return None
        source = Span(self.tokens[index + width].start, self.tokens[np_end - 1].end)
        before = self._clause_before(index)
        content = before if before is not None else self._clause_after(np_end)
        if content is None:
            return None
        return RawAttribution(
            source, cue, self._span_text(cue), "according", content, self._span_text(content), False
        )

    def _document_by(self, index: int, start: int) -> bool:
        """'according to a report by the county auditor': a document noun (a cue word used
        as a noun) inside the phrase, named with its issuer after "by" or "from"."""
        return (
            index > start
            and self.tokens[index].lower in ISSUED_NOUNS | MEDIA_NOUNS
            and self._word(index + 1) in {"by", "from"}
        )

    def _joins_name(self, index: int) -> bool:
        """'and' inside a body's name: "of Housing and Urban Renewal"."""
        return (
            self._word(index) == "and"
            and self._word(index - 2) == "of"
            and self.tokens[index - 1].is_cap
            and index + 1 < len(self.tokens)
            and self.tokens[index + 1].is_cap
        )

    def _verb_cue(self, index: int, lemma: str = "") -> RawAttribution | None:
        """A reporting verb at `index` (`lemma` given for words the lexicon keeps out as
        mostly nouns: "the regulations state that", "makes clear that")."""
        token = self.tokens[index]
        framed = bool(lemma)
        lemma = lemma or SPEECH_FORMS.get(token.lower) or COGNITION_FORMS[token.lower]
        if framed:
            group_start = index - 1 if token.lower == "clear" else index
            if self._word(group_start) == "it":
                group_start -= 1
            while group_start > 0 and self._is_aux(self.tokens[group_start - 1]):
                group_start -= 1
            return self._finite(index, group_start, lemma)
        if lemma in HELD_VIEW_LEMMAS and not self._held_view(index, lemma):
            return None
        if lemma == "push" and self._word(index + 1) != "for":
            return None  # "pushing a cart", "pushed back": only 'pushing for' asks for something
        previous = self._word(index - 1)
        relative = self._relative_that(index - 1) >= 0
        if (previous in DETERMINERS and not relative) or previous.endswith(("'s", "’s")):
            return None  # "the said company", "Trump's declared goal"
        if index and token.is_cap and token.lower not in {"says", "said"}:
            return None  # "United States", a headline's "Says"
        if not self._verb_shape_ok(index, lemma):
            return None
        if self._is_question_frame(index, passive=False):
            return self._question(index)
        if previous == "as" and token.lower.endswith("ed"):
            return self._by_agent(index, lemma)  # "..., as confirmed by the minister"
        following = self._word(index + 1)
        if token.lower.endswith("s") and following in SPEECH_FORMS and not following.endswith("s"):
            return None  # "Media reports claimed": the first word is a noun
        # "475 pledged delegates", "more pledged delegates": an adjective after a number or a
        # quantity word; "a play called 'Brokers'": a name given. No speech either way.
        if token.lower.endswith("ed") and (
            previous.isdigit()
            or previous in QUANTITY_WORDS
            or (previous in NUMBER_WORDS and self._word(index - 2) in DETERMINERS)
            or self._names_thing(index, lemma)
        ):
            return None
        noun_shaped = lemma != "say" and (token.lower == lemma or token.lower.endswith("s"))
        if noun_shaped and following in FINITE_VERBS and not self.tokens[index + 1].is_cap:
            return None  # "The jobs report has cleared the way": a noun before its verb
        past_as_base = token.lower in {"forecast", "read"}
        if token.lower == lemma and not past_as_base and not self._licenses_base_form(index):
            return None  # "Russian state media": a bare verb form needs a subject or auxiliary
        group_start = index
        while group_start > 0 and self._is_aux(self.tokens[group_start - 1]):
            group_start -= 1
        aux_words = {t.lower for t in self.tokens[group_start:index]}
        if aux_words & PASSIVE_AUX and not token.lower.endswith("ing"):
            return self._passive(index, group_start, lemma)
        if token.lower.endswith("ing") and not aux_words:
            if following == "by":
                return None  # "(Additional reporting by Ada Lorne)": a credit line
            return self._participle(index, lemma)
        if previous == "to":
            if not self._continues_speaking(index):
                return None  # "to explain ...": an intention, or speech inside another clause
            group_start = index - 3 if self._word(index - 2) == "on" else index - 2
            while group_start > 0 and self._is_aux(self.tokens[group_start - 1]):
                group_start -= 1
        if lemma == "ask" and following == "to":
            return None  # "has asked to speak": a request for oneself
        return self._finite(index, group_start, lemma)

    def _held_view(self, index: int, lemma: str) -> bool:
        """A stance reported as held: no modal, negation or first person before the verb,
        and "want" only with an object and its infinitive ("wants the council to ...")."""
        if {self._word(index - k) for k in (1, 2, 3)} & NOT_HELD:
            return False
        return lemma != "want" or self._object_frame(index + 1, lemma)

    def _verb_shape_ok(self, index: int, lemma: str) -> bool:
        """Reject noun readings of -s forms and particle verbs ('add up to')."""
        word = self.tokens[index].lower
        following = self._word(index + 1)
        previous = self._word(index - 1)
        if lemma == "add" and following in {
            "up",
            "to",
            "on",
            "onto",
            "in",
            "into",
            "more",
            "a",
            "an",
        }:
            return self._speech_adjunct(index + 1)  # "added on Twitter", not "add up to"
        if word.endswith("s") and word != lemma and lemma not in {"say", "tell", "write", "add"}:
            if previous.endswith(("ing", "ed")) or following in {
                "of",
                "from",
                "about",
                "for",
                "to",
            }:
                return False
            if previous in NOUN_MODIFIERS or previous in COUNTED_SUBJECTS or previous.isdigit():
                return False  # "media reports", "earlier statements", "two questions"
        return True

    def _posts_statement(self, index: int) -> bool:
        """'posted on Facebook that ...', 'posted: "..."': a statement posted, its clause or
        quotation after the verb or after where it was posted. Not 'posted a video', nor a
        statement 'sent to the media and posted to social media' or 'a video posted by
        CBN', which are the document."""
        if self._word(index - 1) in MEDIA_NOUNS | ISSUED_NOUNS | PASSIVE_AUX:
            return False  # "in a video posted by CBN", "was posted": the document, posted
        if self._word(index - 1) in {"and", ","} and {
            self._word(index - k) for k in range(2, 9)
        } & (MEDIA_NOUNS | ISSUED_NOUNS):
            return False
        probe = index + 1
        if self._tags_quotation(index):
            return True
        if self._word(probe) in {"on", "to", "in"}:
            stop = min(probe + 7, len(self.tokens))
            probe += 1
            while probe < stop and self.tokens[probe].is_word and self._word(probe) != "that":
                probe += 1
        if probe >= len(self.tokens):
            return False
        token = self.tokens[probe]
        return token.lower in {"that", ":"} or token.quoted or token.text in QUOTE_CHARS

    def _tags_quotation(self, index: int) -> bool:
        """'"...," Palin posted via Facebook', '"..." posted Ada Lorne': the verb tags a
        quotation just before it, with no object and no agent ('posted by') after it."""
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        no_object = (
            following is None
            or not following.is_word
            or following.is_cap
            or (following.lower in PREPOSITIONS | {"via"} and following.lower != "by")
        )
        return no_object and any(
            token.text in QUOTE_CHARS for token in self.tokens[max(0, index - 6) : index]
        )

    def _names_thing(self, index: int, lemma: str) -> bool:
        """'a play called "Brokers"': a name given to a thing, not a statement."""
        if lemma != "call" or index == 0:
            return False
        previous = self.tokens[index - 1]
        word = previous.lower
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else previous
        return (
            (following.text in QUOTE_CHARS or following.is_cap)
            and previous.is_word
            and not previous.is_cap
            and not word.endswith("s")
            and word not in PRONOUNS
            and not self._is_aux(previous)
        )

    def _speech_adjunct(self, index: int) -> bool:
        """'on Twitter', 'in a statement': where something was said, after 'added'."""
        if self._word(index) not in {"on", "in"}:
            return False
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is not None and following.is_cap:
            return True
        return self._word(index + 1) in {"a", "an", "the"} and self._word(index + 2) in MEDIA_NOUNS

    def _licenses_base_form(self, index: int) -> bool:
        """A bare verb form needs a plural or pronoun subject, an auxiliary or 'X, ..., say'."""
        if index == 0:
            return False
        previous = self.tokens[index - 1]
        word = previous.lower
        if word in AUX or word in PLURAL_SUBJECTS or word in COUNTED_SUBJECTS or word.isdigit():
            return True  # also "Six in 10 say", "55 percent say", "majorities in all five say"
        if word in PLURAL_HEADS:
            return True
        lemma = self.tokens[index].lower
        if lemma == "state":
            return False  # "state media", "state television": almost always a noun
        if previous.is_cap and self._word(index - 2) in DETERMINERS and not word.endswith("s"):
            return False  # "the Kashmir dispute": a noun after a proper-noun modifier
        if word == "," or (previous.is_cap and word not in {"just", "only", "also", "now", "so"}):
            return True  # "Forbes and Wealth-X say", "..., say experts"; not "Just ask"
        return previous.is_word and word.endswith("s") and not word.endswith("ss")

    def _is_aux(self, token: Token) -> bool:
        word = token.lower
        if word in AUX or word in PASSIVE_AUX or word in {"n't", "not", "’t"}:
            return True
        return len(word) > 4 and not token.is_cap and ly_adverb(word)  # not "assembly said"

    def _finite(self, index: int, group_start: int, lemma: str) -> RawAttribution | None:
        cue = Span(self.tokens[group_start].start, self.tokens[index].end)
        if lemma in {"quote", "cite"}:
            relayed = self._relayed(index, group_start, cue)
            if relayed is not None:
                return relayed
        source, antecedent, appositive, stop = self._subject(group_start)
        after = index + 1
        if source is None:
            inverted = self._inverted(index)
            if inverted is None:
                return None
            source, appositive, after = inverted
            stop = index - 1
            if self._opens_reported_clause(index, source, appositive, after):
                # "Ana Pires of X, who ..., said the plan would fail": no subject was found
                # before the asides, and the phrase after the verb has a verb of its own: it
                # is the reported clause's subject. The speaker stays unknown.
                source, appositive, after = Span(cue.start, cue.start), "", index + 1
        return self._with_content(
            index,
            cue,
            lemma,
            source,
            after,
            stop,
            antecedent,
            appositive,
            inverted_source=source.start > cue.start,
        )

    def _opens_reported_clause(self, index: int, phrase: Span, appositive: str, after: int) -> bool:
        """', said the plan would fail': after an aside, a noun phrase the verb's clause
        goes on from. A pronoun there ('said he had') is left as the speaker: most often it
        is, its name kept from the subject by an aside."""
        if self._word(index - 1) not in {",", "—", "–"} or appositive:
            return False
        if self._span_text(phrase).lower() in PRONOUNS:
            return False
        return self._word(after) in FINITE_VERBS

    def _passive(self, index: int, group_start: int, lemma: str) -> RawAttribution | None:
        """'was quoted as saying' keeps its subject; other passives need a 'by' agent."""
        if self._is_question_frame(index, passive=True):
            return self._question(index)
        if lemma in AS_FRAME_LEMMAS:
            agent = self._judged_by_agent(index, group_start, lemma)
            if agent is not None:
                return agent
        if self._word(index + 1) == "by":
            return self._by_agent(index, lemma)
        if lemma == "quote" and self._word(index + 1) == "as":
            source, antecedent, appositive, stop = self._subject(group_start)
            if source is None:
                return None
            cue = Span(
                self.tokens[group_start].start,
                self.tokens[min(index + 2, len(self.tokens) - 1)].end,
            )
            return self._with_content(
                index + 2, cue, lemma, source, index + 3, stop, antecedent, appositive
            )
        return None

    def _judged_by_agent(self, index: int, group_start: int, lemma: str) -> RawAttribution | None:
        """A judging verb in the passive with its agent and its 'as' or 'for' complement, in
        either order: 'The plan has been described as reckless by the department', 'was
        criticised by the council as unfair', 'was denounced on Monday by the union for
        ...'. The agent is the source; what was judged, and how, is the content."""
        by = framed = -1
        for probe in range(index + 1, min(index + 20, len(self.tokens))):
            token = self.tokens[probe]
            if token.text in {".", ";", ":"}:
                break
            if token.quoted:
                continue
            if token.lower == "by" and by < 0:
                by = probe
            elif token.lower in {"as", "for"} and framed < 0:
                framed = probe
        if by < 0 or framed < 0 or by - index > 6:
            return None  # "rejected by 64 percent of voters": a vote, not a judgement voiced
        end = by + 1
        while (
            end < len(self.tokens)
            and not self._ends_np(self.tokens[end])
            and self._word(end) not in {"as", "for"}
        ):
            end += 1
        subject = self._subject(group_start)[0]
        if end == by + 1 or subject is None:
            return None
        source = Span(self.tokens[by + 1].start, self.tokens[end - 1].end)
        if framed < by:
            content: Span | None = Span(subject.start, self.tokens[by - 1].end)
        else:
            whole = self._to_end(framed + 1)
            content = Span(subject.start, whole.end) if whole is not None else None
        if content is None:
            return None
        adjacent = framed == index + 1  # "described as": one cue, not "described ... as"
        cue = Span(self.tokens[group_start].start, self.tokens[framed if adjacent else index].end)
        cue_text = self._span_text(cue) + ("" if adjacent else f" ... {self.tokens[framed].text}")
        return RawAttribution(
            source, cue, cue_text, lemma, content, self._span_text(content), False
        )

    def _participle(self, index: int, lemma: str) -> RawAttribution | None:
        """', saying ...' or 'by insisting ...': the source is the main clause's subject."""
        if index == 0 or lemma in COGNITION_FORMS.values():
            return None
        if lemma in WEAK_LEMMAS and not (lemma == "call" and self._calls_on(index + 1)):
            return None  # but "..., calling on the council to act": a call, and its act
        previous = self._participle_lead(index)
        cue = Span(self.tokens[index].start, self.tokens[index].end)
        if previous in MEDIA_NOUNS | ISSUED_NOUNS and lemma == "say":
            # "released a statement saying ...": the issuer is the clause's subject.
            subject = self._main_subject(index)
            if subject is not None:
                return self._with_content(
                    index, cue, lemma, subject, index + 1, -1, participle=True
                )
        if previous not in {",", "—", "–", "by", "after", "while", "when", "in", "and"}:
            # "with Senator Ada Lorne telling reporters ...": the name right before is the source.
            own = self._own_subject(index)
            if own is None:
                return None
            return self._with_content(index, cue, lemma, own, index + 1, -1, participle=True)
        if previous == "and" and not self._earlier_participle(index):
            return None  # "X and saying" continues a participle: "..., pointing to Y and saying"
        subject = self._main_subject(index)
        if subject is None:
            return None
        return self._with_content(index, cue, lemma, subject, index + 1, -1, participle=True)

    def _cue_text(self, index: int, cue: Span) -> str:
        text = self._span_text(cue)
        lemma = SPEECH_FORMS.get(self.tokens[index].lower, "")
        for probe in range(index + 2, min(index + 16, len(self.tokens))):
            word = self.tokens[probe]
            if word.text in {".", ";"} or word.text in QUOTE_CHARS:
                break
            if word.lower == "as" and (lemma in AS_FRAME_LEMMAS or lemma in {"quote", "cite"}):
                following = self._word(probe + 1)
                if lemma == "cite" and not (
                    following.endswith("ing") and following in SPEECH_FORMS
                ):
                    continue  # "cited the plans as examples": no relayed speech
                if lemma in {"quote", "cite"} and probe + 1 < len(self.tokens):
                    return f"{text} ... as {self.tokens[probe + 1].text}"
                return f"{text} ... as"
        return text

    def _no_content(self, index: int) -> bool:
        """'declined to comment', 'did not say', 'said nothing': no statement was made."""
        before = {self._word(index - 1), self._word(index - 2)}
        if self.tokens[index].lower in NO_CONTENT and before & REFUSALS:
            return True
        return self._word(index + 1) in {"nothing", "little", "."} or index + 1 >= len(self.tokens)
