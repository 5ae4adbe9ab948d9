"""State changes for staff and reviews. Views, commands and tasks call these."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from reviews.roles import ADMIN, ROLES, sync_groups


@transaction.atomic
def staff_upsert(
    *, username: str, role: str, password: str | None, email: str = ""
) -> tuple[AbstractUser, bool]:
    """Create or update a staff user so that they hold exactly `role`.

    A new user needs a password; an existing one keeps theirs unless given one.
    """
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    created = user is None
    if created and not password:
        raise ValueError("A new staff user needs a password (--password or FACTCHECK_PASSWORD).")
    if created:
        user = User(username=username)
    if password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValueError(" ".join(exc.messages)) from None
        user.set_password(password)
    if email:
        user.email = email
    user.is_staff = True
    user.is_active = True
    user.is_superuser = role == ADMIN
    user.save()
    sync_groups()
    user.groups.set([Group.objects.get(name=role)])
    return user, created
