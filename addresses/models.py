"""Address changes sent by subjects. Every change is a new row, never edited: the
current address is the latest row. Staff only move a change from "received" to
"processed" (who and when are recorded; django-simple-history keeps each step)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from phonenumber_field.modelfields import PhoneNumberField

from checkin_portal import clock
from checkin_portal.history import HistoricalRecords
from checkin_portal.places.states import MAIL_STATE_CHOICES

from .normalise import Address
from .receipts import PATTERN as RECEIPT_PATTERN
from .receipts import format_receipt_number


class AddressChangeStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROCESSED = "processed", _("Processed")


class ConfirmationChannel(models.TextChoices):
    NONE = "", _("No message")
    SMS = "sms", _("Text message")
    EMAIL = "email", pgettext_lazy("channel", "Email")


# Only these may change once a row exists (the staff queue); the address never does.
MUTABLE_FIELDS = frozenset({"status", "processed_at", "processed_by", "office_area"})


class AddressChange(models.Model):
    subject = models.ForeignKey(
        "subjects.Subject",
        on_delete=models.PROTECT,
        related_name="address_changes",
        verbose_name=_("subject"),
    )
    receipt_number = models.CharField(_("receipt number"), max_length=8, unique=True)
    # One per confirmation page: a repeated or concurrent POST finds the same row.
    submission_token = models.CharField(max_length=32, unique=True, editable=False)
    street = models.CharField(pgettext_lazy("mailing address", "street address"), max_length=100)
    unit = models.CharField(_("apartment, suite or unit"), max_length=40, blank=True)
    city = models.CharField(_("city"), max_length=50)
    state = models.CharField(_("state"), max_length=2, choices=MAIL_STATE_CHOICES)
    zip_code = models.CharField(_("ZIP code"), max_length=10)
    in_care_of = models.CharField(_("in care of"), max_length=100, blank=True)
    move_date = models.DateField(_("move date"))
    # E.164 when it parses; shown to people through ``phone_display`` (checkin_portal.phones).
    phone = PhoneNumberField(_("phone"), blank=True, region="US")
    email = models.EmailField(_("email"), max_length=254, blank=True)
    confirmation_channel = models.CharField(
        _("confirmation sent by"),
        max_length=10,
        choices=ConfirmationChannel.choices,
        blank=True,
        default=ConfirmationChannel.NONE,
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # The field office whose area covers the address (addresses.office_areas); staff
    # may correct it. None: no listed area (military mail, freely associated states).
    office_area = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "field_office"},
        verbose_name=_("office area"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AddressChangeStatus.choices,
        default=AddressChangeStatus.RECEIVED,
    )
    submitted_at = models.DateTimeField(_("received"), default=clock.now)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    processed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("processed by"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("address change")
        verbose_name_plural = _("address changes")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["subject", "-submitted_at"], name="addresschange_latest"),
            models.Index(fields=["status", "submitted_at"], name="addresschange_queue"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(receipt_number__regex=RECEIPT_PATTERN),
                name="addresschange_receipt_format",
                violation_error_message=_("A receipt number is 8 letters and digits."),
            ),
            models.CheckConstraint(
                condition=Q(zip_code__regex=r"^[0-9]{5}(-[0-9]{4})?$"),
                name="addresschange_zip_format",
                violation_error_message=_("A ZIP code is 5 digits, or 5 + 4 digits."),
            ),
            models.CheckConstraint(
                condition=Q(state__in=[code for code, _name in MAIL_STATE_CHOICES]),
                name="addresschange_state_known",
                violation_error_message=_("Choose a state."),
            ),
            models.CheckConstraint(
                condition=~Q(street=""),
                name="addresschange_street_given",
                violation_error_message=_("An address needs a street or a PO box."),
            ),
            models.CheckConstraint(
                condition=(Q(status="received") & Q(processed_at__isnull=True))
                | (Q(status="processed") & Q(processed_at__isnull=False)),
                name="addresschange_processed_has_time",
                violation_error_message=_("A processed change needs the time it was processed."),
            ),
            models.CheckConstraint(
                condition=~Q(confirmation_channel="sms") | ~Q(phone=""),
                name="addresschange_sms_needs_phone",
                violation_error_message=_("A text message needs a phone number."),
            ),
            models.CheckConstraint(
                condition=~Q(confirmation_channel="email") | ~Q(email=""),
                name="addresschange_email_needs_address",
                violation_error_message=_("An email needs an email address."),
            ),
        ]

    def __str__(self) -> str:
        # Staff-facing only (admin); never logged.
        return self.receipt_display

    def save(self, *args, **kwargs):
        """A change is never overwritten: once saved, only the staff-queue fields may be
        written, and only with ``update_fields`` naming them."""
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            if fields is None or not set(fields) <= MUTABLE_FIELDS:
                raise ValidationError(
                    _("An address change cannot be edited. Ask the person to send a new one.")
                )
        super().save(*args, **kwargs)

    @property
    def receipt_display(self) -> str:
        return format_receipt_number(self.receipt_number)

    @property
    def address(self) -> Address:
        return Address(
            street=self.street,
            unit=self.unit,
            city=self.city,
            state=self.state,
            zip_code=self.zip_code,
            in_care_of=self.in_care_of,
        )
