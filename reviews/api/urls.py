"""API routes of the reviews layer: the review workflow, then public fact-checks,
reader feedback and "has this been checked already?" matches.

Every route is a ViewSet's, registered on a router; the few whose URL name a router
cannot produce (it names a list `<basename>-list`) are routed by hand."""

from django.urls import URLPattern, URLResolver, path
from rest_framework.routers import SimpleRouter

from reviews.api.conversation import CommentViewSet, NotificationViewSet
from reviews.api.open_views import AuthViewSet, RatingViewSet
from reviews.api.public import FeedbackViewSet, PublicFactCheckViewSet
from reviews.api.views import ClaimViewSet, MatchViewSet, ReviewViewSet

# Triage, reviews, ratings and tokens: every route is in the permission matrix test.
desk = SimpleRouter(use_regex_path=False)
desk.register("auth", AuthViewSet, basename="auth")
desk.register("ratings", RatingViewSet, basename="rating")
desk.register("notifications", NotificationViewSet, basename="notification")
desk.register("claims", ClaimViewSet, basename="claim")
desk.register("reviews", ReviewViewSet, basename="review")
workflow: list[URLPattern | URLResolver] = [
    path(
        "reviews/<id:review_id>/comments/",
        CommentViewSet.as_view({"get": "list", "post": "create"}),
        name="review-comments",
    ),
    *desk.urls,
]

inbox = SimpleRouter(use_regex_path=False)
inbox.register("feedback", FeedbackViewSet, basename="api-feedback")
readers: list[URLPattern | URLResolver] = [
    path(
        "public/fact-checks/",
        PublicFactCheckViewSet.as_view({"get": "list"}),
        name="public-fact-checks",
    ),
    path(
        "feedback/",
        FeedbackViewSet.as_view({"get": "inbox", "post": "report"}),
        name="api-feedback",
    ),
    *inbox.urls,
    path("matches/", MatchViewSet.as_view({"get": "search"}), name="matches"),
]

urlpatterns = [*workflow, *readers]
