"""Claim links over HTTP.

Every member of staff sees links. Only editors and admins
(`claims.change_claimlink`) confirm or reject a link: a confirmed contradiction is an
editorial finding shown beside the claim, so it gets an editor's decision, the way
a verdict does. A checker who disagrees with a suggestion tells an editor.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

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


class LinkListView(generics.ListAPIView):
    permission_classes = [CanViewLinks]
    serializer_class = ClaimLinkSerializer
    filter_backends: list = []

    @extend_schema(parameters=[LinkFilterSerializer])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

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


class LinkDecisionView(APIView):
    permission_classes = [CanDecideLinks]
    decide = staticmethod(claimlink_confirm)

    @extend_schema(request=DecisionSerializer, responses={200: ClaimLinkSerializer})
    def post(self, request: Request, pk: int) -> Response:
        data = DecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        link = get_object_or_404(ClaimLink, pk=pk)
        self.decide(link=link, actor=request.user, note=data.validated_data["note"])
        return Response(ClaimLinkSerializer(links().get(pk=pk)).data)


class LinkRejectView(LinkDecisionView):
    decide = staticmethod(claimlink_reject)


class LinkPrecisionView(APIView):
    """Precision of people's decisions per score band: the dashboard tunes thresholds by it."""

    permission_classes = [CanViewLinks]

    @extend_schema(
        parameters=[OpenApiParameter("kind", str, enum=ClaimLink.Kind.values)],
        responses={200: dict},
    )
    def get(self, request: Request) -> Response:
        params = LinkFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        return Response(
            {
                "suggest_threshold": SUGGEST_THRESHOLD,
                "auto_threshold": AUTO_THRESHOLD,
                "bands": link_precision_by_band(kind=params.validated_data.get("kind")),
            }
        )


class ClaimStoryView(APIView):
    """What the claim's government (all its speakers) said on its topic, oldest first."""

    permission_classes = [CanViewClaims]

    @extend_schema(responses=StorySerializer)
    def get(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim.objects.select_related("speaker"), pk=pk)
        return Response(StorySerializer(claim_story(claim=claim)).data)
