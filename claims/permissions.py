"""Who may do what in the claims layer, as named predicates.

Services check the actor with these before a change (raising NotAllowed), the desk
shows or hides its buttons by them, and the API's permission classes
(claims/api/permissions.py) wrap them to answer 401/403 early. Roles are Django
permissions bundled in groups (reviews/roles.py); nothing else reads a permission
string.
"""

from collections.abc import Callable
from typing import Any

from factcheck.errors import NotAllowed


def _holds(user: Any, permission: str) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.has_perm(permission)
    )


def can_manage_feeds(user: Any) -> bool:
    """Feeds are run by editors and admins."""
    return _holds(user, "claims.change_feed")


def can_view_articles(user: Any) -> bool:
    return _holds(user, "claims.view_article")


def can_submit_articles(user: Any) -> bool:
    return _holds(user, "claims.add_article")


def can_view_claims(user: Any) -> bool:
    return _holds(user, "claims.view_claim")


def can_promote(user: Any) -> bool:
    """Make a non-official's statement a claim: an editor's call."""
    return _holds(user, "claims.change_claim")


def can_view_links(user: Any) -> bool:
    return _holds(user, "claims.view_claimlink")


def can_decide_links(user: Any) -> bool:
    """Confirm or reject a claim link: a confirmed contradiction is an editorial finding."""
    return _holds(user, "claims.change_claimlink")


def can_manage_factcheck_sources(user: Any) -> bool:
    """Other publishers' fact-check feeds are run by editors and admins."""
    return _holds(user, "claims.change_factchecksource")


def can_edit_speakers(user: Any) -> bool:
    return _holds(user, "claims.change_speaker")


def require(actor: Any, allowed: Callable[[Any], bool], message: str) -> None:
    """Raise NotAllowed unless `actor` may. `None` is the system itself (a management
    command run by the operator, the demo loader, a task); a request always passes
    its user, anonymous included."""
    if actor is not None and not allowed(actor):
        raise NotAllowed(message)
