from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self) -> None:
        from reviews.ratings import seed_after_migrate
        from reviews.roles import sync_groups_after_migrate

        # Permissions exist only once migrate has created them, and a flushed
        # database (tests) must get its groups and scale back, so both run here.
        post_migrate.connect(sync_groups_after_migrate, sender=self)
        post_migrate.connect(seed_after_migrate, sender=self)
