"""Django's own user-facing messages (form errors, validators, month and weekday names…)
are translated in every shipped language, by Django's catalogue or by our supplement
(checkin_portal/django_supplement/), so no English leaks into a translated page.

The check is presence in the active catalogue chain, not "differs from the English": some
correct translations equal the English ("PM", "IPv4", ":")."""

import re
from datetime import date

import polib
import pytest
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import trans_real

from checkin_portal.django_supplement import LOCALE_DIR, user_facing_messages

TRANSLATED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# Enough counts to reach every plural form of every shipped language (Arabic has six:
# 0, 1, 2, 3-10, 11-99, 100-102).
COUNTS = range(0, 112)
GURMUKHI = re.compile("[\u0a00-\u0a7f]")


def _untranslated(language: str) -> list[str]:
    catalog = trans_real.translation(language)._catalog
    missing = []
    for message in user_facing_messages():
        key = f"{message.context}\x04{message.msgid}" if message.context else message.msgid
        if message.plural:
            try:
                ok = all(catalog.plural(key, n) for n in COUNTS)
            except KeyError:
                ok = False
        else:
            ok = bool(catalog.get(key))
        if not ok:
            missing.append(repr(key))
    return missing


def test_the_user_facing_set_covers_what_users_see():
    keys = {(m.context, m.msgid) for m in user_facing_messages()}
    assert (None, "This field is required.") in keys
    assert ("alt. month", "January") in keys
    assert (None, "noon") in keys
    assert (None, "or") in keys
    assert (None, "Forbidden") not in keys  # views/csrf.py: the portal has its own page
    assert len(keys) > 150


@pytest.mark.parametrize("language", TRANSLATED)
def test_django_user_facing_messages_are_translated(language: str):
    missing = _untranslated(language)
    assert not missing, (
        f"{len(missing)} Django message(s) not translated in {language}: add them to "
        f"checkin_portal/django_supplement/locale/ and run `make messages`:\n" + "\n".join(missing)
    )


SUPPLEMENTS = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("po_path", SUPPLEMENTS, ids=[p.parts[-3] for p in SUPPLEMENTS])
def test_supplement_is_compiled(po_path):
    """The runtime reads the .mo: a .po edited without `make messages` changes nothing."""
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run `make messages`"

    def entries(catalogue):
        return {
            (e.msgctxt, e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in catalogue
            if e.msgid and (e.msgstr or e.msgstr_plural) and "fuzzy" not in e.flags
        }

    po_entries = entries(polib.pofile(str(po_path)))
    assert po_entries, f"{po_path} is empty"
    assert entries(polib.mofile(str(mo_path))) == po_entries, (
        f"{mo_path} is stale: run `make messages`"
    )


class _SampleForm(forms.Form):
    name = forms.CharField(max_length=5)
    when = forms.DateField()
    kind = forms.ChoiceField(choices=[("a", "A")])


def _errors(language: str) -> dict[str, list[str]]:
    with translation.override(language):
        form = _SampleForm(data={"name": "too long", "when": "not a date", "kind": "z"})
        return {name: list(errors) for name, errors in form.errors.items()}


def test_haitian_creole_form_errors():
    with translation.override("ht"):
        errors = _SampleForm(data={}).errors
        assert errors["name"] == ["Chan sa a obligatwa."]
    errors = _errors("ht")
    assert errors["when"] == ["Antre yon dat ki valab."]
    assert errors["kind"] == ["Chwazi yon opsyon ki valab. z pa youn nan opsyon yo."]
    assert errors["name"] == ["Valè sa a pa dwe gen plis pase 5 karaktè (li gen 8)."]


def test_punjabi_and_hindi_form_errors_are_not_english():
    english = _errors("en")
    for language in ("pa", "hi"):
        errors = _errors(language)
        for field in ("name", "when", "kind"):
            assert errors[field] != english[field], (language, field, errors[field])
    assert GURMUKHI.search(_errors("pa")["kind"][0])


def test_dates_use_the_language_month_names():
    with translation.override("ht"):
        assert date_format(date(2027, 1, 12), "DATE_FORMAT") == "12 janvye 2027"
        assert date_format(date(2027, 7, 14), "l j F") == "mèkredi 14 jiyè"
        assert date_format(date(2027, 1, 12), "N") == "jan."
    with translation.override("pa"):
        rendered = date_format(date(2027, 1, 12), "DATE_FORMAT")
        assert "January" not in rendered
        assert GURMUKHI.search(rendered), rendered


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_country_of_birth_is_named_in_the_language(language: str):
    """The sign-in list of countries (django-countries) has no English name left: what
    django-countries lacks is in the supplement (scripts/build_country_names.py)."""
    from django_countries import countries
    from django_countries.data import COUNTRIES

    catalog = trans_real.translation(language)._catalog
    names = [*COUNTRIES.items(), *countries.COMMON_NAMES.items()]  # "Iran" and the full name
    missing = [code for code, name in names if not catalog.get(name._args[0])]
    assert not missing, f"{language}: no name for {missing}; run scripts/build_country_names.py"
