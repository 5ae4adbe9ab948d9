"""One small newsroom for the whole suite: speakers, articles, claims with the
sentence each was said in, at exact offsets, stored as ingestion stores them.

Every conftest builds its claims through `said` (or places a statement in an existing
article with `appearance`), so a change to what a stored statement holds is made here once.
"""

import itertools
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from claims.models import Appearance, Article, Claim, Speaker
from claims.services.search import REFRESH
from reviews.models import Evidence, Rating, Review
from reviews.services import claim_assign, evidence_add, review_edit, review_submit

_numbers = itertools.count(1)


def speaker(
    name: str, title: str = "", *, official: bool = True, body: Speaker | None = None
) -> Speaker:
    """The speaker called `name`, created on first use."""
    found, _ = Speaker.objects.get_or_create(
        key=name.lower(),
        defaults={"name": name, "title": title, "is_official": official, "body": body},
    )
    return found


def speaker_with_claims(name: str, article: Article, count: int) -> Speaker:
    """An organisation with `count` claims, each said once in `article`, bulk-created:
    enough rows for a merge test or benchmark, at one statement per article position."""
    speaker = Speaker.objects.create(name=name, key=name.lower(), kind="organisation")
    claims = Claim.objects.bulk_create(
        Claim(text=f"{name} said the harbour toll rose {n} percent.", speaker=speaker)
        for n in range(count)
    )
    offset = Appearance.objects.filter(article=article).count()
    Appearance.objects.bulk_create(
        Appearance(
            claim=claim,
            article=article,
            speaker=speaker,
            sentence=claim.text,
            sentence_start=0,
            sentence_end=len(claim.text),
            source=name,
            source_start=0,
            source_end=len(name),
            cue="said",
            cue_start=0,
            cue_end=4,
            content=claim.text,
            content_start=at,  # one statement per position in the article
            content_end=at + len(claim.text),
        )
        for at, claim in enumerate(claims, start=offset)
    )
    searchable([claim.pk for claim in claims])
    return speaker


def searchable(claim_ids: list[int]) -> None:
    """What `q` finds these claims by through their speaker and sightings, as ingestion
    stores it (`claims_prioritise`, which would also recompute the figures set here)."""
    if connection.vendor == "postgresql" and claim_ids:
        with connection.cursor() as cursor:
            sql = f"UPDATE claims_claim SET {REFRESH.format('claims_claim')} WHERE id = ANY(%s)"
            cursor.execute(sql, [claim_ids])


def appearance(
    article: Article,
    content: str,
    *,
    speaker: Speaker | None,
    claim: Claim | None,
    cue: str = "said",
    source: str | None = None,
    sentence: str | None = None,
    stance: str = Appearance.Stance.ASSERTS,
    official: bool | None = None,
) -> Appearance:
    """`content` as said in `article`. Without `sentence`, the sentence is the line of
    the article's text that holds the content; with it, the sentence is where it stands
    in the text (at 0 when the article has no text). The source and cue are located in
    the sentence when they are there, and placed at the content's start otherwise."""
    text = article.text
    if sentence is None:
        at = text.index(content)
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        sentence = text[start : len(text) if end < 0 else end]
    else:
        start = max(text.find(sentence), 0)
    content_start = start + sentence.index(content)
    source = source if source is not None else (speaker.name if speaker else "")

    def span(part: str) -> tuple[int, int]:
        found = sentence.find(part) if part else -1
        if found < 0 or found >= content_start - start:
            return content_start, content_start
        return start + found, start + found + len(part)

    source_start, source_end = span(source)
    cue_start, cue_end = span(cue)
    created = Appearance.objects.create(
        claim=claim,
        article=article,
        speaker=speaker,
        sentence=sentence,
        sentence_start=start,
        sentence_end=start + len(sentence),
        source=source,
        source_start=source_start,
        source_end=source_end,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_end,
        content=content,
        content_start=content_start,
        content_end=content_start + len(content),
        official=bool(speaker and speaker.is_official) if official is None else official,
        stance=stance,
        detector_version="test",
    )
    if claim is not None:
        searchable([claim.pk])
    return created


