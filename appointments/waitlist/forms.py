from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import ContactForm


class EarlierTimesForm(ContactForm):
    """'Tell me if an earlier time opens': where, and how to tell the person."""

    channel_label = _("How should we tell you?")
    destination_help = _("We keep it only until your appointment.")
    field_order = ["offices", "channel", "destination"]

    offices = forms.TypedMultipleChoiceField(
        label=_("At which offices?"),
        help_text=_("Choose one or more."),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one office.")},
    )

    def __init__(self, *args, office_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offices"].choices = list(office_choices)


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])
