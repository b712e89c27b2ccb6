"""Read-only admin pages: changes go through the evidence pages, whose services audit them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from msrelief.evidence.models import Arm, Claim, Reference, Result, Study, Topic


class ReadOnly(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Reference)
class ReferenceAdmin(ReadOnly):
    list_display = ["key", "title", "year", "doi"]
    search_fields = ["key", "title", "doi"]


@admin.register(Topic)
class TopicAdmin(ReadOnly):
    list_display = ["slug", "title", "order"]


@admin.register(Claim)
class ClaimAdmin(ReadOnly):
    list_display = ["key", "topic", "verification_status"]
    list_filter = ["verification_status", "topic"]


@admin.register(Study)
class StudyAdmin(ReadOnly):
    list_display = ["key", "kind", "country", "n_randomised", "verification_status"]
    list_filter = ["kind", "verification_status"]


@admin.register(Arm)
class ArmAdmin(ReadOnly):
    list_display = ["label", "study", "kind"]


@admin.register(Result)
class ResultAdmin(ReadOnly):
    list_display = ["key", "study", "construct", "verification_status", "attribution_confirmed"]
    list_filter = ["verification_status", "attribution_confirmed"]
