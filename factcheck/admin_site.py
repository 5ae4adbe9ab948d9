"""The Django admin, for administrators only: checkers and editors work on the desk."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from reviews import permissions


class DeskAdminSite(admin.AdminSite):
    site_header = "Factcheck desk administration"
    site_title = "Factcheck desk admin"

    def has_permission(self, request: HttpRequest) -> bool:
        return permissions.is_admin(request.user)

    def admin_view(self, view: Callable, cacheable: bool = False) -> Any:
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if self._belongs_on_the_desk(request):
                return self._to_the_desk(request)
            return inner(request, *args, **kwargs)

        return guarded

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if self._belongs_on_the_desk(request):
            return self._to_the_desk(request)
        return super().login(request, extra_context)

    def _belongs_on_the_desk(self, request: HttpRequest) -> bool:
        return permissions.is_desk_staff(request.user) and not self.has_permission(request)

    def _to_the_desk(self, request: HttpRequest) -> HttpResponse:
        messages.info(request, "The admin is for administrators; your work is on the desk.")
        return redirect("/desk/")
