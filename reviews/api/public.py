"""Public fact-checks, reader feedback and the staff feedback inbox, over the API."""

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from claims.models import Claim
from factcheck.auth import client_ip
from factcheck.errors import InvalidInput
from factcheck.numbers import IdField
from factcheck.pagination import ValidatedPagination
from factcheck.viewsets import ViewSet
from reviews import feedback as services
from reviews import reports
from reviews.api.permissions import IsDeskStaff
from reviews.api.serializers import OptionalNoteSerializer, ReviewSerializer
from reviews.api.views import review_response
from reviews.models import Feedback, Review
from reviews.publication import (
    FactCheck,
    Scale,
    claim_review,
    fact_check_url,
    published_fact_checks,
    sanitise_html,
    search_fact_checks,
)
from reviews.throttling import FeedbackThrottle

THANKS = "Thank you. We read every report and will look into this one."


class PublicPagination(ValidatedPagination):
    page_size = 20


class FactCheckSerializer(serializers.Serializer):
    """A published fact-check: its latest version, history and ClaimReview markup.

    The fields below document the shape (OpenAPI); to_representation builds it.
    """

    slug = serializers.SlugField(read_only=True)
    url = serializers.URLField(read_only=True)
    claim = serializers.CharField(read_only=True, help_text="The statement checked.")
    statement = serializers.CharField(read_only=True, help_text="The statement checked.")
    headline = serializers.CharField(read_only=True)
    quote = serializers.CharField(read_only=True, help_text="The words the article reported.")
    speaker = serializers.DictField(read_only=True, allow_null=True)
    rating = serializers.DictField(read_only=True)
    summary = serializers.CharField(read_only=True)
    explanation = serializers.CharField(read_only=True, help_text="Sanitised HTML.")
    version = serializers.IntegerField(read_only=True)
    date_published = serializers.DateTimeField(read_only=True)
    date_modified = serializers.DateTimeField(read_only=True)
    corrections = serializers.ListField(child=serializers.DictField(), read_only=True)
    claim_review = serializers.DictField(read_only=True, help_text="schema.org ClaimReview")

    def to_representation(self, review: Review) -> dict[str, Any]:
        fact_check = FactCheck.of(review)
        speaker = fact_check.speaker
        version = fact_check.current
        return {
            "slug": review.slug,
            "url": fact_check_url(review),
            "claim": fact_check.statement,
            "statement": fact_check.statement,
            "headline": fact_check.headline,
            "quote": review.claim.text,
            "speaker": speaker and {"id": speaker.pk, "name": speaker.name, "title": speaker.title},
            "rating": {
                "slug": version.rating.slug,
                "label": version.rating.label,
                "value": version.rating.value,
            },
            "summary": version.summary,
            "explanation": sanitise_html(version.explanation),
            "version": version.number,
            "date_published": fact_check.date_published,
            "date_modified": fact_check.date_modified,
            "corrections": [
                {"version": c.number, "date": c.published_at, "note": c.correction_note}
                for c in fact_check.corrections
            ],
            "claim_review": claim_review(fact_check, self.context["scale"]),
        }


class PublicFactCheckViewSet(mixins.ListModelMixin, ViewSet):
    """Published fact-checks, newest first; `q`, `rating` (slug), `speaker` (id or name)."""

    permission_classes = [AllowAny]
    pagination_class = PublicPagination
    serializer_class = FactCheckSerializer
    filter_backends: list = []

    def get_queryset(self) -> QuerySet[Review]:
        params = self.request.query_params
        return search_fact_checks(
            published_fact_checks(),
            q=params.get("q", "").strip(),
            rating=params.get("rating", "").strip(),
            speaker=params.get("speaker", "").strip(),
        )

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "scale": Scale.current()}


# --- Feedback ------------------------------------------------------------------


class FeedbackInSerializer(serializers.Serializer):
    # Lengths are checked by the service, so the API and the form agree on them.
    url = serializers.CharField(trim_whitespace=True)
    passage = serializers.CharField(required=False, allow_blank=True, default="")
    category = serializers.ChoiceField(choices=Feedback.Category.choices)
    message = serializers.CharField(allow_blank=True)
    email = serializers.CharField(required=False, allow_blank=True, default="")
    email_consent = serializers.BooleanField(required=False, default=False)
    # The honeypot: invisible to people, irresistible to form-filling bots.
    website = serializers.CharField(required=False, allow_blank=True, default="")


class FeedbackReceivedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    email_kept = serializers.BooleanField()
    detail = serializers.CharField()


class FeedbackSerializer(serializers.ModelSerializer):
    duplicates = serializers.IntegerField(source="duplicate_count", read_only=True)

    class Meta:
        model = Feedback
        fields = [
            "id",
            "url",
            "canonical_url",
            "passage",
            "category",
            "message",
            "email_consent",
            "status",
            "review",
            "claim",
            "article",
            "duplicate_of",
            "duplicates",
            "reply",
            "notified_at",
            "created_at",
            "updated_at",
        ]


