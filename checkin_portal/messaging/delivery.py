"""Delivering one queued message, and retrying it (bounded, with backoff).

``deliver(message_id)`` runs in the task worker. It locks the message row
(``SELECT ... FOR UPDATE SKIP LOCKED``), so two workers never send the same message, and
does nothing for a message that is not waiting (idempotent). A failure is recorded
(class name only: an error's text may contain the number); a temporary failure is tried
again after ``retry_delay`` until ``MESSAGING_MAX_ATTEMPTS`` attempts in all, a permanent
one (invalid number, refused recipient) is not. After the last attempt, sent or not, the
destination is erased (only its masked form stays). None of this touches the business record
that asked for the message: it was committed before the message was ever queued.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from checkin_portal import clock
from checkin_portal.logs import scrub

from .backends import PermanentDeliveryError, get_sms_backend
from .models import Channel, MessageStatus, OutboundMessage

logger = logging.getLogger("checkin_portal.messaging")


def retry_delay(attempt: int) -> datetime.timedelta:
    """Wait before attempt ``attempt + 1``: base, 2 x base, 4 x base... at most one day."""
    seconds = settings.MESSAGING_RETRY_BASE_SECONDS * 2 ** max(attempt - 1, 0)
    return datetime.timedelta(seconds=min(seconds, 24 * 3600))


def _send_email(message: OutboundMessage) -> str:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.destination],
        headers={"Auto-Submitted": "auto-generated", "Content-Language": message.language},
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    try:
        email.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused:
        raise PermanentDeliveryError("the mail server refused the recipient") from None
    return ""


def _send(message: OutboundMessage) -> str:
    if message.channel == Channel.SMS:
        return get_sms_backend().send(to=message.destination, body=message.body_text)
    return _send_email(message)


def deliver(message_id: int) -> str:
    """Try to send the message once; return its status afterwards ("skipped" when it
    was not waiting)."""
    retry_at = None
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=MessageStatus.QUEUED)
            .first()
        )
        if message is None:
            return "skipped"
        message.attempts += 1
        try:
            provider_id = _send(message)
        except Exception as exc:  # noqa: BLE001 - any failure is recorded, never raised
            message.last_error = f"{type(exc).__name__}: {_safe_detail(exc)}"[:200]
            permanent = getattr(exc, "permanent", False)
            if permanent or message.attempts >= settings.MESSAGING_MAX_ATTEMPTS:
                message.status = MessageStatus.FAILED
                message.next_attempt_at = None
                # The last attempt: nothing will use the number or address again (the
                # person is told and may type it again); the masked form stays.
                message.destination = ""
                logger.warning(
                    "message %s (%s to %s) not sent after %s attempt(s): %s",
                    message.pk,
                    message.channel,
                    message.destination_masked,
                    message.attempts,
                    type(exc).__name__,
                )
            else:
                retry_at = clock.now() + retry_delay(message.attempts)
                message.next_attempt_at = retry_at
                logger.info(
                    "message %s (%s to %s) attempt %s failed (%s); next try at %s",
                    message.pk,
                    message.channel,
                    message.destination_masked,
                    message.attempts,
                    type(exc).__name__,
                    retry_at.isoformat(),
                )
        else:
            message.status = MessageStatus.SENT
            message.sent_at = clock.now()
            message.next_attempt_at = None
            message.provider_id = (provider_id or "")[:100]
            message.destination = ""  # no longer needed: forget it
            logger.info(
                "message %s (%s to %s) sent",
                message.pk,
                message.channel,
                message.destination_masked,
            )
        message.save()
        if retry_at is not None:
            transaction.on_commit(lambda: enqueue_delivery(message_id, run_after=retry_at))
    return message.status


def _safe_detail(exc: Exception) -> str:
    """A delivery error's text, with anything that looks like a phone number or an email
    address blanked out; any other exception is reduced to its class."""
    from .backends import DeliveryError

    if not isinstance(exc, DeliveryError):
        return "see the class name"
    return scrub(str(exc))


def enqueue_delivery(message_id: int, *, run_after: datetime.datetime | None = None) -> None:
    """Queue ``deliver_message``; with a backend that can defer (the database backend in
    production), no earlier than ``run_after``. The Immediate backend (demo, tests)
    cannot wait, so it tries again at once; the attempts stay bounded either way."""
    from .tasks import deliver_message

    task = deliver_message
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    task.enqueue(message_id)


def enqueue_delivery_safely(message_id: int) -> None:
    """The on-commit hook: a broken queue must not turn a saved change into an error
    page. The message stays queued; ``manage.py send_queued_messages`` picks it up."""
    try:
        enqueue_delivery(message_id)
    except Exception:
        logger.exception("message %s could not be queued; it stays waiting", message_id)
