"""The project's shared messaging layer: email and SMS, in the recipient's language.

    from checkin_portal.messaging import send_message, MessagingError

    try:
        send_message(
            channel="sms",                      # or "email"
            destination="+12025550123",
            template="addresses/messages/change_received",
            context={"receipt_number": "ABCD-2345"},
            language="es",
            session_key=request.session.session_key,
        )
    except MessagingError as exc:
        messages.warning(request, exc.user_message)

See ``api.send_message`` for the contract, ``rendering`` for the templates,
``backends`` for SMS providers, ``delivery`` for retries and docs/adr/0006.
"""

from .exceptions import InvalidDestination, MessageTooLong, MessagingError, RateLimited


def send_message(**kwargs):
    # Imported lazily: this package is imported while apps load (models are not ready).
    from .api import send_message as _send_message

    return _send_message(**kwargs)


__all__ = [
    "InvalidDestination",
    "MessageTooLong",
    "MessagingError",
    "RateLimited",
    "send_message",
]
