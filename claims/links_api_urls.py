"""API routes for claim links and "has this been checked already?" matches."""

from django.urls import path

from claims import links_api

urlpatterns = [
    path("links/", links_api.LinkListView.as_view(), name="link-list"),
    path("links/precision/", links_api.LinkPrecisionView.as_view(), name="link-precision"),
    path("links/<int:pk>/confirm/", links_api.LinkDecisionView.as_view(), name="link-confirm"),
    path("links/<int:pk>/reject/", links_api.LinkRejectView.as_view(), name="link-reject"),
    path("matches/", links_api.MatchView.as_view(), name="matches"),
]
