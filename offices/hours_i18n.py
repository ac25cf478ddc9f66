"""Published check-in hours written out in each shipped language.

``render_hours(text, language)`` reads the English text with ``offices.hours.parse_hours``
and writes it from three sources, none of them a table of ours:

* the weekday names: Django's own catalogue (``django.utils.dates.WEEKDAYS``; the
  supplement in ``checkin_portal/django_supplement`` for Haitian Creole, Hindi, Punjabi),
  the same names the booking pages print beside a date;
* the times: the language's ``TIME_FORMAT`` (Django's format module, or ours in
  ``checkin_portal/formats``), the clock of the booking times, so "15:00" on a time button
  is never "3 p.m." in the office's hours (issue 14);
* the phrases around them (``%(first)s to %(last)s``, ``1st %(weekday)s of each month``,
  ...): messages with the context ``office hours`` in the gettext catalogues, which
  translators edit like every other message (docs/translating.md).

A text that fits none of the shapes, or a language whose catalogue lacks these phrases,
gives ``""`` (the site then shows the English text). Used by
``scripts/build_offices_csv.py`` to fill the ``hours_<language>`` columns of the office
data file.
"""

from __future__ import annotations

import datetime

from django.utils import formats, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import pgettext_lazy

from .hours import Hours, HoursNotUnderstood, parse_hours

TIME_RANGE = pgettext_lazy("office hours", "%(start)s to %(end)s")
DAYS_AND_TIMES = pgettext_lazy("office hours", "%(days)s, %(times)s")
DAY_RANGE = pgettext_lazy("office hours", "%(first)s to %(last)s")
DAY_LIST = pgettext_lazy("office hours", "%(days)s and %(last)s")
DAY_LIST_SEPARATOR = pgettext_lazy("office hours", ", ")
MONTHLY = {
    1: pgettext_lazy("office hours", "1st %(weekday)s of each month"),
    2: pgettext_lazy("office hours", "2nd %(weekday)s of each month"),
    3: pgettext_lazy("office hours", "3rd %(weekday)s of each month"),
    4: pgettext_lazy("office hours", "4th %(weekday)s of each month"),
    -1: pgettext_lazy("office hours", "Last %(weekday)s of each month"),
}
# Every message above (the translation tests check each catalogue has them all).
PHRASES = [TIME_RANGE, DAYS_AND_TIMES, DAY_RANGE, DAY_LIST, DAY_LIST_SEPARATOR, *MONTHLY.values()]


def _upper_first(text: str, language: str) -> str:
    first = text[:1]
    # Turkish has a dotted capital: "ilk" -> "İlk".
    first = "\u0130" if language == "tr" and first == "i" else first.upper()
    return first + text[1:]


def _time(value: datetime.time) -> str:
    return formats.time_format(value, "TIME_FORMAT")


def _weekday(day: int) -> str:
    return str(WEEKDAYS[day])


def _days(hours: Hours) -> str:
    if hours.kind == "monthly":
        return str(MONTHLY[hours.week_of_month]) % {"weekday": _weekday(hours.days[0])}
    if hours.kind == "range":
        first, last = hours.days
        return str(DAY_RANGE) % {
            "first": _weekday(first),
            "last": _weekday(last),
        }
    names = [_weekday(day) for day in hours.days]
    if len(names) == 1:
        return names[0]
    return str(DAY_LIST) % {
        "days": str(DAY_LIST_SEPARATOR).join(names[:-1]),
        "last": names[-1],
    }


def render(hours: Hours, language: str) -> str:
    """``hours`` in ``language`` with whatever its catalogue has (English phrases where it
    has none): the weekday names and the clock are always the language's own."""
    with translation.override(language):
        when = str(TIME_RANGE) % {
            "start": _time(hours.opens),
            "end": _time(hours.closes),
        }
        if hours.kind == "times_only":
            text = when
        else:
            text = str(DAYS_AND_TIMES) % {
                "days": _days(hours),
                "times": when,
            }
        return _upper_first(text, language)


def has_phrases(language: str) -> bool:
    """Whether ``language``'s catalogue has the office-hours phrases yet (the time range
    reads differently in every language)."""
    with translation.override("en"):
        english = str(TIME_RANGE)
    with translation.override(language):
        return str(TIME_RANGE) != english


def render_hours(text: str, language: str) -> str:
    """``text`` (English hours) in ``language`` (a Django language code such as
    ``"zh-hans"``); English gives the text back as it is. ``""`` when the text fits no
    known shape or the language's catalogue has no office-hours phrases yet."""
    if language == "en":
        return text
    try:
        hours = parse_hours(text, days_optional=True)
    except HoursNotUnderstood:
        return ""
    if not has_phrases(language):
        return ""
    return render(hours, language)
