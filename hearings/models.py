"""Immigration courts and the hearings people have there.

Times are stored in UTC (aware datetimes) and always shown in the court's own zone,
with the zone's abbreviation.
"""

import datetime
import uuid
import zoneinfo

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from phonenumber_field.modelfields import PhoneNumberField

from checkin_portal import clock
from checkin_portal.history import HistoricalRecords
from checkin_portal.places.zips import ZIP_RE, zone_for_address
from checkin_portal.places.zones import validate_time_zone


class Docket(models.TextChoices):
    NON_DETAINED = "non_detained", _("Non-detained")
    DETAINED = "detained", _("Detained")
    UNKNOWN = "unknown", _("Not known")


class OperatingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED_ON_DATE = "closed_on_date", _("Closed on one date")
    CLOSED = "closed", _("Closed until further notice")
    MOVED = "moved", _("Moved")


class ImmigrationCourt(models.Model):
    code = models.SlugField(
        _("code"),
        max_length=80,
        help_text=_("Short stable key used by the data file and the hearings import."),
    )
    name = models.CharField(pgettext_lazy("place", "name"), max_length=200)
    street = models.CharField(_("street address"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(
        _("state"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use the two-letter code, e.g. TX."))],
    )
    zip_code = models.CharField(
        _("ZIP code"),
        max_length=10,
        blank=True,
        validators=[RegexValidator(ZIP_RE, _("Use 5 digits, or 5 digits, a dash and 4 digits."))],
    )
    phone = PhoneNumberField(_("phone"), blank=True, region="US")
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("IANA name, e.g. America/Chicago. Left empty, it is found from the ZIP code."),
    )
    docket = models.CharField(
        _("docket"), max_length=20, choices=Docket.choices, default=Docket.UNKNOWN
    )
    operating_status = models.CharField(
        _("operating status"),
        max_length=20,
        choices=OperatingStatus.choices,
        default=OperatingStatus.OPEN,
    )
    closed_on = models.DateField(
        _("closed on"),
        null=True,
        blank=True,
        help_text=_("Only for “Closed on one date”: the date, in the court's time zone."),
    )
    status_notice = models.TextField(
        _("notice for the public"),
        blank=True,
        help_text=_(
            "Shown with the person's hearing, e.g. why the court is closed or its new address."
        ),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Only active courts can get new hearings."),
    )
    needs_verification = models.BooleanField(
        _("needs verification"),
        default=False,
        help_text=_("The source data is uncertain: check these details before relying on them."),
    )
    staff_note = models.TextField(_("staff note"), blank=True)
    source = models.TextField(_("source of the data"), blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("immigration court")
        verbose_name_plural = _("immigration courts")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                name="hearings_court_code_unique",
                violation_error_message=_("Another court already uses this code."),
            ),
            models.UniqueConstraint(
                Lower("name"),
                name="hearings_court_name_unique",
                violation_error_message=_("Another court already has this name."),
            ),
            models.CheckConstraint(
                condition=~Q(time_zone=""),
                name="hearings_court_time_zone_set",
                violation_error_message=_(
                    "Give the court's time zone, or a ZIP code it can be found from."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    Q(operating_status=OperatingStatus.CLOSED_ON_DATE, closed_on__isnull=False)
                    | (~Q(operating_status=OperatingStatus.CLOSED_ON_DATE) & Q(closed_on=None))
                ),
                name="hearings_court_closed_on_matches_status",
                violation_error_message=_(
                    "Give the date only when the court is closed on one date, and always then."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.time_zone:
            self.time_zone = zone_for_address(
                zip_code=self.zip_code, city=self.city, state=self.state
            )
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if not self.time_zone:
            self.time_zone = zone_for_address(
                zip_code=self.zip_code, city=self.city, state=self.state
            )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def city_line(self) -> str:
        return f"{self.city}, {self.state} {self.zip_code}".strip()

    def public_status(self, on: datetime.date | None = None) -> str:
        """The status the public should see on ``on`` (default: today at the court).

        A one-date closure counts until that date has passed, so a person whose hearing
        is on that day hears about it in advance; afterwards the court is open again."""
        if self.operating_status == OperatingStatus.CLOSED_ON_DATE:
            today = on or clock.today_in(self.zone)
            if self.closed_on is None or self.closed_on < today:
                return OperatingStatus.OPEN
        return self.operating_status


class HearingType(models.TextChoices):
    MASTER_CALENDAR = "master_calendar", _("Master calendar hearing")
    INDIVIDUAL = "individual", _("Individual hearing")
    OTHER = "other", _("Other hearing")


class HearingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIDEO = "video", _("By video")
    PHONE = "phone", _("By phone")


class HearingStatus(models.TextChoices):
    """The status of the hearing on this date. When the court moves a hearing, this
    record becomes "rescheduled" and the new date is a new, "scheduled" hearing."""

    SCHEDULED = "scheduled", _("Scheduled")
    RESCHEDULED = "rescheduled", _("Moved to another date")
    CANCELLED = "cancelled", pgettext_lazy("hearing", "Cancelled")
    COMPLETED = "completed", _("Completed")


class Hearing(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    subject = models.ForeignKey(
        "subjects.Subject",
        verbose_name=_("subject"),
        on_delete=models.CASCADE,
        related_name="hearings",
    )
    court = models.ForeignKey(
        ImmigrationCourt,
        verbose_name=_("court"),
        on_delete=models.PROTECT,
        related_name="hearings",
    )
    starts_at = models.DateTimeField(_("starts at"))
    hearing_type = models.CharField(
        _("type"), max_length=20, choices=HearingType.choices, default=HearingType.MASTER_CALENDAR
    )
    judge = models.CharField(_("judge"), max_length=200, blank=True)
    hearing_format = models.CharField(
        _("format"), max_length=20, choices=HearingFormat.choices, default=HearingFormat.IN_PERSON
    )
    status = models.CharField(
        _("status"), max_length=20, choices=HearingStatus.choices, default=HearingStatus.SCHEDULED
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["starts_at", "pk"]
        constraints = [
            # Also the index for "this person's hearings in date order".
            models.UniqueConstraint(
                fields=["subject", "starts_at"],
                name="hearings_hearing_subject_starts_at_unique",
                violation_error_message=_("This person already has a hearing at this time."),
            ),
            models.CheckConstraint(
                condition=Q(hearing_type__in=HearingType.values),
                name="hearings_hearing_type_valid",
                violation_error_message=_("Choose a hearing type from the list."),
            ),
            models.CheckConstraint(
                condition=Q(hearing_format__in=HearingFormat.values),
                name="hearings_hearing_format_valid",
                violation_error_message=_("Choose a hearing format from the list."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=HearingStatus.values),
                name="hearings_hearing_status_valid",
                violation_error_message=_("Choose a status from the list."),
            ),
        ]
        indexes = [
            models.Index(fields=["court", "starts_at"], name="hearings_court_starts_idx"),
        ]

    def __str__(self) -> str:
        local = self.local_starts_at
        return f"{self.court} — {local:%Y-%m-%d %H:%M} {local.tzname()}"

    @property
    def local_starts_at(self) -> datetime.datetime:
        """The start in the court's own zone."""
        return self.starts_at.astimezone(self.court.zone)
