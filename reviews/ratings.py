"""The default verdict scale, seeded into an empty Rating table after migrate."""

from typing import Any

from reviews.models import Rating

DEFAULT_SCALE = [
    ("true", "True", 5, "Accurate, with nothing significant missing."),
    ("mostly-true", "Mostly true", 4, "Accurate but needs clarification or context."),
    ("half-true", "Half true", 3, "Partly accurate; leaves out important details."),
    ("mostly-false", "Mostly false", 2, "Contains some truth but ignores critical facts."),
    ("false", "False", 1, "Not accurate."),
    ("unproven", "Unproven", None, "The evidence available cannot settle it either way."),
]


def seed_default_scale() -> None:
    """Create the default scale unless the newsroom already has one of its own."""
    if Rating.objects.exists():
        return
    Rating.objects.bulk_create(
        Rating(slug=slug, label=label, value=value, order=order, description=description)
        for order, (slug, label, value, description) in enumerate(DEFAULT_SCALE, start=1)
    )


def seed_after_migrate(**kwargs: Any) -> None:
    seed_default_scale()
