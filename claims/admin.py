from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.models import (
    Appearance,
    Article,
    Claim,
    ClaimLink,
    Evidence,
    Feed,
    Speaker,
    SpeakerAlias,
)
from claims.services import feed_poll_request


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "outlet",
        "url",
        "active",
        "consecutive_failures",
        "last_success_at",
        "next_poll_at",
    ]
    actions = ["poll_now"]
    list_filter = ["active", "outlet"]
    search_fields = ["name", "url", "outlet"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_polled_at",
        "last_success_at",
        "last_status",
        "last_error",
        "consecutive_failures",
        "next_poll_at",
    ]

    @admin.action(description="Poll the selected feeds now", permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
        feeds = list(queryset)
        for feed in feeds:
            feed_poll_request(feed=feed)
        self.message_user(request, f"Queued {len(feeds)} poll(s).", messages.SUCCESS)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "status", "published_at", "created_at"]
    list_filter = ["status", "outlet"]
    search_fields = ["title", "canonical_url"]
    readonly_fields = [
        "feed",
        "url",
        "canonical_url",
        "guid",
        "content_hash",
        "detected_hash",
        "status",
        "error",
        "attempts",
    ]


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    fields = ["alias"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    """Read-only: staff edit speakers on the desk (/desk/speakers/), whose services keep
    the key in step with the name, refuse roll-up loops and protect staff edits from
    being overwritten by detection."""

    list_display = ["name", "title", "body", "is_official", "kind"]
    list_filter = ["is_official", "kind"]
    search_fields = ["name", "title", "aliases__alias"]
    inlines = [SpeakerAliasInline]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


class AppearanceInline(admin.TabularInline):
    model = Appearance
    fields = ["article", "source", "cue", "content", "official", "stance"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "status", "priority", "appearance_count", "created_at"]
    list_filter = ["status", "official"]
    search_fields = ["text", "speaker__name"]
    # Status moves only through the desk's services, which audit each change.
    readonly_fields = [
        "status",
        "dismiss_reason",
        "priority",
        "priority_reasons",
        "checkworthiness",
        "appearance_count",
        "first_seen_at",
        "last_seen_at",
    ]
    autocomplete_fields = ["speaker"]
    inlines = [AppearanceInline]


@admin.register(Appearance)
class AppearanceAdmin(admin.ModelAdmin):
    list_display = ["source", "cue", "article", "official", "stance", "detector_version"]
    list_filter = ["official", "stance", "direct"]
    search_fields = ["content", "source"]
    raw_id_fields = ["claim", "article", "speaker"]

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(ClaimLink)
class ClaimLinkAdmin(admin.ModelAdmin):
    list_display = ["from_claim", "kind", "to_claim", "score", "status", "automatic"]
    list_filter = ["kind", "status", "automatic"]
    raw_id_fields = ["from_claim", "to_claim"]
    readonly_fields = ["score", "reasons", "automatic", "decided_by", "decided_at", "status"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["title", "claim", "stance", "primary_source", "added_by", "created_at"]
    list_filter = ["stance", "primary_source"]
    search_fields = ["title", "url"]
    raw_id_fields = ["claim", "review"]
    readonly_fields = ["added_by"]


import claims.external_admin  # noqa: E402, F401 — registers the fact-check source admin
