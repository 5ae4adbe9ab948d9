from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self) -> None:
        from claims.events import connect_writer
        from reviews.events import write_events
        from reviews.ratings import seed_after_migrate
        from reviews.roles import sync_groups_after_migrate

        # Permissions exist only once migrate has created them, and a flushed
        # database (tests) must get its groups and scale back, so both run here.
        post_migrate.connect(sync_groups_after_migrate, sender=self)
        post_migrate.connect(seed_after_migrate, sender=self)
        # The audit log lives here; the claims layer below writes to it through this.
        connect_writer(write_events)
