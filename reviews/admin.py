from django.contrib import admin

from reviews.models import Feedback, Rating, Review, ReviewEvent, ReviewVersion


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
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
class FeedbackAdmin(admin.ModelAdmin):
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
        "notified_at",
    ]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False
