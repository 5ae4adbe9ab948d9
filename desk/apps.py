from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The staff pages and the demo loader: the top layer, above reviews and claims."""

    name = "desk"
