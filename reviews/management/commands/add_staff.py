import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reviews.roles import ROLES
from reviews.services import staff_upsert


class Command(BaseCommand):
    help = "Create or update a staff user in one role (checker, editor or admin)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=ROLES)
        parser.add_argument(
            "--password", help="Defaults to the FACTCHECK_PASSWORD environment variable."
        )
        parser.add_argument("--email", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        password = options["password"] or os.environ.get("FACTCHECK_PASSWORD")
        try:
            user, created = staff_upsert(
                username=options["username"],
                role=options["role"],
                password=password,
                email=options["email"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} {user.username} as {options['role']}.")
