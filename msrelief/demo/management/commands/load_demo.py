"""Load clearly fictional demo data. Running it again changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from msrelief.demo import data as demo


class Command(BaseCommand):
    help = "Create the demo clinics, staff logins and fictional clients (safe to run twice)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = demo.load()
        verb = "Created" if created else "Already present:"
        self.stdout.write(
            f"{verb} demo data. Log in at http://127.0.0.1:8000/accounts/login/ with:"
        )
        for email, role in demo.LOGINS:
            self.stdout.write(f"  {email:<32} password: {demo.PASSWORD}   ({role})")
