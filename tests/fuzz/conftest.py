"""A working desk to attack: the demo newsroom, loaded through the real ingestion."""

import uuid
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from desk.demo.load import load_demo


@pytest.fixture(autouse=True)
def _private_cache(settings) -> None:
    """Throttles and lockouts counted per test, apart from other runs."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"fuzz-{uuid.uuid4()}",
        }
    }


@dataclass
class Desk:
    editor: User
    checker: User


@pytest.fixture
def desk(db) -> Desk:
    load_demo()
    users = get_user_model().objects
    return Desk(editor=users.get(username="erin"), checker=users.get(username="alice"))
