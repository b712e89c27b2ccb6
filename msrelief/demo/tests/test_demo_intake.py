"""The demo clients' dated history (msrelief/demo/intake.py), as load-demo stores it: the cases
the pre-session screen acts on are there, dated from the day the demo is loaded."""

import datetime as dt

from django.utils import timezone

from msrelief.audit.models import AuditEvent
from msrelief.clients.models import Client, Condition, DmtPeriod, Medicine, Relapse


def test_the_demo_has_a_heat_sensitive_client_and_one_whose_relapse_began_ten_days_ago(demo):
    assert Condition.objects.filter(kind="heat_sensitivity").exists()
    relapse = Relapse.objects.get()
    assert relapse.onset == timezone.localdate() - dt.timedelta(days=10)
    assert relapse.steroid_start < relapse.steroid_end < timezone.localdate()


def test_each_demo_client_on_a_dmt_has_a_therapy_period_and_an_anticoagulant_is_marked(demo):
    on_dmt = Client.objects.filter(dmt_periods__isnull=False).distinct().count()
    assert on_dmt >= 5
    assert DmtPeriod.objects.filter(route="infusion", last_dose__isnull=False).exists()
    assert Medicine.objects.filter(group="anticoagulant").count() == 1


def test_every_history_entry_was_entered_through_the_audited_service(demo):
    entries = sum(model.objects.count() for model in (Relapse, DmtPeriod, Medicine, Condition))
    added = AuditEvent.objects.filter(event="history.added").count()
    assert added >= entries > 0
