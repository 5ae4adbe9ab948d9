"""Sign-in lockout: repeated failures lock a username, or an address, for a cool-off.

It is an authentication backend rather than a view decorator, so the admin,
the API token endpoint and the login page all share it. A lock always
expires (never a permanent lockout, which would let anyone lock an editor
out for good); counters live in the cache, so they are shared by every
process when the cache is Redis.
"""

import hashlib
import time
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle


def client_ip(request: HttpRequest | None) -> str:
    """The caller's address, for lockouts and throttles alike. X-Forwarded-For is trusted
    only when REST_FRAMEWORK's NUM_PROXIES says a proxy sets it: otherwise a client
    could claim a new address with every request, and behind a proxy every user would
    share the proxy's address."""
    if request is None:
        return ""
    if api_settings.NUM_PROXIES is None:
        return request.META.get("REMOTE_ADDR", "") or ""
    return BaseThrottle().get_ident(request) or ""  # type: ignore[arg-type]  # reads META only


def signed_in(user: Any) -> User:
    """The user of a request that a view already let in (the desk pages, the staff API).

    Anything else is refused (403), so the services, typed for a real user, never
    see an anonymous one.
    """
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user


def _key(kind: str, subject: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"lockout:{kind}:{subject}:{digest}"


def _subjects(username: str, ip: str) -> list[tuple[str, str, int]]:
    subjects = [("user", username, settings.FACTCHECK_LOCKOUT_FAILURES)]
    if ip:
        subjects.append(("ip", ip, settings.FACTCHECK_LOCKOUT_IP_FAILURES))
    return subjects


def retry_after(username: str, ip: str = "") -> int:
    """Seconds until this username and address may try again; 0 when not locked."""
    now = time.time()
    waits = [
        int(until - now) + 1
        for subject, value, _ in _subjects(username, ip)
        if (until := cache.get(_key("lock", subject, value))) and until > now
    ]
    return max(waits, default=0)


def register_failure(username: str, ip: str = "") -> None:
    cooloff = settings.FACTCHECK_LOCKOUT_COOLOFF
    for subject, value, limit in _subjects(username, ip):
        counter = _key("fail", subject, value)
        cache.add(counter, 0, timeout=cooloff)
        try:
            failures = cache.incr(counter)
        except ValueError:  # expired between add and incr
            cache.set(counter, 1, timeout=cooloff)
            failures = 1
        if failures >= limit:
            cache.set(_key("lock", subject, value), time.time() + cooloff, timeout=cooloff)
            cache.delete(counter)


def clear_failures(username: str) -> None:
    cache.delete(_key("fail", "user", username))


class LockoutBackend(ModelBackend):
    """ModelBackend that refuses locked-out sign-ins and counts failures."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        ip = client_ip(request)
        if retry_after(username, ip):
            # PermissionDenied stops Django trying any other backend.
            raise PermissionDenied("Too many failed sign-ins; try again later.")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            register_failure(username, ip)
        else:
            clear_failures(username)
        return user
