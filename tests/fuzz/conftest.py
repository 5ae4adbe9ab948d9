"""A working desk to attack: the demo newsroom, loaded through the real ingestion."""

import uuid
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser

from claims.demo.load import load_demo


@pytest.fixture(autouse=True)
def _private_cache(settings) -> None:  # type: ignore[no-untyped-def]
    """Throttles and lockouts counted per test, apart from other runs."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"fuzz-{uuid.uuid4()}",
        }
    }


@dataclass
class Desk:
    editor: AbstractUser
    checker: AbstractUser


@pytest.fixture
def desk(db) -> Desk:  # type: ignore[no-untyped-def]
    load_demo()
    users = get_user_model().objects
    return Desk(editor=users.get(username="erin"), checker=users.get(username="alice"))
