"""API routes of the reviews layer: the review workflow, then public fact-checks,
reader feedback and "has this been checked already?" matches."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from reviews.api import public
from reviews.api.conversation import CommentListView, NotificationListView, NotificationReadView
from reviews.api.open_views import RatingListView, TokenView
from reviews.api.views import ClaimViewSet, MatchView, ReviewViewSet

# Path ids through the `id` converter (factcheck/numbers.py): too long is no route.
router = SimpleRouter(use_regex_path=False)
router.register("claims", ClaimViewSet, basename="claim")
router.register("reviews", ReviewViewSet, basename="review")

# Triage, reviews, ratings and tokens: every route is in the permission matrix test.
workflow = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("ratings/", RatingListView.as_view(), name="rating-list"),
    path("reviews/<id:review_id>/comments/", CommentListView.as_view(), name="review-comments"),
    path("notifications/", NotificationListView.as_view(), name="notification-list"),
    path(
        "notifications/<id:notification_id>/read/",
        NotificationReadView.as_view(),
        name="notification-read",
    ),
    *router.urls,
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
