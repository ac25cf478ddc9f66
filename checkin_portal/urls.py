from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from . import views
from .kept_urls import kept_i18n_patterns

handler400 = "checkin_portal.views.bad_request"
handler403 = "checkin_portal.views.permission_denied"
handler404 = "checkin_portal.views.page_not_found"
handler500 = "checkin_portal.views.server_error"

# Not translated: the entry point, the chooser, health, the language switch and staff admin.
urlpatterns = [
    path("", views.root, name="root"),
    path("language/", views.language_choice, name="language_choice"),
    path("i18n/setlang/", set_language, name="set_language"),
    # /healthz is readiness (the container HEALTHCHECK's); docs/adr/0010-failure-policy.md.
    path("healthz", views.healthz_ready, name="healthz"),
    path("healthz/ready", views.healthz_ready, name="healthz_ready"),
    path("healthz/live", views.healthz_live, name="healthz_live"),
    path(settings.ADMIN_URL, admin.site.urls),
]

urlpatterns += kept_i18n_patterns(
    path("", views.home, name="home"),
    path("help/", views.help_page, name="help"),
    path("help/how-to-book/", views.tutorial, name="tutorial"),
    path("", include("subjects.urls")),
    path("", include("offices.urls")),
    path("", include("appointments.urls")),
    path("", include("addresses.urls")),
    path("", include("hearings.urls")),
    prefix_default_language=True,
)
