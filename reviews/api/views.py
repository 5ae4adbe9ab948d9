"""Triage, review workflow and matches endpoints: parse, call one service, answer.

Who may do what is decided in reviews/permissions.py; the services re-check it.
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from django.db.models import Prefetch, Q, QuerySet
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from claims.api.link_views import ClaimStoryActions
from claims.api.permissions import CanViewClaims
from claims.external_models import ExternalMatch
from claims.models import Claim, ClaimLink
from factcheck.auth import signed_in
from factcheck.errors import NotAllowed, NotFound, PreconditionRequired
from factcheck.numbers import ID_SCHEMA, parse_id
from factcheck.viewsets import ViewSet
from reviews import permissions, services
from reviews.api import serializers as s
from reviews.api.pagination import TriagePagination
from reviews.api.permissions import IsDeskStaff
from reviews.external import claim_dismiss_as_checked, external_check_attach
from reviews.filters import ClaimFilter, ReviewFilter
from reviews.matches import find_all_matches
from reviews.models import Evidence, Review, ReviewEvent, ReviewVersion

if TYPE_CHECKING:
    from rest_framework.permissions import _PermissionClass

# Beyond this, the claim page links to the article list instead of listing every sighting.
MAX_APPEARANCES = 200
ERRORS = {
    code: OpenApiResponse(description=text)
    for code, text in {
        400: "Invalid input ({detail, errors}).",
        401: "Not signed in.",
        403: "Signed in without the right role or relation to this object.",
        404: "No such object.",
        409: "Wrong state, or a stale version.",
    }.items()
}
EXTERNAL_CHECK_ID = OpenApiParameter(
    "fact_check_id",
    ID_SCHEMA,
    OpenApiParameter.PATH,
    description="Another publisher's fact-check (`external_checks[].fact_check`).",
)


def object_id(value: Any) -> int:
    """A path id as an int; anything else is an unknown object (404), not a 500."""
    number = parse_id(value)
    if number is None:
        raise NotFound(f"No object with id {str(value)!r}.")
    return number


class DeskView:
    """Desk staff only (authentication as in settings: token first, so anonymous is a 401)."""

    permission_classes: "Sequence[_PermissionClass]" = [IsDeskStaff]
    lookup_value_converter = "id"


class ClaimViewSet(ClaimStoryActions, DeskView, viewsets.ReadOnlyModelViewSet):
    filterset_class = ClaimFilter
    pagination_class = TriagePagination

    def get_queryset(self) -> QuerySet:
        open_reviews = Prefetch(
            "reviews",
            queryset=Review.objects.open().select_related("assignee"),
            to_attr="open_reviews",
        )
        claims = Claim.objects.with_triage_data()
        if self.action != "retrieve":
            return claims.prefetch_related(open_reviews)
        # One claim: its open reviews are picked from all of them in `retrieve`.
        return claims.select_related("speaker").prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.select_related("added_by")),
            Prefetch(
                "reviews",
                queryset=Review.objects.select_related(
                    "claim", "assignee", "assigned_by", "approved_by", "rating"
                ),
                to_attr="review_list",
            ),
            Prefetch("links_out", queryset=ClaimLink.objects.select_related("to_claim")),
            Prefetch("links_in", queryset=ClaimLink.objects.select_related("from_claim")),
            Prefetch(
                "external_matches",
                queryset=ExternalMatch.objects.select_related("fact_check"),
                to_attr="external_list",
            ),
        )

    def get_serializer_class(self) -> type[BaseSerializer]:
        return s.ClaimDetailSerializer if self.action == "retrieve" else s.ClaimRowSerializer

    @extend_schema(
        summary="Triage queue",
        description="Claims ranked by priority by default; each row carries `priority_reasons`.",
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(
        summary="A claim with its speaker, appearances, evidence, reviews and links",
        responses={200: s.ClaimDetailSerializer, **ERRORS},
    )
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        claim = self.get_object()
        claim.open_reviews = [r for r in claim.review_list if r.state in Review.OPEN_STATES]
        # One query with a LIMIT: a sliced Prefetch numbers every claim's sightings with a
        # window function whose SQL alone took ~5 ms to build for the one claim shown.
        # The articles' text is never shown here, and a long one is read out of line.
        sightings = claim.appearances.select_related("article").defer("article__text")
        claim.appearance_list = list(sightings[:MAX_APPEARANCES])
        return Response(self.get_serializer(claim).data)

    @extend_schema(
        summary="Assign or reassign the claim",
        description="Editors assign anyone and reassign open reviews (200); a fact-checker "
        "may take an unassigned claim themselves (201).",
        request=s.AssignSerializer,
        responses={201: s.ReviewSerializer, 200: s.ReviewSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str) -> Response:
        data = _valid(s.AssignSerializer, request)
        review, created = services.claim_assign(
            claim_id=object_id(pk),
            actor=signed_in(request.user),
            assignee=data["assignee"],
            due_at=data.get("due_at"),
        )
        return review_response(review, status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(
        summary="Dismiss the claim with a reason",
        request=s.ReasonSerializer,
        responses={200: s.ClaimRowSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def dismiss(self, request: Request, pk: str) -> Response:
        data = _valid(s.ReasonSerializer, request)
        claim = services.claim_dismiss(
            claim_id=object_id(pk), actor=signed_in(request.user), reason=data["reason"]
        )
        claim = self.get_queryset().get(pk=claim.pk)
        return Response(s.ClaimRowSerializer(claim).data)

    @extend_schema(
        summary="Restore a dismissed claim to triage (editors)",
        request=None,
        responses={200: s.ClaimRowSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, pk: str) -> Response:
        claim = services.claim_restore(claim_id=object_id(pk), actor=signed_in(request.user))
        return Response(s.ClaimRowSerializer(self.get_queryset().get(pk=claim.pk)).data)

    @extend_schema(
        summary="Add evidence",
        description="The excerpt is stored as plain text: HTML tags are removed.",
        request=s.EvidenceInputSerializer,
        responses={201: s.EvidenceSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def evidence(self, request: Request, pk: str) -> Response:
        data = _valid(s.EvidenceInputSerializer, request)
        evidence = services.evidence_add(
            claim_id=object_id(pk), actor=signed_in(request.user), **data
        )
        return Response(s.EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Remove evidence",
        parameters=[OpenApiParameter("evidence_id", ID_SCHEMA, OpenApiParameter.PATH)],
        request=None,
        responses={204: None, **ERRORS},
    )
    @action(detail=True, methods=["delete"], url_path="evidence/<id:evidence_id>")
    def remove_evidence(self, request: Request, pk: str, evidence_id: str) -> Response:
        services.evidence_remove(
            claim_id=object_id(pk),
            evidence_id=object_id(evidence_id),
            actor=signed_in(request.user),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Attach another publisher's fact-check as evidence",
        description="The fact-check (an id from `external_checks` of the claim, or any stored "
        "one) becomes an evidence row with the publisher's URL, its verdict as title and a "
        "stance from its rating. As `POST evidence/`: the assignee or an editor; a "
        "fact-checker attaching to a claim nobody has taken takes it. 409 when it is already "
        "evidence on the claim.",
        parameters=[EXTERNAL_CHECK_ID],
        request=None,
        responses={201: s.EvidenceSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="external-checks/<id:fact_check_id>/attach",
        url_name="attach-external-check",
    )
    def attach_external_check(self, request: Request, pk: str, fact_check_id: str) -> Response:
        evidence = external_check_attach(
            claim_id=object_id(pk),
            fact_check_id=object_id(fact_check_id),
            actor=signed_in(request.user),
        )
        return Response(s.EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Dismiss the claim as already checked by another publisher",
        description='As `POST dismiss/`, with the reason "Already checked by <publisher> '
        '(<rating>): <url>", so the link is kept; the match is marked dismissed.',
        parameters=[EXTERNAL_CHECK_ID],
        request=None,
        responses={200: s.ClaimRowSerializer, **ERRORS},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="external-checks/<id:fact_check_id>/dismiss",
        url_name="dismiss-as-checked",
    )
    def dismiss_as_checked(self, request: Request, pk: str, fact_check_id: str) -> Response:
        claim = claim_dismiss_as_checked(
            claim_id=object_id(pk),
            fact_check_id=object_id(fact_check_id),
            actor=signed_in(request.user),
        )
        return Response(s.ClaimRowSerializer(self.get_queryset().get(pk=claim.pk)).data)


ETAG = re.compile(r'\s*(?:W/)?"review-(\d+)-v(\d+)"\s*')
IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    description='The ETag of the version you edited, e.g. "review-7-v3".',
)


@overload
def expected_version(request: Request, review_id: int, *, required: Literal[True]) -> int: ...
@overload
def expected_version(request: Request, review_id: int, *, required: bool) -> int | None: ...
def expected_version(request: Request, review_id: int, *, required: bool) -> int | None:
    """The version named by If-Match; an ETag of anything else never matches."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        if required:
            raise PreconditionRequired(
                "Send If-Match with the review's ETag (GET the review first).",
            )
        return None
    match = ETAG.fullmatch(header)
    if match is None or int(match[1]) != review_id:
        return -1
    return int(match[2])


