from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    EMAIL = "email", pgettext_lazy("channel", "Email")
    SMS = "sms", _("Text message (SMS)")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not sent (gave up)")


class OutboundMessage(models.Model):
    """One email or SMS, rendered in the recipient's language when it was asked for.

    The destination is kept in clear only while the message waits to be sent, then
    erased (sent or given up); ``destination_masked`` and ``destination_digest`` remain for
    staff and for rate limits. ``last_error`` holds the error's class and status, never its
    text. ``related`` is the record the message is about (an appointment, an address
    change), so the person's page can say whether it went and staff can find it; a generic
    link, because this layer sits below the apps that send."""

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    template = models.CharField(_("template"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    destination = models.CharField(_("destination"), max_length=254, blank=True)
    destination_masked = models.CharField(_("to"), max_length=80)
    destination_digest = models.CharField(_("destination digest"), max_length=64, db_index=True)
    subject = models.CharField(pgettext_lazy("email", "subject"), max_length=200, blank=True)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    provider_id = models.CharField(_("provider's id"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    related_type = models.ForeignKey(
        ContentType,
        verbose_name=_("about"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    related_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    related = GenericForeignKey("related_type", "related_id")

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="messaging_queued_due",
                condition=Q(status="queued"),
            ),
            models.Index(
                fields=["related_type", "related_id", "-created_at"], name="messaging_related"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="messaging_sent_has_time",
                violation_error_message=_("A sent message needs the time it was sent."),
            ),
            models.CheckConstraint(
                condition=Q(status="queued") | Q(destination=""),
                name="messaging_done_forgets_destination",
                violation_error_message=_(
                    "A message that is no longer waiting must not keep its destination."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.destination_masked} ({self.template})"
