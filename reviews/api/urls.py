"""API routes of the reviews layer: the review workflow, then public fact-checks,
reader feedback and "has this been checked already?" matches.

Every route is a ViewSet's, registered on a router; the few whose URL name a router
cannot produce (it names a list `<basename>-list`) are routed by hand."""

from django.urls import URLPattern, URLResolver, path
from rest_framework.routers import SimpleRouter

from reviews.api import public
from reviews.api.conversation import CommentViewSet, NotificationViewSet
from reviews.api.open_views import AuthViewSet, RatingViewSet
from reviews.api.views import ClaimViewSet, MatchView, ReviewViewSet

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

readers = [
    path("public/fact-checks/", public.PublicFactCheckList.as_view(), name="public-fact-checks"),
    path("feedback/", public.FeedbackView.as_view(), name="api-feedback"),
    path("feedback/<id:pk>/route/", public.FeedbackRouteView.as_view(), name="api-feedback-route"),
    path(
        "feedback/<id:pk>/open-correction/",
        public.FeedbackOpenCorrectionView.as_view(),
        name="api-feedback-open-correction",
    ),
    path("feedback/<id:pk>/close/", public.FeedbackCloseView.as_view(), name="api-feedback-close"),
    path("matches/", MatchView.as_view(), name="matches"),
]

urlpatterns = [*workflow, *readers]
