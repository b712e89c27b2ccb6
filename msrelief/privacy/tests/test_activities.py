"""privacy/activities.py, the one table of processing activities: every model that holds data
about a client is in an activity, each source counts only its own clinic's rows, and each
retention period is read from the settings when asked."""

import pytest
from django.apps import apps
from django.db import models

from msrelief.accounts.models import Clinic
from msrelief.clients.models import Client
from msrelief.privacy import activities


def _about_a_client() -> set[str]:
    """Every model with a key to a client: a foreign key to Client, or to a model that has one
    (a score of a response, a note of a session...), or a ``client_ref`` column."""
    about: set[str] = {Client._meta.label_lower}
    grew = True
    while grew:
        grew = False
        for model in apps.get_models():
            label = model._meta.label_lower
            if label in about:
                continue
            for field in model._meta.get_fields():
                keyed = (
                    isinstance(field, models.ForeignKey | models.OneToOneField)
                    and field.related_model._meta.label_lower in about
                    and field.remote_field.on_delete is not models.PROTECT
                ) or (field.name == "client_ref" and field.concrete)
                protected_client = (
                    isinstance(field, models.OneToOneField) and field.related_model is Client
                )
                if keyed or protected_client:
                    about.add(label)
                    grew = True
                    break
    return about


def test_every_model_with_a_key_to_a_client_is_in_an_activity():
    covered = set().union(*(activity.models for activity in activities.ACTIVITIES))
    missing = sorted(_about_a_client() - covered)
    assert not missing, f"add these to an activity in privacy/activities.py: {missing}"


def test_every_source_names_a_model_that_exists_and_a_lookup_that_works(clinic):
    for activity in activities.ACTIVITIES:
        for source in activity.sources:
            assert apps.get_model(source.model) is not None
            assert source.count(clinic) == 0, f"{activity.key}: {source.model}"


def test_a_source_counts_only_its_own_clinics_rows(ms_client, therapist):
    from msrelief.clients import history_services

    history_services.add_entry(therapist, ms_client, "goal", {"text": "Walk to the shop"})
    other = Clinic.objects.create(name="Hillside")
    health = activities.BY_KEY["health-history"]
    assert health.count(ms_client.clinic) == 1
    assert health.count(other) == 0


def test_the_retention_period_comes_from_the_settings_as_they_are_now(settings):
    record = activities.BY_KEY["client-record"]
    settings.RETAIN_CLIENT_YEARS = 11
    assert record.retention().startswith("11 years after the client's last contact")
    settings.RETAIN_CLIENT_YEARS = 1
    assert record.retention().startswith("1 year after")
    settings.RETAIN_MESSAGES_DAYS = 90
    assert "90 days after it was written" in activities.BY_KEY["messages"].retention()
    settings.RETAIN_LINK_TOKENS_DAYS = 7
    assert "7 days after the link expired" in activities.BY_KEY["sign-in"].retention()


def test_an_activity_without_a_setting_says_how_long_in_words():
    assert activities.BY_KEY["audit"].retention().startswith("Kept for good")


@pytest.mark.parametrize("activity", activities.ACTIVITIES, ids=lambda a: a.key)
def test_each_activity_has_every_text_the_record_needs(activity):
    for text in (activity.title, activity.held, activity.purpose, activity.recipients):
        assert text.strip()
    assert "art. " in activity.lawful_basis
    assert len(activity.purpose) <= 1000 and len(activity.lawful_basis) <= 1000
