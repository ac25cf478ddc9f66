"""One pair of date filters (issue 15: ``long_date`` lived twice, meaning two things):
``long_date`` has the weekday, ``plain_date`` has not; both in the active language and,
for an aware datetime, on the local date."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from checkin_portal.dates import long_date, plain_date

DAY = datetime.date(2026, 3, 6)


@pytest.mark.parametrize(
    ("language", "with_weekday", "without"),
    [
        ("en", "Friday, March 6, 2026", "March 6, 2026"),
        ("es", "viernes, 6 de marzo de 2026", "6 de marzo de 2026"),
    ],
)
def test_dates_in_the_active_language(language, with_weekday, without):
    with translation.override(language):
        assert long_date(DAY) == with_weekday
        assert plain_date(DAY) == without
        html = Template("{% load portal_dates %}{{ d|long_date }} / {{ d|plain_date }}").render(
            Context({"d": DAY})
        )
    assert html == f"{with_weekday} / {without}"


def test_no_date_is_empty():
    assert long_date(None) == "" and plain_date(None) == ""


def test_an_aware_datetime_shows_its_local_date():
    late = datetime.datetime(2026, 3, 7, 2, 0, tzinfo=datetime.UTC)  # 9 p.m. on the 6th in New York
    assert plain_date(late) == "March 6, 2026"
