"""The publication's name on every page, from settings (FACTCHECK_PUBLISHER_NAME)."""

from django.conf import settings
from django.http import HttpRequest


def brand(request: HttpRequest) -> dict[str, str]:
    return {"brand": settings.FACTCHECK_PUBLISHER_NAME}
