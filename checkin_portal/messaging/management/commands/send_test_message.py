"""Send a test email or SMS through the configured backends, to check the set-up."""

from django.core.management.base import BaseCommand, CommandError

from ...api import send_message
from ...exceptions import MessagingError


class Command(BaseCommand):
    help = "Send a test message (email or SMS) through the configured backend."

    def add_arguments(self, parser):
        parser.add_argument("--channel", choices=["email", "sms"], required=True)
        parser.add_argument("--to", required=True, help="email address or phone number")
        parser.add_argument("--language", default="en")

    def handle(self, *args, channel, to, language, **options):
        try:
            message = send_message(
                channel=channel,
                destination=to,
                template="messaging/messages/test_message",
                context={},
                language=language,
            )
        except MessagingError as exc:
            raise CommandError(f"Not sent: {type(exc).__name__}") from None
        message.refresh_from_db()
        self.stdout.write(
            f"Message {message.pk} to {message.destination_masked}: {message.status}."
        )
