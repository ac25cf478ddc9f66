from django import forms
from django.utils.translation import gettext_lazy as _

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
