"""Thin views: parse with a serializer, call one service, answer with a serializer."""

from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from claims.api.permissions import (
    CanEditSpeakers,
    CanManageFeeds,
    CanPromote,
    CanSubmitArticles,
    CanViewArticles,
)
from claims.api.serializers import (
    AppearanceSerializer,
    ArticleDetailSerializer,
    ArticleSerializer,
    ArticleSubmitSerializer,
    ClaimBriefSerializer,
    FeedCreateSerializer,
    FeedSerializer,
    FeedUpdateSerializer,
    SpeakerMergeSerializer,
    SpeakerSerializer,
)
from claims.models import Appearance, Article, Feed, Speaker
from claims.services import opml
from claims.services.articles import article_submit
from claims.services.claims import appearance_promote
from claims.services.feeds import (
    KEEP_POLLS,
    feed_add,
    feed_delete,
    feed_poll_request,
    feed_update,
)
from claims.services.speakers import speaker_merge
from factcheck.viewsets import ViewSet

_Queued = inline_serializer("Queued", {"id": serializers.IntegerField()})
_OpmlImport = inline_serializer(
    "OpmlImport",
    {
        name: serializers.ListField(child=serializers.DictField(child=serializers.CharField()))
        for name in ("added", "skipped", "refused")
    },
)
OPML = "GET: every feed as OPML 2.0. POST: an OPML document as the body; new feeds added."


def _feeds(polls: int = 10) -> QuerySet[Feed]:
    """Feeds with their article counts and latest `polls` polls (a list shows ten each)."""
    return Feed.objects.with_article_count().with_recent_polls(polls).order_by("name", "id")


class FeedViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ViewSet):
    permission_classes = [CanManageFeeds]
    serializer_class = FeedSerializer
    filterset_fields = ["active", "outlet"]

    def get_queryset(self) -> QuerySet[Feed]:
        # One feed shows its whole kept history.
        return _feeds(polls=KEEP_POLLS) if self.detail else _feeds()

    @extend_schema(request=FeedCreateSerializer, responses={201: FeedSerializer})
    def create(self, request: Request) -> Response:
        data = FeedCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        feed = feed_add(actor=request.user, **data.validated_data)
        return Response(FeedSerializer(_feeds().get(pk=feed.pk)).data, status=201)

    @extend_schema(request=FeedUpdateSerializer, responses={200: FeedSerializer})
    def partial_update(self, request: Request, pk: int) -> Response:
        data = FeedUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        feed_update(actor=request.user, feed_id=pk, **data.validated_data)
        return Response(FeedSerializer(_feeds(polls=KEEP_POLLS).get(pk=pk)).data)

    @extend_schema(request=None, responses={204: None})
    def destroy(self, request: Request, pk: int) -> Response:
        feed_delete(actor=request.user, feed_id=pk)
        return Response(status=204)

    @extend_schema(request=None, responses={202: _Queued})
    @action(detail=True, methods=["post"])
    def poll(self, request: Request, pk: int) -> Response:
        feed = get_object_or_404(Feed, pk=pk)
        feed_poll_request(actor=request.user, feed=feed)
        return Response({"id": feed.pk, "detail": "Polling queued."}, status=202)

    @extend_schema(description=OPML, responses={(200, "text/x-opml"): OpenApiTypes.STR})
    @action(detail=False, methods=["get"])
    def opml(self, request: Request) -> HttpResponse:
        document = opml.feeds_export_opml(actor=request.user)
        response = HttpResponse(document, content_type="text/x-opml; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="feeds.opml"'
        return response

    @extend_schema(
        description=OPML,
        request={"text/x-opml": OpenApiTypes.STR},
        responses={200: _OpmlImport},
    )
    @opml.mapping.post
    def opml_import(self, request: Request) -> Response:
        # The raw body is the document, whatever Content-Type the client sent with it.
        report = opml.feeds_import_opml(actor=request.user, document=request.body)
        return Response(report.as_dict())


class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ViewSet):
    filterset_fields = ["status", "feed", "outlet"]

    def get_permissions(self) -> list[Any]:
        permission = CanSubmitArticles if self.action == "create" else CanViewArticles
        return [permission()]

    def get_serializer_class(self) -> type[BaseSerializer]:
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer

    def get_queryset(self) -> QuerySet[Article]:
        articles = Article.objects.annotate(appearance_count=Count("appearances"))
        if self.action != "retrieve":
            return articles.defer("text").order_by("-created_at", "-id")
        appearances = Appearance.objects.select_related("speaker").order_by("content_start")
        return articles.prefetch_related(Prefetch("appearances", queryset=appearances))

    @extend_schema(request=ArticleSubmitSerializer, responses={202: _Queued})
    def create(self, request: Request) -> Response:
        data = ArticleSubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        article = article_submit(actor=request.user, **data.validated_data)
        return Response({"id": article.pk}, status=status.HTTP_202_ACCEPTED)


class AppearanceViewSet(ViewSet):
    permission_classes = [CanPromote]
    # What OPTIONS describes (DRF's metadata asks every ViewSet for a serializer).
    serializer_class = AppearanceSerializer

    @extend_schema(request=None, responses={201: ClaimBriefSerializer})
    @action(detail=True, methods=["post"])
    def promote(self, request: Request, pk: int) -> Response:
        get_object_or_404(Appearance, pk=pk)
        claim = appearance_promote(appearance_id=pk, actor=request.user)
        return Response(ClaimBriefSerializer(claim).data, status=201)


class SpeakerViewSet(ViewSet):
    permission_classes = [CanEditSpeakers]
    # What OPTIONS describes (DRF's metadata asks every ViewSet for a serializer).
    serializer_class = SpeakerSerializer

    @extend_schema(request=SpeakerMergeSerializer, responses={200: SpeakerSerializer})
    @action(detail=True, methods=["post"])
    def merge(self, request: Request, pk: int) -> Response:
        """The registry held one speaker twice: fold this entry into `into`."""
        data = SpeakerMergeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        survivor = speaker_merge(
            speaker_id=pk, into_id=data.validated_data["into"], actor=request.user
        ).survivor
        return Response(
            SpeakerSerializer(Speaker.objects.prefetch_related("aliases").get(pk=survivor.pk)).data
        )
