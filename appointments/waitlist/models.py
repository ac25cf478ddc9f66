"""The waiting list's records. Imported by appointments/models.py (app label "appointments").

Invariants in the database:
- one waiting entry per appointment, and at most one open entry per person;
- an open entry has a contact (phone or email);
- at most one held offer per entry (a person is never offered two seats at once);
- a person is offered a given time once (unique entry + slot);
- a held seat is counted in ``Slot.booked`` (the slot's own capacity constraint holds)."""

import hashlib
import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EndReason(models.TextChoices):
    ACCEPTED = "accepted", _("Took an earlier time")
    OPTED_OUT = "opted_out", _("Asked to stop")
    APPOINTMENT_ENDED = "appointment_ended", _("The appointment changed or ended")
    PAST = "past", _("The appointment has passed")


class WaitlistEntry(models.Model):
    """'Tell me if an earlier time opens' for one booked appointment."""

    appointment = models.OneToOneField(
        "appointments.Appointment",
        verbose_name=_("appointment"),
        on_delete=models.CASCADE,
        related_name="waitlist_entry",
    )
    subject = models.ForeignKey(
        "subjects.Subject",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    offices = models.ManyToManyField("offices.Office", verbose_name=_("offices"), related_name="+")
    # Kept only until the appointment (erased when the entry ends; purge job).
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("waiting since"), auto_now_add=True)
    # No offer before this instant (after a declined or expired offer).
    paused_until = models.DateTimeField(_("no offer before"), null=True, blank=True)
    opted_out_at = models.DateTimeField(_("asked to stop"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(
        _("why it ended"), max_length=20, choices=EndReason.choices, blank=True
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting-list entries")
        constraints = [
            models.UniqueConstraint(
                fields=["subject"],
                condition=Q(ended_at__isnull=True),
                name="waitlist_one_open_entry_per_person",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=False) | ~Q(contact_email="") | ~Q(contact_phone=""),
                name="waitlist_open_entry_has_contact",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | (Q(contact_email="") & Q(contact_phone="")),
                name="waitlist_ended_entry_has_no_contact",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | ~Q(end_reason=""),
                name="waitlist_ended_entry_has_reason",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="waitlist_open_by_age",
                condition=Q(ended_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"waiting #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class OfferState(models.TextChoices):
    HELD = "held", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def new_offer_token() -> tuple[str, str]:
    """A random link token and its digest (only the digest is stored)."""
    token = secrets.token_urlsafe(24)
    return token, token_digest(token)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Offer(models.Model):
    """One earlier seat held for one waiting person until ``expires_at``."""

    entry = models.ForeignKey(
        WaitlistEntry, verbose_name=_("waiting"), on_delete=models.CASCADE, related_name="offers"
    )
    slot = models.ForeignKey(
        "appointments.Slot", verbose_name=_("time"), on_delete=models.CASCADE, related_name="+"
    )
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    state = models.CharField(
        pgettext_lazy("offer", "state"),
        max_length=10,
        choices=OfferState.choices,
        default=OfferState.HELD,
    )
    created_at = models.DateTimeField(_("offered at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # The appointment an accepted offer made (the answer a second click shows again).
    appointment = models.OneToOneField(
        "appointments.Appointment",
        verbose_name=_("new appointment"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("earlier-time offer")
        verbose_name_plural = _("earlier-time offers")
        constraints = [
            models.UniqueConstraint(
                fields=["entry"],
                condition=Q(state="held"),
                name="offer_one_held_per_entry",
            ),
            models.UniqueConstraint(fields=["entry", "slot"], name="offer_once_per_entry_time"),
            models.CheckConstraint(
                condition=Q(state__in=OfferState.values), name="offer_state_valid"
            ),
        ]
        indexes = [
            models.Index(
                fields=["expires_at"], name="offer_held_by_expiry", condition=Q(state="held")
            ),
            models.Index(fields=["slot", "state"], name="offer_slot_state"),
        ]

    def __str__(self) -> str:
        return f"offer #{self.pk} ({self.state})"
