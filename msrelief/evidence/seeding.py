"""Load the seed data (``msrelief/evidence/seed``) into the database, safely and repeatably.

Only missing records are created, matched by their keys: a reference by citation key, a topic by
slug, a claim by claim key, a study by study id, an arm by (study, short name) and a result by
result id. A record that exists is never changed, so an edit made in the app survives every later
load; running the load twice changes nothing the second time. Each record created is audited as a
change made by the system (no actor, no clinic). The load is one transaction that moves the
evidence data version on first (:mod:`msrelief.evidence.versions`), so the cached evidence pages
show what it added.

One exception: a result loaded before results had an instrument match (``instrument_code``,
``score_name``, ``time_point_weeks``) and with all three still empty gets the seed's values for
them, audited as an update by the system; a result with any of the three set is left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils import timezone

from msrelief.audit import services as audit
from msrelief.audit.models import Action
from msrelief.evidence import cslmap, seed, versions
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study, Topic

SEED_CHANGES = {"source": "seed"}


def _save(obj: models.Model, counts: Counter[str]) -> None:
    obj.full_clean()
    obj.save()
    audit.record(None, Action.CREATE, obj, clinic=None, changes=SEED_CHANGES)
    counts[type(obj).__name__] += 1


@versions.atomic_write
def load(data: seed.SeedData | None = None) -> Counter[str]:
    """Create every seed record that is missing; return how many of each kind were created."""
    data = data if data is not None else seed.load_seed()
    counts: Counter[str] = Counter()
    references = _load_references(data.references, counts)
    topics = _load_topics(data.topics, counts)
    _load_claims(data.claims, topics, references, counts)
    for study in data.studies:
        _load_study(study, references, counts)
    return counts


def _load_references(
    items: Mapping[str, Mapping[str, Any]], counts: Counter[str]
) -> dict[str, Reference]:
    existing = {ref.key: ref for ref in Reference.objects.filter(key__in=list(items))}
    for key, item in items.items():
        if key not in existing:
            reference = Reference(**cslmap.fields_from_csl(item))
            _save(reference, counts)
            existing[key] = reference
    return existing


def _load_topics(topics: tuple[seed.Topic, ...], counts: Counter[str]) -> dict[str, Topic]:
    existing = {topic.slug: topic for topic in Topic.objects.all()}
    for topic in topics:
        if topic.slug not in existing:
            row = Topic(slug=topic.slug, order=topic.order, title=topic.title)
            _save(row, counts)
            existing[topic.slug] = row
    return existing


def _load_claims(
    claims: tuple[seed.Claim, ...],
    topics: Mapping[str, Topic],
    references: Mapping[str, Reference],
    counts: Counter[str],
) -> None:
    existing = set(Claim.objects.values_list("key", flat=True))
    for claim in claims:
        if claim.id in existing:
            continue
        row = Claim(
            key=claim.id,
            topic=topics[claim.topic],
            statement=claim.text,
            verification_status=claim.verification_status,
            source_status=claim.source_status,
            note=claim.note or "",
        )
        _save(row, counts)
        row.references.set([references[key] for key in claim.references])


def _text(value: str | None) -> str:
    return value if value is not None else ""


def _study_fields(study: seed.Study) -> dict[str, Any]:
    people, review = study.population, study.review
    return {
        "kind": study.kind,
        "design": _text(study.design),
        "country": _text(study.country),
        "setting": _text(study.setting),
        "population": _text(people.description),
        "ms_type": _text(people.ms_type),
        "sex": _text(people.sex),
        "edss_range": _text(people.edss_range),
        "age": _text(people.age),
        "age_mean": people.age_mean,
        "age_sd": people.age_sd,
        "n_female": people.n_female,
        "n_randomised": study.n_randomised,
        "n_enrolled": study.n_enrolled,
        "n_completed": study.n_completed,
        "n_analysed": study.n_analysed,
        "time_points": list(study.time_points),
        "review_studies": review.n_studies_included if review else None,
        "review_participants": review.n_participants if review else None,
        "review_search": _text(review.search) if review else "",
        "review_comparison": _text(review.comparison) if review else "",
        "review_appraisal": _text(review.appraisal) if review else "",
        "bias_notes": _text(study.bias_notes),
        "verification_status": study.verification_status,
        "second_hand_fields": list(study.second_hand_fields),
        "sources": list(study.sources),
        "confidence": _text(study.confidence),
        "plain_summary": _text(study.plain_summary),
        "notes": "\n\n".join(n for n in (people.notes, study.notes) if n),
    }


def _arm_fields(arm: seed.Arm) -> dict[str, Any]:
    names = (
        "kind", "label", "minutes_per_session", "minutes_per_session_max", "sessions_per_week",
        "weeks", "sessions_total", "n_randomised", "n_allocated", "n_enrolled", "n_analysed",
        "verification_status",
    )  # fmt: skip
    fields: dict[str, Any] = {name: getattr(arm, name) for name in names}
    for name in ("technique", "body_regions", "delivered_by", "notes"):
        fields[name] = _text(getattr(arm, name))
    fields["second_hand_fields"] = list(arm.second_hand_fields)
    return fields


def _load_study(
    study: seed.Study, references: Mapping[str, Reference], counts: Counter[str]
) -> None:
    row = Study.objects.filter(key=study.id).first()
    if row is None:
        row = Study(key=study.id, reference=references[study.reference], **_study_fields(study))
        _save(row, counts)
    arms = {arm.name: arm for arm in row.arms.all()}
    for arm in study.arms:
        if arm.name not in arms:
            arms[arm.name] = Arm(study=row, name=arm.name, **_arm_fields(arm))
            _save(arms[arm.name], counts)
    existing = {result.key: result for result in Result.objects.filter(study=row)}
    for result, confirmed in [(r, True) for r in study.results] + [
        (r, False) for r in study.unconfirmed_results
    ]:
        if result.id not in existing:
            _save(_result_row(row, arms, result, confirmed), counts)
        else:
            _fill_match(existing[result.id], result, counts)


#: The count of results given their instrument match by :func:`_fill_match`.
FILLED = "filled"
#: The fields that tie a result to an msrelief instrument, added after the first seed loads.
MATCH_FIELDS = ("instrument_code", "score_name", "time_point_weeks")


def _fill_match(row: Result, result: seed.Result, counts: Counter[str]) -> None:
    """Give a result loaded before these fields existed its instrument match and time point in
    weeks; a result with any of them set (in the app or by an earlier load) is left alone."""
    if any(getattr(row, name) not in ("", None) for name in MATCH_FIELDS):
        return
    values = {name: getattr(result, name) for name in MATCH_FIELDS}
    given = sorted(name for name, value in values.items() if value is not None)
    if not given:
        return
    for name in given:
        setattr(row, name, values[name])
    row.updated_at = timezone.now()
    row.full_clean()
    row.save(update_fields=[*given, "updated_at"])
    audit.record(None, Action.UPDATE, row, clinic=None, changes={**SEED_CHANGES, "fields": given})
    counts[FILLED] += 1


def _pair(values: tuple[float, ...] | None) -> tuple[float | None, float | None]:
    return (values[0], values[1]) if values else (None, None)


def _result_row(study: Study, arms: Mapping[str, Arm], result: seed.Result, ok: bool) -> Result:
    comparison = result.comparison or ()
    arm_name = result.arm or (comparison[0] if comparison else None)
    versus_name = comparison[1] if len(comparison) > 1 else None
    scale_low, scale_high = _pair(result.scale_range)
    iqr_low, iqr_high = _pair(result.iqr)
    # A range printed high-to-low ("-0.519 to -0.619") is stored lowest first.
    effect_low, effect_high = _pair(tuple(sorted(result.effect_range or ())))
    plain = ("construct", "n", "mean", "sd", "median", "effect_value", "ci_low",
             "ci_high", "p_value", "k", "i2", "tau2", "verification_status",
             "time_point_weeks")  # fmt: skip
    text = ("instrument", "instrument_code", "score_name", "time_point", "direction",
            "effect_type", "p_operator", "p_text", "units", "model", "text", "source",
            "notes")  # fmt: skip
    return Result(
        study=study,
        key=result.id,
        scope=result.scope,
        arm=arms[arm_name] if arm_name else None,
        versus_arm=arms[versus_name] if versus_name else None,
        scale_low=scale_low,
        scale_high=scale_high,
        iqr_low=iqr_low,
        iqr_high=iqr_high,
        effect_low=effect_low,
        effect_high=effect_high,
        attribution_confirmed=ok,
        **{name: getattr(result, name) for name in plain},
        **{name: _text(getattr(result, name)) for name in text},
    )
