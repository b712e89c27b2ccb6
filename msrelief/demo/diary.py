"""The demo client's symptom diary: Ana Demo-Rowan keeps a daily diary, started by her
therapist, with entries on thirteen of the last fourteen evenings (she missed one, and on one
evening left the stress question out), made from her login through the diary service with
times counted back from the day ``load-demo`` runs. Today is left for her to fill in.

The ratings are invented: fatigue that is worse after warm days, pain and stiffness that ease
a little on massage days, sleep and stress that move with them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from msrelief.accounts.models import User
from msrelief.clients.models import Client
from msrelief.instruments.diary import services
from msrelief.instruments.diary.questions import CODES

# Days ago, then fatigue, pain, sleep quality, stress, stiffness (None: left out).
EVENINGS: tuple[tuple[int, tuple[float | None, ...]], ...] = (
    (14, (6, 3, 5, 4, 5)),
    (13, (7, 4, 4, 5, 6)),
    (12, (5, 3, 6, 3, 4)),
    (11, (6, 2, 6, 4, 4)),
    (10, (8, 4, 3, 6, 6)),
    (9, (7, 3, 5, 5, 5)),
    # 8 days ago: no entry
    (7, (5, 2, 7, 3, 3)),
    (6, (6, 3, 6, None, 4)),
    (5, (4, 2, 7, 3, 3)),
    (4, (6, 3, 5, 4, 5)),
    (3, (7, 4, 4, 6, 5)),
    (2, (5, 2, 6, 3, 3)),
    (1, (4, 2, 7, 2, 3)),
)
AT = dt.time(20, 30)


def load(therapist: User, client: Client, login: User) -> None:
    plan, _token = services.start_diary(therapist, client, "daily", wants_reminder=True)
    today = timezone.localdate()
    for days_ago, ratings in EVENINGS:
        at = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=days_ago), AT))
        answers = {
            code: None if r is None else float(r) for code, r in zip(CODES, ratings, strict=True)
        }
        services.check_in(plan, answers, login, "portal", key=f"demo-{days_ago}", at=at)
