"""A review's comment thread and the signed-in person's notifications, over the API."""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from factcheck.auth import signed_in
from factcheck.errors import NotFound
from reviews import comments, notifications
from reviews.api.permissions import IsDeskStaff
from reviews.api.serializers import UserRefSerializer
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


class CommentListView(GenericAPIView):
    """The review's thread, oldest first: its checker and the editors."""

    permission_classes = [IsDeskStaff]
    serializer_class = CommentSerializer
    # Only for the schema (path parameter types); the rows come from the service.
    queryset = Comment.objects.none()

    @extend_schema(responses=CommentSerializer(many=True))
    def get(self, request: Request, review_id: int) -> Response:
        thread = comments.review_comments(review_id=review_id, reader=signed_in(request.user))
        page = self.paginate_queryset(thread)
        return self.get_paginated_response(CommentSerializer(page, many=True).data)

    @extend_schema(request=CommentInSerializer, responses={201: CommentSerializer})
    def post(self, request: Request, review_id: int) -> Response:
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


class NotificationListView(GenericAPIView):
    """The signed-in person's notifications, newest first; `unread=true` for the unread ones."""

    permission_classes = [IsDeskStaff]
    serializer_class = NotificationSerializer
    # Only for the schema (path parameter types); the rows are the signed-in person's.
    queryset = Notification.objects.none()

    @extend_schema(
        parameters=[OpenApiParameter("unread", bool)],
        responses=NotificationSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        mine: Any = Notification.objects.filter(recipient=signed_in(request.user))
        if request.query_params.get("unread", "").lower() in ("true", "1", "yes"):
            mine = mine.filter(read_at__isnull=True)
        page = self.paginate_queryset(mine)
        return self.get_paginated_response(NotificationSerializer(page, many=True).data)


class NotificationReadView(GenericAPIView):
    """Mark one of your notifications read."""

    permission_classes = [IsDeskStaff]
    serializer_class = NotificationSerializer

    @extend_schema(request=None, responses=NotificationSerializer)
    def post(self, request: Request, notification_id: int) -> Response:
        notification = notifications.notification_read(
            notification_id=notification_id, user=signed_in(request.user)
        )
        if notification is None:
            raise NotFound(f"You have no notification {notification_id}.")
        return Response(NotificationSerializer(notification).data)
