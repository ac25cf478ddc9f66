"""``send_message``: the one way the project sends an email or a text message."""

import functools
import logging
from collections.abc import Mapping

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from ..phones import parse_phone
from .delivery import enqueue_delivery_safely
from .exceptions import InvalidDestination
from .models import Channel, OutboundMessage
from .privacy import destination_digest, mask_destination
from .ratelimit import check_rate_limits
from .rendering import render_message

logger = logging.getLogger("checkin_portal.messaging")


def normalise_destination(channel: str, destination: str) -> str:
    """An SMS number in E.164 (read by ``checkin_portal.phones``: US numbers may omit +1,
    any script's digits; a stored ``PhoneNumber`` is fine); an email address with its
    domain in lower case. Raises InvalidDestination."""
    if channel == Channel.SMS:
        number = parse_phone(destination)
        if number is None:
            raise InvalidDestination("not a valid phone number")
        return number.as_e164
    destination = str(destination or "").strip()
    try:
        validate_email(destination)
    except ValidationError:
        raise InvalidDestination("not an email address") from None
    local, _at, domain = destination.rpartition("@")
    return f"{local}@{domain.lower()}"


def send_message(
    *,
    channel: str,
    destination: str,
    template: str,
    context: Mapping,
    language: str,
    session_key: str | None = None,
    about=None,
    automatic: bool = False,
) -> OutboundMessage:
    """Render a message in ``language`` and queue it for sending after the current
    transaction commits.

    * ``channel``: ``"email"`` or ``"sms"`` (``Channel``).
    * ``destination``: an email address, or a phone number (E.164 or a US number).
    * ``template``: a template base name, e.g. ``"addresses/messages/change_received"``
      (see ``rendering`` for the files it needs).
    * ``context``: values for the templates; rendered now, so anything goes.
    * ``language``: the recipient's language code (an unknown one falls back to the
      default language).
    * ``session_key``: the sender's session, for the per-session rate limit.
    * ``about``: the record the message is about (a saved model instance), so that the
      person's page can tell whether it went (``selectors.latest_deliveries``) and staff
      can find it.
    * ``automatic``: sent by the system, not asked for by the person (a reminder, a
      moved or cancelled appointment): counted in its own per-destination limit, never
      against the person's own, and not refused when the cache cannot count
      (``ratelimit``).

    Raises ``InvalidDestination``, ``MessageTooLong`` (an SMS over 2 segments) or
    ``RateLimited`` before writing anything; all are ``MessagingError``s with a
    translated ``user_message``. Delivery itself happens in a task (django-tasks),
    enqueued on commit: if the caller's transaction rolls back, nothing is sent; if
    delivery fails, the caller's record is untouched and the send is retried.
    """
    channel = Channel(channel)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    destination = normalise_destination(channel, destination)
    rendered = render_message(
        channel=channel, template=template, context=dict(context), language=language
    )
    digest = destination_digest(destination)
    check_rate_limits(destination_digest=digest, session_key=session_key, automatic=automatic)
    with transaction.atomic():
        message = OutboundMessage.objects.create(
            channel=channel,
            template=template,
            language=language,
            destination=destination,
            destination_masked=mask_destination(destination),
            destination_digest=digest,
            subject=rendered.subject,
            body_text=rendered.text,
            body_html=rendered.html,
            related_type=ContentType.objects.get_for_model(about) if about is not None else None,
            related_id=about.pk if about is not None else None,
        )
        transaction.on_commit(functools.partial(enqueue_delivery_safely, message.pk))
    logger.info(
        "message %s queued (%s to %s, %s, %s)",
        message.pk,
        channel,
        message.destination_masked,
        template,
        language,
    )
    return message


def forget_messages_about(*, model, ids) -> int:
    """Delete the messages about these records of ``model`` (the demo's reset uses it)."""
    deleted, _ = OutboundMessage.objects.filter(
        related_type=ContentType.objects.get_for_model(model), related_id__in=list(ids)
    ).delete()
    return deleted
