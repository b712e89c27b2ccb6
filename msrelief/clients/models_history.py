"""A client's MS history as dated entries: relapses and their steroid courses, periods on a
disease-modifying therapy, other medicines, falls, conditions that matter for massage (heat
sensitivity, spasticity, sensory loss, skin, bones, DVT, implanted devices, pregnancy, bladder,
dizziness on standing, walking aid) and the client's own goals. The pre-session safety screen
reads these with the answers of the day; the timeline shows them in order.

Each entry is written only through ``clients.history_services`` (audited). Dates that are not
known stay empty rather than guessed.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


def _not_future(value: dt.date | None, field: str, errors: dict[str, str]) -> None:
    if value is not None and value > timezone.localdate():
        errors[field] = "The date cannot be in the future."


def _in_order(
    first: dt.date | None, then: dt.date | None, field: str, message: str, errors: dict[str, str]
) -> None:
    if first is not None and then is not None and then < first:
        errors.setdefault(field, message)


class Recovery(models.TextChoices):
    FULL = "full", "Recovered fully"
    PARTIAL = "partial", "Recovered in part"
    NOT_YET = "not_yet", "Not recovered yet"
    UNKNOWN = "unknown", "Not known"


class Relapse(models.Model):
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="relapses")
    onset = models.DateField("Date the relapse began")
    steroid_start = models.DateField("Steroid course started", null=True, blank=True)
    steroid_end = models.DateField("Steroid course ended", null=True, blank=True)
    recovery = models.CharField(max_length=10, choices=Recovery.choices, default=Recovery.UNKNOWN)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-onset", "-id"]

    def __str__(self) -> str:
        return f"Relapse from {self.onset}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        for name in ("onset", "steroid_start", "steroid_end"):
            _not_future(getattr(self, name), name, errors)
        if self.steroid_end and not self.steroid_start:
            errors.setdefault("steroid_start", "Give the day the steroid course started too.")
        _in_order(
            self.steroid_start,
            self.steroid_end,
            "steroid_end",
            "The course cannot end before it started.",
            errors,
        )
        _in_order(
            self.onset,
            self.steroid_start,
            "steroid_start",
            "The course cannot start before the relapse began.",
            errors,
        )
        if errors:
            raise ValidationError(errors)


class Drug(models.TextChoices):
    """Disease-modifying therapies used for MS in the UK, by generic name (brand names only to
    help recognise them); the screen's infusion and injection-site rules key on these."""

    ALEMTUZUMAB = "alemtuzumab", "Alemtuzumab (Lemtrada)"
    CLADRIBINE = "cladribine", "Cladribine (Mavenclad)"
    DIMETHYL_FUMARATE = "dimethyl_fumarate", "Dimethyl fumarate (Tecfidera)"
    DIROXIMEL_FUMARATE = "diroximel_fumarate", "Diroximel fumarate (Vumerity)"
    FINGOLIMOD = "fingolimod", "Fingolimod (Gilenya)"
    GLATIRAMER = "glatiramer", "Glatiramer acetate (Copaxone, Brabio)"
    INTERFERON_BETA = "interferon_beta", "Interferon beta (Avonex, Rebif, Plegridy, Betaferon)"
    NATALIZUMAB = "natalizumab", "Natalizumab (Tysabri)"
    OCRELIZUMAB = "ocrelizumab", "Ocrelizumab (Ocrevus)"
    OFATUMUMAB = "ofatumumab", "Ofatumumab (Kesimpta)"
    OZANIMOD = "ozanimod", "Ozanimod (Zeposia)"
    PONESIMOD = "ponesimod", "Ponesimod (Ponvory)"
    SIPONIMOD = "siponimod", "Siponimod (Mayzent)"
    TERIFLUNOMIDE = "teriflunomide", "Teriflunomide (Aubagio)"
    UBLITUXIMAB = "ublituximab", "Ublituximab (Briumvi)"
    OTHER = "other", "Another medicine (name it)"


class Route(models.TextChoices):
    TABLET = "tablet", "Tablet or capsule"
    INJECTION = "injection", "Injection"
    INFUSION = "infusion", "Infusion (drip)"
    UNKNOWN = "unknown", "Not known"


class DmtPeriod(models.Model):
    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="dmt_periods"
    )
    drug = models.CharField("Medicine", max_length=30, choices=Drug.choices)
    drug_other = models.CharField(
        "Name of the other medicine",
        max_length=200,
        blank=True,
        help_text="Only when the medicine is not in the list.",
    )
    route = models.CharField(max_length=10, choices=Route.choices, default=Route.UNKNOWN)
    started = models.DateField(null=True, blank=True, help_text="Leave empty if not known.")
    stopped = models.DateField(null=True, blank=True, help_text="Leave empty if still taking it.")
    last_dose = models.DateField(
        "Last infusion or injection",
        null=True,
        blank=True,
        help_text="For infusions and injections: the most recent one.",
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-started", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.drug_other if self.drug == Drug.OTHER else Drug(self.drug).label

    def clean(self) -> None:
        errors: dict[str, str] = {}
        for field in ("started", "stopped", "last_dose"):
            _not_future(getattr(self, field), field, errors)
        if self.drug == Drug.OTHER and not self.drug_other.strip():
            errors["drug_other"] = "Name the medicine."
        if self.drug != Drug.OTHER and self.drug_other.strip():
            errors["drug_other"] = "Leave this empty unless the medicine is 'another medicine'."
        _in_order(
            self.started, self.stopped, "stopped", "It cannot stop before it started.", errors
        )
        _in_order(
            self.started,
            self.last_dose,
            "last_dose",
            "The last dose cannot be before the start.",
            errors,
        )
        _in_order(
            self.last_dose,
            self.stopped,
            "last_dose",
            "The last dose cannot be after it stopped.",
            errors,
        )
        if errors:
            raise ValidationError(errors)


class MedicineGroup(models.TextChoices):
    ANTICOAGULANT = "anticoagulant", "Anticoagulant (for example warfarin, apixaban)"
    ANTIPLATELET = "antiplatelet", "Antiplatelet (for example aspirin, clopidogrel)"
    OTHER = "other", "Other"


class Medicine(models.Model):
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="medicines")
    name = models.CharField(
        max_length=200, help_text="For example: baclofen 10 mg three times a day."
    )
    group = models.CharField(
        max_length=20, choices=MedicineGroup.choices, default=MedicineGroup.OTHER
    )
    started = models.DateField(null=True, blank=True, help_text="Leave empty if not known.")
    stopped = models.DateField(null=True, blank=True, help_text="Leave empty if still taking it.")

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def thins_blood(self) -> bool:
        return self.group in (MedicineGroup.ANTICOAGULANT, MedicineGroup.ANTIPLATELET)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        for field in ("started", "stopped"):
            _not_future(getattr(self, field), field, errors)
        _in_order(
            self.started, self.stopped, "stopped", "It cannot stop before it started.", errors
        )
        if errors:
            raise ValidationError(errors)


