"""The evidence base: references, claims, studies, their arms and their reported results.

A number that a source did not report is stored as NULL and shown as "not reported": never 0,
never estimated. Every claim, study, arm and result carries a verification status that says how
far it was checked (``VerificationStatus``). Changes go through :mod:`msrelief.evidence.services`,
which validates the whole record and audits it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone

from msrelief.evidence import cslmap, instruments

EARLIEST_YEAR = 1600

key_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$",
    "Use letters, digits and the characters _ . : - only, starting with a letter or digit "
    "(for example naderi2024).",
)
doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$",
    "Enter a DOI that starts with 10. and a slash, for example 10.1016/j.explore.2024.103032.",
)
at_least_one = MinValueValidator(1, "Must be 1 or more.")


def validate_positive(value: float) -> None:
    """Strictly greater than zero (a standard deviation, minutes, weeks)."""
    if value is not None and value <= 0:
        raise ValidationError("Must be greater than 0.")


def not_later_than_next_year(value: int) -> None:
    latest = timezone.localdate().year + 1
    if value is not None and value > latest:
        raise ValidationError(f"The year cannot be later than {latest}.")


class VerificationStatus(models.TextChoices):
    """How far a statement or number was checked, strongest first."""

    VERIFIED_IN_SOURCE = "verified_in_source", "Verified in the source"
    ABSTRACT_ONLY = "abstract_only", "Abstract or record only"
    SECOND_HAND = "second_hand", "Second-hand"
    UNVERIFIED = "unverified", "Unverified"


STATUS_HELP = {
    "verified_in_source": "Checked against the full text of the cited work.",
    "abstract_only": "Read in the work's abstract or bibliographic record; the full text was "
    "not seen.",
    "second_hand": "Known only from someone else's account of the work (a citing article, a "
    "summary, a blog).",
    "unverified": "Not found in any source we could reach. Do not treat it as a finding.",
}


def _status_field() -> models.CharField[Any, Any]:
    return models.CharField(
        "Verification status",
        max_length=20,
        choices=VerificationStatus.choices,
        default=VerificationStatus.UNVERIFIED,
    )


def _text(label: str, **options: Any) -> models.TextField[Any, Any]:
    return models.TextField(label, blank=True, **options)


def _count(label: str) -> models.PositiveIntegerField[Any, Any]:
    return models.PositiveIntegerField(label, null=True, blank=True, validators=[at_least_one])


def _positive(label: str) -> models.FloatField[Any, Any]:
    return models.FloatField(label, null=True, blank=True, validators=[validate_positive])


def _number(label: str) -> models.FloatField[Any, Any]:
    return models.FloatField(label, null=True, blank=True)


class Stamped(models.Model):
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True


class Reference(Stamped):
    """A published work, with the CSL-JSON fields msrelief uses. ``key`` is the citation key."""

    key = models.CharField("Citation key", max_length=100, unique=True, validators=[key_validator])
    csl_type = models.CharField(
        "Type of work",
        max_length=40,
        choices=[(name, name) for name in sorted(cslmap.CSL_TYPES)],
        default="article-journal",
    )
    authors = models.JSONField(default=list, blank=True)
    title = models.TextField()
    container_title = models.CharField("Journal or book", max_length=300, blank=True)
    container_title_short = models.CharField("Short journal title", max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR), not_later_than_next_year],
    )
    volume = models.CharField(max_length=30, blank=True)
    issue = models.CharField(max_length=30, blank=True)
    page = models.CharField("Pages or article number", max_length=60, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True, validators=[doi_validator])
    url = models.URLField("Web address", max_length=500, blank=True)
    pmid = models.CharField("PubMed ID", max_length=20, blank=True)
    pmcid = models.CharField("PubMed Central ID", max_length=20, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    note = _text("Note")
    extra = models.JSONField(
        default=dict, blank=True, help_text="Other CSL-JSON fields, kept for export."
    )

    class Meta:
        ordering = ["key"]
        permissions = [
            ("edit_evidence", "Can edit the evidence base (references, claims, studies, results)")
        ]

    def __str__(self) -> str:
        return self.key

    def clean(self) -> None:
        errors = cslmap.author_errors(self.authors)
        if errors:
            raise ValidationError({"authors": errors})

    def csl(self) -> dict[str, Any]:
        """This reference as a CSL-JSON item (for the bibliography package and the API)."""
        return cslmap.to_csl(self)

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def first_author(self) -> str:
        return cslmap.first_author(self.authors)


class Topic(models.Model):
    """A topic of the source article; claims are grouped by it."""

    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.title


class Claim(Stamped):
    """A statement in the project's own words, the works it rests on and how far it was checked."""

    key = models.CharField(max_length=30, unique=True, validators=[key_validator])
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="claims")
    statement = models.TextField()
    references = models.ManyToManyField(Reference, related_name="claims")
    verification_status = _status_field()
    source_status = models.CharField("Status as first recorded", max_length=300, blank=True)
    note = _text("Note")

    class Meta:
        ordering = ["topic__order", "id"]

    def __str__(self) -> str:
        return self.key

    @property
    def is_unverified(self) -> bool:
        return bool(self.verification_status == VerificationStatus.UNVERIFIED)


