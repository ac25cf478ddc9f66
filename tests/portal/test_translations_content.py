"""Translated content kept as data (issue 15) is complete in every shipped language: the
FAQ (checkin_portal/content/faq.py), the office-hours phrases (offices/hours_i18n.py) and
the field-office names and instructions (scripts/office_texts_i18n.py) are messages with a
context in the gettext catalogues, checked here like the rest of the catalogues
(test_translations.py checks every entry; this one checks that none of these is absent)."""

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import to_locale

from checkin_portal.content.faq import FAQ
from checkin_portal.i18n_checks import catalogues
from offices.hours_i18n import PHRASES
from scripts.office_texts_i18n import FIELD_OFFICE_NAMES, INSTRUCTIONS

TRANSLATED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _english(message) -> str:
    with translation.override("en"):
        return str(message)


CONTENT = {
    "faq": [_english(text) for item in FAQ for text in (item.question, item.answer)],
    "office hours": [_english(message) for message in PHRASES],
    "office name": [_english(message) for message in FIELD_OFFICE_NAMES],
    "office instructions": [_english(message) for message in INSTRUCTIONS],
}


def test_the_content_has_the_expected_size():
    assert {context: len(messages) for context, messages in CONTENT.items()} == {
        "faq": 34,
        "office hours": 10,
        "office name": 25,
        "office instructions": 7,
    }


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_content_message_is_in_the_catalogues_and_translated(language: str):
    translated = {}
    for path in catalogues(to_locale(language)):
        for entry in polib.pofile(str(path)):
            if entry.msgctxt in CONTENT and not entry.obsolete and "fuzzy" not in entry.flags:
                translated[(entry.msgctxt, entry.msgid)] = entry.msgstr
    missing = [
        f"{context}: {msgid[:60]!r}"
        for context, messages in CONTENT.items()
        for msgid in messages
        if not translated.get((context, msgid))
    ]
    assert not missing, "run `make makemessages` and translate:\n" + "\n".join(missing)
