"""JSON shapes of API.md: input serializers validate, output serializers describe."""

from functools import cached_property
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.external_models import ExternalMatch
from claims.models import Appearance, Article, Claim, ClaimLink, Speaker
from claims.services.external_matches import ExternalHit
from factcheck.numbers import ID_SCHEMA, parse_id
from reviews.matches import Match
from reviews.models import Evidence, Rating, Review, ReviewEvent, ReviewVersion
from reviews.publication import fact_check_path
from reviews.services import MAX_NOTE

MAX_TEXT = 20_000


class UserRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()


class RatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["id", "slug", "label", "value", "order", "description"]


class SpeakerRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name", "title", "kind", "is_official", "official_reason"]


class ReviewBriefSerializer(serializers.ModelSerializer):
    assignee = UserRefSerializer()
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Review
        fields = ["id", "state", "assignee", "due_at", "overdue", "version"]

    def get_overdue(self, review: Review) -> bool:
        return review.is_overdue(timezone.now())


class ClaimRowSerializer(serializers.ModelSerializer):
    """One triage row: the claim, who said it, and why it ranks where it does."""

    speaker = SpeakerRefSerializer(allow_null=True)
    outlet = serializers.CharField(
        source="latest_outlet", allow_null=True, help_text="Outlet of the latest appearance."
    )
    open_review = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id",
            "statement",
            "text",
            "status",
            "official",
            "priority",
            "priority_reasons",
            "checkworthiness",
            "appearance_count",
            "first_seen_at",
            "last_seen_at",
            "created_at",
            "speaker",
            "outlet",
            "open_review",
        ]

    @extend_schema_field(ReviewBriefSerializer(allow_null=True))
    def get_open_review(self, claim: Claim) -> dict[str, Any] | None:
        reviews = getattr(claim, "open_reviews", None)
        if reviews is None:
            reviews = list(claim.reviews.open().select_related("assignee"))
        return self._review_brief.to_representation(reviews[0]) if reviews else None

    @cached_property
    def _review_brief(self) -> ReviewBriefSerializer:
        # One for the whole page: building a serializer's fields costs ~1 ms, per row
        # that was most of a page's serialising when its claims are in review.
        return ReviewBriefSerializer()


class ArticleRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "url", "outlet", "published_at"]


class ClaimAppearanceSerializer(serializers.ModelSerializer):
    article = ArticleRefSerializer()

    class Meta:
        model = Appearance
        fields = [
            "id",
            "article",
            "sentence",
            "sentence_start",
            "sentence_end",
            "source",
            "source_start",
            "source_end",
            "cue",
            "content",
            "content_start",
            "content_end",
            "direct",
            "official",
            "official_reason",
            "stance",
            "statement",
            "not_a_claim",
            "score",
            "created_at",
        ]


class EvidenceSerializer(serializers.ModelSerializer):
    added_by = UserRefSerializer(allow_null=True)

    class Meta:
        model = Evidence
        fields = [
            "id",
            "claim",
            "review",
            "url",
            "title",
            "excerpt",
            "stance",
            "primary_source",
            "added_by",
            "created_at",
        ]


class EvidenceInputSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000)
    title = serializers.CharField(max_length=500)
    excerpt = serializers.CharField(max_length=MAX_TEXT, required=False, allow_blank=True)
    stance = serializers.ChoiceField(choices=Evidence.Stance.choices)
    primary_source = serializers.BooleanField(required=False, default=False)

    def validate_url(self, value: str) -> str:
        if not value.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError("Only http and https URLs are accepted.")
        return value


class ClaimLinkRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    status = serializers.CharField()
    score = serializers.FloatField()
    direction = serializers.ChoiceField(choices=["out", "in"])
    claim = serializers.DictField(help_text="The other claim: id, text, status.")


class ReviewSerializer(serializers.ModelSerializer):
    claim = serializers.SerializerMethodField()
    assignee = UserRefSerializer()
    assigned_by = UserRefSerializer(allow_null=True)
    approved_by = UserRefSerializer(allow_null=True)
    rating: serializers.PrimaryKeyRelatedField = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="The rating id."
    )
    rating_detail = RatingSerializer(source="rating", allow_null=True, read_only=True)
    overdue = serializers.SerializerMethodField()
    etag = serializers.CharField(read_only=True)

    class Meta:
        model = Review
        fields = [
            "id",
            "claim",
            "state",
            "assignee",
            "assigned_by",
            "due_at",
            "overdue",
            "rating",
            "rating_detail",
            "statement",
            "headline",
            "summary",
            "explanation",
            "version",
            "etag",
            "is_correction",
            "approved_by",
            "slug",
            "submitted_at",
            "published_at",
            "modified_at",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "text": {"type": "string"},
                "statement": {"type": "string"},
                "status": {"type": "string"},
            },
        }
    )
    def get_claim(self, review: Review) -> dict[str, Any]:
        claim = review.claim
        return {
            "id": claim.pk,
            "text": claim.text,
            "statement": claim.statement,
            "status": claim.status,
        }

    def get_overdue(self, review: Review) -> bool:
        return review.is_overdue(timezone.now())


