"""What ``send_message`` raises. Each is raised *before* anything is written, so a caller
that catches ``MessagingError`` keeps its own transaction intact; ``user_message`` is a
translated sentence the caller may show as is."""

from django.utils.translation import gettext_lazy as _


class MessagingError(Exception):
    user_message = _("We could not send the message. Print this page or write down the details.")


class InvalidDestination(MessagingError, ValueError):
    user_message = _(
        "We could not send the message: the phone number or email address is not valid."
    )


class RateLimited(MessagingError):
    user_message = _(
        "We could not send the message now because many messages were sent already. "
        "Try again in an hour, or print this page or write down the details."
    )

    def __init__(self, scope: str):
        super().__init__(f"message rate limit reached ({scope})")
        self.scope = scope


class RateLimitUnavailable(MessagingError):
    """The shared cache that counts messages is down: no message is sent (the limit fails
    closed), with the general "print this page" sentence."""


class MessageTooLong(MessagingError):
    """An SMS template rendered to more than the allowed segments: a bug in the
    template or its context, caught by the tests of every template in every language."""

    def __init__(self, template: str, language: str, encoding: str, units: int, segments: int):
        super().__init__(
            f"SMS {template!r} in {language!r} takes {segments} segments ({units} {encoding} units)"
        )
