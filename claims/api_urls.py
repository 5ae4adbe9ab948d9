"""API routes for feeds and articles (ingestion)."""

urlpatterns: list = []
