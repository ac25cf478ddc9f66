"""Staff imports are bounded (``STAFF_IMPORT_MAX_BYTES``, ``STAFF_IMPORT_MAX_ROWS``): a
file over either limit is refused with a message before any row is read, so an import
always ends well inside the web server's request timeout (making imports faster is
separate work). Used by every staff import screen: subjects (django-import-export's form)
and hearings (hearings/forms.py). Formats and export escaping: staff_formats.py.
"""

from __future__ import annotations

import csv
import io

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.forms import ImportForm


def import_limit_error(*, size: int, content: bytes | None = None) -> str:
    """The message refusing a staff import file, or "" when it is within the limits.

    ``content`` (the whole file) lets the rows be counted too; a CSV row may span lines.
    """
    max_bytes = settings.STAFF_IMPORT_MAX_BYTES
    if size > max_bytes:
        return _(
            "This file is too big (%(size)s). The most is %(max)s: split it into smaller files."
        ) % {"size": filesizeformat(size), "max": filesizeformat(max_bytes)}
    if content is None:
        return ""
    max_rows = settings.STAFF_IMPORT_MAX_ROWS
    text = content.decode("utf-8-sig", errors="replace")
    try:
        rows = sum(1 for row in csv.reader(io.StringIO(text, newline="")) if any(row)) - 1
    except csv.Error:
        return ""  # not CSV: the import itself says what is wrong with it
    if rows > max_rows:
        return ngettext(
            "This file has too many rows. The most is %(max)d row: split it into smaller files.",
            "This file has too many rows. The most is %(max)d rows: split it into smaller files.",
            max_rows,
        ) % {"max": max_rows}
    return ""


def read_import_file(upload) -> bytes:
    """The uploaded file's content, or a ValidationError saying which limit it passes
    (the size is checked before the file is read). The upload is rewound afterwards."""
    error = import_limit_error(size=upload.size)
    if not error:
        content = upload.read()
        upload.seek(0)
        error = import_limit_error(size=len(content), content=content)
    if error:
        raise forms.ValidationError(error, code="too_big")
    return content


class StaffImportForm(ImportForm):
    """django-import-export's import form, with the size and row limits."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        read_import_file(upload)
        return upload
