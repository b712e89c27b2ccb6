"""The clinic's processing-activities table as the page and its CSV show it: each activity of
activities.py with the clinic's own purpose, basis and recipients where its admin wrote them
(the defaults otherwise), the retention period read from the settings now, and the live count
of the clinic's records. Reading only; the one write is services.update_processing."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass

from defusedcsv import csv

from msrelief.accounts.models import Clinic
from msrelief.privacy.activities import ACTIVITIES, Activity
from msrelief.privacy.models import ProcessingRecord

CSV_COLUMNS = (
    "activity",
    "what is held",
    "purpose",
    "lawful basis",
    "recipients",
    "how long it is kept",
    "records held now",
    "wording",
)


@dataclass(frozen=True)
class Row:
    activity: Activity
    purpose: str
    lawful_basis: str
    recipients: str
    retention: str
    count: int
    #: When the clinic admin last wrote the clinic's own words; None while the defaults stand.
    edited_at: dt.datetime | None

    def csv_cells(self) -> list[str | int]:
        wording = "the clinic's" if self.edited_at else "msrelief's default"
        return [
            self.activity.title,
            self.activity.held,
            self.purpose,
            self.lawful_basis,
            self.recipients,
            self.retention,
            self.count,
            wording,
        ]


def row(clinic: Clinic, activity: Activity, own: ProcessingRecord | None) -> Row:
    return Row(
        activity=activity,
        purpose=own.purpose if own else activity.purpose,
        lawful_basis=own.lawful_basis if own else activity.lawful_basis,
        recipients=own.recipients if own else activity.recipients,
        retention=activity.retention(),
        count=activity.count(clinic),
        edited_at=own.updated_at if own else None,
    )


def table(clinic: Clinic) -> list[Row]:
    """Every activity, in the order of activities.ACTIVITIES, for ``clinic``."""
    own = {record.activity: record for record in ProcessingRecord.objects.filter(clinic=clinic)}
    return [row(clinic, activity, own.get(activity.key)) for activity in ACTIVITIES]


def as_csv(rows: Iterable[Row]) -> str:
    """The table as CSV; a cell that a spreadsheet would read as a formula is written as text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for each in rows:
        writer.writerow(each.csv_cells())
    return out.getvalue()
