"""Limits on reader feedback per address and per page, shared by the API and the HTML form.

The rates (REST_FRAMEWORK throttle rates "feedback", per minute, and
"feedback_daily", per address; "feedback_page", per reported page from
everyone) sit well above what people type, so only floods meet them: a
botnet cannot bury one fact-check's inbox by rotating addresses. Unlike
stacking DRF throttles, only accepted reports count: a refused attempt does
not use up tomorrow's allowance.
"""

import time
from typing import Any

from django.http import HttpRequest
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from factcheck.auth import client_ip
from factcheck.ratelimit import Window, take
from reviews.feedback import client_hash, page_hash

SCOPES = ("feedback", "feedback_daily")
PAGE_SCOPE = "feedback_page"
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _rate(scope: str) -> tuple[int, int]:
    """("10/min") → (10, 60): how many in how many seconds."""
    count, period = str(api_settings.DEFAULT_THROTTLE_RATES[scope]).split("/")
    return int(count), PERIODS[period[0]]


class FeedbackThrottle(BaseThrottle):
    timer = staticmethod(time.time)

    def allow_request(self, request: HttpRequest, view: Any) -> bool:
        ident = client_hash(client_ip(request))
        keys = [(scope, f"throttle_{scope}_{ident}") for scope in SCOPES]
        page = page_hash(_reported_url(request))
        if page:
            keys.append((PAGE_SCOPE, f"throttle_{PAGE_SCOPE}_{page}"))
        windows = [Window(key, *_rate(scope)) for scope, key in keys]
        # Checked and counted in one atomic step, so parallel reports cannot all pass.
        self.delay = take(windows, now=self.timer())
        return not self.delay

    def wait(self) -> float:
        return self.delay


def _reported_url(request: Any) -> str:
    """The page a report names, from a DRF request's data or a form post."""
    data = request.data if hasattr(request, "data") else request.POST
    value = data.get("url", "") if hasattr(data, "get") else ""
    return value[:2000] if isinstance(value, str) else ""


def feedback_wait(request: HttpRequest) -> float | None:
    """Seconds until this address may send again, or None if it may send now (counts it)."""
    throttle = FeedbackThrottle()
    return None if throttle.allow_request(request, None) else max(throttle.wait(), 1.0)
