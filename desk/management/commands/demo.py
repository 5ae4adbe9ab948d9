from typing import Any

from django.core.management.base import BaseCommand

from desk.demo.load import DEMO_PASSWORD, DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "Load sample feeds, articles and users so that a new user sees a working desk."

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_demo()
        self.stdout.write(
            f"Demo data: {summary['feeds']} feeds, {summary['articles']} articles, "
            f"{summary['claims']} claims flagged."
        )
        self.stdout.write("Demo users (all with the password below):")
        for username, role in DEMO_USERS:
            self.stdout.write(f"  {username:<8} {role}")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
        self.stdout.write(
            "Sign in at /login/; fact-checkers and editors work on the desk at /desk/ "
            "(the admin at /admin/ is for admins only)."
        )
