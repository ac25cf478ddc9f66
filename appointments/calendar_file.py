"""The appointment as an iCalendar (.ics) file a phone's calendar can import."""

import datetime

from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from checkin_portal import clock

from .notifications import recipient_language
from .presentation import LocalTime


def appointment_ics(appointment) -> bytes:
    slot = appointment.slot
    office = slot.office
    # In the language the person uses now, not necessarily the one they booked in.
    with translation.override(recipient_language(appointment)):
        calendar = Calendar()
        calendar.add("prodid", "-//Check-In Portal//appointment//EN")
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        event = Event()
        # Stable per appointment, so importing it again updates instead of duplicating.
        event.add("uid", f"{appointment.confirmation_number}@checkin-portal")
        event.add("dtstamp", clock.now())
        event.add("dtstart", slot.starts_at)  # UTC instants: correct in every zone
        event.add("dtend", slot.ends_at)
        event.add("summary", _("Check-in appointment"))
        event.add(
            "location",
            f"{office.name}, {office.street}, {office.city}, {office.state} {office.zip}",
        )
        event.add(
            "description",
            _("Confirmation number: %(number)s. Bring your release papers.")
            % {"number": appointment.display_number},
        )
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Check-in appointment"))
        # A reminder the day before; for an appointment today, an hour before.
        same_day = LocalTime.of(slot).is_today
        alarm.add(
            "trigger", -datetime.timedelta(hours=1) if same_day else -datetime.timedelta(days=1)
        )
        event.add_component(alarm)
        calendar.add_component(event)
        return calendar.to_ical()
