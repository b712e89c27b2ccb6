"""The programme pages' forms. They parse and check types and choices; the services check the
rules (clashes, dates, what may change) and their errors go back onto these fields."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from msrelief.clients import regions
from msrelief.core.voice import HouseVoice
from msrelief.instruments import rendering
from msrelief.instruments.forms import rating_field
from msrelief.programmes import vocab
from msrelief.programmes.models import MAX_MINUTES, CancelledBy, Pressure, SessionStatus
from msrelief.programmes.services import field_name
from msrelief.scoring import default_registry, get_definition

WEEKDAYS = (
    (1, "Monday"), (2, "Tuesday"), (3, "Wednesday"), (4, "Thursday"), (5, "Friday"),
    (6, "Saturday"), (7, "Sunday"),
)  # fmt: skip
MAX_TEXT = 5000


def _date(label: str, help_text: str = "", required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _time(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


def _text(label: str, rows: int = 3, required: bool = False, **extra: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        **extra,
    )


def _number(label: str, high: int, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=high,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _checkboxes(label: str, choices: Iterable[tuple[Any, str]]) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, required=False, choices=list(choices), widget=forms.CheckboxSelectMultiple
    )


class EnrolForm(HouseVoice, forms.Form):
    template = forms.ChoiceField(label="Programme")
    start_date = _date("Day of the first session")
    weekdays = forms.TypedMultipleChoiceField(
        label="Days of the week",
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="As many days as the programme has sessions a week.",
        error_messages={"required": "Choose the days of the week the sessions are on."},
    )
    session_time = _time("Time of the sessions")
    minutes = _number("Minutes per session", MAX_MINUTES, "Leave empty for the programme's.")
    weeks = _number("Weeks", 52, "Leave empty for the programme's.")
    therapist = forms.TypedChoiceField(label="Therapist", coerce=int)

    def __init__(
        self,
        templates: list[tuple[int, str]],
        therapists: list[tuple[int, str]],
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [("", "Choose a programme"), *templates]  # type: ignore[attr-defined]
        self.fields["therapist"].choices = therapists  # type: ignore[attr-defined]


class MoveForm(HouseVoice, forms.Form):
    day = _date("New day")
    time = _time("New time")
    reason = _text("Why is it moved?", rows=2, help_text="Optional, for example: client asked.")


class AddSessionForm(HouseVoice, forms.Form):
    day = _date("Day")
    time = _time("Time")
    minutes = _number("Minutes", MAX_MINUTES, "Leave empty for the plan's.")


class EndForm(HouseVoice, forms.Form):
    """How the programme ended; the service checks what each answer needs."""

    outcome = forms.ChoiceField(
        label="How did the programme end?",
        choices=(
            ("completed", "Completed: every session is recorded"),
            ("withdrawn", "The client left the programme"),
        ),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the programme was completed or left."},
    )
    withdrawn_by = forms.ChoiceField(
        label="If the client left, who decided?",
        choices=CancelledBy.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    reason = _text(
        "Reason", rows=2, help_text="Needed when the client left, for example: moved away."
    )
    cancel_questionnaires = forms.BooleanField(
        label="Also cancel the questionnaires still to come",
        required=False,
        help_text="Leave unticked to keep asking for the end measures: they still count.",
    )


STATUS_CHOICES = (
    (SessionStatus.ATTENDED, "Attended"),
    (SessionStatus.NO_SHOW, "Did not come (no-show)"),
    (f"{SessionStatus.CANCELLED}:{CancelledBy.CLIENT}", "Cancelled by the client"),
    (f"{SessionStatus.CANCELLED}:{CancelledBy.CLINIC}", "Cancelled by the clinic"),
)


class StatusForm(HouseVoice, forms.Form):
    status = forms.ChoiceField(
        label="What happened?",
        choices=STATUS_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what happened to the session."},
    )
    note = _text("Note", rows=2, help_text="Optional, for example why it was cancelled.")

    def split(self) -> tuple[str, str]:
        """(status, cancelled_by) from the chosen answer."""
        status, _, by = self.cleaned_data["status"].partition(":")
        return status, by


class NoteForm(HouseVoice, forms.Form):
    subjective = _text("Subjective: what the client reports", rows=4)
    objective = _text("Objective: what you observed and measured", rows=4)
    assessment = _text("Assessment: your judgement", rows=3)
    plan = _text("Plan: next steps", rows=3)
    techniques = _checkboxes("Techniques used", vocab.TECHNIQUES)
    pressure = forms.ChoiceField(
        label="Pressure", required=False, choices=Pressure.choices, widget=forms.RadioSelect
    )
    minutes = _number("Minutes of treatment", MAX_MINUTES)
    body_regions = _checkboxes("Body regions treated", regions.REGIONS)


class AmendForm(NoteForm):
    reason = _text("Why is the note amended?", rows=2, required=True)


class RatingsForm(HouseVoice, forms.Form):
    """The five 0-10 ratings of one phase, as the questionnaires' radio rows."""

    def __init__(self, phase: str, clinic_id: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.phase = phase
        self.items: list[tuple[str, rendering.Item]] = []
        when = vocab.label(vocab.PHASES, phase).lower()
        for code, about in vocab.RATINGS:
            definition = get_definition(code)
            item = rendering.build_form(code, definition.version, clinic_id).items[0]
            field = rating_field(item)
            field.label = f"{about} {when}"
            name = field_name(phase, code)
            self.fields[name] = field
            self.items.append((name, item))

    def values(self) -> dict[str, int | None]:
        found: dict[str, int | None] = {}
        for code, _ in vocab.RATINGS:
            raw = self.cleaned_data.get(field_name(self.phase, code)) or ""
            found[code] = int(raw) if raw != "" else None
        return found


class AdverseEventForm(HouseVoice, forms.Form):
    occurred_on = _date("When did it happen?")
    kind = forms.ChoiceField(
        label="What happened?", choices=vocab.ADVERSE_EVENT_KINDS, widget=forms.RadioSelect
    )
    severity = forms.ChoiceField(
        label="How severe was it?", choices=vocab.SEVERITIES, widget=forms.RadioSelect
    )
    description = _text("Describe it", help_text="Needed when you chose Other.")
    action_taken = _text("What was done about it?", required=True)
    follow_up = _text("Follow-up planned", help_text="For example: phone the client tomorrow.")


def instrument_choices() -> list[tuple[str, str]]:
    latest = default_registry().latest
    return sorted(
        ((code, f"{d.spec.short_title}: {d.title}") for code, d in latest.items()),
        key=lambda pair: pair[1].lower(),
    )


class TemplateForm(HouseVoice, forms.Form):
    """A clinic template: its protocol, and up to four time points (a week and the
    instruments measured then)."""

    title = forms.CharField(label="Title", max_length=200)
    technique = _text("Technique", rows=2)
    body_regions = _checkboxes("Body regions", regions.REGIONS)
    minutes_per_session = _number("Minutes per session", MAX_MINUTES)
    sessions_per_week = _number("Sessions per week", 7)
    weeks = _number("Weeks", 52)
    notes = _text("Notes", rows=3)

    def __init__(self, *args: Any, versioned: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = instrument_choices()
        for label, title in vocab.TIME_POINTS:
            self.fields[f"{label}_week"] = forms.IntegerField(
                label=f"{title}: week",
                required=False,
                min_value=0,
                max_value=104,
                help_text="Weeks after the first session (0 is the baseline). Leave empty "
                "for no measures at this time point.",
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )
            self.fields[f"{label}_instruments"] = _checkboxes(f"{title}: measures", choices)
        if versioned:
            self.fields["change_note"] = _text("What changed in this version?", required=True)

    def protocol(self) -> dict[str, Any]:
        names = ("title", "technique", "body_regions", "minutes_per_session",
                 "sessions_per_week", "weeks", "notes")  # fmt: skip
        return {name: self.cleaned_data[name] for name in names}

    def time_point_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"{label}_week"], self[f"{label}_instruments"]) for label, _ in vocab.TIME_POINTS
        ]


