"""API routes of the claims layer: feeds, articles, promotion and claim links."""

from django.urls import path

from claims.api import factcheck_sources, link_views, views

urlpatterns = [
    path("feeds/", views.FeedListView.as_view(), name="feed-list"),
    path("feeds/opml/", views.FeedOpmlView.as_view(), name="feed-opml"),
    path("speakers/<id:pk>/merge/", views.SpeakerMergeView.as_view(), name="speaker-merge"),
    path("feeds/<id:pk>/", views.FeedDetailView.as_view(), name="feed-detail"),
    path("feeds/<id:pk>/poll/", views.FeedPollView.as_view(), name="feed-poll"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<id:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path(
        "factcheck-sources/",
        factcheck_sources.FactCheckSourceListView.as_view(),
        name="factcheck-source-list",
    ),
    path(
        "factcheck-sources/<id:pk>/",
        factcheck_sources.FactCheckSourceDetailView.as_view(),
        name="factcheck-source-detail",
    ),
    path(
        "factcheck-sources/<id:pk>/poll/",
        factcheck_sources.FactCheckSourcePollView.as_view(),
        name="factcheck-source-poll",
    ),
    path(
        "appearances/<id:pk>/promote/",
        views.AppearancePromoteView.as_view(),
        name="appearance-promote",
    ),
    path("links/", link_views.LinkListView.as_view(), name="link-list"),
    path("links/precision/", link_views.LinkPrecisionView.as_view(), name="link-precision"),
    path("links/<id:pk>/confirm/", link_views.LinkDecisionView.as_view(), name="link-confirm"),
    path("links/<id:pk>/reject/", link_views.LinkRejectView.as_view(), name="link-reject"),
    path("claims/<id:pk>/story/", link_views.ClaimStoryView.as_view(), name="claim-story"),
]
