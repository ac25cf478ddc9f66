"""Queue again every message still waiting whose retry time has come (or that never got
a task, e.g. the queue was down when it was saved). Safe to run often, e.g. from cron:
delivery skips a message that is already sent or being sent."""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Q

from checkin_portal import clock

from ...delivery import enqueue_delivery
from ...models import MessageStatus, OutboundMessage


class Command(BaseCommand):
    help = "Queue the delivery of messages that are still waiting."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=300,
            help="only messages that never had a retry time and were created this many seconds ago",
        )

    def handle(self, *args, older_than, **options):
        now = clock.now()
        waiting = OutboundMessage.objects.filter(status=MessageStatus.QUEUED).filter(
            Q(next_attempt_at__lte=now)
            | Q(
                next_attempt_at__isnull=True,
                created_at__lte=now - datetime.timedelta(seconds=older_than),
            )
        )
        count = 0
        for message_id in waiting.values_list("pk", flat=True).iterator():
            enqueue_delivery(message_id)
            count += 1
        self.stdout.write(f"{count} message(s) queued.")
