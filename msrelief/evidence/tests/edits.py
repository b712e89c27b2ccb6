"""A small evidence base made by an evidence editor, and the fifteen edits of the evidence
services, each with a check that says whether it took effect (for the change-log and review
tests)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from msrelief.evidence import services
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study, Topic
from msrelief.evidence.tests.conftest import make_arms, make_reference, make_study

Records = dict[str, Any]


def make_records(editor: Any) -> Records:
    reference = make_reference(editor)
    study = make_study(editor, reference)
    arm, _control = make_arms(editor, study, n=20)
    topic = Topic.objects.create(slug="fatigue", order=1, title="Fatigue")
    return {
        "reference": reference,
        "spare_reference": make_reference(editor, key="spare2019", doi="10.1234/spare"),
        "topic": topic,
        "claim": services.create_claim(
            editor, references=[reference], key="C1", topic=topic, statement="Massage helped."
        ),
        "study": study,
        "bare_study": make_study(editor, reference, key="bare2020"),
        "arm": arm,
        "spare_arm": services.create_arm(
            editor, study, name="waiting", kind="comparator", label="Waiting list"
        ),
        "result": services.create_result(
            editor, study, key="r1", scope="arm", arm=arm, construct="fatigue", n=20
        ),
    }


def _get(model: Any, pk: int) -> Any:
    return model.objects.filter(pk=pk).first()


Edit = Callable[[Any, Records], Any]
Check = Callable[[Records], bool]

#: name: (the call, whether its effect is in the database, the kind and action it logs)
EDITS: dict[str, tuple[Edit, Check, str, str]] = {
    "create_reference": (
        lambda a, r: services.create_reference(a, key="new2021", title="A new work"),
        lambda r: Reference.objects.filter(key="new2021").exists(),
        "reference", "create",
    ),
    "update_reference": (
        lambda a, r: services.update_reference(a, r["reference"], title="A changed title"),
        lambda r: _get(Reference, r["reference"].pk).title == "A changed title",
        "reference", "update",
    ),
    "delete_reference": (
        lambda a, r: services.delete_reference(a, r["spare_reference"]),
        lambda r: _get(Reference, r["spare_reference"].pk) is None,
        "reference", "delete",
    ),
    "create_claim": (
        lambda a, r: services.create_claim(
            a, references=[r["reference"]], key="C99", topic=r["topic"], statement="New."
        ),
        lambda r: Claim.objects.filter(key="C99", references=r["reference"]).exists(),
        "claim", "create",
    ),
    "update_claim": (
        lambda a, r: services.update_claim(a, r["claim"], statement="Massage eased fatigue."),
        lambda r: _get(Claim, r["claim"].pk).statement == "Massage eased fatigue.",
        "claim", "update",
    ),
    "delete_claim": (
        lambda a, r: services.delete_claim(a, r["claim"]),
        lambda r: _get(Claim, r["claim"].pk) is None,
        "claim", "delete",
    ),
    "create_study": (
        lambda a, r: services.create_study(a, key="other2021", reference=r["reference"]),
        lambda r: Study.objects.filter(key="other2021").exists(),
        "study", "create",
    ),
    "update_study": (
        lambda a, r: services.update_study(a, r["study"], design="Crossover trial"),
        lambda r: _get(Study, r["study"].pk).design == "Crossover trial",
        "study", "update",
    ),
    "delete_study": (
        lambda a, r: services.delete_study(a, r["bare_study"]),
        lambda r: _get(Study, r["bare_study"].pk) is None,
        "study", "delete",
    ),
    "create_arm": (
        lambda a, r: services.create_arm(
            a, r["study"], name="stretching", kind="comparator", label="Stretching"
        ),
        lambda r: Arm.objects.filter(study=r["study"], name="stretching").exists(),
        "arm", "create",
    ),
    "update_arm": (
        lambda a, r: services.update_arm(a, r["arm"], weeks=8.0),
        lambda r: _get(Arm, r["arm"].pk).weeks == 8.0,
        "arm", "update",
    ),
    "delete_arm": (
        lambda a, r: services.delete_arm(a, r["spare_arm"]),
        lambda r: _get(Arm, r["spare_arm"].pk) is None,
        "arm", "delete",
    ),
    "create_result": (
        lambda a, r: services.create_result(
            a, r["study"], key="r2", scope="narrative", construct="sleep"
        ),
        lambda r: Result.objects.filter(key="r2", study=r["study"]).exists(),
        "result", "create",
    ),
    "update_result": (
        lambda a, r: services.update_result(a, r["result"], n=30),
        lambda r: _get(Result, r["result"].pk).n == 30,
        "result", "update",
    ),
    "delete_result": (
        lambda a, r: services.delete_result(a, r["result"]),
        lambda r: _get(Result, r["result"].pk) is None,
        "result", "delete",
    ),
}  # fmt: skip
