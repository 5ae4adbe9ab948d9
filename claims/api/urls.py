"""API routes of the claims layer: feeds, articles, speakers, other publishers' fact-check
sources, promotion and claim links. A claim's story is routed with the claim ViewSet
(reviews/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from claims.api.factcheck_sources import FactCheckSourceViewSet
from claims.api.link_views import LinkViewSet
from claims.api.views import AppearanceViewSet, ArticleViewSet, FeedViewSet, SpeakerViewSet

router = SimpleRouter(use_regex_path=False)
router.register("feeds", FeedViewSet, basename="feed")
router.register("speakers", SpeakerViewSet, basename="speaker")
router.register("articles", ArticleViewSet, basename="article")
router.register("factcheck-sources", FactCheckSourceViewSet, basename="factcheck-source")
router.register("appearances", AppearanceViewSet, basename="appearance")
router.register("links", LinkViewSet, basename="link")

urlpatterns = router.urls
