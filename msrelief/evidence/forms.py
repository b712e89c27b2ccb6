"""Forms parse and check what an editor typed; the services decide and save."""

from __future__ import annotations

from typing import Any

from django import forms

from msrelief.core.fields import BoundedModelMultipleChoiceField, LinesField
from msrelief.core.uploads import MAX_UPLOAD_BYTES, read_upload
from msrelief.core.voice import HouseVoice
from msrelief.evidence import cslmap, instruments
from msrelief.evidence.bibliography import FORMATS
from msrelief.evidence.bibliography.csl import normalise_doi
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study
from msrelief.stats.meta_csv import MEASURES

NUMBER = forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"})
WHOLE = forms.NumberInput(attrs={"inputmode": "numeric"})


def _number_widgets(model: type[Any], names: list[str]) -> dict[str, forms.Widget]:
    widgets: dict[str, forms.Widget] = {}
    for name in names:
        kind = model._meta.get_field(name).get_internal_type()
        if kind == "FloatField":
            widgets[name] = NUMBER
        elif kind in ("PositiveIntegerField", "PositiveSmallIntegerField"):
            widgets[name] = WHOLE
    return widgets


class ReferenceForm(HouseVoice, forms.ModelForm[Any]):
    url = forms.URLField(label="Web address", required=False, max_length=500, assume_scheme="https")
    authors_text = forms.CharField(
        label="Authors",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One a line, family name first: Naderi, A. Write et al. on the last line if "
        "the list is incomplete.",
        max_length=5000,
    )

    class Meta:
        model = Reference
        fields = [
            "key", "csl_type", "title", "container_title", "container_title_short", "year",
            "volume", "issue", "page", "doi", "url", "pmid", "pmcid", "publisher", "note",
        ]  # fmt: skip
        help_texts = {
            "key": "A short unique name used to cite it, for example naderi2024.",
            "doi": "For example 10.1016/j.explore.2024.103032. A https://doi.org/ link is "
            "shortened for you.",
            "year": "The year of publication, for example 2024.",
        }
        widgets = {
            **_number_widgets(Reference, ["year"]),
            "title": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["csl_type"].label = "Type of work"
        if self.instance.pk:
            self.initial["authors_text"] = cslmap.authors_to_text(self.instance.authors)
        order = ["key", "csl_type", "authors_text"]
        self.order_fields(order + [name for name in self.fields if name not in order])

    def clean_doi(self) -> str:
        return normalise_doi(self.cleaned_data.get("doi") or "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        authors = cslmap.authors_from_text(data.pop("authors_text", "") or "")
        problems = cslmap.author_errors(authors)
        if problems:
            self.add_error("authors_text", problems)
        else:
            data["authors"] = authors
        return data


class ClaimForm(HouseVoice, forms.ModelForm[Any]):
    class Meta:
        model = Claim
        fields = ["key", "topic", "statement", "references", "verification_status", "note"]
        labels = {"key": "Claim key", "statement": "Statement, in our own words"}
        field_classes = {"references": BoundedModelMultipleChoiceField}
        help_texts = {
            "key": "For example C21.",
            "note": "Say what was or was not found, especially for unverified claims.",
        }
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 4}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "references": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        references = self.fields["references"]
        assert isinstance(references, forms.ModelMultipleChoiceField)
        references.error_messages["required"] = "Choose at least one reference."
        references.label_from_instance = _reference_choice  # type: ignore[method-assign,assignment]


def _reference_choice(reference: Reference) -> str:
    title = reference.title if len(reference.title) <= 90 else reference.title[:87] + "…"
    return f"{reference.key}: {title}"


_STUDY_NUMBERS = [
    "age_mean", "age_sd", "n_female", "n_randomised", "n_enrolled", "n_completed",
    "n_analysed", "review_studies", "review_participants",
]  # fmt: skip


class StudyForm(HouseVoice, forms.ModelForm[Any]):
    time_points = LinesField(required=False, help_text="One a line, for example: after 6 weeks.")
    sources = LinesField(required=False, help_text="Where the facts were read: one web address "
                         "a line.")  # fmt: skip
    second_hand_fields = LinesField(
        required=False, label="Second-hand fields", help_text="Names of fields whose value "
        "comes from a second-hand account, one a line."
    )  # fmt: skip

    class Meta:
        model = Study
        fields = [
            "key", "reference", "kind", "design", "country", "setting", "population", "ms_type",
            "sex", "edss_range", "age", *_STUDY_NUMBERS[:3], "n_randomised", "n_enrolled",
            "n_completed", "n_analysed", "time_points", "review_studies",
            "review_participants", "review_search", "review_comparison", "review_appraisal",
            "bias_notes", "verification_status", "second_hand_fields", "sources", "confidence",
            "notes", "plain_summary",
        ]  # fmt: skip
        help_texts = {"key": "A short unique name, for example naderi2024."}
        widgets = {
            **_number_widgets(Study, _STUDY_NUMBERS),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in (
                "design", "setting", "population", "review_search", "review_comparison",
                "review_appraisal", "bias_notes", "confidence", "notes", "plain_summary")},
        }  # fmt: skip


