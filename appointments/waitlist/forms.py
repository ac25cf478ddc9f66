from django import forms
from django.utils.translation import gettext_lazy as _

from checkin_portal.forms import PortalForm

from ..forms import _clean_destination


class EarlierTimesForm(PortalForm):
    """'Tell me if an earlier time opens': where, and how to tell the person."""

    offices = forms.TypedMultipleChoiceField(
        label=_("At which offices?"),
        help_text=_("Choose one or more."),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one office.")},
    )
    channel = forms.ChoiceField(
        label=_("How should we tell you?"),
        choices=[("sms", _("Text message (SMS)")), ("email", _("Email"))],
        widget=forms.RadioSelect,
        initial="sms",
    )
    destination = forms.CharField(
        label=_("Mobile phone number or email address"),
        help_text=_("We keep it only until your appointment."),
        max_length=254,
    )

    def __init__(self, *args, office_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offices"].choices = list(office_choices)

    def clean(self):
        cleaned = super().clean()
        _clean_destination(self, cleaned, "channel", "destination")
        return cleaned


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])
