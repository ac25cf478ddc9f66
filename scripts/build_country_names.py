"""Add the country names django-countries does not translate to our supplement catalogues.

Usage (a maintainer's step, after a django-countries upgrade or a new language):

    python -m venv /tmp/babel && /tmp/babel/bin/pip install babel==2.18.0
    PYTHONPATH=/tmp/babel/lib/python3.11/site-packages .venv/bin/python scripts/build_country_names.py
    .venv/bin/python scripts/compile_messages.py

The sign-in page asks for the country of birth from django-countries' list, which has no
Haitian Creole, Hindi or Punjabi catalogue and leaves a few names untranslated in the
others ("Bahamas (The)", "Naoero"). Each missing name goes into
``checkin_portal/django_supplement/locale/<locale>/LC_MESSAGES/django.po`` from the Unicode
CLDR territory names shipped with Babel (Unicode License v3; Babel is needed only to run
this script, not by the portal). Entries already in a supplement file are kept, so a
reviewer's corrections survive a rebuild.

Haitian Creole has no CLDR names (Babel gives English ones): its supplement file *is* the
data (249 names written by the team, each marked with its ISO code), edited like any
catalogue (docs/translating.md). A name CLDR lacks is added with an empty translation,
which ``tests/portal/test_django_messages.py`` then reports until a translator fills it in.
"""

import os
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_portal.settings.test")

import django  # noqa: E402
import django_countries  # noqa: E402

django.setup()

from babel import Locale, UnknownLocaleError  # noqa: E402
from django.conf import settings  # noqa: E402
from django.utils.translation import to_locale  # noqa: E402
from django_countries import countries  # noqa: E402
from django_countries.data import COUNTRIES  # noqa: E402

from checkin_portal.django_supplement import LOCALE_DIR  # noqa: E402

COUNTRIES_LOCALE_DIR = Path(django_countries.__file__).resolve().parent / "locale"
# django-countries spells some locales with a country (Turkish is tr_TR).
COUNTRIES_LOCALE_ALIASES = {"tr": "tr_TR"}
CLDR_NOTE = "country name (django-countries lacks it): Unicode CLDR via Babel"
# Babel answers for these with English names (CLDR has no names of its own in them).
NO_CLDR_NAMES = {"ht"}
TO_TRANSLATE_NOTE = "country name (django-countries and CLDR lack it): to translate here"


def _countries_catalogue(locale: str) -> dict[str, str]:
    name = COUNTRIES_LOCALE_ALIASES.get(locale, locale)
    path = COUNTRIES_LOCALE_DIR / name / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return {}
    return {
        e.msgid: e.msgstr
        for e in polib.pofile(str(path))
        if e.msgstr and not e.obsolete and "fuzzy" not in e.flags
    }


def _supplement(locale: str) -> polib.POFile:
    path = LOCALE_DIR / locale / "LC_MESSAGES" / "django.po"
    if path.exists():
        return polib.pofile(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    po = polib.POFile()
    po.metadata = {
        "Project-Id-Version": "checkin-portal django supplement",
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    po.fpath = str(path)
    return po


def _name(language: str, code: str) -> str:
    """CLDR's name of ``code`` in ``language``; "" where CLDR has none (Haitian Creole)."""
    if language in NO_CLDR_NAMES:
        return ""
    try:
        return Locale.parse(to_locale(language)).territories.get(code, "")
    except (UnknownLocaleError, ValueError):
        return ""


def main() -> int:
    for language, _own_name in settings.LANGUAGES:
        if language == settings.LANGUAGE_CODE:
            continue
        locale = to_locale(language)
        known = _countries_catalogue(locale)
        po = _supplement(locale)
        have = {e.msgid for e in po}
        added = 0
        # The list shows the short common name where there is one ("Iran", not "Iran
        # (Islamic Republic of)"): both are separate messages.
        names = [*COUNTRIES.items(), *countries.COMMON_NAMES.items()]
        for code, lazy_name in names:
            msgid = lazy_name._args[0]
            if msgid in known or msgid in have:
                continue
            po.append(
                polib.POEntry(
                    msgid=msgid,
                    msgstr=(name := _name(language, code)),
                    comment=(CLDR_NOTE if name else TO_TRANSLATE_NOTE) + f" [{code}]",
                )
            )
            added += 1
        if added:
            po.save(po.fpath)
        print(f"{locale}: {added} country name(s) added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
