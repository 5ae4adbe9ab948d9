"""Has this been checked already? Published fact-checks and open claims like a text.

Used by the matches API, the claim page and the feedback router. Scores come from the
same matcher as claim links, so "0.7" means the same thing everywhere.
"""

from dataclasses import dataclass

from claims.link_candidates import candidates
from claims.models import Article, Claim
from claims.pipeline.matching import compare, features
from claims.pipeline.urls import canonical_url
from claims.services.external_matches import ExternalHit, external_hits
from factcheck.errors import InvalidInput, NotFound
from reviews.models import Review
from reviews.publication import published_fact_checks

MATCH_THRESHOLD = 0.35  # looser than link suggestions: a person reads the list
MAX_TEXT = 5000
OPEN_STATUSES = (Claim.Status.FLAGGED, Claim.Status.IN_REVIEW)


@dataclass
class Match:
    kind: str  # "fact_check" or "claim"
    claim: Claim
    score: float
    reasons: list[str]
    matched_text: str
    review: Review | None = None


def find_matches(
    *, text: str | None = None, url: str | None = None, limit: int = 10
) -> list[Match]:
    """Ranked published fact-checks and open claims matching `text`, or an article's claims.

    For `url`, the stored article (by canonical URL) is matched statement by statement;
    its own claims count only when they have been checked already.
    """
    if (text is None) == (url is None):
        raise InvalidInput("Give either text or url, not both.")
    if text is not None:
        text = text.strip()
        if not text:
            raise InvalidInput("text: may not be blank.")
        if len(text) > MAX_TEXT:
            raise InvalidInput(f"text: at most {MAX_TEXT} characters.", max_length=MAX_TEXT)
        best = _match_text(text, exclude=set())
    else:
        best = _match_article(url or "")
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.kind != "fact_check", -m.claim.pk))
    return ranked[:limit]


def find_all_matches(
    *, text: str | None = None, url: str | None = None, limit: int = 10
) -> list[Match | ExternalHit]:
    """`find_matches` and other publishers' fact-checks, ranked together by score (the
    desk's own first at equal scores)."""
    desk = find_matches(text=text, url=url, limit=limit)
    statements = [text.strip()] if text is not None else _article_statements(url or "")
    best: dict[int, ExternalHit] = {}
    for statement in statements:
        for hit in external_hits(text=statement, threshold=MATCH_THRESHOLD):
            known = best.get(hit.fact_check.pk)
            if known is None or hit.similarity.score > known.similarity.score:
                best[hit.fact_check.pk] = hit
    ranked: list[Match | ExternalHit] = [*desk, *best.values()]
    ranked.sort(key=lambda m: (-match_score(m), isinstance(m, ExternalHit)))
    return ranked[:limit]


def match_score(match: Match | ExternalHit) -> float:
    return match.similarity.score if isinstance(match, ExternalHit) else match.score


def _stored_article(url: str) -> Article:
    try:
        canonical = canonical_url(url)
    except ValueError as error:
        raise InvalidInput(f"url: {error}") from None
    article = Article.objects.filter(canonical_url=canonical).first()
    if article is None:
        raise NotFound("No article is stored at that URL; submit it first.", url=canonical)
    return article


def _article_statements(url: str) -> list[str]:
    article = _stored_article(url)
    return list(article.appearances.exclude(claim=None).values_list("content", flat=True))


def _match_article(url: str) -> dict[int, Match]:
    article = _stored_article(url)
    appearances = list(article.appearances.exclude(claim=None).select_related("claim"))
    own = {a.claim_id for a in appearances if a.claim_id is not None}
    best: dict[int, Match] = {}
    for appearance in appearances:
        for claim_id, match in _match_text(appearance.content, exclude=own).items():
            if claim_id not in best or match.score > best[claim_id].score:
                best[claim_id] = match
    checked = _published_reviews(own)
    for appearance in appearances:
        review = checked.get(appearance.claim_id)  # type: ignore[arg-type]
        if review is not None:
            best[appearance.claim_id] = Match(  # type: ignore[index]
                "fact_check",
                appearance.claim,  # type: ignore[arg-type]
                1.0,
                ["this article's own statement, already checked"],
                appearance.content,
                review,
            )
    return best


def _match_text(text: str, *, exclude: set[int]) -> dict[int, Match]:
    statement = features(text)
    found = candidates(statement=statement, text=text, limit=40, family_limit=0)
    ids = [claim_id for claim_id in found if claim_id not in exclude]
    claims = Claim.objects.filter(pk__in=ids).select_related("speaker")
    reviews = _published_reviews(ids)
    matches = {}
    for claim in claims:
        review = reviews.get(claim.pk)
        if review is None and claim.status not in OPEN_STATUSES:
            continue  # dismissed, or checked but since unpublished: nothing to show
        similarity = compare(statement, features(claim.text), text_similarity=found[claim.pk])
        if similarity.score >= MATCH_THRESHOLD:
            kind = "fact_check" if review else "claim"
            matches[claim.pk] = Match(
                kind, claim, similarity.score, list(similarity.reasons), text, review
            )
    return matches


def _published_reviews(claim_ids: set[int] | list[int]) -> dict[int, Review]:
    """The latest published fact-check of each claim, if any."""
    reviews: dict[int, Review] = {}
    for review in published_fact_checks().filter(claim_id__in=claim_ids).order_by("published_at"):
        reviews[review.claim_id] = review
    return reviews
