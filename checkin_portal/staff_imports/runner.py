"""Running a staff import outside the admin's two steps: the management commands, the
background task and the benchmark all come here, so they share one set of rules."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _

from .resources import ImportFileError, StaffResource


@dataclass
class Outcome:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # (line, message) for every problem (line 0: the file as a whole); when there is
    # any, nothing was saved.
    errors: list[tuple[int, str]] = field(default_factory=list)
    saved: bool = False
    # The records each kind of row names (created: "new", updated: "update", unchanged:
    # "skip"), as the resource labels them (a code), for reports that list them.
    labels: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len({line for line, _message in self.errors})} with problems"
        )


def decode(content: bytes | str) -> str:
    """UTF-8 text (a byte-order mark is dropped), or ``ImportFileError``."""
    if isinstance(content, str):
        return content.lstrip("\ufeff")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
        ) from error


def read_dataset(content: bytes | str) -> tablib.Dataset:
    """A CSV file as a dataset (header first, blank lines dropped), or ``ImportFileError``.

    The dataset also carries ``lines`` (each row's line in the file, for messages) and
    ``bad_lengths`` (row number -> values found, for a row whose length is not the
    header's; the resource reports it as that row's problem)."""
    text = decode(content)
    if "\x00" in text:
        raise ImportFileError(_("This is not a CSV file."))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if not header or not any(header):
            raise ImportFileError(_("The file is empty."))
        header = [name.strip() for name in header]
        dataset = tablib.Dataset(headers=header)
        dataset.lines, dataset.bad_lengths = [], {}
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            dataset.lines.append(reader.line_num)
            if len(values) != len(header):
                dataset.bad_lengths[len(dataset.lines)] = len(values)
                values = (values + [""] * len(header))[: len(header)]
            dataset.append([value.strip() for value in values])
    except csv.Error as error:
        raise ImportFileError(
            _("Line %(line)d cannot be read as CSV.") % {"line": reader.line_num}
        ) from error
    if not len(dataset):
        raise ImportFileError(_("The file has a header but no rows."))
    return dataset


def _messages(error) -> list[str]:
    if not hasattr(error, "error_dict"):
        return [str(message) for message in error.messages]
    result = []
    for name, messages in error.message_dict.items():
        prefix = "" if name == NON_FIELD_ERRORS else f"{name}: "
        result.extend(f"{prefix}{message}" for message in messages)
    return result


def result_errors(result, lines: list[int] | None = None) -> list[tuple[int, str]]:
    """Every problem of an import-export ``Result`` as (line, message): the row's line in
    the file (``lines``; else its number + 1, the header being line 1), 0 for the file
    as a whole."""

    def line(number: int) -> int:
        if lines and 0 < number <= len(lines):
            return lines[number - 1]
        return number + 1

    errors = [(0, str(error.error)) for error in result.base_errors]
    for number, row_errors in result.row_errors():
        errors.extend((line(number), str(error.error)) for error in row_errors)
    for row in result.invalid_rows:
        errors.extend((line(row.number), message) for message in _messages(row.error))
    return sorted(errors, key=lambda item: item[0])


def run_import(
    resource: StaffResource,
    content: bytes | str | tablib.Dataset,
    *,
    dry_run: bool = False,
    user=None,
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    """Import a whole file, all or nothing. Raises ``ImportFileError`` when the file as
    a whole cannot be used."""
    dataset = content if isinstance(content, tablib.Dataset) else read_dataset(content)
    resource.check_file(dataset)
    result = resource.import_data(dataset, dry_run=dry_run, user=user, progress=progress)
    totals = result.totals
    outcome = Outcome(
        total=len(dataset),
        created=totals["new"],
        updated=totals["update"],
        unchanged=totals["skip"],
        errors=result_errors(result, getattr(dataset, "lines", None)),
        labels=resource.labels,
    )
    outcome.saved = outcome.ok and not dry_run
    return outcome
