from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from msrelief.accounts.models import Clinic, User


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
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
