"""``long_date`` ("Friday, March 6, 2026") and ``plain_date`` ("March 6, 2026"): the one
pair of date filters every page and message uses (``checkin_portal.dates``)."""

from django import template

from checkin_portal import dates

register = template.Library()

register.filter("long_date", dates.long_date, expects_localtime=True)
register.filter("plain_date", dates.plain_date, expects_localtime=True)