class StudyKind(models.TextChoices):
    TRIAL = "trial", "Trial"
    REVIEW = "review", "Systematic review"


class Study(Stamped):
    """A trial or a review, with its design, population and sample sizes."""

    key = models.CharField("Study id", max_length=100, unique=True, validators=[key_validator])
    reference = models.ForeignKey(Reference, on_delete=models.PROTECT, related_name="studies")
    kind = models.CharField(max_length=10, choices=StudyKind.choices, default=StudyKind.TRIAL)
    design = _text("Design")
    country = models.CharField(max_length=100, blank=True)
    setting = _text("Setting")
    population = _text("Population")
    ms_type = models.CharField("Type of MS", max_length=200, blank=True)
    sex = models.CharField(max_length=200, blank=True)
    edss_range = models.CharField("EDSS range", max_length=100, blank=True)
    age = models.CharField(max_length=200, blank=True)
    age_mean = _positive("Mean age (years)")
    age_sd = _positive("SD of age (years)")
    n_female = models.PositiveIntegerField("Number of women", null=True, blank=True)
    n_randomised = _count("Number randomised")
    n_enrolled = _count("Number enrolled")
    n_completed = _count("Number who completed")
    n_analysed = _count("Number analysed")
    time_points = models.JSONField(default=list, blank=True)
    review_studies = _count("Studies included (reviews)")
    review_participants = _count("Participants included (reviews)")
    review_search = _text("Search (reviews)")
    review_comparison = _text("Comparison (reviews)")
    review_appraisal = _text("Quality appraisal (reviews)")
    bias_notes = _text("Risk of bias notes")
    verification_status = _status_field()
    second_hand_fields = models.JSONField(default=list, blank=True)
    sources = models.JSONField(default=list, blank=True)
    confidence = _text("Confidence")
    notes = _text("Notes")
    plain_summary = _text(
        "What this study found",
        help_text="Two or three plain sentences for a reader, shown at the top of the study page.",
    )

    class Meta:
        ordering = ["reference__year", "key"]
        verbose_name_plural = "studies"

    def __str__(self) -> str:
        return self.key

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.n_analysed and self.n_randomised and self.n_analysed > self.n_randomised:
            errors["n_analysed"] = "Cannot be more than the number randomised."
        if self.n_female is not None and self.n_randomised and self.n_female > self.n_randomised:
            errors["n_female"] = "Cannot be more than the number randomised."
        if errors:
            raise ValidationError(errors)


class ArmKind(models.TextChoices):
    INTERVENTION = "intervention", "Intervention"
    COMPARATOR = "comparator", "Comparator"


