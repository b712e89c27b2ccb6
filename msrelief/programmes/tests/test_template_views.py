"""The template list, one template, a new clinic template and a new version."""

from django.urls import reverse

from msrelief.programmes.models import ProgrammeTemplate

FORM = {
    "title": "Our leg programme",
    "technique": "Petrissage",
    "minutes_per_session": "30",
    "sessions_per_week": "2",
    "weeks": "4",
    "notes": "",
    "baseline_week": "0",
    "baseline_instruments": ["nrs-stiffness", "mas"],
    "end_week": "4",
    "end_instruments": ["nrs-stiffness"],
}


def test_the_list_shows_the_trials_templates_and_the_clinics_own(client, therapist, template):
    client.force_login(therapist)
    response = client.get(reverse("programmes-templates"))
    assert response.status_code == 200
    assert template.title in response.text and "Your clinic's templates" in response.text


def test_a_template_shows_each_time_point_and_marks_a_stand_in(client, therapist, template):
    client.force_login(therapist)
    text = client.get(reverse("programmes-template", args=[template.pk])).text
    assert "Baseline: week 0" in text and "End of programme: week 6" in text
    assert "stands in" in text and "for the trial's VAS" in text
    assert "Not reported by the trial." in text  # delivered by: not reported


def test_a_clinic_template_is_made_from_a_trials_and_keeps_its_mapping(client, therapist, template):
    client.force_login(therapist)
    new = reverse("programmes-template-new") + f"?from={template.pk}"
    assert "(our version)" in client.get(new).text
    data = {**FORM, "from": str(template.pk), "baseline_instruments": ["nrs-pain", "fss"]}
    response = client.post(reverse("programmes-template-new"), data)
    made = ProgrammeTemplate.objects.get(clinic=therapist.clinic)
    assert response.status_code == 302
    baseline = made.time_points.get(label="baseline")
    pain = next(m for m in baseline.instruments if m["code"] == "nrs-pain")
    assert pain["substitute"] is True and pain["trial_instrument"] == "VAS"
    assert made.based_on == template


def test_a_template_without_weeks_comes_back_naming_the_field(client, therapist):
    client.force_login(therapist)
    response = client.post(reverse("programmes-template-new"), {**FORM, "weeks": ""})
    assert response.status_code == 400
    assert "Enter how many weeks" in response.text
    assert not ProgrammeTemplate.objects.exists()


def test_a_new_version_is_made_from_the_latest_and_says_what_changed(client, therapist):
    client.force_login(therapist)
    client.post(reverse("programmes-template-new"), FORM)
    first = ProgrammeTemplate.objects.get()
    page = reverse("programmes-template-version", args=[first.pk])
    assert 'value="Our leg programme"' in client.get(page).text
    refused = client.post(page, {**FORM, "weeks": "6"})
    assert refused.status_code == 400 and "What changed in this version?" in refused.text
    client.post(page, {**FORM, "weeks": "6", "change_note": "Six weeks"})
    second = ProgrammeTemplate.objects.get(version=2)
    assert second.weeks == 6 and second.key == first.key
    text = client.get(reverse("programmes-template", args=[first.pk])).text
    assert "This is not the latest version" in text
