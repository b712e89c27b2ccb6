from __future__ import annotations

from django.contrib.auth import views as auth
from django.shortcuts import resolve_url

from msrelief.accounts.models import Role


class LoginView(auth.LoginView):
    """Django's login page, except that a client (a person with MS) lands on "Your
    questionnaires" rather than on the staff dashboard, which is not theirs. A ``next`` page
    still wins, as it does for everyone."""

    def get_default_redirect_url(self) -> str:
        if getattr(self.request.user, "role", "") == Role.CLIENT:
            return resolve_url("portal-home")
        return super().get_default_redirect_url()
