"""Reading and checking a staff CSV file of hearings.

One hearing a row; the header names the columns (any order, any case):

    subject_id,a_number,court,date,time,type,format,judge,status

* ``subject_id`` or ``a_number`` (or both, then they must name the same person), written
  any way (spaces, dashes, "A" prefix, 8-digit A-numbers are fine);
* ``court``: the court's code (e.g. ``honolulu``) or its exact name;
* ``date`` (2026-03-09 or 03/09/2026) and ``time`` (09:00, 14:30, 9:00 AM) on the court's
  own clock: the court's time zone turns them into one exact moment;
* ``type``: master_calendar, individual or other; ``format``: in_person, video or phone
  (the English names, e.g. "Master calendar" or "In person", work too);
* ``judge``: optional; ``status``: scheduled (default), rescheduled, cancelled, completed.

This module only reads and checks the text of each row; ``services.hearings_import``
looks people and courts up and saves, all or nothing.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from subjects.normalise import (
    is_valid_a_number,
    is_valid_subject_id,
    normalise_a_number,
    normalise_subject_id,
)

from .models import HearingFormat, HearingStatus, HearingType

MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024
MAX_JUDGE_LENGTH = 200
KNOWN_COLUMNS = {
    "subject_id",
    "a_number",
    "court",
    "date",
    "time",
    "type",
    "format",
    "judge",
    "status",
}
REQUIRED_COLUMNS = {"court", "date", "time", "type", "format"}


def _key(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


def _choices(enum, extra: dict[str, str]) -> dict[str, str]:
    mapping = {_key(value): value for value in enum.values}
    mapping.update({_key(str(label)): value for value, label in enum.choices})
    mapping.update(extra)
    return mapping


TYPES = _choices(HearingType, {"master": HearingType.MASTER_CALENDAR})
FORMATS = _choices(
    HearingFormat,
    {"telephone": HearingFormat.PHONE, "in_court": HearingFormat.IN_PERSON},
)
STATUSES = _choices(HearingStatus, {"canceled": HearingStatus.CANCELLED})


class HearingDataError(Exception):
    """The file as a whole cannot be used (not text, no header, too big, columns missing)."""


@dataclass
class HearingRow:
    line: int
    subject_id: str = ""
    a_number: str = ""
    court: str = ""
    date: datetime.date | None = None
    time: datetime.time | None = None
    hearing_type: str = ""
    hearing_format: str = ""
    judge: str = ""
    status: str = HearingStatus.SCHEDULED
    errors: list[str] = field(default_factory=list)


def _parse_date(text: str) -> datetime.date | None:
    for pattern in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            # A calendar date only: the zone is the court's, applied later.
            return datetime.datetime.strptime(text, pattern).replace(tzinfo=datetime.UTC).date()
        except ValueError:
            continue
    return None


def _parse_time(text: str) -> datetime.time | None:
    compact = text.lower().replace(".", "").replace(" ", "")
    for pattern in ("%H:%M", "%I:%M%p", "%I%p"):
        try:
            # A wall-clock time only: the zone is the court's, applied later.
            return datetime.datetime.strptime(compact, pattern).replace(tzinfo=datetime.UTC).time()
        except ValueError:
            continue
    return None


def _check_row(line: int, data: dict[str, str]) -> HearingRow:  # noqa: C901 - importer, rewritten as data rules by issue 15 point 2
    row = HearingRow(line=line)
    errors = row.errors

    raw_id, raw_a = data.get("subject_id", ""), data.get("a_number", "")
    if not raw_id and not raw_a:
        errors.append(_("Give a Subject ID or an A-number."))
    if raw_id:
        row.subject_id = normalise_subject_id(raw_id)
        if not is_valid_subject_id(row.subject_id):
            errors.append(_("The Subject ID must be 4 to 20 letters and digits."))
    if raw_a:
        row.a_number = normalise_a_number(raw_a)
        if not is_valid_a_number(row.a_number):
            errors.append(_("The A-number must be 8 or 9 digits."))

    row.court = data.get("court", "")
    if not row.court:
        errors.append(_("Give the court's code or name."))

    raw_date, raw_time = data.get("date", ""), data.get("time", "")
    row.date = _parse_date(raw_date)
    if row.date is None:
        errors.append(_("Give the date as 2026-03-09 or 03/09/2026."))
    row.time = _parse_time(raw_time)
    if row.time is None:
        errors.append(_("Give the time as 09:00, 14:30 or 9:00 AM."))

    row.hearing_type = TYPES.get(_key(data.get("type", "")), "")
    if not row.hearing_type:
        errors.append(_("Give the type: master_calendar, individual or other."))
    row.hearing_format = FORMATS.get(_key(data.get("format", "")), "")
    if not row.hearing_format:
        errors.append(_("Give the format: in_person, video or phone."))

    row.judge = " ".join(data.get("judge", "").split())
    if len(row.judge) > MAX_JUDGE_LENGTH:
        errors.append(_("The judge's name is too long (200 characters at most)."))

    raw_status = data.get("status", "")
    if raw_status:
        row.status = STATUSES.get(_key(raw_status), "")
        if not row.status:
            errors.append(_("The status must be scheduled, rescheduled, cancelled or completed."))
    return row


def decode_upload(content: bytes) -> str:
    """UTF-8 text (with or without a byte-order mark), or HearingDataError."""
    if len(content) > MAX_BYTES:
        raise HearingDataError(_("The file is too big (2 MB at most)."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HearingDataError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
        ) from error


def read_hearing_rows(text: str) -> list[HearingRow]:  # noqa: C901 - importer, rewritten by issue 15 point 2
    """Every data row, checked on its own (line numbers count the header as line 1)."""
    if "\x00" in text:
        raise HearingDataError(_("This is not a CSV file."))
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader, None)
        if not header:
            raise HearingDataError(_("The file is empty."))
        columns = [_key(name) for name in header]
        missing = REQUIRED_COLUMNS - set(columns)
        if missing or not {"subject_id", "a_number"} & set(columns):
            if not {"subject_id", "a_number"} & set(columns):
                missing |= {"subject_id or a_number"}
            raise HearingDataError(
                _("Missing column(s): %(columns)s.") % {"columns": ", ".join(sorted(missing))}
            )
        unknown = sorted(set(columns) - KNOWN_COLUMNS - {""})
        if unknown:
            raise HearingDataError(
                _("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)}
            )
        rows = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise HearingDataError(
                    _("The file has more than %(max)d hearings. Split it into smaller files.")
                    % {"max": MAX_ROWS}
                )
            line = reader.line_num
            if len(values) != len(columns):
                row = HearingRow(line=line)
                row.errors.append(
                    _("This row has %(found)d values; the header has %(expected)d columns.")
                    % {"found": len(values), "expected": len(columns)}
                )
                rows.append(row)
                continue
            data = {column: value.strip() for column, value in zip(columns, values, strict=True)}
            rows.append(_check_row(line, data))
    except csv.Error as error:
        raise HearingDataError(
            _("Line %(line)d cannot be read as CSV.") % {"line": reader.line_num}
        ) from error
    if not rows:
        raise HearingDataError(_("The file has a header but no hearings."))
    return rows
