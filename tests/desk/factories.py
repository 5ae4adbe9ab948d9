"""A small newsroom for the desk tests: articles quoting officials, flagged claims."""

import itertools
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.utils import timezone

from claims.models import Appearance, Article, Claim, Speaker
from reviews.models import Evidence, Rating, Review
from reviews.services import claim_assign, evidence_add, review_edit, review_submit

_numbers = itertools.count(1)


def speaker(name: str, title: str = "", *, official: bool = True) -> Speaker:
    found, _ = Speaker.objects.get_or_create(
        key=name.lower(), defaults={"name": name, "title": title, "is_official": official}
    )
    return found


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
    """A claim and the article sentence it was found in, with exact offsets."""
    n = next(_numbers)
    source = f"{who.title} {who.name}".strip()
    lead = "Opening paragraph of the story.\n\n"
    sentence = f"{source} {cue} that {content}."
    text = f"{lead}{sentence}\n\nClosing paragraph."
    start = len(lead)
    seen = timezone.now() - age
    claim = Claim.objects.create(
        text=content,
        speaker=who,
        official=who.is_official,
        priority=priority,
        priority_reasons=list(reasons),
        appearance_count=1,
        first_seen_at=seen,
        last_seen_at=seen,
    )
    article = Article.objects.create(
        url=f"https://news.example/story-{n}",
        canonical_url=f"https://news.example/story-{n}",
        outlet=outlet,
        title=f"Story {n}",
        text=text,
        status=Article.Status.EXTRACTED,
    )
    cue_start = start + len(source) + 1
    content_start = cue_start + len(cue) + len(" that ")
    Appearance.objects.create(
        claim=claim,
        article=article,
        speaker=who,
        sentence=sentence,
        sentence_start=start,
        sentence_end=start + len(sentence),
        source=source,
        source_start=start,
        source_end=start + len(source),
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_start + len(cue),
        content=content,
        content_start=content_start,
        content_end=content_start + len(content),
        official=who.is_official,
        detector_version="test",
    )
    return claim


def add_evidence(review: Review, actor: AbstractUser, *, primary: bool = True) -> Evidence:
    return evidence_add(
        claim_id=review.claim_id,
        actor=actor,
        url="https://stats.example/report.pdf",
        title="Official report",
        excerpt="The report says otherwise.",
        stance=Evidence.Stance.REFUTES,
        primary_source=primary,
    )


def submitted_review(claim: Claim, checker: AbstractUser, editor: AbstractUser) -> Review:
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
