"""Availability (weekly rules, closures, slots) and appointments.

Invariants live in the database, not only in code:
- a slot is never booked beyond its capacity (CheckConstraint ``slot_booked_within_capacity``);
- one slot per office and start time (UniqueConstraint);
- at most one active appointment per person (partial UniqueConstraint);
- confirmation numbers are unique and well-formed.
Booking itself is a single conditional UPDATE (see services.py)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, get_language
from phonenumber_field.modelfields import PhoneNumberField

from checkin_portal.history import HistoricalRecords

from .confirmation import format_confirmation_number
from .weekdays import WEEKDAY_NAMES, weekdays_from_mask

WEEK_OF_MONTH_CHOICES = [
    (1, _("1st")),
    (2, _("2nd")),
    (3, _("3rd")),
    (4, _("4th")),
    (-1, _("last")),
]


class ScheduleRule(models.Model):
    """'This office takes check-ins on these weekdays, between these local times.'"""

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        related_name="schedule_rules",
    )
    weekdays = models.PositiveSmallIntegerField(
        _("weekdays"), help_text=_("The days of the week this rule applies to.")
    )
    opens = models.TimeField(_("first appointment starts"))
    closes = models.TimeField(_("last appointment ends"))
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per appointment"), default=30)
    capacity = models.PositiveSmallIntegerField(_("people per appointment time"), default=1)
    week_of_month = models.SmallIntegerField(
        _("only in week of the month"),
        choices=WEEK_OF_MONTH_CHOICES,
        null=True,
        blank=True,
        help_text=_('Empty: every week. For "1st Tuesday of each month", choose 1st.'),
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["office", "valid_from", "opens"]
        verbose_name = _("opening rule")
        verbose_name_plural = _("opening rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(weekdays__gte=1, weekdays__lte=127),
                name="rule_weekdays_valid",
                violation_error_message=_("Choose at least one day of the week."),
            ),
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")),
                name="rule_closes_after_opens",
                violation_error_message=_("The end time must be after the start time."),
            ),
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=5, slot_minutes__lte=240),
                name="rule_slot_length_range",
                violation_error_message=_("An appointment lasts between 5 and 240 minutes."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="rule_capacity_positive",
                violation_error_message=_("At least one person per appointment time."),
            ),
            models.CheckConstraint(
                condition=Q(week_of_month__isnull=True) | Q(week_of_month__in=[-1, 1, 2, 3, 4]),
                name="rule_week_of_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="rule_valid_range",
                violation_error_message=_("The end date must not be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        days = ", ".join(str(WEEKDAY_NAMES[d]) for d in weekdays_from_mask(self.weekdays))
        return f"{days} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ClosureReasonKind(models.TextChoices):
    """Why an office is closed: a standard reason every person reads in their own language."""

    HOLIDAY = "holiday", _("Public holiday")
    WEATHER = "weather", _("Bad weather")
    BUILDING = "building", _("The building is closed")
    STAFF_EVENT = "staff_event", _("Staff training or event")
    EMERGENCY = "emergency", _("Emergency")
    OTHER = "other", _("Other reason (write it below)")


# The staff's English text: required for "other", and what every language falls back to.
# (English is MODELTRANSLATION_DEFAULT_LANGUAGE; the column is added by appointments/translation.py.)
ENGLISH = "en"
ENGLISH_REASON = build_localized_fieldname("reason", ENGLISH)
OTHER_REASON_NEEDS_TEXT = _(
    "For “Other reason”, write the reason in English, or choose a reason from the list."
)


@dataclass(frozen=True)
class PublicReason:
    """The reason for a closure as one person reads it. ``language`` is set only when the
    text is not in the reader's language (English staff text for "other"). Text templates
    use it as it is; HTML templates use ``.html``, which marks such text ``lang="en"`` so
    browsers and screen readers treat it as English (and isolate it in right-to-left pages).
    """

    text: str
    language: str | None = None

    def __str__(self) -> str:
        return self.text

    @property
    def html(self) -> SafeString:
        if not self.language:
            return escape(self.text)
        direction = "rtl" if get_language_info(self.language)["bidi"] else "ltr"
        return format_html(
            '<span lang="{}" dir="{}">{}</span>', self.language, direction, self.text
        )


class Closure(models.Model):
    """A day or a range of days when an office (or every office) takes no appointments."""

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="closures",
        help_text=_("Leave empty to close every office."),
    )
    starts_on = models.DateField(_("first day closed"))
    ends_on = models.DateField(_("last day closed"))
    reason_kind = models.CharField(
        _("reason"),
        max_length=20,
        choices=ClosureReasonKind.choices,
        default=ClosureReasonKind.OTHER,
        help_text=_("People see this reason in their own language."),
    )
    reason = models.CharField(
        _("reason shown to the public"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optional, except for “Other reason”. If you write it, people reading this "
            "language see your text instead of the standard reason."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        indexes = [models.Index(fields=["starts_on", "ends_on"], name="closure_dates")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="closure_range_valid",
                violation_error_message=_("The last day must not be before the first day."),
            ),
            models.CheckConstraint(
                condition=Q(reason_kind__in=ClosureReasonKind.values),
                name="closure_reason_kind_valid",
            ),
            models.CheckConstraint(
                condition=~Q(reason_kind=ClosureReasonKind.OTHER)
                | (Q(**{f"{ENGLISH_REASON}__isnull": False}) & ~Q(**{ENGLISH_REASON: ""})),
                name="closure_other_reason_has_english_text",
                violation_error_message=OTHER_REASON_NEEDS_TEXT,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on} - {self.ends_on}: {self.reason or self.get_reason_kind_display()}"

    def covers(self, day: datetime.date) -> bool:
        return self.starts_on <= day <= self.ends_on

    def public_reason(self) -> PublicReason | None:
        """The reason in the active language: the staff's own text when they wrote it in
        this language; otherwise the standard reason, translated; for "other" (no standard
        reason) the English text, marked as English. ``closure.reason`` is not enough: with
        modeltranslation's fallback it returns English for an empty language."""
        language = get_language()
        own = (getattr(self, build_localized_fieldname("reason", language), None) or "").strip()
        if own:
            return PublicReason(own)
        if self.reason_kind in ClosureReasonKind.values and (
            self.reason_kind != ClosureReasonKind.OTHER
        ):
            return PublicReason(str(ClosureReasonKind(self.reason_kind).label))
        english = (getattr(self, ENGLISH_REASON, None) or "").strip()
        if english:
            return PublicReason(english, language=ENGLISH)
        return None


