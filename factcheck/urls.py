from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from factcheck.api_docs import DocsView, SchemaView
from factcheck.health import healthz
from factcheck.home import favicon, home

handler400 = "factcheck.error_views.bad_request"
handler403 = "factcheck.error_views.permission_denied"
handler404 = "factcheck.error_views.page_not_found"
handler500 = "factcheck.error_views.server_error"

api_v1: list[URLPattern | URLResolver] = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="schema"), name="docs"),
    path("", include("claims.api.urls")),
    path("", include("reviews.api.urls")),
]

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    # Browsers ask for it on pages that name no icon (the admin, the API docs).
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/v1/", include(api_v1)),
    path("desk/", include("desk.urls")),
    path("", include("reviews.urls")),
]
