"""The meta-analysis page: studies pooled from an uploaded or pasted CSV (nothing is stored),
and any analysis the stored studies allow (:mod:`msrelief.evidence.seeded`).

The page and its downloads are public, so their POSTs share one per-address rate limit and at
most :data:`~msrelief.lib.limits.MAX_STUDIES` studies are analysed (a 400 naming the limit)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from msrelief.core.http import attachment, posted
from msrelief.core.ratelimit import rate_limited
from msrelief.evidence import analysis, pagecache, seeded
from msrelief.evidence.forms import MEASURE_LABELS, MetaForm
from msrelief.stats import MetaAnalysisError
from msrelief.stats.examples import BCG_TITLE, bcg_csv
from msrelief.stats.meta_csv import COLUMNS


def _run(form: MetaForm) -> analysis.Analysis | None:
    """Run the analysis the valid ``form`` describes; a bad row becomes a form error."""
    data = form.cleaned_data
    try:
        return analysis.run(
            data["csv"],
            data["measure"],
            data["method"],
            data["hksj"],
            better=data["better"] or None,
        )
    except MetaAnalysisError as error:
        form.add_error("csv_file" if data.get("csv_file") else "csv_text", str(error))
        return None


def _example() -> dict[str, str]:
    """The worked example: metafor's BCG trials as risk ratios, REML (its documented output).
    The event is tuberculosis, so fewer events (a lower risk ratio) favour the vaccine."""
    return {"measure": "RR", "method": "REML", "better": "lower", "csv_text": bcg_csv()}


@rate_limited("meta")
def meta(request: HttpRequest) -> HttpResponse:
    """The page: on a GET (blank, or the worked example) its body is the same for everyone, so
    it is kept under the evidence version (the stored studies' analyses are part of it)."""
    if request.method != "POST":
        example = request.method == "GET" and request.GET.get("example") == "bcg"
        body = pagecache.cached("meta", (example,), lambda: _body(_example() if example else None))
        return pagecache.respond(request, body)
    form = MetaForm(posted(request), request.FILES or None)
    body = _body(None, form)
    return pagecache.respond(request, body, status=400 if form.errors else 200)


def _body(example: dict[str, str] | None, form: MetaForm | None = None) -> pagecache.Body:
    """The body for a posted ``form``, the worked ``example`` or a blank form."""
    form = form if form is not None else MetaForm(example)
    result = _run(form) if form.is_bound and form.is_valid() else None
    context: dict[str, Any] = {
        "form": form,
        "analysis": result,
        "example_title": BCG_TITLE if example else "",
        "seeded": seeded.find(),
        "columns": [(m, MEASURE_LABELS[m], ",".join(COLUMNS[m])) for m in COLUMNS],
    }
    return pagecache.build("Meta-analysis", "evidence/_meta_body.html", context)


def _posted_analysis(request: HttpRequest) -> analysis.Analysis | HttpResponse:
    """The analysis posted by a download button, or a 400 naming what is wrong with it."""
    if request.method != "POST":
        raise Http404("Post the analysis to download it.")
    form = MetaForm(request.POST, request.FILES or None)
    result = _run(form) if form.is_valid() else None
    if result is None:
        messages = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponse(messages, status=400, content_type="text/plain; charset=utf-8")
    return result


@rate_limited("meta")
def meta_effects_csv(request: HttpRequest) -> HttpResponse:
    """The per-study effects and weights of the posted analysis, as a CSV download."""
    found = _posted_analysis(request)
    if isinstance(found, HttpResponse):
        return found
    body = analysis.effects_csv(found)
    return attachment(body, "meta-analysis-effects.csv", "text/csv; charset=utf-8")


@rate_limited("meta")
def meta_forest_png(request: HttpRequest) -> HttpResponse:
    """The forest plot of the posted analysis as a PNG, for a report or a slide."""
    found = _posted_analysis(request)
    if isinstance(found, HttpResponse):
        return found
    return attachment(found.png(), "forest-plot.png", "image/png")


def meta_template(request: HttpRequest, measure: str) -> HttpResponse:
    """An empty CSV with the header row a ``measure`` needs."""
    if measure not in COLUMNS:
        raise Http404("No such measure.")
    return attachment(analysis.template_csv(measure), f"meta-{measure.lower()}.csv", "text/csv")
