"""Read-only admin pages: changes go through the evidence pages, whose services audit them."""

from __future__ import annotations

from django.contrib import admin

from msrelief.core.admin import ReadOnlyAdmin
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study, Topic


@admin.register(Reference)
class ReferenceAdmin(ReadOnlyAdmin):
    list_display = ["key", "title", "year", "doi"]
    search_fields = ["key", "title", "doi"]


@admin.register(Topic)
class TopicAdmin(ReadOnlyAdmin):
    list_display = ["slug", "title", "order"]


@admin.register(Claim)
class ClaimAdmin(ReadOnlyAdmin):
    list_display = ["key", "topic", "verification_status"]
    list_filter = ["verification_status", "topic"]


@admin.register(Study)
class StudyAdmin(ReadOnlyAdmin):
    list_display = ["key", "kind", "country", "n_randomised", "verification_status"]
    list_filter = ["kind", "verification_status"]


@admin.register(Arm)
class ArmAdmin(ReadOnlyAdmin):
    list_display = ["label", "study", "kind"]


@admin.register(Result)
class ResultAdmin(ReadOnlyAdmin):
    list_display = [
        "key", "study", "construct", "instrument_code", "score_name", "time_point_weeks",
        "verification_status", "attribution_confirmed",
    ]  # fmt: skip
    list_filter = ["verification_status", "attribution_confirmed", "instrument_code"]
