"""Once `msrelief load-evidence` has run, every citation of the safety screen is a reference
of the evidence base, so a screen can show each source in full."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from msrelief.screening import default_ruleset


@pytest.mark.django_db
def test_every_citation_of_the_screen_is_a_stored_reference_after_load_evidence(capsys):
    from msrelief.evidence.models import Reference

    call_command("load_evidence")
    capsys.readouterr()
    ruleset = default_ruleset()
    cited = {key for rule in ruleset.rules for key in rule.spec.citations}
    cited |= {key for rule in ruleset.rules for key in rule.spec.threshold_source or ()}
    cited |= {key for message in ruleset.spec.messages.values() for key in message.sources}
    stored = set(Reference.objects.filter(key__in=cited).values_list("key", flat=True))
    assert cited - stored == set()
