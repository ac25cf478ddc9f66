"""The extra-session form of the capacity page (a one-off session at one office)."""

import datetime

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from checkin_portal import clock

from ..availability import office_zone


class ExtraSessionForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    opens = forms.TimeField(
        label=_("First appointment starts"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    closes = forms.TimeField(
        label=_("Last appointment ends"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    slot_minutes = forms.IntegerField(
        label=_("Minutes per appointment"), min_value=5, max_value=240, initial=30
    )
    capacity = forms.IntegerField(
        label=_("People per appointment time"), min_value=1, max_value=100, initial=1
    )

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.office = office

    def clean_day(self):
        day = self.cleaned_data["day"]
        today = clock.today_in(office_zone(self.office))
        if day < today:
            raise forms.ValidationError(_("Choose today or a later day."))
        if day > today + datetime.timedelta(days=settings.SLOT_HORIZON_DAYS):
            raise forms.ValidationError(_("That day is too far ahead."))
        return day

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens"), cleaned.get("closes")
        if opens and closes and closes <= opens:
            self.add_error("closes", _("The end time must be after the start time."))
        if not self.office.bookable_online:
            raise forms.ValidationError(_("This office does not take online bookings."))
        return cleaned
