"""JSON for claim links, side by side, and for "has this been checked already?" matches."""

from typing import Any

from rest_framework import serializers

from claims.external_matching import ExternalHit
from claims.matches import Match
from claims.models import Appearance, Claim, ClaimLink
from claims.pipeline.matching import statement_stance
from reviews.publication import fact_check_path


def _first_appearance(claim: Claim) -> Appearance | None:
    # Prefetched in date order by the view; never a query per claim.
    appearances = list(claim.appearances.all())
    return appearances[0] if appearances else None


def claim_side(claim: Claim) -> dict[str, Any]:
    """One side of a link: what was said, by whom, with which stance, where and when."""
    first = _first_appearance(claim)
    stance, stance_reason = (
        statement_stance(first.stance, first.cue, first.content) if first else ("asserts", "")
    )
    speaker = claim.speaker
    return {
        "id": claim.pk,
        "text": claim.text,
        "status": claim.status,
        "speaker": None
        if speaker is None
        else {
            "id": speaker.pk,
            "name": speaker.name,
            "title": speaker.title,
            "body": speaker.body.name if speaker.body else None,
        },
        "stance": stance,
        "stance_reason": stance_reason,
        "first_seen_at": claim.first_seen_at,
        "last_seen_at": claim.last_seen_at,
        "appearance_count": claim.appearance_count,
        "first_appearance": None
        if first is None
        else {
            "article": first.article_id,
            "title": first.article.title,
            "url": first.article.url,
            "outlet": first.article.outlet,
            "published_at": first.article.published_at,
            "sentence": first.sentence,
            "source": first.source,
            "cue": first.cue,
        },
    }


class ClaimLinkSerializer(serializers.ModelSerializer):
    from_claim = serializers.SerializerMethodField()
    to_claim = serializers.SerializerMethodField()
    decided_by = serializers.CharField(source="decided_by.username", default=None)

    class Meta:
        model = ClaimLink
        fields = [
            "id",
            "kind",
            "score",
            "reasons",
            "status",
            "automatic",
            "decided_by",
            "decided_at",
            "created_at",
            "from_claim",
            "to_claim",
        ]
        read_only_fields = fields

    def get_from_claim(self, link: ClaimLink) -> dict[str, Any]:
        return claim_side(link.from_claim)

    def get_to_claim(self, link: ClaimLink) -> dict[str, Any]:
        return claim_side(link.to_claim)


class LinkFilterSerializer(serializers.Serializer):
    claim = serializers.IntegerField(required=False, min_value=1)
    status = serializers.ChoiceField(choices=ClaimLink.Status.choices, required=False)
    kind = serializers.ChoiceField(choices=ClaimLink.Kind.choices, required=False)


class DecisionSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=2000)


class MatchQuerySerializer(serializers.Serializer):
    # Lengths are checked by the service, so the API and the feedback router agree.
    text = serializers.CharField(required=False, trim_whitespace=False)
    url = serializers.CharField(required=False, max_length=2000)
    limit = serializers.IntegerField(required=False, default=10, min_value=1, max_value=50)


def match_json(match: Match | ExternalHit) -> dict[str, Any]:
    if isinstance(match, ExternalHit):
        return external_match_json(match)
    claim, review = match.claim, match.review
    versions = list(review.versions.all()) if review else []
    current = versions[-1] if versions else None
    return {
        "source": "desk",
        "type": match.kind,
        "score": match.score,
        "reasons": match.reasons,
        "matched_text": match.matched_text,
        "claim": {
            "id": claim.pk,
            "text": claim.text,
            "status": claim.status,
            "speaker": claim.speaker.name if claim.speaker else None,
            "desk_url": f"/desk/claims/{claim.pk}/",
        },
        "fact_check": None
        if review is None
        else {
            "review": review.pk,
            "url": fact_check_path(review),
            "rating": current.rating.label if current else None,
            "summary": current.summary if current else review.summary,
            "published_at": review.published_at,
        },
    }


def external_match_json(hit: ExternalHit) -> dict[str, Any]:
    """Another publisher's fact-check: no claim of ours, their verdict and its link."""
    check = hit.fact_check
    return {
        "source": "external",
        "type": "fact_check",
        "score": hit.similarity.score,
        "reasons": list(hit.similarity.reasons),
        "matched_text": check.claim_reviewed,
        "claim": None,
        "fact_check": {
            "id": check.pk,
            "url": check.url,
            "publisher": check.publisher,
            "claim_reviewed": check.claim_reviewed,
            "claimant": check.claimant or None,
            "rating": check.rating_text,
            "rating_value": check.rating_value,
            "published_at": check.date_published,
            "modified_at": check.date_modified,
            "language": check.language or None,
        },
    }
