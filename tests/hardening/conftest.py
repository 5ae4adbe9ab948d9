"""The demo newsroom, for tests that need every page type to exist."""

from tests.fuzz.conftest import Desk, _private_cache, desk  # noqa: F401

__all__ = ["Desk"]
