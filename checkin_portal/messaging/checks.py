from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string


@checks.register(checks.Tags.compatibility)
def check_messaging_settings(app_configs, **kwargs):
    errors = []
    try:
        import_string(settings.SMS_BACKEND)
    except ImportError:
        errors.append(
            checks.Error(
                f"SMS_BACKEND {settings.SMS_BACKEND!r} cannot be imported.", id="messaging.E001"
            )
        )
    if settings.SMS_BACKEND.endswith("TwilioSmsBackend") and not (
        settings.TWILIO_ACCOUNT_SID
        and settings.TWILIO_AUTH_TOKEN
        and (settings.TWILIO_FROM_NUMBER or settings.TWILIO_MESSAGING_SERVICE_SID)
    ):
        errors.append(
            checks.Error(
                "The Twilio SMS backend needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and "
                "TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM_NUMBER.",
                id="messaging.E002",
            )
        )
    from .ratelimit import parse_rate

    for name in ("MESSAGING_SESSION_RATE", "MESSAGING_DESTINATION_RATE"):
        try:
            parse_rate(getattr(settings, name))
        except ValueError as exc:
            errors.append(checks.Error(f"{name}: {exc}", id="messaging.E003"))
    return errors
