"""Every shipped language is complete: no missing or fuzzy message, placeholders intact,
and the catalogues match the strings in the source (when GNU gettext is available)."""

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

from checkin_portal.i18n_checks import ROOT, catalogues, problems_for

TRANSLATED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _to_locale(code: str) -> str:
    from django.utils.translation import to_locale

    return to_locale(code)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_not_fuzzy(language: str):
    assert catalogues(_to_locale(language)), f"no catalogue for {language}"
    problems = [p for p in problems_for(_to_locale(language)) if p.kind in {"missing", "fuzzy"}]
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_survive_translation(language: str):
    problems = [p for p in problems_for(_to_locale(language)) if p.kind == "broken"]
    assert not problems, "\n".join(map(str, problems))


def test_catalogues_match_source_strings(tmp_path: Path):
    """Re-extract the messages into a copy of the tree and compare the msgids."""
    if not shutil.which("xgettext"):
        if os.environ.get("REQUIRE_BROWSER_TESTS") or os.environ.get("CI"):
            pytest.fail("GNU gettext (xgettext) is needed in CI to check the catalogues")
        pytest.skip("GNU gettext is not installed: cannot re-extract messages")
    copy = tmp_path / "tree"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "node_modules", "*.mo", "static"),
    )
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else "python",
            "manage.py",
            "makemessages",
            "--all",
            "--no-location",
            "--ignore=tests",
            "--ignore=var",
            # Copies of Django's own admin templates (a few accessibility corrections):
            # their words are Django's, and Django's catalogues translate them (the
            # Makefile leaves them out too).
            "--ignore=templates/admin/search_form.html",
            "--ignore=templates/admin/edit_inline/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "checkin_portal.settings.test"},
    )
    stale = []
    for language in TRANSLATED:
        for original in catalogues(_to_locale(language)):
            fresh = copy / original.relative_to(ROOT)
            want = {e.msgid for e in polib.pofile(str(fresh)) if not e.obsolete}
            have = {e.msgid for e in polib.pofile(str(original)) if not e.obsolete}
            if want - have:
                stale.append(f"{original.relative_to(ROOT)} lacks {sorted(want - have)[:5]}")
            if have - want:
                stale.append(f"{original.relative_to(ROOT)} has unused {sorted(have - want)[:5]}")
    assert not stale, "run `make makemessages` and translate:\n" + "\n".join(stale)


@pytest.mark.parametrize("language", TRANSLATED)
def test_one_message_has_one_translation_across_catalogues(language: str):
    """Django merges every app's catalogue into one per language, so the same English
    message translated two ways shows only one of them everywhere: a word for another
    sense ("state" as a US state on an offer's state), or the wrong grammatical gender
    ("Cancelled" for a hearing). Different senses get a context (pgettext); the same sense
    gets the same words."""
    seen: dict[tuple, dict[str, set[str]]] = {}
    for path in catalogues(_to_locale(language)):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgstr:
                continue
            found = seen.setdefault((entry.msgctxt, entry.msgid), {})
            found.setdefault(entry.msgstr, set()).add(str(path.relative_to(ROOT)))
    twice = {key: found for key, found in seen.items() if len(found) > 1}
    assert not twice, "\n".join(f"{key}: {found}" for key, found in twice.items())


@pytest.mark.parametrize("language", TRANSLATED)
def test_what_is_shown_is_what_our_catalogue_says(language: str):
    """No other catalogue wins over ours for a message: not another app's, and not one of
    Django's own apps (listed before ours, so theirs win), which had the waiting list's
    "Email" choice read as a postal address in Hindi and an office's "name" as a
    person's first name in Russian."""
    from django.utils import translation

    overridden = []
    with translation.override(language):
        for path in catalogues(_to_locale(language)):
            for entry in polib.pofile(str(path)):
                if entry.obsolete or not entry.msgstr or entry.msgid_plural:
                    continue
                if entry.msgctxt:
                    shown = translation.pgettext(entry.msgctxt, entry.msgid)
                else:
                    shown = translation.gettext(entry.msgid)
                if shown != entry.msgstr:
                    where = path.relative_to(ROOT)
                    overridden.append(f"{where}: {entry.msgid!r} shows {shown!r}")
    assert not overridden, "\n".join(overridden)


def test_words_of_another_sense_stay_apart():
    """The cases the test above found, as people and staff read them."""
    from django.utils import translation

    from appointments.forms import CHANNEL_CHOICES
    from appointments.models import AppointmentStatus
    from appointments.waitlist.models import Offer
    from checkin_portal.messaging.models import OutboundMessage
    from hearings.models import HearingStatus
    from offices.models import Office

    with translation.override("fr"):
        assert str(HearingStatus.CANCELLED.label) == "Annulée"  # une audience
        assert str(AppointmentStatus.CANCELLED.label) == "Annulé"  # un rendez-vous
    with translation.override("ru"):
        assert str(Offer._meta.get_field("state").verbose_name) == "состояние"
        assert str(Office._meta.get_field("state").verbose_name) == "штат"
        assert str(OutboundMessage._meta.get_field("subject").verbose_name) == "тема"
        assert str(Office._meta.get_field("name").verbose_name) == "название"
    with translation.override("hi"):
        assert str(dict(CHANNEL_CHOICES)["email"]) == "ईमेल"  # not "डाक पता" (postal address)
