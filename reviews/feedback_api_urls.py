"""API routes for public fact-checks and reader feedback."""

from django.urls import path

from reviews import public_api

urlpatterns = [
    path(
        "public/fact-checks/", public_api.PublicFactCheckList.as_view(), name="public-fact-checks"
    ),
    path("feedback/", public_api.FeedbackView.as_view(), name="api-feedback"),
    path(
        "feedback/<int:pk>/route/",
        public_api.FeedbackRouteView.as_view(),
        name="api-feedback-route",
    ),
    path(
        "feedback/<int:pk>/open-correction/",
        public_api.FeedbackOpenCorrectionView.as_view(),
        name="api-feedback-open-correction",
    ),
    path(
        "feedback/<int:pk>/close/",
        public_api.FeedbackCloseView.as_view(),
        name="api-feedback-close",
    ),
]
