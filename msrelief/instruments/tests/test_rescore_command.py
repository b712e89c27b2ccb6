from io import StringIO

from django.core.management import call_command

from msrelief.instruments import services
from msrelief.instruments.models import Score
from msrelief.testing import PHQ9_ALL_ZERO


def test_rescoring_adds_a_score_under_a_new_version_and_keeps_the_old(ms_client, therapist):
    response = services.enter_response(therapist, ms_client, "phq9", PHQ9_ALL_ZERO)
    old = response.scores.get()
    # Pretend the stored score came from an older scoring version.
    Score.objects.filter(pk=old.pk).update(scoring_version="phq9@1.0/scoring-0")
    out = StringIO()
    call_command("rescore", stdout=out)
    versions = sorted(response.scores.values_list("scoring_version", flat=True))
    assert versions == ["phq9@1.0/scoring-0", "phq9@1.0/scoring-1"]
    assert "1 responses scored" in out.getvalue()
    call_command("rescore", stdout=out)
    assert response.scores.count() == 2
