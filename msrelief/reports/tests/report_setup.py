"""A client record with everything the client reports gather, made through the services as
staff would: FSS scores (6 -> 4, improved), a programme with attended sessions and ratings, an
adverse event, a PHQ-9 answer that raised a safety flag (acknowledged, then resolved), a
relapse and a DMT period."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msrelief.clients import history_services
from msrelief.instruments import services as measures
from msrelief.instruments.models import SafetyFlag
from msrelief.programmes import services as programmes
from msrelief.programmes.tests.factories import today
from msrelief.reports.tests.helpers import phq9
from msrelief.reports.tests.progress_setup import enter, rate_sessions


def full_record(therapist: Any, client: Any) -> dict[str, Any]:
    enter(therapist, client, "fss", [6, 5, 4, 4])
    enrolment = rate_sessions(therapist, client, [(6, 4), (5, 4)])
    session = enrolment.sessions.order_by("starts_at").first()
    programmes.record_adverse_event(
        therapist,
        client,
        programmes.Report(today() - dt.timedelta(days=20), "bruising", "mild", "Ice pack."),
        session,
    )
    answers = phq9(6)
    answers["9"] = 1.0
    measures.enter_response(therapist, client, "phq9", answers, today() - dt.timedelta(days=10))
    flag = SafetyFlag.objects.get(client=client, code__startswith="phq9")
    measures.acknowledge_flag(therapist, flag, "Phoned the client the same day.")
    measures.resolve_flag(therapist, flag, "Referred to the GP, who saw them.")
    history_services.add_entry(
        therapist, client, "relapse", {"onset": today() - dt.timedelta(days=30)}
    )
    history_services.add_entry(
        therapist, client, "dmt", {"drug": "ocrelizumab", "started": dt.date(2024, 1, 10)}
    )
    return {"enrolment": enrolment, "flag": flag}
