"""appointments: check-in times and the booking of them.

Owns: schedule rules, closures, slots, ``Appointment`` and its lifecycle (book, review,
confirm, reschedule, cancel, check in; ``lifecycle.py`` is the only writer of its status),
confirmation numbers, calendar files, reminders and the staff day roster.

May import: checkin_portal, offices (docs/adr/0013-wiring.md).
"""