def review_response(review: Review, code: int = status.HTTP_200_OK) -> Response:
    review = Review.objects.select_related(*REVIEW_RELATED).get(pk=review.pk)
    return Response(s.ReviewSerializer(review).data, status=code, headers={"ETag": review.etag})


REVIEW_RELATED = ("claim", "assignee", "assigned_by", "approved_by", "rating")


def _valid(serializer_class: type[BaseSerializer], request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ReviewViewSet(
    DeskView, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    queryset = Review.objects.select_related(*REVIEW_RELATED)
    serializer_class = s.ReviewSerializer
    filterset_class = ReviewFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, services.StaleVersion):
            current = Review.objects.select_related(*REVIEW_RELATED).get(pk=exc.review.pk)
            exc.extra["current"] = s.ReviewSerializer(current).data
            response = super().handle_exception(exc)
            response["ETag"] = current.etag
            return response
        return super().handle_exception(exc)

    @extend_schema(summary="A review; the ETag header names its version")
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return review_response(self.get_object())

    @extend_schema(
        summary="Edit the verdict",
        description="Needs If-Match with the current ETag: missing → 428, stale → 409 "
        "with `current`. Moves an assigned review to in_progress.",
        parameters=[IF_MATCH],
        request=s.ReviewEditSerializer,
        responses={
            200: s.ReviewSerializer,
            **ERRORS,
            428: OpenApiResponse(description="If-Match missing."),
        },
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        review = self.get_object()
        if not permissions.can_edit_review(request.user, review):
            raise NotAllowed("Only the assignee or an editor may edit this review.")
        version = expected_version(request, review.pk, required=True)
        data = _valid(s.ReviewEditSerializer, request)
        review = services.review_edit(
            review_id=review.pk, actor=signed_in(request.user), expected_version=version, **data
        )
        return review_response(review)

    def _transition(self, pk: str, service: Any, **kwargs: Any) -> Response:
        review = service(review_id=object_id(pk), actor=signed_in(self.request.user), **kwargs)
        return review_response(review)

    @extend_schema(
        summary="Start work (assigned → in_progress)",
        request=None,
        responses={200: s.ReviewSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def start(self, request: Request, pk: str) -> Response:
        return self._transition(pk, services.review_start)

    @extend_schema(
        summary="Submit for approval",
        description="409 with `missing` (rating, summary, evidence, primary_source) when "
        "something is missing.",
        request=None,
        responses={200: s.ReviewSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        return self._transition(pk, services.review_submit)

    @extend_schema(
        summary="Approve and publish",
        description="An editor who neither wrote nor edited this verdict. For a correction "
        "`note` is required and published word for word as the correction note. An optional "
        "If-Match makes the approval refuse (409) if the review changed since it was read.",
        parameters=[IF_MATCH],
        request=s.OptionalNoteSerializer,
        responses={200: s.ReviewSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str) -> Response:
        data = _valid(s.OptionalNoteSerializer, request)
        version = expected_version(request, object_id(pk), required=False)
        return self._transition(
            pk, services.review_approve, note=data["note"], expected_version=version
        )

    @extend_schema(
        summary="Return to the fact-checker",
        request=s.NoteSerializer,
        responses={200: s.ReviewSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request: Request, pk: str) -> Response:
        data = _valid(s.NoteSerializer, request)
        return self._transition(pk, services.review_return, note=data["note"])

    @extend_schema(
        summary="Reopen a published review as a correction",
        request=s.NoteSerializer,
        responses={200: s.ReviewSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def correct(self, request: Request, pk: str) -> Response:
        data = _valid(s.NoteSerializer, request)
        return self._transition(pk, services.review_correct, note=data["note"])

    @extend_schema(
        summary="Close an open correction with no change",
        description="Nothing is published; the working copy goes back to the published "
        "version and the reports behind the correction are resolved.",
        request=s.NoteSerializer,
        responses={200: s.ReviewSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="close-correction")
    def close_correction(self, request: Request, pk: str) -> Response:
        data = _valid(s.NoteSerializer, request)
        return self._transition(pk, services.review_close_correction, note=data["note"])

    @extend_schema(
        summary="The audit trail of a review",
        responses={200: s.ReviewEventSerializer(many=True), **ERRORS},
    )
    @action(detail=True, methods=["get"], filterset_class=None)
    def events(self, request: Request, pk: str) -> Response:
        review = self.get_object()
        # The reports about it belong to its history too, from the moment they arrived.
        events = ReviewEvent.objects.filter(
            Q(review=review) | Q(feedback__review=review)
        ).select_related("actor")
        return self._page(events, s.ReviewEventSerializer)

    @extend_schema(
        summary="Published versions, oldest first",
        responses={200: s.ReviewVersionSerializer(many=True), **ERRORS},
    )
    @action(detail=True, methods=["get"], filterset_class=None)
    def versions(self, request: Request, pk: str) -> Response:
        review = self.get_object()
        versions = ReviewVersion.objects.filter(review=review).select_related(
            "rating", "author", "approved_by"
        )
        return self._page(versions, s.ReviewVersionSerializer)

    def _page(self, queryset: QuerySet, serializer_class: type[BaseSerializer]) -> Response:
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(serializer_class(page, many=True).data)


# `matches/` searches claims and published fact-checks, no one resource: a ViewSet with one
# handler, routed by hand (urls.py), since a router would name it `matches-list`. Its
# handler is not called `list`, which would make the schema document a paged list.
class MatchViewSet(ViewSet):
    permission_classes = [CanViewClaims]

    @extend_schema(parameters=[s.MatchQuerySerializer], responses={200: dict})
    def search(self, request: Request) -> Response:
        params = s.MatchQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        query = params.validated_data
        matches = find_all_matches(
            text=query.get("text"), url=query.get("url"), limit=query["limit"]
        )
        return Response({"count": len(matches), "results": [s.match_json(m) for m in matches]})
