import io

from django.core.management import call_command

from msrelief.audit.models import AuditEvent
from msrelief.evidence import seed
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study, Topic


def load() -> str:
    out = io.StringIO()
    call_command("load_evidence", stdout=out)
    return out.getvalue()


def test_loading_creates_exactly_what_the_seed_holds(db):
    data = seed.load_seed()
    assert "Loaded evidence seed data" in load()
    assert Reference.objects.count() == len(data.references)
    assert Topic.objects.count() == len(data.topics)
    assert Claim.objects.count() == len(data.claims)
    assert Study.objects.count() == len(data.studies)
    assert Arm.objects.count() == sum(len(s.arms) for s in data.studies)
    results = sum(len(s.results) + len(s.unconfirmed_results) for s in data.studies)
    assert Result.objects.count() == results


def test_loading_twice_changes_nothing(db):
    load()
    events = AuditEvent.objects.count()
    counts = [m.objects.count() for m in (Reference, Claim, Study, Arm, Result)]
    assert load() == "The evidence base already holds all the seed data.\n"
    assert [m.objects.count() for m in (Reference, Claim, Study, Arm, Result)] == counts
    assert AuditEvent.objects.count() == events


def test_a_record_edited_in_the_app_survives_a_reload(db):
    load()
    Claim.objects.filter(key="C1").update(statement="Our edited wording.")
    load()
    assert Claim.objects.get(key="C1").statement == "Our edited wording."


def test_a_deleted_seed_record_is_restored_as_seeded(db):
    load()
    Result.objects.filter(key="naderi2024-anxiety").delete()
    load()
    assert Result.objects.get(key="naderi2024-anxiety").effect_value == 0.47


def test_the_source_articles_percentages_are_loaded_as_an_unverified_claim(seeded):
    claim = Claim.objects.get(key="C13")
    assert claim.verification_status == "unverified"
    assert "28.2 %" in claim.statement
    assert "must not be shown as trial findings" in claim.note
    assert list(claim.references.values_list("key", flat=True)) == ["naderi2024"]


def test_naderi_2024s_reported_hedges_g_values_are_loaded(seeded):
    values = dict(
        Result.objects.filter(study__key="naderi2024", effect_type="hedges_g").values_list(
            "construct", "effect_value"
        )
    )
    assert values == {"quality of life": 0.53, "stress": 0.8, "anxiety": 0.47, "depression": 0.7}


def test_values_the_seed_does_not_have_stay_null_never_zero(seeded):
    study = Study.objects.get(key="naderi2024")
    assert study.n_randomised == 70
    assert study.n_analysed is None
    anxiety = Result.objects.get(key="naderi2024-anxiety")
    assert (anxiety.mean, anxiety.sd, anxiety.n, anxiety.ci_low) == (None, None, None, None)


def test_numbers_of_unconfirmed_attribution_are_kept_apart(seeded):
    unconfirmed = Result.objects.filter(attribution_confirmed=False)
    assert unconfirmed.count() == 32
    assert set(unconfirmed.values_list("study__key", flat=True)) == {"hernandezreif1998"}
    assert set(unconfirmed.values_list("verification_status", flat=True)) == {"unverified"}


def test_seed_records_are_audited_as_made_by_the_system(seeded):
    event = AuditEvent.objects.filter(object_type="evidence.claim", object_id__isnull=False).first()
    assert event.actor is None and event.clinic is None
    assert event.changes == {"source": "seed"}


def test_results_loaded_before_instrument_matching_get_their_match_on_the_next_load(db):
    load()
    Result.objects.update(instrument_code="", score_name="", time_point_weeks=None)
    Result.objects.filter(key="naderi2024-sleep").update(instrument_code="psqi")  # set in the app
    assert load() == (
        "Loaded evidence seed data: filled in the instrument match of "
        f"{seeded_matches() - 1} existing results.\n"
    )
    fatigue = Result.objects.get(key="naderi2024-fatigue")
    assert (fatigue.instrument_code, fatigue.score_name, fatigue.time_point_weeks) == (
        "fss",
        "total",
        6,
    )
    sleep = Result.objects.get(key="naderi2024-sleep")
    assert (sleep.score_name, sleep.time_point_weeks) == ("", None)  # left alone
    event = AuditEvent.objects.filter(object_id=str(fatigue.pk), action="update").get()
    assert event.actor is None and event.changes == {
        "source": "seed",
        "fields": ["instrument_code", "score_name", "time_point_weeks"],
    }
    assert load() == "The evidence base already holds all the seed data.\n"


def seeded_matches() -> int:
    """Seed results with any of the three matching fields given."""
    return sum(
        1
        for study in seed.load_seed().studies
        for result in study.results + study.unconfirmed_results
        if (result.instrument_code, result.score_name, result.time_point_weeks) != (None,) * 3
    )
