"""Values every template may show: the portal's name, the agency and its help line."""

import datetime
from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import get_language


@cache
def _help_line_hours() -> tuple[datetime.time, datetime.time, str]:
    # Parsed once per process: settings do not change while it runs.
    opens = datetime.time.fromisoformat(settings.HELP_LINE_OPENS)
    closes = datetime.time.fromisoformat(settings.HELP_LINE_CLOSES)
    zone = datetime.datetime(2025, 1, 15, tzinfo=ZoneInfo(settings.HELP_LINE_TIME_ZONE)).tzname()
    return opens, closes, zone


def portal(request):
    opens, closes, zone = _help_line_hours()
    return {
        "portal_name": settings.PORTAL_NAME,
        "agency_name": settings.AGENCY_NAME,
        "agency_short_name": settings.AGENCY_SHORT_NAME,
        "help_line_phone": settings.HELP_LINE_PHONE,
        "help_line_opens": opens,
        "help_line_closes": closes,
        "help_line_zone": zone,
        "demo_mode": settings.DEMO_MODE,
        # Each language's own name, as the chooser spells it (settings.LANGUAGES).
        "current_language_name": dict(settings.LANGUAGES).get(get_language(), ""),
    }