def template_initial(template: Any) -> dict[str, Any]:
    """A form's starting values from an existing template (to copy it or make a version)."""
    initial: dict[str, Any] = {
        "title": template.title,
        "technique": template.technique,
        "body_regions": list(template.body_regions),
        "minutes_per_session": template.minutes_per_session,
        "sessions_per_week": template.sessions_per_week,
        "weeks": template.weeks,
        "notes": template.notes,
    }
    for point in template.time_points.all():
        if f"{point.label}_week" in initial:
            continue  # a second follow-up of a trial: the form has one of each
        initial[f"{point.label}_week"] = point.week
        initial[f"{point.label}_instruments"] = [m["code"] for m in point.instruments if m["code"]]
    return initial


def time_points(form: TemplateForm, previous: Any | None) -> list[dict[str, Any]]:
    """The time points chosen on ``form``, keeping what ``previous`` (the template copied or
    versioned) said about each instrument it had at the same time point: the trial's
    instrument and whether msrelief's stands in for it."""
    earlier: dict[str, dict[str, dict[str, Any]]] = {}
    if previous is not None:
        for point in previous.time_points.all():
            entries = earlier.setdefault(point.label, {})
            for entry in point.instruments:
                entries.setdefault(entry["code"], entry)
    found = []
    for label, _ in vocab.TIME_POINTS:
        week = form.cleaned_data.get(f"{label}_week")
        if week is None:
            continue
        codes = form.cleaned_data.get(f"{label}_instruments") or []
        kept = earlier.get(label, {})
        instruments = [
            kept.get(code)
            or {"code": code, "trial_instrument": "", "substitute": False, "note": ""}
            for code in codes
        ]
        found.append({"label": label, "week": week, "instruments": instruments})
    return found
