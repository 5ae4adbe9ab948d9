from rest_framework import serializers

from claims.models import Appearance, Article, Claim, Feed, FeedPoll, Speaker
from claims.services.feeds import MAX_POLL_INTERVAL, MIN_POLL_INTERVAL
from factcheck.numbers import MAX_ID


class FeedPollSerializer(serializers.ModelSerializer):
    class Meta:
        model = FeedPoll
        fields = ["polled_at", "status", "http_status", "new_items", "duration_ms", "error"]
        read_only_fields = fields


class FeedSerializer(serializers.ModelSerializer):
    healthy = serializers.BooleanField(read_only=True)
    # The latest polls, newest first (Feed.objects.with_recent_polls).
    recent_polls = FeedPollSerializer(many=True, read_only=True)
    articles = serializers.IntegerField(read_only=True, source="article_count")
    paused = serializers.SerializerMethodField()

    class Meta:
        model = Feed
        fields = [
            "id",
            "url",
            "name",
            "outlet",
            "active",
            "paused",
            "poll_interval",
            "healthy",
            "last_polled_at",
            "last_success_at",
            "last_status",
            "last_error",
            "consecutive_failures",
            "next_poll_at",
            "articles",
            "created_at",
            "recent_polls",
        ]
        read_only_fields = fields

    def get_paused(self, feed: Feed) -> bool:
        return not feed.active


class FeedCreateSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000)
    name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    outlet = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    poll_interval = serializers.IntegerField(
        required=False, default=900, min_value=MIN_POLL_INTERVAL, max_value=MAX_POLL_INTERVAL
    )


class FeedUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    paused = serializers.BooleanField(required=False)
    # The service checks the same range; bounds here put it in the schema too.
    poll_interval = serializers.IntegerField(
        required=False, min_value=MIN_POLL_INTERVAL, max_value=MAX_POLL_INTERVAL
    )


class AppearanceSerializer(serializers.ModelSerializer):
    speaker = serializers.CharField(source="speaker.name", default=None, read_only=True)

    class Meta:
        model = Appearance
        fields = [
            "id",
            "claim",
            "speaker",
            "sentence",
            "sentence_start",
            "sentence_end",
            "source",
            "source_start",
            "source_end",
            "cue",
            "cue_start",
            "cue_end",
            "content",
            "content_start",
            "content_end",
            "direct",
            "official",
            "official_reason",
            "score",
            "score_reasons",
            "stance",
            "stance_reason",
            "statement",
            "not_a_claim",
            "detector_version",
        ]
        read_only_fields = fields


class ArticleSerializer(serializers.ModelSerializer):
    appearance_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "canonical_url",
            "feed",
            "guid",
            "outlet",
            "title",
            "author",
            "published_at",
            "language",
            "status",
            "error",
            "attempts",
            "retries",
            "next_attempt_at",
            "appearance_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ArticleDetailSerializer(ArticleSerializer):
    appearances = AppearanceSerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "content_hash", "text", "appearances"]
        read_only_fields = fields


class ArticleSubmitSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000)
    title = serializers.CharField(max_length=1000, required=False, default="", allow_blank=True)
    text = serializers.CharField(
        required=False, default="", allow_blank=True, trim_whitespace=False
    )

    def validate(self, data: dict) -> dict:
        if data["title"] and not data["text"].strip():
            raise serializers.ValidationError({"text": "A title needs the article text too."})
        return data


class ClaimBriefSerializer(serializers.ModelSerializer):
    speaker = serializers.CharField(source="speaker.name", default=None, read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "statement",
            "text",
            "speaker",
            "status",
            "official",
            "checkworthiness",
            "priority",
            "priority_reasons",
            "appearance_count",
            "first_seen_at",
            "last_seen_at",
        ]
        read_only_fields = fields


class SpeakerSerializer(serializers.ModelSerializer):
    aliases = serializers.SerializerMethodField()

    class Meta:
        model = Speaker
        fields = ["id", "name", "kind", "title", "body", "is_official", "aliases"]
        read_only_fields = fields

    def get_aliases(self, speaker: Speaker) -> list[str]:
        return [alias.alias for alias in speaker.aliases.all()]


class SpeakerMergeSerializer(serializers.Serializer):
    into = serializers.IntegerField(min_value=1, max_value=MAX_ID)
