from django.contrib.auth import views as auth
from django.urls import path, reverse_lazy

from msrelief.accounts.forms import AuditedPasswordChangeForm, AuditedSetPasswordForm, LoginForm
from msrelief.accounts.views import LoginView
from msrelief.core.ratelimit import rate_limited

urlpatterns = [
    path(
        "login/",
        rate_limited("login")(
            LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True)
        ),
        name="accounts-login",
    ),
    path("logout/", auth.LogoutView.as_view(), name="accounts-logout"),
    path(
        "password/",
        auth.PasswordChangeView.as_view(
            form_class=AuditedPasswordChangeForm,
            success_url=reverse_lazy("accounts-password-changed"),
        ),
        name="accounts-password-change",
    ),
    path("password/done/", auth.PasswordChangeDoneView.as_view(), name="accounts-password-changed"),
    # "reset/" (accounts-reset) is routed in msrelief/urls.py: its email goes through the
    # notifications outbox, a layer above accounts.
    path("reset/sent/", auth.PasswordResetDoneView.as_view(), name="accounts-reset-sent"),
    path(
        "reset/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(
            form_class=AuditedSetPasswordForm, success_url=reverse_lazy("accounts-reset-done")
        ),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth.PasswordResetCompleteView.as_view(), name="accounts-reset-done"),
]
