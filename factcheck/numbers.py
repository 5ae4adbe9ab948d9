"""Whole numbers a client may send, bounded by what the database columns hold.

An id past the bigint range, or a count past the integer column, is not a
lookup that finds nothing: SQLite and psycopg raise OverflowError on it. So
every id, page, size and count is read through here, and anything outside the
range is a 400 (or, in a path, a route that does not exist).
"""

from typing import Any

from rest_framework import serializers

MAX_ID = 2**63 - 1  # primary keys are bigint
MAX_INT = 2**31 - 1  # integer columns
ID_SCHEMA = {"type": "integer", "format": "int64", "minimum": 1, "maximum": MAX_ID}


def parse_int(text: Any, *, minimum: int, maximum: int) -> int | None:
    """The ASCII decimal integer in `text`, if it lies in [minimum, maximum]; else None.

    ASCII only: "²" passes str.isdigit() but int() refuses it, and "١٢" is
    accepted by int() but is not an id anyone typed on purpose.
    """
    text = str(text).strip()
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(MAX_ID)):
        return None
    value = int(text)
    return value if minimum <= value <= maximum else None


def parse_id(text: Any) -> int | None:
    return parse_int(text, minimum=1, maximum=MAX_ID)


def require_int(text: Any, *, name: str, minimum: int, maximum: int) -> int:
    """`parse_int`, or a 400 naming the parameter and its range."""
    value = parse_int(text, minimum=minimum, maximum=maximum)
    if value is None:
        raise serializers.ValidationError(
            {name: [f"A whole number from {minimum} to {maximum} is required."]}
        )
    return value


class IdConverter:
    """`<id:pk>` in a URL: digits that fit a bigint id; anything else matches no route."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # the resolver reads ValueError as "no match"
        return number

    def to_url(self, value: int) -> str:
        return str(value)


class IdField(serializers.IntegerField):
    """An id in a request body or query: 1 to the bigint maximum."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)