def said(
    content: str,
    *,
    who: Speaker,
    cue: str = "said",
    claim_text: str | None = None,
    source: str | None = None,
    shape: str = "{source} {cue} {content}.",
    around: tuple[str, str] = ("", ""),
    with_text: bool = True,
    outlet: str = "Harbour Times",
    url: str | None = None,
    title: str | None = None,
    priority: float = 0.0,
    reasons: tuple[str, ...] = (),
    age: timedelta = timedelta(0),
    status: str = Claim.Status.FLAGGED,
    stance: str = Appearance.Stance.ASSERTS,
    official: bool | None = None,
    appearance_official: bool | None = None,
    statement: str | None = None,
) -> Claim:
    """A claim and the one article sentence it was found in.

    The sentence is `shape` filled in with the source (the speaker's title and name
    unless given), the cue and the content; `around` is the text before and after it
    in the article. `with_text=False` stores the article without its text, as a
    wire item whose page was never fetched.
    """
    n = next(_numbers)
    source = source if source is not None else f"{who.title} {who.name}".strip()
    sentence = shape.format(source=source, cue=cue, content=content)
    url = url or f"https://news.example/story-{n}"
    seen = timezone.now() - age
    claim = Claim.objects.create(
        text=claim_text or content,
        # As ingestion writes it: the sentence, read alone (claims/pipeline/statements.py).
        statement=statement if statement is not None else _sentence_of(sentence),
        speaker=who,
        official=who.is_official if official is None else official,
        priority=priority,
        priority_reasons=list(reasons),
        appearance_count=1,
        first_seen_at=seen,
        last_seen_at=seen,
        status=status,
        dismiss_reason="set aside" if status == Claim.Status.DISMISSED else "",
    )
    article = Article.objects.create(
        url=url,
        canonical_url=url,
        outlet=outlet,
        title=title or f"Story {n}",
        text=f"{around[0]}{sentence}{around[1]}" if with_text else "",
        status=Article.Status.EXTRACTED,
    )
    appearance(
        article,
        content,
        speaker=who,
        claim=claim,
        cue=cue,
        source=source,
        sentence=sentence,
        stance=stance,
        official=appearance_official,
    )
    return claim


def flagged_claim(
    content: str,
    *,
    who: Speaker,
    cue: str = "said",
    outlet: str = "Harbour Times",
    priority: float = 0.5,
    reasons: tuple[str, ...] = ("official speaker", "appears in 1 article"),
    age: timedelta = timedelta(hours=2),
) -> Claim:
    """A claim and the article sentence it was found in, between two other paragraphs."""
    return said(
        content,
        who=who,
        cue=cue,
        shape="{source} {cue} that {content}.",
        around=("Opening paragraph of the story.\n\n", "\n\nClosing paragraph."),
        outlet=outlet,
        priority=priority,
        reasons=reasons,
        age=age,
    )


def add_evidence(
    review: Review,
    actor: User,
    *,
    primary: bool = True,
    url: str = "https://stats.example/report.pdf",
    title: str = "Official report",
    excerpt: str = "The report says otherwise.",
) -> Evidence:
    """A source refuting the claim, added to `review` by `actor` through the service."""
    return evidence_add(
        claim_id=review.claim_id,
        actor=actor,
        url=url,
        title=title,
        excerpt=excerpt,
        stance=Evidence.Stance.REFUTES,
        primary_source=primary,
    )


def submitted_review(claim: Claim, checker: User, editor: User) -> Review:
    """The checker's complete verdict, submitted and waiting for an editor."""
    review = claim_assign(claim_id=claim.pk, actor=editor, assignee=checker)[0]
    add_evidence(review, checker)
    review = review_edit(
        review_id=review.pk,
        actor=checker,
        expected_version=review.version,
        rating=Rating.objects.get(slug="false"),
        summary="The report says otherwise.",
        explanation="The official report contradicts the statement.",
    )
    return review_submit(review_id=review.pk, actor=checker)


def _sentence_of(sentence: str) -> str:
    sentence = sentence.strip()
    sentence = sentence[:1].upper() + sentence[1:]
    return sentence if sentence.endswith((".", "?", "!", "”", '"')) else f"{sentence}."
