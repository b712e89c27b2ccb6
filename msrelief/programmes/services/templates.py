"""A clinic's own programme templates: a new one (from scratch, or based on another template,
such as one from a trial) and a new version of one. A version is never changed once made:
enrolments keep the version they were planned from."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from msrelief.accounts.models import User
from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.programmes import vocab
from msrelief.programmes.models import MAX_WEEKS, ProgrammeTemplate, TimePoint
from msrelief.programmes.services._common import require_staff, template_or_404
from msrelief.scoring import default_registry

FIELDS = ("title", "technique", "body_regions", "minutes_per_session", "sessions_per_week",
          "weeks", "notes")  # fmt: skip
REQUIRED = {
    "minutes_per_session": "Enter how many minutes a session lasts.",
    "sessions_per_week": "Enter how many sessions a week.",
    "weeks": "Enter how many weeks the programme lasts.",
}
TimePoints = list[dict[str, Any]]


def _check(fields: dict[str, Any], time_points: TimePoints) -> None:
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "This field cannot be set."))
    errors: dict[str, str] = {}
    if not str(fields.get("title") or "").strip():
        errors["title"] = "Enter a title."
    for name, message in REQUIRED.items():
        if fields.get(name) is None:
            errors[name] = message
    errors.update(_time_point_errors(time_points, fields.get("weeks")))
    if errors:
        raise ValidationError(errors)


def _time_point_errors(time_points: TimePoints, weeks: int | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    labels = dict(vocab.TIME_POINTS)
    codes = set(default_registry().latest)
    latest_week = (weeks or 0) + MAX_WEEKS
    for point in time_points:
        label = point["label"]
        field = f"{label}_week"
        if label not in labels:
            errors["time_points"] = f"Unknown time point {label!r}."
        elif not 0 <= point["week"] <= latest_week:
            errors[field] = f"Enter a week from 0 to {latest_week}."
        unknown = sorted(m["code"] for m in point["instruments"] if m["code"] not in codes)
        if unknown:
            errors[f"{label}_instruments"] = f"Unknown instruments: {', '.join(unknown)}."
    return errors


def _unique_key(title: str, clinic_id: int) -> str:
    base = f"{slugify(title)[:80] or 'programme'}-clinic-{clinic_id}"
    key, number = base, 1
    while ProgrammeTemplate.objects.filter(key=key).exists():
        number += 1
        key = f"{base}-{number}"
    return key


def _save(
    actor: User, template: ProgrammeTemplate, time_points: TimePoints, event: str
) -> ProgrammeTemplate:
    template.full_clean()
    template.save()
    for point in time_points:
        row = TimePoint(template=template, **point)
        row.full_clean(exclude=["template"])
        row.save()
    audit.record(
        actor,
        Action.CREATE,
        template,
        clinic=actor.clinic,
        changes={"key": template.key, "version": template.version},
        event=event,
    )
    return template


@transaction.atomic
def create_template(
    actor: User,
    time_points: TimePoints,
    based_on: ProgrammeTemplate | None = None,
    **fields: Any,
) -> ProgrammeTemplate:
    """A new template of ``actor``'s clinic (version 1). ``based_on`` (a template the actor
    may see, such as one from a trial) keeps its link to the trial arm it came from."""
    require_staff(actor)
    if based_on is not None:
        based_on = template_or_404(actor, based_on.pk)
    _check(fields, time_points)
    assert actor.clinic_id is not None
    template = ProgrammeTemplate(
        clinic_id=actor.clinic_id,
        key=_unique_key(fields["title"], actor.clinic_id),
        based_on=based_on,
        arm=based_on.arm if based_on else None,
        source_study_key=based_on.source_study_key if based_on else "",
        source_arm_label=based_on.source_arm_label if based_on else "",
        created_by=actor,
        **fields,
    )
    return _save(actor, template, time_points, "programme_template.created")


@transaction.atomic
def new_version(
    actor: User,
    template: ProgrammeTemplate,
    time_points: TimePoints,
    change_note: str,
    **fields: Any,
) -> ProgrammeTemplate:
    """The next version of one of the clinic's templates. Only the latest version can be
    followed by another: the versions are locked while the number is chosen, so two people
    saving at once cannot both make the same version."""
    require_staff(actor)
    template = template_or_404(actor, template.pk)
    if template.clinic_id is None:
        raise ValidationError(
            "A template from a trial is not changed; make your clinic's own template from it."
        )
    if not change_note.strip():
        raise ValidationError({"change_note": "Say what changed in this version."})
    versions = ProgrammeTemplate.objects.select_for_update().filter(key=template.key)
    latest = versions.aggregate(latest=Max("version"))["latest"]
    if template.version != latest:
        raise ValidationError(f"Version {latest} exists: make the new version from that one.")
    _check(fields, time_points)
    row = ProgrammeTemplate(
        clinic_id=template.clinic_id,
        key=template.key,
        version=template.version + 1,
        based_on=template,
        arm=template.arm,
        source_study_key=template.source_study_key,
        source_arm_label=template.source_arm_label,
        change_note=change_note.strip(),
        created_by=actor,
        **fields,
    )
    return _save(actor, row, time_points, "programme_template.versioned")
