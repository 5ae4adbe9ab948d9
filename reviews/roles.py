"""The three staff roles, as Django groups with their permissions.

Role checks everywhere go through permissions (`user.has_perm`) so that the
admin, the API and the pages agree; groups only bundle them.
"""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

CHECKER = "checker"
EDITOR = "editor"
ADMIN = "admin"
ROLES = (CHECKER, EDITOR, ADMIN)

_VIEW_DESK = [
    "claims.view_feed",
    "claims.view_article",
    "claims.view_speaker",
    "claims.view_speakeralias",
    "claims.view_claim",
    "claims.view_appearance",
    "claims.view_claimlink",
    "reviews.view_evidence",
    "claims.view_externalfactcheck",
    "claims.view_externalmatch",
    "reviews.view_rating",
    "reviews.view_review",
    "reviews.view_reviewversion",
    "reviews.view_reviewevent",
    "reviews.view_feedback",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    CHECKER: [
        *_VIEW_DESK,
        "claims.add_article",
        "reviews.add_evidence",
        "reviews.delete_evidence",
        "reviews.add_review",
        "reviews.change_review",
    ],
    EDITOR: [
        *_VIEW_DESK,
        "claims.add_article",
        "reviews.add_evidence",
        "reviews.delete_evidence",
        "claims.add_feed",
        "claims.change_feed",
        "claims.view_factchecksource",
        "claims.add_factchecksource",
        "claims.change_factchecksource",
        "claims.change_claim",
        "claims.change_claimlink",
        "claims.add_speaker",
        "claims.change_speaker",
        "claims.add_speakeralias",
        "claims.change_speakeralias",
        "claims.delete_speakeralias",
        "reviews.add_review",
        "reviews.change_review",
        "reviews.assign_review",
        "reviews.approve_review",
        "reviews.correct_review",
        "reviews.change_feedback",
    ],
}


def _admin_permissions() -> "Q":
    # Everything in the desk's apps and user management, except rewriting history.
    return Q(content_type__app_label__in=["claims", "reviews", "auth", "authtoken"]) & ~Q(
        codename__in=["change_reviewevent", "delete_reviewevent", "add_reviewevent"]
    )


def sync_groups() -> None:
    """Create or update the role groups; safe to run any number of times."""
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        permissions: Iterable[Permission]
        if role == ADMIN:
            permissions = Permission.objects.filter(_admin_permissions())
        else:
            permissions = _permissions(ROLE_PERMISSIONS[role])
        group.permissions.set(permissions)


def _permissions(names: list[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = [
        permission
        for permission in Permission.objects.select_related("content_type").filter(
            codename__in=[codename for _, codename in wanted]
        )
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"Unknown permissions for roles: {sorted(missing)}")
    return found


def sync_groups_after_migrate(**kwargs: Any) -> None:
    sync_groups()


def role_of(user: Any) -> str | None:
    """The highest role a user holds, for display and for the API."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.is_superuser:
        return ADMIN
    names = {group.name for group in user.groups.all()}
    for role in (ADMIN, EDITOR, CHECKER):
        if role in names:
            return role
    return None
