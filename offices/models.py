"""Offices where people check in: field offices and their sub-offices.

Name, hours and instructions are translated (django-modeltranslation adds ``name_en``,
``name_es``, ...); history is kept by django-simple-history (registered in
``translation.py``, after the translation registration).
"""

import zoneinfo

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from phonenumber_field.modelfields import PhoneNumberField

from checkin_portal.places.states import STATE_CHOICES
from checkin_portal.places.zones import validate_time_zone

CODE_PATTERN = r"^[A-Z0-9]+(-[A-Z0-9]+)*$"
ZIP_PATTERN = r"^[0-9]{5}$"


def takes_online_bookings(prefix: str = "") -> Q:
    """Open to the public and taking online bookings: the offices a person may book at.
    ``prefix`` reaches an office through a relation ("office__" from a slot). The one
    definition, as a query: the finder's nearby offices, the times page, the booking's
    seat, a move, the waiting list's offers and the capacity page ask it; an office
    already read asks ``Office.bookable_online`` (issue 17)."""
    return Q(**{f"{prefix}is_active": True, f"{prefix}accepts_online_booking": True})


class OfficeKind(models.TextChoices):
    FIELD_OFFICE = "field_office", _("Field office")
    SUB_OFFICE = "sub_office", _("Sub-office")


class Office(models.Model):
    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(
                CODE_PATTERN,
                _("Use capital letters, digits and single dashes, for example ATLANTA-GA."),
            )
        ],
        help_text=_("A short fixed name for the office, for example ATLANTA-GA. Do not change it."),
    )
    name = models.CharField(pgettext_lazy("place", "name"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OfficeKind.choices, default=OfficeKind.SUB_OFFICE
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("field office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sub_offices",
        limit_choices_to={"kind": OfficeKind.FIELD_OFFICE},
        help_text=_("The field office this sub-office belongs to."),
    )
    street = models.CharField(_("street address"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=2, choices=STATE_CHOICES)
    zip = models.CharField(
        _("ZIP code"),
        max_length=5,
        validators=[RegexValidator(ZIP_PATTERN, _("Enter a 5-digit ZIP code."))],
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90.0), MaxValueValidator(90.0)],
        help_text=_("Decimal degrees, north positive. Empty: the office is not shown in searches."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180.0), MaxValueValidator(180.0)],
        help_text=_("Decimal degrees, east positive (the United States is negative)."),
    )
    phone = PhoneNumberField(_("phone"), blank=True, region="US")
    email = models.EmailField(_("email"), max_length=254, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_(
            "IANA name such as America/Chicago. Left empty, it is taken from the ZIP code."
        ),
    )
    area_of_responsibility = models.TextField(_("area of responsibility"), blank=True)
    hours = models.TextField(
        _("check-in hours"),
        blank=True,
        help_text=_('As published, for example "Tuesday-Thursday, 8 a.m.-3 p.m.".'),
    )
    instructions = models.TextField(
        _("instructions for visitors"),
        blank=True,
        help_text=_("Plain text: what to bring, where to enter, parking."),
    )
    accepts_online_booking = models.BooleanField(_("accepts online booking"), default=True)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive offices are not shown to the public."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["state", "city", "code"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        indexes = [
            models.Index(fields=["state", "city"], name="office_state_city"),
            # The finder checks MAX(updated_at) on every search (offices.selectors).
            models.Index(fields=["updated_at"], name="office_updated_at"),
            # The finder reads the coordinates of every active, placed office.
            models.Index(
                fields=["id", "latitude", "longitude"],
                name="office_active_coords",
                condition=Q(is_active=True, latitude__isnull=False),
            ),
            # A search's one query finds the offices in reach of the place (a box of
            # latitude and longitude) among those taking online bookings: without it,
            # PostgreSQL read every office's wide row on every search (issue 17).
            models.Index(
                fields=["latitude", "longitude"],
                name="office_bookable_position",
                condition=takes_online_bookings(),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="office_latitude_range",
                violation_error_message=_("Latitude must be between -90 and 90."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="office_longitude_range",
                violation_error_message=_("Longitude must be between -180 and 180."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="office_coordinates_together",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
            models.CheckConstraint(
                condition=Q(code__regex=CODE_PATTERN),
                name="office_code_format",
                violation_error_message=_(
                    "Use capital letters, digits and single dashes for the code."
                ),
            ),
            models.CheckConstraint(
                condition=Q(zip__regex=ZIP_PATTERN),
                name="office_zip_format",
                violation_error_message=_("Enter a 5-digit ZIP code."),
            ),
            models.CheckConstraint(
                condition=Q(kind=OfficeKind.SUB_OFFICE) | Q(parent__isnull=True),
                name="office_field_office_has_no_parent",
                violation_error_message=_("A field office cannot belong to another office."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="office_not_own_parent",
                violation_error_message=_("An office cannot belong to itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs):
        if not self.time_zone and self.zip:
            from checkin_portal.places.zips import zone_for_zip

            self.time_zone = zone_for_zip(self.zip)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "time_zone" not in update_fields:
                kwargs["update_fields"] = [*update_fields, "time_zone"]
        super().save(*args, **kwargs)

    @property
    def bookable_online(self) -> bool:
        """What ``takes_online_bookings()`` asks of a row, for an office already read."""
        return self.is_active and self.accepts_online_booking

    def shown(self) -> tuple:
        """What the portal's pages show of this office, as plain values in the active
        language: the key under which its rendered parts are kept (issue 17), so that an
        office edited in the admin is shown anew at once."""
        return (
            self.pk,
            self.code,
            self.name,
            self.street,
            self.city,
            self.state,
            self.zip,
            # As stored: formatting the number only for a key cost more than the rest of it.
            getattr(self.phone, "raw_input", None) or str(self.phone or ""),
            self.hours,
            self.instructions,
            self.time_zone,
            self.accepts_online_booking,
        )

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def zone(self) -> zoneinfo.ZoneInfo | None:
        """The office's time zone, for showing appointment times with its abbreviation."""
        try:
            return zoneinfo.ZoneInfo(self.time_zone) if self.time_zone else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
