"""Values every template may show: the portal's name, the agency and its help line.

What every page shows the same way in one language (the footer, the header's links, the
language's own name) is computed once per process and language, not per request (issue 17):
``portal`` returns a dict made on the first request in that language and script prefix
(checkin_portal/per_language.py).
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_script_prefix, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .per_language import PerLanguage

_PER_LANGUAGE = PerLanguage(max_entries=64)


def _help_line_hours() -> tuple[datetime.time, datetime.time, str]:
    opens = datetime.time.fromisoformat(settings.HELP_LINE_OPENS)
    closes = datetime.time.fromisoformat(settings.HELP_LINE_CLOSES)
    zone = datetime.datetime(2025, 1, 15, tzinfo=ZoneInfo(settings.HELP_LINE_TIME_ZONE)).tzname()
    return opens, closes, zone


def _values(language: str) -> dict:
    opens, closes, zone = _help_line_hours()
    values = {
        "portal_name": settings.PORTAL_NAME,
        "agency_name": settings.AGENCY_NAME,
        "agency_short_name": settings.AGENCY_SHORT_NAME,
        "help_line_phone": settings.HELP_LINE_PHONE,
        "help_line_opens": opens,
        "help_line_closes": closes,
        "help_line_zone": zone,
        "demo_mode": settings.DEMO_MODE,
        # Each language's own name, as the chooser spells it (settings.LANGUAGES).
        "current_language_name": dict(settings.LANGUAGES).get(language, ""),
        # The header's links (templates/includes/header.html), reversed once.
        "portal_home_url": reverse("home"),
        "portal_language_url": reverse("language_choice"),
        "portal_my_checkin_url": reverse("subjects:my_checkin"),
        "portal_sign_out_url": reverse("subjects:sign_out"),
    }
    # The footer has nothing per request: rendered once (templates/includes/footer.html).
    values["portal_footer"] = mark_safe(get_template("includes/footer.html").render(values))  # noqa: S308 - a rendered template
    return values


def portal(request):
    return _PER_LANGUAGE.get(get_script_prefix(), lambda: _values(get_language()))
