"""Per-address limits on reader feedback, shared by the API and the HTML form.

The rates (REST_FRAMEWORK throttle rates "feedback", per minute, and
"feedback_daily") sit well above what a person types, so only floods meet
them. Unlike stacking two DRF throttles, only accepted reports count: a
refused attempt does not use up tomorrow's allowance.
"""

import time
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from factcheck.auth import client_ip
from reviews.feedback import client_hash

SCOPES = ("feedback", "feedback_daily")
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _rate(scope: str) -> tuple[int, int]:
    """("10/min") → (10, 60): how many in how many seconds."""
    count, period = api_settings.DEFAULT_THROTTLE_RATES[scope].split("/")
    return int(count), PERIODS[period[0]]


class FeedbackThrottle(BaseThrottle):
    timer = time.time

    def allow_request(self, request: HttpRequest, view: Any) -> bool:
        now = self.timer()
        ident = client_hash(client_ip(request))
        windows = []
        self.delay = 0.0
        for scope in SCOPES:
            limit, period = _rate(scope)
            key = f"throttle_{scope}_{ident}"
            history = [stamp for stamp in cache.get(key, []) if stamp > now - period]
            if len(history) >= limit:
                # A slot frees when the oldest report that fills the window ages out.
                self.delay = max(self.delay, history[len(history) - limit] + period - now)
            windows.append((key, history, period))
        if self.delay:
            return False
        for key, history, period in windows:
            cache.set(key, [*history, now], period)
        return True

    def wait(self) -> float:
        return self.delay


def feedback_wait(request: HttpRequest) -> float | None:
    """Seconds until this address may send again, or None if it may send now (counts it)."""
    throttle = FeedbackThrottle()
    return None if throttle.allow_request(request, None) else max(throttle.wait(), 1.0)