class Arm(Stamped):
    """A group of a study (a period, in a crossover) and the programme it received."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="arms")
    name = models.SlugField(
        "Short name", max_length=60, help_text="Lower case, for example massage or usual_care."
    )
    kind = models.CharField(max_length=20, choices=ArmKind.choices)
    label = models.CharField("Description", max_length=200)
    technique = _text("Technique")
    body_regions = _text("Body regions")
    minutes_per_session = _positive("Minutes per session")
    minutes_per_session_max = _positive("Minutes per session (upper end of a range)")
    sessions_per_week = _positive("Sessions per week")
    weeks = _positive("Weeks")
    sessions_total = _count("Sessions in total")
    delivered_by = models.CharField("Delivered by", max_length=200, blank=True)
    n_randomised = _count("Number randomised")
    n_allocated = _count("Number allocated")
    n_enrolled = _count("Number enrolled")
    n_analysed = _count("Number analysed")
    verification_status = _status_field()
    second_hand_fields = models.JSONField(default=list, blank=True)
    notes = _text("Notes")

    class Meta:
        ordering = ["study", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["study", "name"],
                name="arm_name_unique_in_study",
                violation_error_message="This study already has an arm with this short name.",
            )
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        low, high = self.minutes_per_session, self.minutes_per_session_max
        if low is not None and high is not None and high < low:
            raise ValidationError(
                {"minutes_per_session_max": "Cannot be less than the minutes per session."}
            )


class ResultScope(models.TextChoices):
    ARM = "arm", "One group at one time point"
    WITHIN_ARM = "within_arm", "Change within a group"
    BETWEEN_ARMS = "between_arms", "Comparison between groups"
    POOLED = "pooled", "Pooled estimate of a review"
    NARRATIVE = "narrative", "Finding without numbers"


class EffectType(models.TextChoices):
    HEDGES_G = "hedges_g", "Hedges' g"
    HEDGES_G_RANGE = "hedges_g_range", "Range of Hedges' g"
    COHENS_D = "cohens_d", "Cohen's d"
    MEAN_DIFFERENCE = "mean_difference", "Mean difference"
    MEAN_CHANGE_DIFFERENCE = "mean_change_difference", "Difference in mean change"
    MD_OR_SMD_UNSTATED = "md_or_smd_unstated", "Mean or standardised difference (not stated)"
    F_STATISTIC = "f_statistic", "F statistic"
    PEARSON_R = "pearson_r", "Pearson's r"
    MEDIAN_PERCENT_REDUCTION = "median_percent_reduction", "Fall in the median (%)"


class POperator(models.TextChoices):
    EQUAL = "=", "p ="
    LESS = "<", "p <"
    LESS_OR_EQUAL = "<=", "p ≤"


class Result(Stamped):
    """One reported result: a group's value, a change, a comparison or a review's estimate."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="results")
    key = models.CharField("Result id", max_length=120, unique=True, validators=[key_validator])
    scope = models.CharField(max_length=20, choices=ResultScope.choices)
    arm = models.ForeignKey(
        Arm, null=True, blank=True, on_delete=models.PROTECT, related_name="results"
    )
    versus_arm = models.ForeignKey(
        Arm,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="compared_results",
        verbose_name="Compared with",
    )
    construct = models.CharField("What was measured", max_length=200)
    instrument = models.CharField(max_length=300, blank=True)
    instrument_code = models.CharField(
        "Matching msrelief instrument",
        max_length=40,
        blank=True,
        help_text="The code of the msrelief instrument the study used (for example fss), so a "
        "client's scores can be set beside it. Leave empty when the study used an instrument "
        "msrelief does not ship, a modified version, or one whose version is not stated.",
    )
    score_name = models.CharField(
        "Matching score",
        max_length=60,
        blank=True,
        help_text="Which of the instrument's scores this result is about (for example anxiety "
        "for DASS-21). Empty for an instrument with one score, or when the study reports a "
        "score msrelief does not compute (such as an SF-36 total).",
    )
    direction = models.CharField(max_length=100, blank=True)
    scale_low = _number("Lowest possible score")
    scale_high = _number("Highest possible score")
    time_point = models.CharField("Time point", max_length=200, blank=True)
    time_point_weeks = models.FloatField(
        "Time point in weeks",
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "Must be 0 or more.")],
        help_text="Weeks from the start, as a number: 0 for baseline, 6 for the end of week 6. "
        "Leave empty when the paper does not say.",
    )
    n = _count("Number of people")
    mean = _number("Mean")
    sd = _positive("Standard deviation")
    median = _number("Median")
    iqr_low = _number("Lower quartile")
    iqr_high = _number("Upper quartile")
    effect_type = models.CharField(
        "Reported effect type", max_length=30, choices=EffectType.choices, blank=True
    )
    effect_value = _number("Reported effect")
    effect_low = _number("Reported effect, lowest of a range")
    effect_high = _number("Reported effect, highest of a range")
    ci_low = _number("95% CI, lower limit")
    ci_high = _number("95% CI, upper limit")
    p_value = models.FloatField(
        "p-value",
        null=True,
        blank=True,
        validators=[
            MinValueValidator(0, "Must be between 0 and 1."),
            MaxValueValidator(1, "Must be between 0 and 1."),
        ],
    )
    p_operator = models.CharField(
        "p-value reported as", max_length=2, choices=POperator.choices, blank=True
    )
    p_text = models.CharField("p-value as printed", max_length=60, blank=True)
    units = models.CharField(max_length=60, blank=True)
    k = _count("Studies pooled")
    i2 = models.FloatField(
        "I² (%)", null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    tau2 = models.FloatField("τ²", null=True, blank=True, validators=[MinValueValidator(0)])
    model = models.CharField("Pooling model", max_length=100, blank=True)
    text = _text("Finding in words")
    verification_status = _status_field()
    attribution_confirmed = models.BooleanField(
        default=True,
        help_text="Untick when it is not confirmed that these numbers come from this study; "
        "they are then shown apart and never analysed.",
    )
    source = models.CharField("Source", max_length=500, blank=True)
    notes = _text("Notes")

    class Meta:
        ordering = ["study", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sd__isnull=True) | models.Q(sd__gt=0),
                name="result_sd_positive",
                violation_error_message="The standard deviation must be greater than 0.",
            ),
            models.CheckConstraint(
                condition=models.Q(p_value__isnull=True) | models.Q(p_value__gte=0, p_value__lte=1),
                name="result_p_between_0_and_1",
                violation_error_message="The p-value must be between 0 and 1.",
            ),
            models.CheckConstraint(
                condition=models.Q(time_point_weeks__isnull=True)
                | models.Q(time_point_weeks__gte=0),
                name="result_weeks_not_negative",
                violation_error_message="The time point in weeks must be 0 or more.",
            ),
        ]
        indexes = [
            models.Index(fields=["instrument_code", "score_name"], name="result_instrument_idx")
        ]

    def __str__(self) -> str:
        return self.key

    def clean(self) -> None:
        errors = {**self._range_errors(), **self._arm_errors(), **self._instrument_errors()}
        if self.p_value is not None and not self.p_operator:
            errors["p_operator"] = "Say whether the p-value was reported as =, < or ≤."
        if errors:
            raise ValidationError(errors)

    def _range_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        pairs = (
            ("ci_low", "ci_high", "The lower CI limit cannot be above the upper limit."),
            ("iqr_low", "iqr_high", "The lower quartile cannot be above the upper quartile."),
            ("effect_low", "effect_high", "The lowest effect cannot be above the highest."),
            ("scale_low", "scale_high", "The lowest score cannot be above the highest."),
        )
        for low_name, high_name, message in pairs:
            low, high = getattr(self, low_name), getattr(self, high_name)
            if low is not None and high is not None and low > high:
                errors[low_name] = message
        value, low, high = self.effect_value, self.ci_low, self.ci_high
        if value is not None and low is not None and high is not None and not low <= value <= high:
            errors["effect_value"] = "The reported effect must lie inside its CI."
        return errors

    def _arm_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for name in ("arm", "versus_arm"):
            arm = getattr(self, name)
            if arm is not None and self.study_id is not None and arm.study_id != self.study_id:
                errors[name] = "Choose an arm of this study."
        if self.scope == ResultScope.ARM and self.arm_id is None:
            errors["arm"] = "Choose the group this result belongs to."
        if self.scope == ResultScope.BETWEEN_ARMS and self.arm_id and not self.versus_arm_id:
            errors["versus_arm"] = "Choose the group it was compared with."
        if self.arm_id is not None and self.arm_id == self.versus_arm_id:
            errors["versus_arm"] = "A group cannot be compared with itself."
        return errors

    def _instrument_errors(self) -> dict[str, str]:
        return instruments.match_errors(self.instrument_code, self.score_name)

    @property
    def is_unverified(self) -> bool:
        return bool(self.verification_status == VerificationStatus.UNVERIFIED)


# The change log and the proposals held for review, and the stored data version that keys the
# cached evidence pages, live in their own modules, imported here so that Django finds them as
# models of this app.
from msrelief.evidence import change_models, versions  # noqa: E402, F401
