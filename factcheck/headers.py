"""Security headers on every response: CSP, Permissions-Policy, frame-ancestors.

Django 5.2 has no CSP of its own (6.0 adds `SECURE_CSP`), and the policy here is
one static string: no page carries inline script or style, so nothing needs a
nonce. A small middleware says that in full, where a package (django-csp)
would add a dependency and a configuration format of its own for one header;
moving to Django 6 means handing FACTCHECK_CSP to SECURE_CSP. Referrer-Policy,
X-Content-Type-Options, X-Frame-Options and COOP come from Django's
SecurityMiddleware and XFrameOptionsMiddleware (settings.py).
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csp = policy(settings.FACTCHECK_CSP)
        self.permissions = ", ".join(
            f"{feature}=()" for feature in settings.FACTCHECK_PERMISSIONS_POLICY_DENY
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.csp)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        return response
