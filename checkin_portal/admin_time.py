"""Date-times for staff, always with their zone (issue 14: a list showed "Dec. 25, 2026,
10 a.m." in the server's zone where the person's papers said 9 a.m. CST).

* ``ZonedTimesAdmin`` (a ModelAdmin mixin; HistoryAdmin has it): every date-time of the
  model in the list and every read-only one (fields, fieldsets) becomes a column like
  "2026-12-25 09:00 CST", in the zone of the object's place (``time_places``: field ->
  dotted path to an office or court) or the server's; sorted by the field. On a view-only
  page (no change permission) every date-time is read-only text, so each gets its zone.
  Other packages' admins (axes, django-otp, django-tasks-db, staff accounts) get the
  mixin in ``checkin_portal/staff_auth/admin.py``.
* ``time_column(Model, "field", place="slot.office")``: one such column, for an admin
  that does not use the mixin.
* ``ZonedDateTimeWidget``: the same text in CSV/XLSX exports (django-import-export).
* ``ZonedSplitDateTime``: the admin's date and time inputs, saying which zone an entered
  time is read in (the active one: the server's TIME_ZONE); ``ZonedTimesAdmin`` gives it
  to every DateTimeField input.

The formatting itself is ``checkin_portal.places.zones.with_zone``.
"""

from __future__ import annotations

import datetime
from types import MethodType

from django import forms
from django.contrib import admin
from django.contrib.admin import widgets as admin_widgets
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from import_export import widgets as export_widgets

from checkin_portal import clock
from checkin_portal.places.zones import with_zone


def _place(obj, path: str | None):
    for name in (path or "").split(".") if path else ():
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj if path else None


def time_column(model: type[models.Model], field: str, *, place: str | None = None):
    """An admin display method for ``field`` with its zone (see the module's docstring)."""

    @admin.display(description=model._meta.get_field(field).verbose_name, ordering=field)
    def column(self, obj) -> str:
        return with_zone(getattr(obj, field), _place(obj, place))

    column.__name__ = f"{field}_with_zone"
    return column


def _datetime_field(model, name):
    if not isinstance(name, str):
        return None
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - not a field (an admin method, a relation path)
        return None
    return field if isinstance(field, models.DateTimeField) else None


class ZonedTimesAdmin:
    """A ModelAdmin mixin: date-times shown with their zone (see the module's docstring)."""

    time_places: dict[str, str] = {}

    def __init__(self, model, admin_site):
        # Date-time inputs say their zone (this admin's own overrides still win).
        self.formfield_overrides = {
            models.DateTimeField: {
                "form_class": forms.SplitDateTimeField,
                "widget": ZonedSplitDateTime,
            },
            **self.formfield_overrides,
        }
        super().__init__(model, admin_site)
        for field in model._meta.concrete_fields:
            name = f"{field.name}_with_zone"
            if isinstance(field, models.DateTimeField) and not hasattr(self, name):
                column = time_column(model, field.name, place=self.time_places.get(field.name))
                setattr(self, name, MethodType(column, self))

    def _zoned(self, names, *, shown_only: set | None = None):
        result = []
        for name in names:
            field = _datetime_field(self.model, name)
            if field is not None and (
                shown_only is None or not field.editable or name in shown_only
            ):
                name = f"{field.name}_with_zone"
            result.append(name)
        return result

    def get_list_display(self, request):
        return self._zoned(super().get_list_display(request))

    def get_readonly_fields(self, request, obj=None):
        return self._zoned(super().get_readonly_fields(request, obj))

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        return self._zoned(fields, shown_only=set(self.readonly_fields))

    def get_fieldsets(self, request, obj=None):
        # The form's fields come from here (also when an admin overrides get_fields).
        # Without the change permission every field is shown as text (Django's view-only
        # page leaves them all out of the form): every date-time gets its zone.
        view_only = obj is not None and not self.has_change_permission(request, obj)
        shown_only = None if view_only else set(self.readonly_fields)
        return [
            (title, {**options, "fields": self._zoned(options["fields"], shown_only=shown_only)})
            for title, options in super().get_fieldsets(request, obj)
        ]


class ZonedDateTimeWidget(export_widgets.DateTimeWidget):
    """Exports a date-time as "2026-12-25 09:00 EST" (the server's zone) instead of a
    bare "2026-12-25 14:00:00"."""

    def render(self, value, obj=None, **kwargs) -> str:
        if not isinstance(value, datetime.datetime):
            return ""
        return with_zone(value)


class ZonedSplitDateTime(admin_widgets.AdminSplitDateTime):
    """The admin's date and time inputs followed by the zone the time is read in."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        zone = timezone.get_current_timezone()
        now = clock.now().astimezone(zone)
        return format_html(
            '{}<p class="help portal-admin-zone">{}</p>',
            html,
            gettext("Time zone: %(zone)s (%(abbreviation)s)")
            % {"zone": str(zone), "abbreviation": now.tzname()},
        )
