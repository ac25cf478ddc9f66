"""Send the day-before reminders people asked for, and erase the contacts of appointments
that are over. Run it every hour (cron or a scheduler); each reminder goes out once, even
if two copies run at the same time."""

import datetime

from django.core.management.base import BaseCommand

from appointments import notifications, services
from appointments.models import Appointment, AppointmentStatus
from checkin_portal import clock


class Command(BaseCommand):
    help = "Send the day-before appointment reminders that are due."

    def handle(self, *args, **options):
        now = clock.now()
        due = Appointment.objects.select_related("slot__office").filter(
            status=AppointmentStatus.BOOKED,
            wants_reminder=True,
            reminder_sent_at__isnull=True,
            slot__starts_at__gt=now + datetime.timedelta(hours=12),
            slot__starts_at__lte=now + datetime.timedelta(hours=36),
        )
        sent = 0
        for appointment in due:
            if services.reminder_mark_sent(appointment_id=appointment.pk):
                sent += notifications.send_reminder(appointment)
        self.stdout.write(f"{sent} reminder message(s) queued.")
        # Contacts are kept only until the appointment, even when nobody marked it.
        forgotten = services.contacts_forget_past()
        self.stdout.write(f"{forgotten} past appointment contact(s) erased.")
