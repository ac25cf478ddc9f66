"""Staff form: a hearing with its time on the court's clock (the CSV import is
``resources.HearingResource`` on the one staff import screen)."""

from django import forms
from django.contrib.admin import widgets as admin_widgets
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from checkin_portal.places.zones import AmbiguousLocalTime, NonexistentLocalTime, aware_local

from .models import Hearing


class HearingAdminForm(forms.ModelForm):
    """Staff type the date and time as the court's notice shows them; the court's own
    time zone (not the staff member's) turns them into the stored UTC moment."""

    local_date = forms.DateField(label=_("date"), widget=admin_widgets.AdminDateWidget)
    local_time = forms.TimeField(
        label=pgettext_lazy("hearing", "time"),
        widget=admin_widgets.AdminTimeWidget,
        help_text=_("On the court's own clock (its time zone), as the court's notice shows it."),
    )

    class Meta:
        model = Hearing
        fields = [
            "subject",
            "court",
            "local_date",
            "local_time",
            "hearing_type",
            "hearing_format",
            "judge",
            "status",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            local = self.instance.local_starts_at
            self.initial.setdefault("local_date", local.date())
            self.initial.setdefault("local_time", local.time().replace(tzinfo=None))

    def clean(self):
        cleaned = super().clean()
        court, day, time = (cleaned.get(name) for name in ("court", "local_date", "local_time"))
        if court is None or day is None or time is None:
            return cleaned
        try:
            starts_at = aware_local(day, time, court.time_zone)
        except NonexistentLocalTime:
            self.add_error(
                "local_time", _("This time does not exist on that day: the clocks skip it.")
            )
            return cleaned
        except AmbiguousLocalTime:
            self.add_error(
                "local_time",
                _("This time happens twice on that day (clocks go back): choose another."),
            )
            return cleaned
        if not self.instance.pk and not court.is_active:
            self.add_error(
                "court", _("This court is not active: new hearings cannot be put there.")
            )
        subject = cleaned.get("subject")
        if (
            subject is not None
            and Hearing.objects.filter(subject=subject, starts_at=starts_at)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("local_time", _("This person already has a hearing at this time."))
        self.instance.starts_at = starts_at
        return cleaned
