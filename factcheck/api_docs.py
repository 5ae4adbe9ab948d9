"""The OpenAPI schema and Swagger UI, served from our own files under the desk's CSP."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from factcheck.error_views import JsonErrors


class SchemaView(JsonErrors, SpectacularAPIView):
    pass


class DocsView(JsonErrors, SpectacularSwaggerSplitView):
    """Swagger UI with its start-up script as a file of its own (`?script`), and our
    template without the inline style, so the page needs no CSP exception."""

    template_name = "api/swagger_ui.html"
