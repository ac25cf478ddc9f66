"""A person released from immigration custody, as staff record them from the release papers.

Subjects are created by staff (admin or CSV import), never by the public. Invariants live in
the database (CheckConstraint / UniqueConstraint), not only in forms.
"""

import zoneinfo

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import Regex
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from checkin_portal.history import HistoricalRecords
from checkin_portal.places.zones import validate_time_zone

from .normalise import (
    A_NUMBER_PATTERN,
    SUBJECT_ID_MAX_LENGTH,
    SUBJECT_ID_PATTERN,
    is_valid_a_number,
    is_valid_subject_id,
    normalise_a_number,
    normalise_subject_id,
)
from .release_forms import ReleaseForm

# Zones of the offices a paperwork appointment may name (states and territories).
US_TIME_ZONES = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Puerto_Rico",
    "Pacific/Guam",
]


class Subject(models.Model):
    subject_id = models.CharField(
        _("Subject ID"),
        max_length=SUBJECT_ID_MAX_LENGTH,
        unique=True,
        help_text=_(
            "As printed on the release papers. Stored in capitals without spaces or dashes."
        ),
    )
    country_of_birth = CountryField(_("country of birth"))
    a_number = models.CharField(
        _("A-number"),
        max_length=9,
        blank=True,
        default="",
        help_text=_("Optional. 9 digits; an 8-digit number gets a leading zero."),
    )
    given_names = models.CharField(_("given names"), max_length=150)
    family_names = models.CharField(_("family names"), max_length=150)
    release_form = models.CharField(
        _("release form"), max_length=16, choices=ReleaseForm.choices, default=ReleaseForm.OTHER
    )
    release_date = models.DateField(_("release date"), null=True, blank=True)
    report_by = models.DateField(
        _("report by"),
        null=True,
        blank=True,
        help_text=_("The check-in deadline printed on the release papers, if any."),
    )
    parole_ends_on = models.DateField(
        _("parole ends on"),
        null=True,
        blank=True,
        help_text=_("Parole with ATD only: the last day of the parole period on the papers."),
    )
    # An appointment already given on the paperwork. The office is kept as text until the
    # offices app links it (a later migration adds the foreign key).
    paperwork_appointment_at = models.DateTimeField(
        _("appointment on the papers"), null=True, blank=True
    )
    paperwork_office_name = models.CharField(
        _("office named on the papers"), max_length=200, blank=True, default=""
    )
    paperwork_office_address = models.TextField(_("address of that office"), blank=True, default="")
    paperwork_office_time_zone = models.CharField(
        _("time zone of that office"),
        max_length=40,
        choices=[(zone, zone) for zone in US_TIME_ZONES],
        blank=True,
        default="",
        validators=[validate_time_zone],
    )
    credible_fear_filed = models.BooleanField(_("credible fear interview filed"), default=False)
    ead_applied = models.BooleanField(_("employment authorisation applied for"), default=False)
    checkin_completed_on = models.DateField(_("check-in completed on"), null=True, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
    )
    # The language of the person's latest signed-in page, kept up to date by
    # signed_in_gate: messages sent later (a reminder, a change by staff or by an office
    # closure) go out in the language the person reads now, not the one they booked in.
    last_language = models.CharField(
        _("last language used"), max_length=10, blank=True, default="", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["last_language"])

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["family_names", "given_names", "subject_id"]
        indexes = [
            models.Index(fields=["family_names", "given_names"], name="subject_names_idx"),
            models.Index(fields=["release_form"], name="subject_release_form_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(subject_id__regex=SUBJECT_ID_PATTERN),
                name="subject_id_normalised",
                violation_error_message=_(
                    "The Subject ID must be 4 to 20 capital letters and digits, "
                    "without spaces or dashes."
                ),
            ),
            models.CheckConstraint(
                condition=Q(a_number="") | Q(a_number__regex=A_NUMBER_PATTERN),
                name="subject_a_number_nine_digits",
                violation_error_message=_("The A-number must be 9 digits."),
            ),
            models.UniqueConstraint(
                fields=["a_number"],
                condition=~Q(a_number=""),
                name="subject_a_number_unique",
                violation_error_message=_("Another subject already has this A-number."),
            ),
            models.CheckConstraint(
                # django-countries overrides __regex (it matches names): use the plain lookup.
                condition=Regex(F("country_of_birth"), r"^[A-Z]{2}$"),
                name="subject_country_code",
                violation_error_message=_("Choose a country of birth."),
            ),
            models.CheckConstraint(
                condition=Q(release_form__in=ReleaseForm.values),
                name="subject_release_form_known",
                violation_error_message=_("Choose one of the release forms."),
            ),
            models.CheckConstraint(
                condition=Q(report_by__isnull=True)
                | Q(release_date__isnull=True)
                | Q(report_by__gte=models.F("release_date")),
                name="subject_report_by_after_release",
                violation_error_message=_("The report-by date cannot be before the release date."),
            ),
            models.CheckConstraint(
                condition=Q(parole_ends_on__isnull=True) | Q(release_form=ReleaseForm.PAROLE_ATD),
                name="subject_parole_end_only_for_parole",
                violation_error_message=_(
                    "A parole end date only applies to release on parole with ATD."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    Q(paperwork_appointment_at__isnull=True)
                    & Q(paperwork_office_name="")
                    & Q(paperwork_office_time_zone="")
                )
                | (
                    Q(paperwork_appointment_at__isnull=False)
                    & ~Q(paperwork_office_name="")
                    & ~Q(paperwork_office_time_zone="")
                ),
                name="subject_paperwork_appointment_complete",
                violation_error_message=_(
                    "An appointment on the papers needs its date and time, the office and "
                    "the office's time zone (or none of them)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(paperwork_office_time_zone="")
                | Q(paperwork_office_time_zone__in=US_TIME_ZONES),
                name="subject_paperwork_time_zone_known",
                violation_error_message=_("Choose one of the listed time zones."),
            ),
        ]

    def __str__(self) -> str:
        # Staff-facing only (admin, history). Never logged.
        return f"{self.family_names}, {self.given_names} ({self.subject_id})"

    def save(self, *args, **kwargs):
        self.normalise()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.normalise()
        errors = {}
        if self.subject_id and not is_valid_subject_id(self.subject_id):
            errors["subject_id"] = _(
                "The Subject ID must be 4 to 20 letters and digits (spaces and dashes are removed)."
            )
        if self.a_number and not is_valid_a_number(self.a_number):
            errors["a_number"] = _("The A-number must be 8 or 9 digits.")
        if errors:
            raise ValidationError(errors)
        super().clean()

    def normalise(self) -> None:
        self.subject_id = normalise_subject_id(self.subject_id)
        self.a_number = normalise_a_number(self.a_number)
        self.given_names = " ".join(str(self.given_names or "").split())
        self.family_names = " ".join(str(self.family_names or "").split())
        self.paperwork_office_name = str(self.paperwork_office_name or "").strip()

    @property
    def paperwork_office_zone(self) -> zoneinfo.ZoneInfo | None:
        if not self.paperwork_office_time_zone:
            return None
        return zoneinfo.ZoneInfo(self.paperwork_office_time_zone)


class SubjectSession(AbstractBaseSession):
    """Django's database session, with the signed-in person beside it (issue 17): every
    signed-in page reads its session and then its person; with the person's id in its
    own column, one query reads both (subjects/sessions.py). Staff and signed-out
    visitors have sessions with no person. Deleting a person ends their sessions."""

    subject = models.ForeignKey(
        Subject, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    @classmethod
    def get_session_store_class(cls):
        from .sessions import SessionStore

        return SessionStore
