"""``long_date`` ("Friday, March 6, 2026") and ``plain_date`` ("March 6, 2026"): the one
pair of date filters every page and message uses (``checkin_portal.dates``).

A time in a place's zone, the one way (``checkin_portal.places.zones``):
``{{ moment|in_zone:office }}`` gives the moment on the office's (or court's) wall clock,
for the other filters: ``{{ moment|in_zone:court|date:"TIME_FORMAT" }}``, ``|date:"T"``
for the zone's abbreviation; ``{{ moment|with_zone:office }}`` writes it for staff,
"2026-12-25 09:00 CST"."""

from django import template

from checkin_portal import dates
from checkin_portal.places import zones

register = template.Library()

register.filter("long_date", dates.long_date, expects_localtime=True)
register.filter("plain_date", dates.plain_date, expects_localtime=True)
register.filter("in_zone", zones.in_zone)
register.filter("with_zone", zones.with_zone)
