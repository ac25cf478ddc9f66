from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import (
    ENGLISH_REASON,
    OTHER_REASON_NEEDS_TEXT,
    Closure,
    ClosureReasonKind,
    ScheduleRule,
    Slot,
)
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


class ClosureForm(forms.ModelForm):
    """A standard reason (read by everyone in their own language) and, optionally, the
    staff's own words. "Other reason" has no standard wording, so it needs the English text
    (the database refuses it too: ``closure_other_reason_has_english_text``)."""

    class Meta:
        model = Closure
        fields = ["office", "starts_on", "ends_on", "reason_kind", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "reason_kind" in self.fields:
            # Left out (as before there were standard reasons): "Other reason".
            self.fields["reason_kind"].required = False

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("reason_kind") or self.instance.reason_kind or ClosureReasonKind.OTHER
        if "reason_kind" in self.fields:
            cleaned["reason_kind"] = kind
        english = cleaned.get(ENGLISH_REASON, getattr(self.instance, ENGLISH_REASON, ""))
        if kind == ClosureReasonKind.OTHER and not (english or "").strip():
            field = ENGLISH_REASON if ENGLISH_REASON in self.fields else None
            self.add_error(field, forms.ValidationError(OTHER_REASON_NEEDS_TEXT, code="required"))
        return cleaned
