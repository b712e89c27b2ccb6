from django.contrib import admin
from django.urls import include, path

from msrelief.api.api import api
from msrelief.core import views as core

urlpatterns = [
    path("", core.home, name="home"),
    path("healthz", core.healthz, name="healthz"),
    path("accounts/", include("msrelief.accounts.urls")),
    path("clients/", include("msrelief.clients.urls")),
    path("audit/", include("msrelief.audit.urls")),
    path("evidence/", include("msrelief.evidence.urls")),
    path("", include("msrelief.instruments.urls_staff")),
    path("", include("msrelief.instruments.urls_fill")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