_ARM_NUMBERS = [
    "minutes_per_session", "minutes_per_session_max", "sessions_per_week", "weeks",
    "sessions_total", "n_randomised", "n_allocated", "n_enrolled", "n_analysed",
]  # fmt: skip


class ArmForm(HouseVoice, forms.ModelForm[Any]):
    second_hand_fields = LinesField(required=False, label="Second-hand fields")

    class Meta:
        model = Arm
        fields = [
            "name", "kind", "label", "technique", "body_regions", *_ARM_NUMBERS, "delivered_by",
            "verification_status", "second_hand_fields", "notes",
        ]  # fmt: skip
        widgets = {
            **_number_widgets(Arm, _ARM_NUMBERS),
            "technique": forms.Textarea(attrs={"rows": 2}),
            "body_regions": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        kwargs.setdefault("instance", Arm(study=study))
        super().__init__(*args, **kwargs)


_RESULT_NUMBERS = [
    "scale_low", "scale_high", "n", "mean", "sd", "median", "iqr_low", "iqr_high",
    "effect_value", "effect_low", "effect_high", "ci_low", "ci_high", "p_value", "k", "i2",
    "tau2", "time_point_weeks",
]  # fmt: skip


class ResultForm(HouseVoice, forms.ModelForm[Any]):
    class Meta:
        model = Result
        fields = [
            "key", "scope", "arm", "versus_arm", "construct", "instrument", "instrument_code",
            "score_name", "direction", "time_point", "time_point_weeks", *_RESULT_NUMBERS[:2],
            "n", "mean", "sd", "median", "iqr_low", "iqr_high", "effect_type", "effect_value",
            "effect_low", "effect_high", "ci_low", "ci_high", "p_operator", "p_value", "p_text",
            "units", "k", "i2", "tau2", "model", "text", "verification_status",
            "attribution_confirmed", "source", "notes",
        ]  # fmt: skip
        labels = {"arm": "Group", "versus_arm": "Compared with group"}
        help_texts = {
            "key": "A short unique name, for example naderi2024-anxiety.",
            "arm": "For a comparison, the intervention group.",
            "sd": "Leave empty if it was not reported. Never enter 0 for a missing value.",
            "p_value": "Between 0 and 1, for example 0.001.",
        }
        widgets = {
            **_number_widgets(Result, _RESULT_NUMBERS),
            "text": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        kwargs.setdefault("instance", Result(study=study))
        super().__init__(*args, **kwargs)
        for name in ("arm", "versus_arm"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = study.arms.all()
            field.empty_label = "None"
        none = ("", "None: not an instrument msrelief ships, or its version is not stated")
        self.fields["instrument_code"].widget = forms.Select(choices=[none, *instruments.choices()])


class ImportForm(HouseVoice, forms.Form):
    format = forms.ChoiceField(
        label="File format",
        choices=[("bibtex", "BibTeX (.bib)"), ("ris", "RIS (.ris)"), ("csl-json", "CSL-JSON")],
    )
    file = forms.FileField(label="File", required=False)
    text = forms.CharField(
        label="Or paste the references",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_UPLOAD_BYTES,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            data["content"] = read_upload(data.get("file"), data.get("text") or "", "references")
        except forms.ValidationError as error:
            self.add_error("file", error)
        if data.get("format") not in FORMATS:
            self.add_error("format", "Choose BibTeX, RIS or CSL-JSON.")
        return data


MEASURE_LABELS = {
    "MD": "Mean difference (MD)",
    "SMD": "Standardised mean difference (Hedges' g)",
    "RR": "Risk ratio (RR)",
    "OR": "Odds ratio (OR)",
    "GEN": "Precomputed effects (yi, vi)",
}
BETTER_CHOICES = [
    ("", "Not stated"),
    ("lower", "Lower is better (for example fatigue, pain, or events such as relapses)"),
    ("higher", "Higher is better (for example quality of life, or distance walked)"),
]
METHOD_LABELS = {
    "REML": "Random effects, REML (recommended)",
    "DL": "Random effects, DerSimonian-Laird",
    "PM": "Random effects, Paule-Mandel",
    "FE": "Fixed effect (inverse variance)",
}


class MetaForm(HouseVoice, forms.Form):
    measure = forms.ChoiceField(
        label="Effect measure", choices=[(m, MEASURE_LABELS[m]) for m in MEASURES]
    )
    method = forms.ChoiceField(label="Pooling method", choices=list(METHOD_LABELS.items()))
    better = forms.ChoiceField(
        label="Which direction is better for the outcome?",
        choices=BETTER_CHOICES,
        required=False,
        help_text="It labels the sides of the forest plot: which side favours the treated "
        "group. If it is not stated, the plot says so.",
    )
    hksj = forms.BooleanField(
        label="Use the Hartung-Knapp (HKSJ) adjustment for the confidence interval",
        required=False,
    )
    csv_file = forms.FileField(label="CSV file", required=False)
    csv_text = forms.CharField(
        label="Or paste the CSV",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        max_length=MAX_UPLOAD_BYTES,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            data["csv"] = read_upload(data.get("csv_file"), data.get("csv_text") or "", "CSV")
        except forms.ValidationError as error:
            self.add_error("csv_file", error)
        return data
