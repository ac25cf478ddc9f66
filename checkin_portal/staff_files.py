"""Staff imports are bounded (``STAFF_IMPORT_MAX_BYTES``, ``STAFF_IMPORT_MAX_ROWS``): a
file over either limit is refused with a message before any row is read. A file of more
than ``STAFF_IMPORT_SYNC_MAX_ROWS`` rows is imported in the background (an ImportJob,
checkin_portal/staff_imports), so each step on the screen ends well inside the web
server's request timeout. Used by the one staff import screen (``StaffImportForm``,
django-import-export's form). Formats and export escaping: staff_formats.py.
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
    """django-import-export's import form, with the size and row limits; it also reads
    the file once and checks its columns against the chosen resource, and says whether
    the file is big enough to go to the background (``background``)."""

    def __init__(self, formats, resources, **kwargs):
        self.resource_classes = list(resources)
        self.background = False
        self.text = ""
        self.rows = 0
        super().__init__(formats, resources, **kwargs)

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        self.content = read_import_file(upload)
        return upload

    def clean(self):
        from checkin_portal.staff_imports.resources import ImportFileError
        from checkin_portal.staff_imports.runner import decode, read_dataset

        cleaned = super().clean()
        if "import_file" not in cleaned or self.errors:
            return cleaned
        try:
            chosen = self.resource_classes[int(cleaned.get("resource") or 0)]
            dataset = read_dataset(self.content)
            chosen().check_file(dataset)
        except (ImportFileError, ValueError, IndexError) as error:
            self.add_error("import_file", str(error))
            return cleaned
        self.text = decode(self.content)
        self.rows = len(dataset)
        self.background = self.rows > settings.STAFF_IMPORT_SYNC_MAX_ROWS
        return cleaned
