from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from factcheck.admin_site import ReadOnlyAdmin
from reviews.models import (
    ApiToken,
    Comment,
    Feedback,
    Rating,
    Review,
    ReviewEvent,
    ReviewVersion,
)


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdmin):
    """Read-only: a label or value change would rewrite every published ClaimReview."""

    list_display = ["label", "slug", "value", "order"]


class ReviewVersionInline(admin.TabularInline):
    model = ReviewVersion
    fields = ["number", "rating", "summary", "author", "approved_by", "published_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    """Read-only: reviews change through the desk, where every step is audited."""

    list_display = ["__str__", "state", "assignee", "rating", "due_at", "published_at"]
    list_filter = ["state", "rating"]
    search_fields = ["summary", "claim__text"]
    inlines = [ReviewVersionInline]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "actor", "review", "claim", "from_state", "to_state"]
    list_filter = ["action"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdmin):
    """Read-only: reports are decided in the desk's inbox, where every decision is audited."""

    list_display = ["created_at", "category", "url", "status"]
    list_filter = ["category", "status"]
    search_fields = ["url", "message", "passage"]
    readonly_fields = [
        "url",
        "canonical_url",
        "passage",
        "category",
        "message",
        "email",
        "email_consent",
        "status",
        "review",
        "claim",
        "article",
        "duplicate_of",
        "client_hash",
        "reply",
        "notified_at",
    ]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "review", "author"]
    search_fields = ["text"]


# DRF's own token admin lists every key in plain text.
admin.site.unregister(TokenProxy)


@admin.register(ApiToken)
class MaskedTokenAdmin(TokenAdmin):
    """API tokens are passwords: never shown, never edited; an admin may revoke one."""

    list_display = ["masked_key", "user", "created"]
    fields = ["user", "masked_key", "created"]
    readonly_fields = fields

    @admin.display(description="Key")
    def masked_key(self, token: ApiToken) -> str:
        return f"{token.key[:4]}…"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
