"""What the progress charts mark on the time line: programme periods from the client's
enrolments, and events from the MS history (relapses, steroid courses, DMT starts and stops).
Three queries, whatever the number of rows."""

from __future__ import annotations

import datetime as dt

from msrelief.charts.trajectory import Event, Period
from msrelief.clients.models import Client
from msrelief.clients.models_history import DmtPeriod, Relapse
from msrelief.programmes.models import Enrolment


def periods(client: Client) -> list[Period]:
    """Each enrolment from its first day to the last day of its last week."""
    rows = (
        Enrolment.objects.filter(client=client)
        .select_related("template")
        .order_by("start_date", "id")
    )
    return [
        Period(
            row.start_date,
            row.start_date + dt.timedelta(days=7 * max(row.weeks, 1) - 1),
            f"Programme: {row.template.title}",
        )
        for row in rows
    ]


def events(client: Client) -> list[Event]:
    """Relapses (onset), steroid courses (start) and DMT changes (start, stop), by date."""
    found: list[Event] = []
    for relapse in Relapse.objects.filter(client=client):
        found.append(Event(relapse.onset, "relapse", "relapse began"))
        if relapse.steroid_start is not None:
            until = f", to {relapse.steroid_end:%d %b %Y}" if relapse.steroid_end else ""
            found.append(Event(relapse.steroid_start, "steroid", f"steroid course{until}"))
    for period in DmtPeriod.objects.filter(client=client):
        name = period.drug_other or period.get_drug_display()
        if period.started is not None:
            found.append(Event(period.started, "dmt", f"started {name}"))
        if period.stopped is not None:
            found.append(Event(period.stopped, "dmt", f"stopped {name}"))
    return sorted(found, key=lambda event: event.date)
