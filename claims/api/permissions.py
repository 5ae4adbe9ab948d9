"""The claims API's permission classes, one per predicate in claims/permissions.py."""

from collections.abc import Callable
from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from claims import permissions


def allowed_if(predicate: Callable[[Any], bool], message: str) -> type[BasePermission]:
    """A DRF permission class for one predicate (anonymous → 401, lacking → 403)."""

    refusal = message

    class Allowed(BasePermission):
        message = refusal

        def has_permission(self, request: Request, view: Any) -> bool:
            return predicate(request.user)

    Allowed.__name__ = f"Allowed_{predicate.__name__}"
    return Allowed


CanManageFeeds = allowed_if(permissions.can_manage_feeds, "Only editors and admins manage feeds.")
CanViewArticles = allowed_if(permissions.can_view_articles, "Only desk staff may read articles.")
CanSubmitArticles = allowed_if(
    permissions.can_submit_articles, "Only desk staff may submit articles."
)
CanPromote = allowed_if(permissions.can_promote, "Only editors may promote a statement to a claim.")
CanViewClaims = allowed_if(permissions.can_view_claims, "Only desk staff may search claims.")
CanViewLinks = allowed_if(permissions.can_view_links, "Only desk staff may see claim links.")
CanDecideLinks = allowed_if(permissions.can_decide_links, "Only editors confirm or reject links.")
CanEditSpeakers = allowed_if(
    permissions.can_edit_speakers, "Only editors and admins edit the speaker registry."
)
