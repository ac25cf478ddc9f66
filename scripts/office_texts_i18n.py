"""The office data file's texts that are not hours (those: ``offices/hours_i18n.py``):
field-office names and the "Special Instructions" of the reference list, in English only.

Each is a message in the gettext catalogues (contexts ``office name`` and ``office
instructions``), translated like every other message (docs/translating.md);
``scripts/build_offices_csv.py`` writes the translations into the ``name_<language>`` and
``instructions_<language>`` columns of ``offices/data/offices.csv``. A name or instruction
the reference list gains later is added here, then ``make makemessages``, translate,
rebuild the file and ``manage.py import_offices``.

Translators: city names stay as written in English (the signs a visitor will look for);
"field office" and "check in" as the site's catalogue says them; "1st floor" (American:
the street-level floor) is the ground floor where a language counts floors from the one
above it.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

FIELD_OFFICE_NAMES: list[Promise] = [
    pgettext_lazy("office name", "Atlanta Field Office"),
    pgettext_lazy("office name", "Baltimore Field Office"),
    pgettext_lazy("office name", "Boston Field Office"),
    pgettext_lazy("office name", "Buffalo Field Office"),
    pgettext_lazy("office name", "Chicago Field Office"),
    pgettext_lazy("office name", "Dallas Field Office"),
    pgettext_lazy("office name", "Denver Field Office"),
    pgettext_lazy("office name", "Detroit Field Office"),
    pgettext_lazy("office name", "El Paso Field Office"),
    pgettext_lazy("office name", "Harlingen Field Office"),
    pgettext_lazy("office name", "Houston Field Office"),
    pgettext_lazy("office name", "Los Angeles Field Office"),
    pgettext_lazy("office name", "Miami Field Office"),
    pgettext_lazy("office name", "New Orleans Field Office"),
    pgettext_lazy("office name", "New York City Field Office"),
    pgettext_lazy("office name", "Newark Field Office"),
    pgettext_lazy("office name", "Philadelphia Field Office"),
    pgettext_lazy("office name", "Phoenix Field Office"),
    pgettext_lazy("office name", "Salt Lake City Field Office"),
    pgettext_lazy("office name", "San Antonio Field Office"),
    pgettext_lazy("office name", "San Diego Field Office"),
    pgettext_lazy("office name", "San Francisco Field Office"),
    pgettext_lazy("office name", "Seattle Field Office"),
    pgettext_lazy("office name", "St. Paul Field Office"),
    pgettext_lazy("office name", "Washington Field Office"),
]

INSTRUCTIONS: list[Promise] = [
    pgettext_lazy("office instructions", "Send A-files here"),
    pgettext_lazy("office instructions", "Check in via main entrance."),
    pgettext_lazy(
        "office instructions",
        "Non-Detained Office is located on the 1st floor, to the right of the security desk.",
    ),
    pgettext_lazy("office instructions", "Non-Detained Office is located on the 1st floor."),
    pgettext_lazy(
        "office instructions", "The Check-In Window is in the USCIS Lobby (Main Entrance)"
    ),
    pgettext_lazy("office instructions", "Check-in at ERO Main Reception/Bond Suite 1601."),
    pgettext_lazy(
        "office instructions",
        "All non-detained cases for Virginia and the District of Columbia report to Fairfax",
    ),
]


def by_english(messages: list[Promise]) -> dict[str, Promise]:
    """English text -> its message, to look up what the reference list says."""
    with translation.override("en"):
        return {str(message): message for message in messages}
