"""What ``benchmarks/web.py`` needs from a freshly loaded demo database, printed as JSON.

Run by web.py (``python benchmarks/web_fixture.py``) with the same environment as the server,
after ``migrate``, ``load-demo`` and ``load-evidence``. It assigns two PHQ-9 questionnaires to
the demo client who has a history of measures, through the instruments service (one link for
the page that is read, one for the page that is saved), and names the study with the most
results.
"""

from __future__ import annotations

import json
import os

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msrelief.settings")
    django.setup()
    from django.db import connection
    from django.db.models import Count

    from msrelief.accounts.models import User
    from msrelief.clients.models import Client
    from msrelief.core import planner
    from msrelief.demo.data import LOGINS, PASSWORD
    from msrelief.evidence.models import Study
    from msrelief.instruments import services

    therapist = User.objects.get(email=LOGINS[1][0])
    client = (
        Client.objects.filter(clinic=therapist.clinic)
        .annotate(responses_count=Count("responses"))
        .order_by("-responses_count", "pk")
        .first()
    )
    if client is None:
        raise SystemExit("the demo data has no client: run `msrelief load-demo` first")
    _, read_token = services.assign_instrument(therapist, client, "phq9")
    _, save_token = services.assign_instrument(therapist, client, "phq9")
    study = Study.objects.annotate(result_count=Count("results")).order_by("-result_count").first()
    if study is None:
        raise SystemExit("the evidence base is empty: run `msrelief load-evidence` first")
    # The statistics autovacuum would gather a minute after the load (core/planner.py).
    planner.refresh_statistics(connection)
    print(
        json.dumps(
            {
                "email": therapist.email,
                "password": PASSWORD,
                "client": client.pk,
                "read_token": read_token,
                "save_token": save_token,
                "study": study.key,
            }
        )
    )


if __name__ == "__main__":
    main()