class ExternalCheckSerializer(serializers.ModelSerializer):
    """Another publisher's fact-check that reads like the claim, found when it was filed."""

    url = serializers.URLField(source="fact_check.url", read_only=True)
    publisher = serializers.CharField(source="fact_check.publisher", read_only=True)
    claim_reviewed = serializers.CharField(source="fact_check.claim_reviewed", read_only=True)
    claimant = serializers.CharField(source="fact_check.claimant", read_only=True)
    rating = serializers.CharField(source="fact_check.rating_text", read_only=True)
    rating_value = serializers.FloatField(
        source="fact_check.rating_value", read_only=True, allow_null=True
    )
    published_at = serializers.DateTimeField(source="fact_check.date_published", read_only=True)
    language = serializers.CharField(source="fact_check.language", read_only=True)

    class Meta:
        model = ExternalMatch
        fields = [
            "fact_check",
            "url",
            "publisher",
            "claim_reviewed",
            "claimant",
            "rating",
            "rating_value",
            "published_at",
            "language",
            "score",
            "reasons",
            "decision",
        ]
        read_only_fields = fields

    def to_representation(self, instance: ExternalMatch) -> dict[str, Any]:
        # `source` as in /matches/ results; a field of that name would shadow Field.source.
        return {"source": "external", **super().to_representation(instance)}


class ClaimDetailSerializer(ClaimRowSerializer):
    appearances = ClaimAppearanceSerializer(many=True, source="appearance_list")
    evidence = EvidenceSerializer(many=True)
    reviews = ReviewSerializer(many=True, source="review_list")
    links = serializers.SerializerMethodField()
    external_checks = ExternalCheckSerializer(many=True, source="external_list")

    class Meta(ClaimRowSerializer.Meta):
        fields = [
            *ClaimRowSerializer.Meta.fields,
            "dismiss_reason",
            "appearances",
            "evidence",
            "reviews",
            "links",
            "external_checks",
        ]

    @extend_schema_field(ClaimLinkRowSerializer(many=True))
    def get_links(self, claim: Claim) -> list[dict[str, Any]]:
        def row(link: ClaimLink, other: Claim, direction: str) -> dict[str, Any]:
            return {
                "id": link.pk,
                "kind": link.kind,
                "status": link.status,
                "score": link.score,
                "direction": direction,
                "claim": {
                    "id": other.pk,
                    "text": other.text,
                    "statement": other.statement,
                    "status": other.status,
                },
            }

        return [row(link, link.to_claim, "out") for link in claim.links_out.all()] + [
            row(link, link.from_claim, "in") for link in claim.links_in.all()
        ]


@extend_schema_field({**ID_SCHEMA, "description": "A rating id (or its slug)."})
class RatingRefField(serializers.PrimaryKeyRelatedField):
    """A rating by id (the contract) or, for convenience, by slug."""

    def to_internal_value(self, data: Any) -> Rating:
        if isinstance(data, str) and data and parse_id(data) is None:
            rating = Rating.objects.filter(slug=data).first()
            if rating is None:
                self.fail("does_not_exist", pk_value=data)
            return rating
        if isinstance(data, bool):
            self.fail("incorrect_type", data_type="bool")
        return super().to_internal_value(data)


MAX_STATEMENT = 2000  # characters: one sentence, with room for a long quotation


class ReviewEditSerializer(serializers.Serializer):
    rating = RatingRefField(queryset=Rating.objects.all(), allow_null=True, required=False)
    summary = serializers.CharField(
        max_length=MAX_TEXT, allow_blank=True, required=False, trim_whitespace=False
    )
    explanation = serializers.CharField(
        max_length=MAX_TEXT, allow_blank=True, required=False, trim_whitespace=False
    )
    statement = serializers.CharField(
        max_length=MAX_STATEMENT,
        required=False,
        help_text="What is checked, as readers will read it: speaker, stance and content.",
    )
    headline = serializers.CharField(
        max_length=200,
        allow_blank=True,
        required=False,
        help_text="The fact-check's headline; blank takes it from the statement.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError(
                f"Unknown field(s): {', '.join(unknown)}. Editable: {', '.join(self.fields)}."
            )
        return attrs


class AssignSerializer(serializers.Serializer):
    assignee = serializers.CharField(
        max_length=150, help_text="The user id or username of the fact-checker."
    )
    due_at = serializers.DateTimeField(required=False, allow_null=True)

    def validate_assignee(self, value: str) -> Any:
        users = get_user_model().objects.filter(is_active=True)
        user_id = parse_id(value)
        user = (users.filter(pk=user_id) if user_id else users.none()).first()
        user = user or users.filter(username=value).first()
        if user is None:
            raise serializers.ValidationError(f"No active user {value!r}.")
        return user


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=MAX_NOTE)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=MAX_NOTE)


class OptionalNoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=MAX_NOTE, required=False, allow_blank=True, default="")


class ReviewEventSerializer(serializers.ModelSerializer):
    actor = UserRefSerializer(allow_null=True)
    actor_name = serializers.CharField(
        read_only=True, help_text='The person who acted, "a reader" or "system".'
    )

    class Meta:
        model = ReviewEvent
        fields = [
            "id",
            "review",
            "claim",
            "feedback",
            "actor",
            "actor_name",
            "action",
            "from_state",
            "to_state",
            "note",
            "changes",
            "created_at",
        ]


class ReviewVersionSerializer(serializers.ModelSerializer):
    rating = RatingSerializer()
    author = UserRefSerializer()
    approved_by = UserRefSerializer()

    class Meta:
        model = ReviewVersion
        fields = [
            "id",
            "number",
            "rating",
            "summary",
            "explanation",
            "author",
            "approved_by",
            "correction_note",
            "published_at",
        ]


class CredentialsSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


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
