"""API routes of the claims layer: feeds, articles, promotion and claim links."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from claims.api import factcheck_sources, link_views
from claims.api.views import AppearanceViewSet, ArticleViewSet, FeedViewSet, SpeakerViewSet

router = SimpleRouter(use_regex_path=False)
router.register("feeds", FeedViewSet, basename="feed")
router.register("speakers", SpeakerViewSet, basename="speaker")
router.register("articles", ArticleViewSet, basename="article")
router.register("appearances", AppearanceViewSet, basename="appearance")

urlpatterns = [
    *router.urls,
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
    path("links/", link_views.LinkListView.as_view(), name="link-list"),
    path("links/precision/", link_views.LinkPrecisionView.as_view(), name="link-precision"),
    path("links/<id:pk>/confirm/", link_views.LinkDecisionView.as_view(), name="link-confirm"),
    path("links/<id:pk>/reject/", link_views.LinkRejectView.as_view(), name="link-reject"),
    path("claims/<id:pk>/story/", link_views.ClaimStoryView.as_view(), name="claim-story"),
]
