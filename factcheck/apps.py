from django.contrib.admin.apps import AdminConfig


class DeskAdminConfig(AdminConfig):
    default_site = "factcheck.admin_site.DeskAdminSite"
