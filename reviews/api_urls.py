"""API routes for triage, reviews, ratings, feedback and public fact-checks."""

urlpatterns: list = []
