"""Public pages, mounted at the site root."""

from django.urls import path

from reviews import public_views

urlpatterns = [
    path("fact-checks/", public_views.fact_check_list, name="fact-check-list"),
    path("fact-checks/feed/", public_views.FactCheckFeed(), name="fact-check-feed"),
    path("fact-checks/ratings/", public_views.ratings, name="ratings"),
    path("fact-checks/<slug:slug>/", public_views.fact_check_detail, name="fact-check-detail"),
    path("feedback/", public_views.feedback_form, name="feedback-form"),
    path("feedback/thanks/", public_views.feedback_thanks, name="feedback-thanks"),
]
