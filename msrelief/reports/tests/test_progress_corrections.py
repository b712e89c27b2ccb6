"""On the progress page a corrected baseline stays the baseline: the change from baseline uses
the corrected answers, dated when the first answers were given."""

from __future__ import annotations

import pytest

from msrelief.demo.histories import answers_for
from msrelief.instruments import services as measures
from msrelief.instruments.models import Response
from msrelief.reports.progress.build import build
from msrelief.reports.tests.progress_setup import enter

pytestmark = pytest.mark.django_db


def test_a_corrected_baseline_is_still_the_baseline_of_the_change(therapist, ms_client):
    enter(therapist, ms_client, "fss", [6, 5, 3])
    baseline = Response.objects.filter(client=ms_client).order_by("submitted_at").first()
    measures.correct_response(therapist, baseline, answers_for("fss", 7), "Typo on paper.")
    fss = next(c for c in build(ms_client).constructs if c.code == "fss")
    assert fss.change is not None
    assert fss.change.baseline == 7 and fss.change.follow_up == 3
