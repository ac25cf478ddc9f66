"""Soonest times in office results. The results template belongs to offices, which
imports no app above it (docs/adr/0013-wiring.md): it asks appointments through this tag."""

import datetime

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from ..presentation import LocalTime
from ..selectors import SoonestTimes, offices_with_soonest, soonest_times

register = template.Library()


@register.simple_tag
def office_soonest_times(search) -> SoonestTimes:
    """The soonest time of each office ``search`` found, and an office further away with
    much sooner times (one query; none when nothing was found)."""
    return soonest_times(search=search)


@register.simple_tag
def office_soonest_start(office) -> datetime.datetime | None:
    """The soonest bookable start at one office (the one chosen in the finder), or None.
    One query."""
    found = offices_with_soonest(office_ids=[office.pk]).values_list("soonest_starts_at", flat=True)
    return next(iter(found), None)


@register.simple_tag
def office_soonest_when(starts_at: datetime.datetime, office) -> SafeString:
    """``starts_at`` (aware) rendered by appointments/_when.html in the office's zone (which
    keeps what it renders: the same few soonest times are shown to everyone nearby)."""
    html = get_template("appointments/_when.html").render(
        {"local": LocalTime.at(starts_at, office)}
    )
    return mark_safe(html.strip())  # noqa: S308 - rendered by our own autoescaping template
