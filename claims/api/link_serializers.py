"""JSON for claim links, side by side."""

from typing import Any

from rest_framework import serializers

from claims.models import Appearance, Claim, ClaimLink
from factcheck.numbers import IdField


def _first_appearance(claim: Claim) -> Appearance | None:
    # Prefetched in date order by the view; never a query per claim.
    appearances = list(claim.appearances.all())
    return appearances[0] if appearances else None


def claim_side(claim: Claim) -> dict[str, Any]:
    """One side of a link: what was said, by whom, with which stance, where and when."""
    first = _first_appearance(claim)
    stance, stance_reason = (first.stance, first.stance_reason) if first else ("asserts", "")
    speaker = claim.speaker
    return {
        "id": claim.pk,
        "text": claim.text,
        "statement": claim.statement,
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
    decided_by = serializers.CharField(
        source="decided_by.username", default=None, allow_null=True, read_only=True
    )

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
    claim = IdField(required=False)
    status = serializers.ChoiceField(choices=ClaimLink.Status.choices, required=False)
    kind = serializers.ChoiceField(choices=ClaimLink.Kind.choices, required=False)


class DecisionSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=2000)


class StoryEntrySerializer(serializers.Serializer):
    claim = serializers.IntegerField(source="claim.pk")
    text = serializers.CharField(source="claim.text")
    speaker = serializers.CharField(source="claim.speaker.name", default="")
    said_at = serializers.DateTimeField()
    stance = serializers.CharField()
    stance_reason = serializers.CharField()
    cue = serializers.CharField()
    outlets = serializers.ListField(child=serializers.CharField())
    link_kind = serializers.CharField(
        help_text="How the claim is tied to the requested one; empty for that claim itself."
    )


class StorySerializer(serializers.Serializer):
    government = serializers.CharField(
        help_text="The top of the claim's speaker roll-up; the speaker itself without one."
    )
    entries = StoryEntrySerializer(many=True, help_text="Oldest first.")
