from django.contrib.auth import views as auth
from django.urls import include, path, reverse_lazy

from msrelief.accounts import views_logins, views_passkeys, views_signin
from msrelief.accounts.forms import AuditedPasswordChangeForm, AuditedSetPasswordForm, LoginForm
from msrelief.accounts.lockout import sign_in_throttled
from msrelief.accounts.views import LoginView
from msrelief.core.ratelimit import rate_limited

urlpatterns = [
    path(
        "login/",
        rate_limited("login")(
            sign_in_throttled("login")(
                LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True)
            )
        ),
        name="accounts-login",
    ),
    path("logout/", auth.LogoutView.as_view(), name="accounts-logout"),
    path("verify/", views_signin.verify, name="accounts-verify"),
    path("reauth/", views_signin.reauth, name="accounts-reauth"),
    path("two-factor/", views_signin.two_factor, name="accounts-two-factor"),
    path("two-factor/set-up/", views_signin.enrol, name="accounts-enrol"),
    path(
        "two-factor/new-codes/",
        views_signin.new_recovery_codes,
        name="accounts-new-recovery-codes",
    ),
    path("two-factor/turn-off/", views_signin.remove_two_factor, name="accounts-two-factor-off"),
    path("two-factor/passkeys/", views_passkeys.passkey_list, name="accounts-passkeys"),
    path(
        "two-factor/passkeys/<int:pk>/remove/",
        views_passkeys.remove_passkey,
        name="accounts-passkey-remove",
    ),
    path("passkeys/", include("msrelief.accounts.urls_passkeys")),
    path("logins/", views_logins.logins, name="accounts-logins"),
    path("logins/<int:pk>/unlock/", views_logins.unlock, name="accounts-unlock"),
    path(
        "logins/<int:pk>/reset-two-factor/",
        views_logins.reset_two_factor,
        name="accounts-reset-two-factor",
    ),
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
