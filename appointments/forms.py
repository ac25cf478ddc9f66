from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from checkin_portal.forms import PortalForm


class SlotChoiceForm(PortalForm):
    """The slot a person picked (review page, GET) or confirms (POST). Only an id travels;
    whether it can still be booked is decided by the service, never by the form."""

    slot = forms.IntegerField(min_value=1, max_value=2**62, widget=forms.HiddenInput)

    error_messages = {"invalid": _("Please choose a time from the list.")}


class PageForm(forms.Form):
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False)


class OfficeCodeForm(forms.Form):
    office = forms.SlugField(max_length=40)


CHANNEL_CHOICES = [("sms", _("Text message (SMS)")), ("email", pgettext_lazy("channel", "Email"))]


class ContactForm(PortalForm):
    """A channel and a phone number or email address typed for it (normalised, or an
    error on the address). The one field set of every form that asks where to write to
    the person; a subclass words the question (``channel_label``, ``destination_help``)."""

    channel_label = _("How should we send them?")
    destination_help = _("For a phone, type the 10 digits, for example 202-555-0123.")

    channel = forms.ChoiceField(choices=CHANNEL_CHOICES, widget=forms.RadioSelect, initial="sms")
    destination = forms.CharField(label=_("Mobile phone number or email address"), max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].label = self.channel_label
        self.fields["destination"].help_text = self.destination_help

    def clean(self):
        cleaned = super().clean()
        _clean_destination(self, cleaned, "channel", "destination")
        return cleaned


class SendDetailsForm(ContactForm):
    """'Email me / text me these details', with an optional day-before reminder."""

    render_once_unbound = True  # the same for everyone ("My appointment", issue 17)

    remind = forms.BooleanField(
        label=_("Also send me a reminder the day before"),
        help_text=_("We keep this number or address only until your appointment."),
        required=False,
    )


def _clean_destination(form, cleaned, channel_field: str, destination_field: str) -> None:
    """Normalise a typed phone number or email address for its channel, or add the error."""
    from checkin_portal.messaging import InvalidDestination
    from checkin_portal.messaging.api import normalise_destination

    # A phone number in any script's digits is read by ``checkin_portal.phones``.
    channel, destination = cleaned.get(channel_field), cleaned.get(destination_field)
    if channel and destination:
        try:
            cleaned[destination_field] = normalise_destination(channel, destination)
        except InvalidDestination:
            message = (
                _("Type a US mobile number, for example 202-555-0123.")
                if channel == "sms"
                else _("Type an email address, for example name@example.com.")
            )
            form.add_error(destination_field, message)


class ConfirmForm(SlotChoiceForm):
    """Confirm, with an optional contact kept only until the appointment, so the office
    can tell the person if it closes that day."""

    render_once_unbound = True  # the same for everyone but the hidden slot (issue 17)

    notice_channel = forms.ChoiceField(
        label=_("If the office closes, how should we tell you? (optional)"),
        choices=CHANNEL_CHOICES,
        widget=forms.RadioSelect,
        initial="sms",
        required=False,
    )
    notice_destination = forms.CharField(
        label=_("Mobile phone number or email address"),
        help_text=_(
            "Optional. So we can tell you if the office closes. "
            "We keep it only until your appointment."
        ),
        max_length=254,
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("notice_destination"):
            cleaned["notice_channel"] = cleaned.get("notice_channel") or "sms"
            _clean_destination(self, cleaned, "notice_channel", "notice_destination")
        return cleaned

    def contact(self) -> dict | None:
        """The contact to keep on the appointment (for ``lifecycle.appointment_book``)."""
        destination = self.cleaned_data.get("notice_destination")
        if not destination:
            return None
        if self.cleaned_data["notice_channel"] == "sms":
            return {"reminder_phone": destination}
        return {"reminder_email": destination}
