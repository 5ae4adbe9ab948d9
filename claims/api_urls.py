"""API routes for feeds and articles (ingestion)."""

from django.urls import path

from claims.api import views

urlpatterns = [
    path("feeds/", views.FeedListView.as_view(), name="feed-list"),
    path("feeds/<int:pk>/", views.FeedDetailView.as_view(), name="feed-detail"),
    path("feeds/<int:pk>/poll/", views.FeedPollView.as_view(), name="feed-poll"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path(
        "appearances/<int:pk>/promote/",
        views.AppearancePromoteView.as_view(),
        name="appearance-promote",
    ),
]
