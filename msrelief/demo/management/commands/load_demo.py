"""Load clearly fictional demo data. Running it again changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection

from msrelief.core import planner
from msrelief.demo import data as demo
from msrelief.demo import signin


class Command(BaseCommand):
    help = (
        "Create the demo clinics, logins, clients and results (safe to run twice). All of it "
        "is invented: the clients and their months of results are about no one."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = demo.load()
        demo.give_admin_an_app()
        planner.refresh_statistics(connection)
        verb = "Created" if created else "Already present:"
        self.stdout.write(
            f"{verb} demo data. Log in at http://127.0.0.1:8000/accounts/login/ with:"
        )
        for email, role in demo.LOGINS:
            self.stdout.write(f"  {email:<32} password: {demo.PASSWORD}   ({role})")
        self.stdout.write(
            f"{demo.LOGINS[0][0]} then asks for a code from an authenticator app: add the demo "
            f"secret {signin.DEMO_TOTP_SECRET} to one (docs/getting-started.md shows how, and "
            "how to print the code without an app)."
        )
        if not demo.has_client_login():
            self.stdout.write(
                f"This database's demo data is older: it has no {demo.CLIENT_LOGIN} login nor "
                "months of results. `make clean && make demo` makes it afresh (deleting the "
                "database)."
            )
