"""Django's own messages that reach the portal's users, and where their missing translations live.

Django writes some text on our pages itself. Only these parts of Django can do that here:

- ``forms/``: field and formset errors ("This field is required."), the file widget's
  "Currently" / "Change" / "Clear", the label suffix;
- ``core/validators.py``: the validators behind form and model fields;
- ``db/models/fields/__init__.py`` and ``db/models/base.py``: model field errors and the
  unique / unique-together errors that a ModelForm shows;
- ``utils/dates.py`` and ``utils/dateformat.py``: month and weekday names, "a.m.", "noon";
- ``utils/text.py`` ("or", the "…" of truncation) and ``utils/timesince.py`` ("3 days").

Everything else in Django's catalogue is for the admin, auth and other contrib apps that
only staff see (or, like ``views/csrf.py``, pages the portal replaces with its own).

Django has no catalogue for Haitian Creole and incomplete ones for some languages we ship
(pa, hi, ar, fa). ``locale/<locale>/LC_MESSAGES/django.po`` in this directory holds only
the entries Django lacks for that language; settings.LOCALE_PATHS reads it before Django's
own catalogue. tests/portal/test_django_messages.py checks that every shipped language
translates every message of :func:`user_facing_messages`: after a Django upgrade, add the
new or changed messages it reports to the files here.
"""

from functools import cache
from pathlib import Path
from typing import NamedTuple

import django
import polib

LOCALE_DIR = Path(__file__).resolve().parent / "locale"

# Django's source catalogue: the only one of its catalogues whose entries keep their
# "#: forms/fields.py:95" locations (the translated ones, es included, are stripped).
DJANGO_SOURCE_CATALOGUE = (
    Path(django.__file__).resolve().parent / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po"
)

USER_FACING_DIRS = ("forms/",)
USER_FACING_MODULES = {
    "core/validators.py",
    "db/models/base.py",
    "db/models/fields/__init__.py",
    "utils/dateformat.py",
    "utils/dates.py",
    "utils/text.py",
    "utils/timesince.py",
}


class Message(NamedTuple):
    context: str | None  # msgctxt, e.g. "abbrev. month"
    msgid: str
    plural: str | None  # msgid_plural


def is_user_facing(location: str) -> bool:
    """``location`` is a path inside the django package, e.g. "forms/fields.py"."""
    return location.startswith(USER_FACING_DIRS) or location in USER_FACING_MODULES


@cache
def user_facing_messages() -> list[Message]:
    """Every message of Django's catalogue used in at least one user-facing module."""
    return [
        Message(entry.msgctxt or None, entry.msgid, entry.msgid_plural or None)
        for entry in polib.pofile(str(DJANGO_SOURCE_CATALOGUE))
        if not entry.obsolete and any(is_user_facing(path) for path, _ in entry.occurrences)
    ]
