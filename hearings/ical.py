"""The calendar file (.ics) of a person's next hearing.

The event starts at the court's local time with a TZID and the matching VTIMEZONE, so
every calendar shows it at the right hour wherever the phone is. It carries what the
person needs on the day (court, address, phone, type, format) and nothing else: no name,
no Subject ID, no A-number. The hearing has no known end, so the event has none either.
"""

import datetime

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from .models import Hearing, HearingFormat
from .presentation import FORMAT_EXPLANATIONS, TYPE_EXPLANATIONS


def hearing_calendar_filename(hearing: Hearing) -> str:
    return f"court-hearing-{hearing.local_starts_at:%Y-%m-%d}.ics"


def hearing_calendar(*, hearing: Hearing, now: datetime.datetime) -> bytes:
    court = hearing.court
    start = hearing.local_starts_at
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.PORTAL_NAME}//Court hearing//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")

    event = icalendar.Event()
    event.add("uid", f"{hearing.uid}@hearings.checkin-portal")
    event.add("dtstamp", now.astimezone(datetime.UTC))
    event.add("last-modified", hearing.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", start)
    event.add("summary", _("Immigration court hearing"))
    event.add("location", f"{court.name}, {court.street}, {court.city_line}")
    lines = [
        court.name,
        court.street,
        court.city_line,
    ]
    if court.phone:
        lines.append(_("Court phone: %(phone)s") % {"phone": court.phone.as_national})
    lines += [
        "",
        f"{hearing.get_hearing_type_display()}: {TYPE_EXPLANATIONS[hearing.hearing_type]}",
        f"{hearing.get_hearing_format_display()}: {FORMAT_EXPLANATIONS[hearing.hearing_format]}",
    ]
    if hearing.judge:
        lines.append(_("Judge: %(judge)s") % {"judge": hearing.judge})
    if hearing.hearing_format == HearingFormat.IN_PERSON:
        lines += ["", _("Arrive early: there is a security check at the entrance.")]
    event.add("description", "\n".join(str(line) for line in lines))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")

    reminder = icalendar.Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("description", _("Immigration court hearing tomorrow"))
    reminder.add("trigger", datetime.timedelta(days=-1))
    event.add_component(reminder)

    calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=(start - datetime.timedelta(days=400)).date(),
        last_date=(start + datetime.timedelta(days=400)).date(),
    )
    return calendar.to_ical()