class Fall(models.Model):
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="falls")
    on = models.DateField("Date of the fall")
    injured = models.BooleanField("Injured in the fall", default=False)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"Fall on {self.on}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        _not_future(self.on, "on", errors)
        if errors:
            raise ValidationError(errors)


class ConditionKind(models.TextChoices):
    HEAT_SENSITIVITY = "heat_sensitivity", "Heat sensitivity (symptoms worse with heat: Uhthoff)"
    SPASTICITY = "spasticity", "Spasticity or spasms"
    SENSORY_LOSS = "sensory_loss", "Reduced or altered sensation"
    SKIN = "skin", "Skin or pressure-area problem"
    OSTEOPOROSIS = "osteoporosis", "Osteoporosis or osteopenia"
    LONG_STEROIDS = "long_steroids", "Repeated or long-term steroid use"
    DVT = "dvt", "Deep vein thrombosis (DVT) in the past"
    BACLOFEN_PUMP = "baclofen_pump", "Baclofen pump (intrathecal baclofen)"
    IMPLANT = "implant", "Another implanted device (for example a pacemaker or port)"
    PREGNANCY = "pregnancy", "Pregnancy"
    BLADDER = "bladder", "Bladder urgency, incontinence or a catheter"
    ORTHOSTATIC = "orthostatic", "Dizziness or faintness on standing"
    WALKING_AID = "walking_aid", "Walking aid or wheelchair"


# Kinds whose entry says where on the body (region codes from clients.regions).
KINDS_WITH_AREAS = {
    ConditionKind.SPASTICITY,
    ConditionKind.SENSORY_LOSS,
    ConditionKind.SKIN,
    ConditionKind.BACLOFEN_PUMP,
    ConditionKind.IMPLANT,
}


class Condition(models.Model):
    """Something about the client that matters for massage, from ``since`` (and until
    ``until`` when it has ended). For a pregnancy, ``since`` is the first day of the last
    period, from which the screen counts the weeks."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="conditions"
    )
    kind = models.CharField(max_length=20, choices=ConditionKind.choices)
    since = models.DateField(null=True, blank=True, help_text="Leave empty if not known.")
    until = models.DateField(null=True, blank=True, help_text="Leave empty if it is ongoing.")
    areas = models.JSONField(default=list, blank=True)
    details = models.TextField(
        blank=True, help_text="For example: walks with one stick; pump in the left abdomen."
    )

    class Meta:
        ordering = ["kind", "-since", "-id"]

    def __str__(self) -> str:
        return ConditionKind(self.kind).label

    @property
    def area_labels(self) -> str:
        from msrelief.clients.regions import label

        return ", ".join(label(code) for code in self.areas)

    @property
    def ongoing(self) -> bool:
        return self.until is None or self.until >= timezone.localdate()

    def clean(self) -> None:
        from msrelief.clients.regions import LABELS

        errors: dict[str, str] = {}
        for field in ("since", "until"):
            _not_future(getattr(self, field), field, errors)
        _in_order(self.since, self.until, "until", "It cannot end before it began.", errors)
        unknown = [area for area in self.areas if area not in LABELS]
        if unknown:
            errors["areas"] = f"Unknown body regions: {', '.join(map(str, unknown))}."
        if self.areas and self.kind not in KINDS_WITH_AREAS:
            errors["areas"] = "Body regions are recorded only for conditions that have a place."
        if errors:
            raise ValidationError(errors)


class Goal(models.Model):
    """What the client wants from their care, in their own words."""

    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="goals")
    text = models.TextField("The goal, in the client's words", max_length=1000)
    set_on = models.DateField("Date set", default=timezone.localdate)
    reviewed_on = models.DateField("Last reviewed", null=True, blank=True)
    outcome = models.TextField("How it went", blank=True)

    class Meta:
        ordering = ["-set_on", "-id"]

    def __str__(self) -> str:
        return f"Goal set {self.set_on}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        for field in ("set_on", "reviewed_on"):
            _not_future(getattr(self, field), field, errors)
        _in_order(
            self.set_on,
            self.reviewed_on,
            "reviewed_on",
            "It cannot be reviewed before it was set.",
            errors,
        )
        if errors:
            raise ValidationError(errors)
