from django.contrib import admin
from django.contrib.auth import views as auth
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView

from msrelief.accounts.lockout import sign_in_throttled
from msrelief.api.api import api
from msrelief.core import views as core
from msrelief.core.ratelimit import rate_limited
from msrelief.learn.sitemaps import sitemap
from msrelief.notifications.forms import OutboxPasswordResetForm
from msrelief.reports.client_report import urls as client_report
from msrelief.reports.progress import views as progress

urlpatterns = [
    path("", core.home, name="home"),
    path("healthz", core.healthz, name="healthz"),
    # Early, as the pages opened most (q/..., me/q/...): no pattern above or below overlaps them.
    path("", include("msrelief.instruments.urls_fill")),
    path(
        "accounts/reset/",
        rate_limited("password-reset")(
            sign_in_throttled("reset")(
                auth.PasswordResetView.as_view(
                    form_class=OutboxPasswordResetForm,
                    success_url=reverse_lazy("accounts-reset-sent"),
                )
            )
        ),
        name="accounts-reset",
    ),
    path("accounts/", include("msrelief.accounts.urls")),
    path("clients/<int:pk>/progress/", progress.page, name="clients-progress"),
    *client_report.urlpatterns,
    path("clients/", include("msrelief.clients.urls")),
    path("audit/", include("msrelief.audit.urls")),
    path("evidence/", include("msrelief.evidence.urls")),
    path("learn/", include("msrelief.learn.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("messages/", include("msrelief.notifications.urls")),
    path("programmes/", include("msrelief.programmes.urls")),
    path("reports/", include("msrelief.reports.urls")),
    path("", include("msrelief.portal.urls")),
    path("", include("msrelief.privacy.urls")),
    path("unsubscribe/", include("msrelief.programmes.reminders.urls")),
    path("calendar/", include("msrelief.programmes.calendar.urls")),
    path("", include("msrelief.instruments.urls_staff")),
    path("", include("msrelief.instruments.urls_diary")),
    path("", include("msrelief.safety.urls")),
    path("api/", api.urls),
    # The admin site signs in through msrelief's own login (throttled, two factors).
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("accounts-login"), query_string=True),
    ),
    path("admin/", admin.site.urls),
]
