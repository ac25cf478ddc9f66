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

    for name in (
        "MESSAGING_SESSION_RATE",
        "MESSAGING_DESTINATION_RATE",
        "MESSAGING_AUTOMATIC_RATE",
    ):
        try:
            parse_rate(getattr(settings, name))
        except ValueError as exc:
            errors.append(checks.Error(f"{name}: {exc}", id="messaging.E003"))
    return errors


# Backends that only print, keep or drop messages: fine for the demo and tests, but in
# production every "we sent you a text" would be a lie. A staging site that means it adds
# the ids to SILENCED_SYSTEM_CHECKS (docs/operations.md, "Failed messages").
DEV_EMAIL_BACKENDS = {
    f"django.core.mail.backends.{name}.EmailBackend"
    for name in ("console", "locmem", "dummy", "filebased")
}
DEV_SMS_BACKENDS = {
    "checkin_portal.messaging.backends.console.ConsoleSmsBackend",
    "checkin_portal.messaging.backends.locmem.LocmemSmsBackend",
    "checkin_portal.messaging.backends.filebased.FileSmsBackend",
}


@checks.register(checks.Tags.compatibility, deploy=True)
def check_real_delivery_backends(app_configs, **kwargs):
    errors = []
    if settings.EMAIL_BACKEND in DEV_EMAIL_BACKENDS:
        errors.append(
            checks.Error(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND!r}: no email would reach anyone.",
                hint="Set EMAIL_URL to your SMTP server, e.g. smtp+tls://user:password@host:587.",
                id="messaging.E004",
            )
        )
    if settings.SMS_BACKEND in DEV_SMS_BACKENDS:
        errors.append(
            checks.Error(
                f"SMS_BACKEND is {settings.SMS_BACKEND!r}: no text message would reach anyone.",
                hint="Set SMS_BACKEND=checkin_portal.messaging.backends.twilio.TwilioSmsBackend "
                "and the TWILIO_* settings.",
                id="messaging.E005",
            )
        )
    return errors
