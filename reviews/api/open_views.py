"""Endpoints that need no sign-in: the verdict scale and the token exchange."""

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from factcheck import auth
from factcheck.viewsets import ViewSet
from reviews.api.serializers import CredentialsSerializer, RatingSerializer, TokenSerializer
from reviews.models import Rating


class RatingViewSet(mixins.ListModelMixin, ViewSet):
    """The verdict scale, in order."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    queryset = Rating.objects.all()
    serializer_class = RatingSerializer


# Not a resource: `auth/` has one action, `token` (URL name `auth-token`).
class AuthViewSet(ViewSet):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"
    # What OPTIONS describes (DRF's metadata asks every ViewSet for a serializer).
    serializer_class = CredentialsSerializer

    @extend_schema(
        summary="Get an API token",
        request=CredentialsSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description="Malformed body."),
            401: OpenApiResponse(description="Wrong username or password."),
            429: OpenApiResponse(description="Throttled or locked out; see Retry-After."),
        },
    )
    @action(detail=False, methods=["post"])
    def token(self, request: Request) -> Response:
        """Exchange a username and password for an API token (throttled, with lockout)."""
        serializer = CredentialsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        username = serializer.validated_data["username"]
        ip = auth.client_ip(request._request)
        known = auth.is_known(request._request, username)
        self._refuse_if_locked(username, ip, known)
        user = authenticate(
            request._request, username=username, password=serializer.validated_data["password"]
        )
        if user is None:
            self._refuse_if_locked(username, ip, known)
            # The same answer for an unknown user and a wrong password.
            return Response(
                {"detail": "Unable to sign in with these credentials."},
                status=status.HTTP_401_UNAUTHORIZED,
                headers={"WWW-Authenticate": "Token"},
            )
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

    def _refuse_if_locked(self, username: str, ip: str, known: bool) -> None:
        wait = auth.retry_after(username, ip, known=known)
        if wait:
            minutes = max(1, round(wait / 60))
            raise Throttled(
                wait=wait,
                detail=f"Too many failed sign-ins; try again in about {minutes} minute(s).",
            )
