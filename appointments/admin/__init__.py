"""Staff tools for appointments (Django admin). Staff see and change only the offices they
are assigned to (``OfficeStaff``); superusers see everything."""

from . import appointments, availability, offices, waitlist  # noqa: F401 - registers the admin classes
