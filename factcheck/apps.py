from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.urls import register_converter


class FactcheckConfig(AppConfig):
    """The project package as an app, so what every URLconf relies on is set up first."""

    name = "factcheck"
    default = True

    def ready(self) -> None:
        from factcheck.numbers import IdConverter

        register_converter(IdConverter, "id")


class DeskAdminConfig(admin_apps.AdminConfig):
    default = False  # named in INSTALLED_APPS in place of django.contrib.admin
    default_site = "factcheck.admin_site.DeskAdminSite"
