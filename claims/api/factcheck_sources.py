"""`/factcheck-sources/`: other publishers' fact-check feeds, for editors and admins."""

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from claims import permissions
from claims.api.permissions import allowed_if
from claims.external_models import (
    HEALTH_FIELDS,
    MAX_SOURCE_POLL_INTERVAL,
    MIN_SOURCE_POLL_INTERVAL,
    FactCheckSource,
)
from claims.services.factcheck_sources import factcheck_source_create, factcheck_source_poll_request
from factcheck.viewsets import ViewSet

CanManageSources = allowed_if(
    permissions.can_manage_factcheck_sources, "Only editors and admins manage fact-check sources."
)


class FactCheckSourceSerializer(serializers.ModelSerializer):
    healthy = serializers.BooleanField(read_only=True)
    fact_checks = serializers.IntegerField(read_only=True, source="fact_check_count")

    class Meta:
        model = FactCheckSource
        fields = [
            "id",
            "url",
            "name",
            "active",
            "poll_interval",
            "healthy",
            *[name for name in HEALTH_FIELDS if name not in ("etag", "last_modified")],
            "fact_checks",
            "created_at",
        ]
        read_only_fields = fields


class FactCheckSourceCreateSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000)
    name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    poll_interval = serializers.IntegerField(
        required=False,
        default=3600,
        min_value=MIN_SOURCE_POLL_INTERVAL,
        max_value=MAX_SOURCE_POLL_INTERVAL,
    )


def sources() -> QuerySet[FactCheckSource]:
    return FactCheckSource.objects.annotate(fact_check_count=Count("fact_checks")).order_by(
        "name", "id"
    )


class FactCheckSourceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ViewSet):
    permission_classes = [CanManageSources]
    serializer_class = FactCheckSourceSerializer
    filterset_fields = ["active", "kind"]

    def get_queryset(self) -> QuerySet[FactCheckSource]:
        return sources()

    @extend_schema(
        request=FactCheckSourceCreateSerializer, responses={201: FactCheckSourceSerializer}
    )
    def create(self, request: Request) -> Response:
        data = FactCheckSourceCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        source = factcheck_source_create(actor=request.user, **data.validated_data)
        return Response(FactCheckSourceSerializer(sources().get(pk=source.pk)).data, status=201)

    @extend_schema(request=None, responses={202: dict})
    @action(detail=True, methods=["post"])
    def poll(self, request: Request, pk: int) -> Response:
        source = get_object_or_404(FactCheckSource, pk=pk)
        factcheck_source_poll_request(source_id=source.pk, actor=request.user)
        return Response({"id": source.pk, "detail": "Polling queued."}, status=202)
