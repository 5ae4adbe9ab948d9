"""Claim links over HTTP.

Every member of staff sees links. Only editors and admins
(`claims.change_claimlink`) confirm or reject a link: a confirmed contradiction is an
editorial finding shown beside the claim, so it gets an editor's decision, the way
a verdict does. A checker who disagrees with a suggestion tells an editor.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.link_serializers import (
    ClaimLinkSerializer,
    DecisionSerializer,
    LinkFilterSerializer,
    StorySerializer,
)
from claims.api.permissions import CanDecideLinks, CanViewClaims, CanViewLinks
from claims.models import Appearance, Claim, ClaimLink
from claims.services.links import (
    AUTO_THRESHOLD,
    SUGGEST_THRESHOLD,
    claimlink_confirm,
    claimlink_reject,
    link_precision_by_band,
)
from claims.services.story import claim_story
from factcheck.viewsets import ViewSet


def links() -> QuerySet[ClaimLink]:
    appearances = Appearance.objects.select_related("article").order_by("created_at", "id")
    return ClaimLink.objects.select_related(
        "decided_by",
        "from_claim__speaker__body",
        "to_claim__speaker__body",
    ).prefetch_related(
        Prefetch("from_claim__appearances", queryset=appearances),
        Prefetch("to_claim__appearances", queryset=appearances),
    )


class LinkViewSet(mixins.ListModelMixin, ViewSet):
    permission_classes = [CanViewLinks]
    serializer_class = ClaimLinkSerializer
    filter_backends: list = []

    @extend_schema(parameters=[LinkFilterSerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[ClaimLink]:
        params = LinkFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        filters = params.validated_data
        queryset = links().order_by("-score", "id")
        if "claim" in filters:
            queryset = queryset.filter(
                Q(from_claim_id=filters["claim"]) | Q(to_claim_id=filters["claim"])
            )
        if "status" in filters:
            queryset = queryset.filter(status=filters["status"])
        if "kind" in filters:
            queryset = queryset.filter(kind=filters["kind"])
        return queryset

    @extend_schema(request=DecisionSerializer, responses={200: ClaimLinkSerializer})
    @action(detail=True, methods=["post"], permission_classes=[CanDecideLinks])
    def confirm(self, request: Request, pk: int) -> Response:
        return self._decide(claimlink_confirm, request, pk)

    @extend_schema(request=DecisionSerializer, responses={200: ClaimLinkSerializer})
    @action(detail=True, methods=["post"], permission_classes=[CanDecideLinks])
    def reject(self, request: Request, pk: int) -> Response:
        return self._decide(claimlink_reject, request, pk)

    def _decide(self, decide: Callable[..., Any], request: Request, pk: int) -> Response:
        data = DecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        link = get_object_or_404(ClaimLink, pk=pk)
        decide(link=link, actor=request.user, note=data.validated_data["note"])
        return Response(ClaimLinkSerializer(links().get(pk=pk)).data)

    @extend_schema(
        parameters=[OpenApiParameter("kind", str, enum=ClaimLink.Kind.values)],
        responses={200: dict},
    )
    @action(detail=False, methods=["get"])
    def precision(self, request: Request) -> Response:
        """Precision of people's decisions per score band: the dashboard tunes thresholds by it."""
        params = LinkFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        return Response(
            {
                "suggest_threshold": SUGGEST_THRESHOLD,
                "auto_threshold": AUTO_THRESHOLD,
                "bands": link_precision_by_band(kind=params.validated_data.get("kind")),
            }
        )


# The claim's story: an action of the claim ViewSet (reviews/api/views.py, which routes
# `claims/`), written here because the story is the claims layer's.
class ClaimStoryActions:
    @extend_schema(responses=StorySerializer)
    @action(detail=True, methods=["get"], permission_classes=[CanViewClaims])
    def story(self, request: Request, pk: int) -> Response:
        """What the claim's government (all its speakers) said on its topic, oldest first."""
        claim = get_object_or_404(Claim.objects.select_related("speaker"), pk=pk)
        return Response(StorySerializer(claim_story(claim=claim)).data)
