from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request


def has_perm(perm: str, message: str) -> type[BasePermission]:
    """A DRF permission class for one Django permission (anonymous → 401, lacking → 403)."""

    class HasPerm(BasePermission):
        def has_permission(self, request: Request, view: Any) -> bool:
            user = request.user
            return bool(user and user.is_authenticated and user.is_active and user.has_perm(perm))

    HasPerm.message = message
    HasPerm.__name__ = f"Has_{perm.replace('.', '_')}"
    return HasPerm


# Feeds are run by editors and admins; checkers see articles and submit them.
CanManageFeeds = has_perm("claims.change_feed", "Only editors and admins manage feeds.")
CanViewArticles = has_perm("claims.view_article", "Only desk staff may read articles.")
CanSubmitArticles = has_perm("claims.add_article", "Only desk staff may submit articles.")
CanPromote = has_perm("claims.change_claim", "Only editors may promote a statement to a claim.")