class Slot(models.Model):
    """One appointment time at one office; ``booked`` of its ``capacity`` seats are taken."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="slots"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveSmallIntegerField(_("capacity"))
    booked = models.PositiveSmallIntegerField(_("booked"), default=0)
    is_blocked = models.BooleanField(
        _("blocked"), default=False, help_text=_("A blocked time cannot be booked online.")
    )
    # An extra session's seats go to the waiting list first: until this instant only an
    # earlier-time offer may take them (``open_to_everyone``); then anyone can book.
    waitlist_only_until = models.DateTimeField(_("waiting list only until"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["booked"])

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("appointment time")
        verbose_name_plural = _("appointment times")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "starts_at"], name="slot_unique_office_start"
            ),
            models.CheckConstraint(
                condition=Q(booked__gte=0) & Q(booked__lte=F("capacity")),
                name="slot_booked_within_capacity",
                violation_error_message=_(
                    "The capacity cannot be lower than the number of people already booked."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="slot_ends_after_start",
                violation_error_message=_("The end must be after the start."),
            ),
        ]
        indexes = [
            # "Next available times at this office": only open slots are indexed.
            models.Index(
                fields=["office", "starts_at"],
                name="slot_open_by_office",
                condition=Q(is_blocked=False) & Q(booked__lt=F("capacity")),
            ),
            models.Index(fields=["starts_at"], name="slot_starts_at"),
        ]

    def __str__(self) -> str:
        return f"{self.office_id} {self.starts_at:%Y-%m-%d %H:%M}Z"

    @property
    def remaining(self) -> int:
        return self.capacity - self.booked


# A time with a seat left (not full). With ``is_blocked=False`` (``givable_after``) it is
# the condition of the partial index ``slot_open_by_office`` that every read of open times
# uses, written out there so that the migration does not change: the two must agree.
SEAT_LEFT = Q(booked__lt=F("capacity"))


def givable_after(cutoff) -> Q:
    """Times that may still be given to someone: not blocked by the office and starting
    after ``cutoff`` (``policy.booking_cutoff()``). Without the seat count: an accepted
    offer moves onto the seat it already holds."""
    return Q(is_blocked=False) & Q(starts_at__gt=cutoff)


def open_seat_after(cutoff) -> Q:
    """Times with a seat that may still be booked: ``givable_after`` with a seat left.
    The one definition every read and write of a bookable time asks (with the office's
    ``takes_online_bookings`` and, for the public, ``open_to_everyone``)."""
    return givable_after(cutoff) & SEAT_LEFT


def open_to_everyone(now) -> Q:
    """Slots anyone may book at ``now``: not kept for the waiting list (an extra session's
    first hours, ``Slot.waitlist_only_until``). Every public read and the booking's
    conditional write add it; the offer engine does not."""
    return Q(waitlist_only_until__isnull=True) | Q(waitlist_only_until__lte=now)


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    RESCHEDULED = "rescheduled", _("Moved to another time")
    CANCELLED_BY_OFFICE = "cancelled_by_office", _("Cancelled by the office")
    CHECKED_IN = "checked_in", _("Checked in")
    NO_SHOW = "no_show", _("Did not come")


def booked_by(subject) -> Q:
    """The person's booked appointment (at most one: a partial unique constraint), for
    ``subject`` as an id or an expression (``OuterRef("subject_id")``)."""
    return Q(subject_id=subject, status=AppointmentStatus.BOOKED)


class Appointment(models.Model):
    subject = models.ForeignKey(
        "subjects.Subject",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    slot = models.ForeignKey(
        Slot, verbose_name=_("time"), on_delete=models.PROTECT, related_name="appointments"
    )
    confirmation_number = models.CharField(_("confirmation number"), max_length=8, unique=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.BOOKED,
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    wants_reminder = models.BooleanField(_("wants a reminder"), default=False)
    # Contact details are kept only when the person asks for a reminder.
    reminder_email = models.EmailField(_("reminder email"), blank=True)
    # E.164; shown to people through ``phone_display`` (checkin_portal.phones).
    reminder_phone = PhoneNumberField(_("reminder phone"), blank=True, region="US")
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set by the lifecycle when a closure cancels the appointment: the reason people read,
    # and the closure's call list of those who could not be told.
    cancelled_by_closure = models.ForeignKey(
        Closure,
        verbose_name=_("cancelled by the closure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cancelled_appointments",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Contact details are not copied into history: they are kept only while needed.
    history = HistoricalRecords(excluded_fields=["reminder_email", "reminder_phone"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            models.UniqueConstraint(
                fields=["subject"],
                condition=Q(status="booked"),
                name="one_active_appointment_per_subject",
                violation_error_message=_("This person already has an appointment."),
            ),
            models.CheckConstraint(
                condition=Q(confirmation_number__regex=r"^[0-9A-HJKMNP-TV-Z]{8}$"),
                name="appointment_confirmation_format",
            ),
            models.CheckConstraint(
                condition=Q(status__in=AppointmentStatus.values),
                name="appointment_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["slot", "status"], name="appointment_slot_status"),
            models.Index(fields=["subject", "status"], name="appointment_subject_status"),
        ]

    def __str__(self) -> str:
        return self.display_number

    @property
    def display_number(self) -> str:
        return format_confirmation_number(self.confirmation_number)

    @property
    def is_active(self) -> bool:
        return self.status == AppointmentStatus.BOOKED


class OfficeStaff(models.Model):
    """Which staff accounts manage appointments at which office. Superusers see all."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="office_assignments",
    )

    class Meta:
        verbose_name = _("office staff member")
        verbose_name_plural = _("office staff members")
        constraints = [
            models.UniqueConstraint(fields=["office", "user"], name="office_staff_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.office_id}"


# The waiting list's models live in their own module (the package appointments/waitlist/).
from .waitlist.models import Offer, OfferState, WaitlistEntry  # noqa: E402, F401
