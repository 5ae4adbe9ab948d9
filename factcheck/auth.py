"""Sign-in lockout that stops guessing without letting anyone lock a colleague out.

Three counters, all in the cache (shared by every process when it is Redis),
all expiring after the cool-off, so no lock is ever permanent:

1. Failures for one account *from one address* lock that pair: the guesser is
   stopped, the real user signing in from anywhere else is not.
2. Failures from one address across accounts lock the address (one address
   trying many usernames).
3. Failures for one account across all addresses (a distributed guess) slow
   that account down: past the threshold, sign-ins from an unknown device get
   one attempt per interval for the whole account. A device that signed in as
   that user before (a signed cookie) or a session already signed in as them
   is never slowed, so the real user still gets in with the right password.

It is an authentication backend rather than a view decorator, so the admin,
the API token endpoint and the login page all share it.
"""

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

DEVICE_COOKIE = "factcheck_device"
DEVICE_SALT = "factcheck.auth.known-device"
DEVICE_MAX_AGE = 365 * 24 * 3600
DEVICE_MAX_ACCOUNTS = 10


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


def _digest(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def _key(kind: str, subject: str, value: str) -> str:
    return f"lockout:{kind}:{subject}:{_digest(value)}"


def _locks(username: str, ip: str) -> list[tuple[str, str, int]]:
    """The counters that lock: (subject, value, failures that lock it)."""
    if not ip:
        return [("user", username, settings.FACTCHECK_LOCKOUT_FAILURES)]
    return [
        ("pair", f"{ip}|{username}", settings.FACTCHECK_LOCKOUT_FAILURES),
        ("ip", ip, settings.FACTCHECK_LOCKOUT_IP_FAILURES),
    ]


def _count(counter: str) -> int:
    cache.add(counter, 0, timeout=settings.FACTCHECK_LOCKOUT_COOLOFF)
    try:
        return cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.set(counter, 1, timeout=settings.FACTCHECK_LOCKOUT_COOLOFF)
        return 1


def _under_attack(username: str) -> bool:
    failures = cache.get(_key("fail", "account", username), 0)
    return failures >= settings.FACTCHECK_LOCKOUT_ACCOUNT_FAILURES


def retry_after(username: str, ip: str = "", *, known: bool = False) -> int:
    """Seconds until this username may try again from this address; 0 when it may now."""
    now = time.time()
    untils = [cache.get(_key("lock", subject, value)) for subject, value, _ in _locks(username, ip)]
    if not known and _under_attack(username):
        untils.append(cache.get(_key("slot", "account", username)))
    return max((int(until - now) + 1 for until in untils if until and until > now), default=0)


def _take_slot(username: str) -> bool:
    """One attempt per interval for an account under attack, from unknown devices."""
    interval = settings.FACTCHECK_LOCKOUT_ACCOUNT_INTERVAL
    return cache.add(_key("slot", "account", username), time.time() + interval, timeout=interval)


def register_failure(username: str, ip: str = "") -> None:
    cooloff = settings.FACTCHECK_LOCKOUT_COOLOFF
    for subject, value, limit in _locks(username, ip):
        counter = _key("fail", subject, value)
        if _count(counter) >= limit:
            cache.set(_key("lock", subject, value), time.time() + cooloff, timeout=cooloff)
            cache.delete(counter)
    _count(_key("fail", "account", username))


def clear_failures(username: str, ip: str = "") -> None:
    """A success forgives this address's failures for the account, not anyone else's."""
    subject, value, _ = _locks(username, ip)[0]
    cache.delete(_key("fail", subject, value))


# --- Known devices ------------------------------------------------------------


def _device_accounts(request: HttpRequest) -> list[str]:
    try:
        accounts = signing.loads(
            request.COOKIES.get(DEVICE_COOKIE, ""), salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE
        )
    except signing.BadSignature:
        return []
    return accounts if isinstance(accounts, list) else []


def is_known(request: HttpRequest | None, username: str) -> bool:
    """Has this browser signed in as `username` before, or is it signed in as them now?"""
    if request is None:
        return False
    user = getattr(request, "user", None)
    if (
        user is not None
        and user.is_authenticated
        and user.get_username().lower() == username.lower()
    ):
        return True
    return _digest(username) in _device_accounts(request)


class KnownDeviceMiddleware:
    """Remembers, in a signed cookie, which accounts signed in from this browser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        username = getattr(request, "factcheck_signed_in", None)
        if username:
            accounts = [_digest(username)]
            accounts += [a for a in _device_accounts(request) if a != accounts[0]]
            response.set_cookie(
                DEVICE_COOKIE,
                signing.dumps(accounts[:DEVICE_MAX_ACCOUNTS], salt=DEVICE_SALT),
                max_age=DEVICE_MAX_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


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
        known = is_known(request, username)
        if retry_after(username, ip, known=known) or (
            not known and _under_attack(username) and not _take_slot(username)
        ):
            # PermissionDenied stops Django trying any other backend.
            raise PermissionDenied("Too many failed sign-ins; try again later.")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            register_failure(username, ip)
        else:
            clear_failures(username, ip)
            if request is not None:
                request.factcheck_signed_in = user.get_username()  # type: ignore[attr-defined]
        return user
