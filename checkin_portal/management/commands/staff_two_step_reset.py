"""Remove a staff account's authenticator app (lost or replaced phone).

``manage.py staff_two_step_reset USERNAME``: the account signs in with its password next
time and, when two-step sign-in is required, sets up a new app before anything else.
Also the way back in for the last superuser, whom nobody else can help in admin."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from checkin_portal.staff_auth.two_factor import devices_remove


class Command(BaseCommand):
    help = "Remove a staff account's two-step sign-in devices (it sets up a new app next time)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account with the username {username!r}.")
        count = devices_remove(user=user)
        self.stdout.write(f"Removed {count} device(s) of {username}.")
