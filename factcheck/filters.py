"""Query-string filters for numbers and times, bounded like every other client value."""

from datetime import UTC, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field

from factcheck.numbers import ID_SCHEMA, MAX_ID


@extend_schema_field(ID_SCHEMA)
class IdFilter(filters.NumberFilter):
    """`?claim=12`: an id, 1 to the bigint maximum; "-5.2e+210" or "²" is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class UtcIsoDateTimeField(IsoDateTimeField):
    """ISO 8601 with any offset Python reads, handed to the database in UTC.

    PostgreSQL refuses offsets past ±15:59 ("+20:23": "time zone displacement
    out of range"), and year 1 at +14:00 is before the first representable
    instant. Normalising here turns the first into a valid time and the second
    into a 400.
    """

    def to_python(self, value: object) -> datetime | None:
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(UTC)
        except OverflowError:
            raise ValidationError("Date and time out of range.", code="invalid") from None


class UtcIsoDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class BoundedFilterSet(filters.FilterSet):
    """FilterSet whose generated filters for ids and relations take bounded ids, where
    django-filter's would hand any number to the database."""

    FILTER_DEFAULTS = {
        **filters.FilterSet.FILTER_DEFAULTS,
        models.AutoField: {"filter_class": IdFilter},
        models.BigAutoField: {"filter_class": IdFilter},
        models.ForeignKey: {"filter_class": IdFilter},
        models.OneToOneField: {"filter_class": IdFilter},
        models.DateTimeField: {"filter_class": UtcIsoDateTimeFilter},
    }


class FilterBackend(DjangoFilterBackend):
    """The API's filter backend: `filterset_fields` build BoundedFilterSets."""

    filterset_base = BoundedFilterSet
