from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ScheduleRule, Slot
from ..weekdays import WEEKDAY_NAMES, weekdays_from_mask, weekdays_to_mask


class ScheduleRuleForm(forms.ModelForm):
    """Weekdays as checkboxes; stored as a bit mask."""

    weekdays = forms.TypedMultipleChoiceField(
        label=_("weekdays"),
        choices=list(enumerate(WEEKDAY_NAMES)),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ScheduleRule
        fields = [
            "weekdays",
            "week_of_month",
            "opens",
            "closes",
            "slot_minutes",
            "capacity",
            "valid_from",
            "valid_to",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["weekdays"] = weekdays_from_mask(self.instance.weekdays)

    def clean_weekdays(self):
        return weekdays_to_mask(self.cleaned_data["weekdays"])


class SlotForm(forms.ModelForm):
    class Meta:
        model = Slot
        fields = ["capacity", "is_blocked"]

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk:
            # The admin saves inside a transaction: lock the row so a booking cannot slip in
            # between this check and the save.
            booked = (
                Slot.objects.select_for_update()
                .values_list("booked", flat=True)
                .get(pk=self.instance.pk)
            )
            if capacity < booked:
                raise forms.ValidationError(
                    _(
                        "%(booked)s people are already booked at this time, so the capacity "
                        "cannot be lower than %(booked)s."
                    ),
                    params={"booked": booked},
                    code="below_booked",
                )
        return capacity
