"""The review API's permission classes, thin wrappers of reviews/permissions.py."""

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from reviews.permissions import is_desk_staff


class IsDeskStaff(BasePermission):
    """Anonymous → 401 (via the token scheme's challenge), no role → 403."""

    message = "Only fact-checkers, editors and admins may use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_desk_staff(request.user)
