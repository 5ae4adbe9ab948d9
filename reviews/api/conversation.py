"""A review's comment thread and the signed-in person's notifications, over the API."""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from factcheck.auth import signed_in
from factcheck.errors import NotFound
from factcheck.viewsets import ViewSet
from reviews import comments, notifications
from reviews.api.serializers import UserRefSerializer
from reviews.api.views import DeskView
from reviews.models import Comment, Notification


class CommentSerializer(serializers.ModelSerializer):
    author = UserRefSerializer()
    mentions: serializers.SlugRelatedField = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="username"
    )

    class Meta:
        model = Comment
        fields = ["id", "review", "author", "text", "mentions", "created_at"]


class CommentInSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="Plain text; @username mentions a colleague.")


# Nested under a review (`reviews/<id:review_id>/comments/`), routed by hand in urls.py: a
# router would name it `...-list`, and the path keeps its `review_id`.
class CommentViewSet(DeskView, ViewSet):
    """The review's thread, oldest first: its checker and the editors."""

    serializer_class = CommentSerializer
    # Only for the schema generator, which asks each view for its model; the rows come from
    # the service.
    queryset = Comment.objects.none()

    @extend_schema(responses=CommentSerializer(many=True))
    def list(self, request: Request, review_id: int) -> Response:
        thread = comments.review_comments(review_id=review_id, reader=signed_in(request.user))
        page = self.paginate_queryset(thread)
        return self.get_paginated_response(CommentSerializer(page, many=True).data)

    @extend_schema(request=CommentInSerializer, responses={201: CommentSerializer})
    def create(self, request: Request, review_id: int) -> Response:
        data = CommentInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment = comments.comment_add(
            review_id=review_id, author=signed_in(request.user), text=data.validated_data["text"]
        )
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "kind", "text", "review", "created_at", "read_at", "emailed_at"]


class NotificationViewSet(DeskView, ViewSet):
    serializer_class = NotificationSerializer
    # Only for the schema generator, which asks each view for its model; the rows are the
    # signed-in person's.
    queryset = Notification.objects.none()
    # The router's detail path: `notifications/<id:notification_id>/read/`.
    lookup_url_kwarg = "notification_id"

    @extend_schema(
        parameters=[OpenApiParameter("unread", bool)],
        responses=NotificationSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        """The signed-in person's notifications, newest first; `unread=true` for the unread ones."""
        mine: Any = Notification.objects.filter(recipient=signed_in(request.user))
        if request.query_params.get("unread", "").lower() in ("true", "1", "yes"):
            mine = mine.filter(read_at__isnull=True)
        page = self.paginate_queryset(mine)
        return self.get_paginated_response(NotificationSerializer(page, many=True).data)

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request: Request, notification_id: int) -> Response:
        """Mark one of your notifications read."""
        notification = notifications.notification_read(
            notification_id=notification_id, user=signed_in(request.user)
        )
        if notification is None:
            raise NotFound(f"You have no notification {notification_id}.")
        return Response(NotificationSerializer(notification).data)
