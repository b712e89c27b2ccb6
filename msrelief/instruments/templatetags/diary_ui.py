"""The client record's symptom diary section (clients/client_detail.html includes
``instruments/diary/_record.html``, which loads this library by name, so the clients app does
not import this one)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from msrelief.instruments.diary import reads
from msrelief.instruments.diary.forms import PlanForm
from msrelief.instruments.diary.models import DiaryPlan
from msrelief.instruments.diary.questions import SYMPTOMS

register = template.Library()


@register.simple_tag
def client_diary(client: Any) -> dict[str, Any]:
    """The diary section of ``client``'s record: its plan, table and sparklines, or the form
    that starts one."""
    plan = DiaryPlan.objects.filter(client=client).first()
    return {
        "section": reads.record_section(plan) if plan is not None else None,
        "form": PlanForm(auto_id="diary_%s"),
        "headings": [heading for _, _, heading in SYMPTOMS],
    }


@register.filter
def inline_svg(markup: str) -> SafeString:
    """A chart's SVG from :mod:`msrelief.charts`, which escapes every text it puts in it."""
    return mark_safe(markup)  # noqa: S308
