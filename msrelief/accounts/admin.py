"""The Django admin for clinics and logins. Every change to a login goes through
msrelief.accounts.services, so it is checked and audited like any other write; logins are
switched off rather than deleted, and passwords are set by their owners."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django_otp.plugins.otp_totp.models import TOTPDevice

from msrelief.accounts import services
from msrelief.accounts.models import Clinic, User
from msrelief.core.http import user_of
from msrelief.core.signin import recent_auth_required

DETAIL_FIELDS = ("email", "full_name", "clinic", "role", "is_active", "is_staff", "is_superuser")


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin[Clinic]):
    list_display = ["name", "created_at"]
    # When the clinic was made is a record, not a setting. (Editable, it had to be posted back
    # with every rename, and in the hour that repeats when the clocks go back the form could
    # not read its own time as one moment, so a rename then was refused.)
    readonly_fields = ["created_at"]


@admin.register(User)
# django-stubs types UserAdmin for AbstractUser; msrelief.User is an AbstractBaseUser.
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    ordering = ["email"]
    list_display = ["email", "full_name", "clinic", "role", "is_active"]
    list_filter = ["clinic", "role", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Clinic", {"fields": ("full_name", "clinic", "role")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser")}),
        (
            "Permissions",
            {
                "fields": ("user_permissions",),
                "description": "Give “evidence | reference | Can edit the evidence base” to make "
                "someone an evidence editor without making them a clinic admin.",
            },
        ),
    )
    add_fieldsets = (
        (None, {"fields": ("email", "full_name", "clinic", "role", "password1", "password2")}),
    )

    # Creating a login and changing one (its role, its access) need a recent sign-in.
    @method_decorator(recent_auth_required)
    def add_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().add_view(request, *args, **kwargs)

    @method_decorator(recent_auth_required)
    def change_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().change_view(request, *args, **kwargs)

    def save_model(
        self, request: HttpRequest, obj: User, form: ModelForm[User], change: bool
    ) -> None:
        data = form.cleaned_data
        if not change:
            created = services.create_user(
                user_of(request),
                email=data["email"],
                password=data.get("password1"),
                clinic=data.get("clinic"),
                role=data.get("role") or "",
                full_name=data.get("full_name") or "",
            )
            obj.pk, obj._state.adding, obj._state.db = created.pk, False, created._state.db
            return
        fields = {name: data[name] for name in DETAIL_FIELDS if name in form.changed_data}
        services.update_user(user_of(request), obj, **fields)

    def save_related(
        self, request: HttpRequest, form: ModelForm[User], formsets: Any, change: bool
    ) -> None:
        if "user_permissions" in form.cleaned_data:
            services.set_permissions(
                user_of(request), form.instance, form.cleaned_data["user_permissions"]
            )
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # switch a login off instead: the audit trail keeps naming its actor

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        raise PermissionDenied(
            "Passwords are set by their owner (Log in → Forgot your password?), not in the admin."
        )


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin[TOTPDevice]):
    """Who has an authenticator app, read only. Registered before django-otp's own admin (which
    then stands aside), so that no secret is shown and no app is added or removed here
    unaudited: a reset goes through Logins or `msrelief reset-2fa` (docs/security.md)."""

    list_display = ["user", "name", "confirmed", "last_used_at"]
    list_filter = ["confirmed"]
    fields = ("user", "name", "confirmed", "created_at", "last_used_at")
    readonly_fields = ("user", "name", "confirmed", "created_at", "last_used_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
