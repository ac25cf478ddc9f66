"""The staff groups a deployment starts with (``manage.py setup_staff_groups``).

Permissions are listed as ``app_label.codename``. Running the command again makes each
group hold exactly these permissions, so a change here reaches every deployment on its
next migrate. Which offices an office account sees is not a permission: a superuser
assigns offices to the account on the office's admin page ("Office staff members");
an account with no office sees no office's data.

Superusers (``createsuperuser``) see and change everything and are the only ones who
can assign offices to staff."""

CHECKIN_OFFICE_STAFF = "Check-in office staff"
PORTAL_DATA_STAFF = "Portal data staff"


def _crud(app_label: str, model: str, *actions: str) -> list[str]:
    return [f"{app_label}.{action}_{model}" for action in actions]


STAFF_GROUPS: dict[str, list[str]] = {
    # People behind the counter of one or more check-in offices: their offices' details and
    # hours, opening rules, closures and times; their offices' appointments (check people
    # in, mark no-shows, print the day's roster, export). No access to the people's
    # records beyond what an appointment shows, to hearings or to sent messages.
    CHECKIN_OFFICE_STAFF: [
        *_crud("offices", "office", "view", "change"),
        *_crud("appointments", "schedulerule", "view", "add", "change", "delete"),
        *_crud("appointments", "closure", "view", "add", "change", "delete"),
        *_crud("appointments", "slot", "view", "change"),
        *_crud("appointments", "appointment", "view", "change"),
        *_crud("appointments", "officestaff", "view"),
        # the waiting list behind the capacity page's figures (read only)
        *_crud("appointments", "waitlistentry", "view"),
        *_crud("appointments", "offer", "view"),
    ],
    # The team that loads and corrects the people, hearings and courts records (CSV
    # import included), works the address-change queue (not scoped by office, so not for
    # office accounts), keeps the help pages, and watches outgoing messages.
    PORTAL_DATA_STAFF: [
        *_crud("addresses", "addresschange", "view", "change"),
        *_crud("subjects", "subject", "view", "add", "change"),
        *_crud("hearings", "hearing", "view", "add", "change"),
        *_crud("hearings", "immigrationcourt", "view", "change"),
        *_crud("checkin_portal", "faqentry", "view", "add", "change", "delete"),
        *_crud("messaging", "outboundmessage", "view"),
    ],
}
