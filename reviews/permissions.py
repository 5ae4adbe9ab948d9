"""Who may do what to claims and reviews: the one place everything asks.

Services re-check these before every state change (raising NotAllowed), so a
page, a command or a future endpoint cannot bypass them; the API's permission
classes (reviews/api/permissions.py) use the same functions to answer 401/403
early. Roles are expressed as Django permissions (see reviews/roles.py): an
editor is whoever holds `reviews.approve_review`.
"""

from typing import Any

from claims.events import Action
from reviews.models import Review, ReviewEvent

# Edits to these fields make the editor a co-author of the verdict.
VERDICT_FIELDS = ("rating", "summary", "explanation")


def is_desk_staff(user: Any) -> bool:
    """Checkers, editors and admins: everyone who may read the desk."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("reviews.view_review")
    )


def is_admin(user: Any) -> bool:
    """Administrators: the only people the Django admin lets in."""
    return is_desk_staff(user) and user.is_staff and user.is_superuser


def is_editor(user: Any) -> bool:
    return is_desk_staff(user) and user.has_perm("reviews.approve_review")


def can_hold_reviews(user: Any) -> bool:
    """Whether `user` may be an assignee at all."""
    return is_desk_staff(user) and user.has_perm("reviews.change_review")


def can_assign_others(user: Any) -> bool:
    """Editors and admins assign claims to anyone."""
    return is_desk_staff(user) and user.has_perm("reviews.assign_review")


def can_assign(user: Any, assignee: Any, open_review: Review | None) -> bool:
    """Editors assign anyone; a checker may only take an unassigned claim themselves."""
    if not is_desk_staff(user):
        return False
    if can_assign_others(user):
        return True
    return open_review is None and assignee.pk == user.pk and user.has_perm("reviews.add_review")


def can_dismiss(user: Any, open_review: Review | None) -> bool:
    """Any staff member dismisses an unassigned claim; a claim someone is
    working on only by that person or an editor."""
    if not is_desk_staff(user):
        return False
    return open_review is None or is_editor(user) or open_review.assignee_id == user.pk


def can_manage_evidence(user: Any, open_review: Review | None) -> bool:
    if is_editor(user):
        return True
    return (
        open_review is not None
        and open_review.assignee_id == user.pk
        and is_desk_staff(user)
        and user.has_perm("reviews.add_evidence")
    )


def can_edit_review(user: Any, review: Review) -> bool:
    if is_editor(user):
        return True
    return review.assignee_id == user.pk and can_hold_reviews(user)


def can_submit_review(user: Any, review: Review) -> bool:
    return review.assignee_id == user.pk and can_hold_reviews(user)


def co_authored(user: Any, review: Review) -> bool:
    """Whether `user` edited the verdict of the version now under review.

    Only edits since the last publication count: an editor who fixed a typo
    in version 1 may still approve a correction written by someone else.
    """
    last_publication = (
        ReviewEvent.objects.filter(review=review, action=Action.APPROVED).order_by("-id").first()
    )
    edits = ReviewEvent.objects.filter(review=review, actor=user, action=Action.EDITED)
    if last_publication is not None:
        edits = edits.filter(id__gt=last_publication.id)
    return any(
        field in VERDICT_FIELDS
        for changes in edits.values_list("changes", flat=True)
        for field in changes
    )


def can_decide_review(user: Any, review: Review) -> bool:
    """Approve or return: an editor who is neither the author nor a co-author."""
    return is_editor(user) and review.assignee_id != user.pk and not co_authored(user, review)


def can_comment(user: Any, review: Review) -> bool:
    """The review's thread is for its checker and the editors."""
    return is_editor(user) or (is_desk_staff(user) and review.assignee_id == user.pk)


def can_correct_review(user: Any) -> bool:
    return is_desk_staff(user) and user.has_perm("reviews.correct_review")
