"""API routes for triage, reviews, ratings and tokens (feedback and public pages: issue 6)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from reviews.api.conversation import CommentListView, NotificationListView, NotificationReadView
from reviews.api.open_views import RatingListView, TokenView
from reviews.api.views import ClaimViewSet, ReviewViewSet

router = SimpleRouter()
router.register("claims", ClaimViewSet, basename="claim")
router.register("reviews", ReviewViewSet, basename="review")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("ratings/", RatingListView.as_view(), name="rating-list"),
    path("reviews/<int:review_id>/comments/", CommentListView.as_view(), name="review-comments"),
    path("notifications/", NotificationListView.as_view(), name="notification-list"),
    path(
        "notifications/<int:notification_id>/read/",
        NotificationReadView.as_view(),
        name="notification-read",
    ),
    *router.urls,
]