class FeedbackPageSerializer(serializers.Serializer):
    """The inbox is paginated by hand (the view also takes POST), so its page is spelled out."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = FeedbackSerializer(many=True)


def inbox(params: Any) -> QuerySet[Feedback]:
    """The staff inbox: spam hidden unless asked for; filters status, category, routed."""
    reports = Feedback.objects.annotate(duplicate_count=Count("duplicates")).order_by(
        "-created_at", "-id"
    )
    status_filter = params.get("status", "")
    if status_filter:
        reports = reports.filter(status=status_filter)
    else:
        reports = reports.exclude(status=Feedback.Status.SPAM)
    if params.get("category"):
        reports = reports.filter(category=params["category"])
    routed = params.get("routed", "").lower()
    target = Q(review__isnull=False) | Q(claim__isnull=False) | Q(article__isnull=False)
    if routed in ("true", "1", "yes"):
        reports = reports.filter(target)
    elif routed in ("false", "0", "no"):
        reports = reports.exclude(target)
    return reports


class FeedbackRouteInSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["route", "convert", "spam", "resolve"])
    review = IdField(required=False)
    claim = IdField(required=False)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class ReplySerializer(serializers.Serializer):
    reply = serializers.CharField(required=False, allow_blank=True, default="")


# `feedback/` is routed by hand (urls.py) as `api-feedback`, its actions by the router; the
# handlers are not named list and create, or the router would add `api-feedback-list`.
class FeedbackViewSet(ViewSet):
    # What OPTIONS describes (DRF's metadata asks every ViewSet for a serializer).
    serializer_class = FeedbackSerializer

    def get_permissions(self) -> list:
        return [AllowAny()] if self.action == "report" else [IsDeskStaff()]

    def get_throttles(self) -> list:
        return [FeedbackThrottle()] if self.action == "report" else []

    @extend_schema(request=FeedbackInSerializer, responses={201: FeedbackReceivedSerializer})
    def report(self, request: Request) -> Response:
        """POST: anyone reports an error (throttled per address). GET: the staff inbox."""
        data = FeedbackInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        honeypot = fields.pop("website")
        report = services.feedback_submit(**fields, honeypot=honeypot, client_ip=client_ip(request))
        spam = report.status == Feedback.Status.SPAM
        return Response(
            {
                "id": report.pk,
                # A bot that filled the honeypot is answered like everyone else.
                "status": Feedback.Status.NEW if spam else report.status,
                # An address is kept only with consent to write to it.
                "email_kept": bool(fields["email"].strip() and fields["email_consent"]),
                "detail": THANKS,
            },
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        responses=FeedbackPageSerializer,
        parameters=[
            OpenApiParameter("status", str, enum=Feedback.Status.values),
            OpenApiParameter("category", str, enum=Feedback.Category.values),
            OpenApiParameter("routed", bool),
            *ValidatedPagination.openapi_parameters(),
        ],
    )
    def inbox(self, request: Request) -> Response:
        """POST: anyone reports an error (throttled per address). GET: the staff inbox."""
        page = self.paginate_queryset(inbox(request.query_params))
        return self.get_paginated_response(FeedbackSerializer(page, many=True).data)

    @extend_schema(request=FeedbackRouteInSerializer, responses=FeedbackSerializer)
    @action(detail=True, methods=["post"])
    def route(self, request: Request, pk: int) -> Response:
        """Staff decide: route to a review or claim, convert to a claim (editors), spam, resolve."""
        report = get_object_or_404(Feedback, pk=pk)
        data = FeedbackRouteInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        decision, note = data.validated_data["action"], data.validated_data["note"]
        actor = request.user
        if decision == "route":
            review_id, claim_id = (
                data.validated_data.get("review"),
                data.validated_data.get("claim"),
            )
            if (review_id is None) == (claim_id is None):
                raise InvalidInput("Give either `review` or `claim` to route to.")
            report = services.feedback_reroute(
                feedback=report,
                actor=actor,
                review=get_object_or_404(Review, pk=review_id) if review_id else None,
                claim=get_object_or_404(Claim, pk=claim_id) if claim_id else None,
                note=note,
            )
        elif decision == "convert":
            report = services.feedback_convert_to_claim(feedback=report, actor=actor, note=note)
        elif decision == "spam":
            report = services.feedback_mark_spam(feedback=report, actor=actor, note=note)
        else:
            report = services.feedback_resolve(feedback=report, actor=actor, note=note)
        report = inbox({"status": report.status}).get(pk=report.pk)
        return Response(FeedbackSerializer(report).data)

    @extend_schema(request=OptionalNoteSerializer, responses=ReviewSerializer)
    @action(detail=True, methods=["post"], url_path="open-correction")
    def open_correction(self, request: Request, pk: int) -> Response:
        """Editors: reopen the fact-check a report is about as a correction (the report linked)."""
        data = OptionalNoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = reports.feedback_open_correction(
            feedback_id=pk, actor=request.user, note=data.validated_data["note"]
        )
        return review_response(review)

    @extend_schema(request=ReplySerializer, responses=FeedbackSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: int) -> Response:
        """Editors: close a report with no change; the optional reply goes to a consenting reader."""  # noqa: E501 — one line: the schema takes it as is
        data = ReplySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = reports.feedback_close(
            feedback_id=pk, actor=request.user, reply=data.validated_data["reply"]
        )
        report = inbox({"status": report.status}).get(pk=report.pk)
        return Response(FeedbackSerializer(report).data)
