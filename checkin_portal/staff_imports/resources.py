"""``StaffResource``: the django-import-export base of every staff import.

What it adds to ``ModelResource`` (docs/adr/0015-staff-imports.md):

* **Lookups once per file.** ``before_import`` reads every key of the file and loads the
  existing records in chunks (``load_existing``); ``get_instance`` only looks in that
  dictionary. No query per row.
* **Bulk writes.** New records go in with ``bulk_create``, changed ones with one
  ``UPDATE`` of the columns they change (``rows_update``), ``Meta.batch_size`` rows at a
  time, each with its history rows (copied by ``history_copy``, in the staff member's
  name). A batch the database refuses is written again row by row to find the rows at
  fault; each gets its rule's message (the model's constraint), the others are unaffected.
* **Model checks without queries.** ``full_clean`` runs without the unique and
  constraint checks that query the database; a repeated key in the file is found in
  memory, and the database's constraints are the last word at the write (above).
* **Fields staff decide** (``create_only_fields``) are written when a record is created
  and never changed by a later file.
* **Unchanged rows** (every value as stored) are counted and not written.
* **All or nothing.** One transaction for the whole file; any row with a problem rolls
  everything back and every row's problems are listed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DataError, IntegrityError, connections, models, router, transaction
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.results import RowResult
from import_export.widgets import ManyToManyWidget
from simple_history.utils import get_history_manager_for_model

from checkin_portal import clock

LOOKUP_CHUNK = 5000


def _unnestable(connection, field) -> bool:
    """Whether ``field``'s values can travel as one array parameter (Django's own test
    for its ``UNNEST`` bulk insert on PostgreSQL)."""
    target = field.target_field if field.is_relation else field
    return (
        not hasattr(field, "get_placeholder")
        and target.get_internal_type() in connection.data_types
    )


def rows_update(model, instances: list, fields: list[str]) -> None:
    """Write ``fields`` of every instance in one ``UPDATE ... FROM unnest(...)`` per
    ``LOOKUP_CHUNK`` rows: one array parameter per column (as Django's bulk insert on
    PostgreSQL), so the statement stays short whatever the chunk (a ``VALUES`` list of
    5,000 rows has 90,000 placeholders, and the driver spent more time reading them than
    the database spent writing). Django's ``bulk_update`` builds a CASE per field and
    row: 2,000 rows took 30 s of Python. Other databases (the SQLite demo) use it."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql" or not fields:
        model._default_manager.bulk_update(instances, fields)
        return
    quote = connection.ops.quote_name
    pk = model._meta.pk
    columns = [pk, *(model._meta.get_field(name) for name in fields)]
    names = ", ".join(quote(field.column) for field in columns)
    assignments = ", ".join(f"{quote(c.column)} = v.{quote(c.column)}" for c in columns[1:])
    table, key = quote(model._meta.db_table), quote(pk.column)
    unnest = all(_unnestable(connection, field) for field in columns)
    if unnest:
        # No length in the array's type (varchar[], not varchar(20)[]): nothing is cut.
        arrays = ", ".join(f"%s::{field.db_type(connection).split('(')[0]}[]" for field in columns)
        source = f"unnest({arrays})"
    row = "(" + ", ".join(f"%s::{field.db_type(connection)}" for field in columns) + ")"
    for start in range(0, len(instances), LOOKUP_CHUNK):
        chunk = instances[start : start + LOOKUP_CHUNK]
        if unnest:
            params = [
                [field.get_db_prep_save(getattr(i, field.attname), connection) for i in chunk]
                for field in columns
            ]
        else:
            source = f"(VALUES {', '.join([row] * len(chunk))})"
            params = [
                field.get_db_prep_save(getattr(instance, field.attname), connection)
                for instance in chunk
                for field in columns
            ]
        sql = (
            f"UPDATE {table} AS t SET {assignments} "  # noqa: S608 - names quoted, values parameters
            f"FROM {source} AS v({names}) "
            f"WHERE t.{key} = v.{key}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


_HISTORY_COLUMNS = {"history_date", "history_type", "history_user_id", "history_change_reason"}


def history_copy(model, instances: list, *, history_type: str, user) -> None:
    """One history row per instance, copied from the rows just written by one
    ``INSERT ... SELECT`` per chunk (django-simple-history's ``bulk_history_create``
    builds a model instance per row). Other databases, or a history table with columns
    this does not know, use ``bulk_history_create``."""
    manager = get_history_manager_for_model(model)
    history = manager.model
    connection = connections[router.db_for_write(model)]
    source = {field.column for field in model._meta.concrete_fields}
    columns = [f.column for f in history._meta.concrete_fields if f.column != "history_id"]
    if connection.vendor != "postgresql" or not set(columns) <= source | _HISTORY_COLUMNS:
        manager.bulk_history_create(
            instances, update=history_type == "~", default_user=user, default_date=clock.now()
        )
        return
    quote = connection.ops.quote_name
    values = {
        "history_date": "%s",
        "history_type": "%s",
        "history_user_id": "%s",
        "history_change_reason": "NULL",
    }
    selected = ", ".join(values.get(column, f"t.{quote(column)}") for column in columns)
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(map(quote, columns))}) "  # noqa: S608 - names quoted, values parameters
        f"SELECT {selected} FROM {quote(model._meta.db_table)} AS t "
        f"WHERE t.{quote(model._meta.pk.column)} = ANY(%s) ORDER BY t.{quote(model._meta.pk.column)}"
    )
    params_head = [
        value
        for column in columns
        for value in {
            "history_date": [clock.now()],
            "history_type": [history_type],
            "history_user_id": [getattr(user, "pk", None)],
        }.get(column, [])
    ]
    for start in range(0, len(instances), LOOKUP_CHUNK):
        ids = [instance.pk for instance in instances[start : start + LOOKUP_CHUNK]]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params_head, ids])


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (not CSV, columns missing or unknown)."""


class StaffResource(resources.ModelResource):
    # Model fields a file sets when it creates a record and never changes afterwards.
    create_only_fields: tuple[str, ...] = ()
    # Columns a file must have (``check_file``); the other declared columns may be absent.
    required_columns: frozenset[str] = frozenset()
    # Refuse columns the resource does not know (a typo would otherwise be ignored).
    refuse_unknown_columns = False
    progress_every = 1000

    class Meta:
        use_bulk = True
        batch_size = 1000
        skip_diff = True
        skip_unchanged = True
        report_skipped = False
        clean_model_instances = True
        use_transactions = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.existing: dict[Hashable, models.Model] = {}
        self.first_row: dict[Hashable, int] = {}
        self.before: dict[int, dict] = {}
        # The names (attname, or a relation's name) whose values a changed row changes.
        self.changed: dict[int, set[str]] = {}
        self.row_numbers: dict[int, int] = {}
        self.user = None
        self.progress: Callable[[int], None] | None = None
        self.bad_lengths: dict[int, int] = {}
        self._choice_sets: dict[str, set] | None = None
        self._import_fields = None
        self.lines: list[int] | None = None
        self.labels: dict[str, list[str]] = {}
        self.width = 0

    # --- the file as a whole ------------------------------------------------------------

    def get_import_fields(self):
        # Asked for every row by django-import-export; the answer never changes.
        if self._import_fields is None:
            self._import_fields = super().get_import_fields()
        return self._import_fields

    def known_columns(self) -> set[str]:
        return {field.column_name for field in self.get_import_fields()}

    def check_file(self, dataset) -> None:
        """Raise ``ImportFileError`` when the file cannot be imported at all."""
        headers = {str(name or "").strip() for name in dataset.headers or []}
        missing = sorted(self.required_columns - headers)
        if missing:
            raise ImportFileError(
                _("Missing column(s): %(columns)s.") % {"columns": ", ".join(missing)}
            )
        unknown = sorted(headers - self.known_columns() - {""})
        if self.refuse_unknown_columns and unknown:
            raise ImportFileError(
                _("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)}
            )

    def import_data(self, dataset, **kwargs):
        # One bad row rolls back every row, validation errors included.
        kwargs["rollback_on_validation_errors"] = True
        kwargs["use_transactions"] = True
        self.progress = kwargs.pop("progress", None)
        return super().import_data(dataset, **kwargs)

    def before_import(self, dataset, **kwargs):
        self.user = kwargs.get("user")
        if self.user is not None and not getattr(self.user, "pk", None):
            self.user = None
        self.first_row, self.before, self.row_numbers, self.changed = {}, {}, {}, {}
        self.labels: dict[str, list[str]] = {}
        self.bad_lengths = getattr(dataset, "bad_lengths", {})
        self.lines = getattr(dataset, "lines", None)
        self.width = len(dataset.headers or [])
        rows = [dict(zip(dataset.headers, values, strict=False)) for values in dataset]
        self.existing = self.load_existing(rows)

    def before_import_row(self, row, **kwargs):
        found = self.bad_lengths.get(kwargs.get("row_number", 0))
        if found is not None:
            raise ValidationError(
                _("This row has %(found)d values; the header has %(expected)d columns.")
                % {"found": found, "expected": self.width}
            )
        self.clean_row(row)

    def clean_row(self, row: dict) -> None:
        """Normalise the row's text in place (before any lookup); raise ValidationError
        for a row that cannot be read."""

    # --- finding the record of a row ----------------------------------------------------

    def key_of(self, row: dict) -> Hashable:
        """The row's key, as ``load_existing`` indexes records (default: the import id
        fields, as text)."""
        return tuple(
            str(row.get(self.fields[name].column_name) or "").strip()
            for name in self.get_import_id_fields()
        )

    def record_key(self, instance) -> Hashable:
        return tuple(
            str(getattr(instance, self.fields[name].attribute) or "")
            for name in self.get_import_id_fields()
        )

    def load_existing(self, rows: list[dict]) -> dict[Hashable, models.Model]:
        """The records the file's rows name, by key: one query per ``LOOKUP_CHUNK`` keys."""
        [name] = self.get_import_id_fields()
        attribute = self.fields[name].attribute
        keys = sorted({key[0] for key in map(self.key_of, rows) if key[0]})
        found = {}
        for start in range(0, len(keys), LOOKUP_CHUNK):
            chunk = keys[start : start + LOOKUP_CHUNK]
            for instance in self.get_queryset().filter(**{f"{attribute}__in": chunk}):
                found[self.record_key(instance)] = instance
        return found

    def get_instance(self, instance_loader, row):
        return self.existing.get(self.key_of(row))

    def after_init_instance(self, instance, new, row, **kwargs):
        number = kwargs.get("row_number", 0)
        self.row_numbers[id(instance)] = number
        key = self.key_of(row)
        if key in self.first_row:
            raise ValidationError(self.repeated_message(self.first_row[key], number))
        self.first_row[key] = number
        if not new:
            self.before[id(instance)] = self.snapshot(instance)

    def line_of(self, number: int) -> int:
        """The line in the file of data row ``number`` (the header is line 1)."""
        if self.lines and 0 < number <= len(self.lines):
            return self.lines[number - 1]
        return number + 1

    def repeated_message(self, first: int, number: int) -> str:
        return _("This row repeats row %(row)s of this file.") % {"row": first}

    # --- values -------------------------------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        """django-import-export's, with one call per column instead of three (a plain
        attribute is set directly; a 100,000-row file spent a quarter of its time there)."""
        errors = {}
        for field in self.get_import_fields():
            name = field.attribute
            if not name or field.column_name not in row:
                continue
            try:
                if "__" in name or field.readonly or isinstance(field.widget, ManyToManyWidget):
                    self.import_field(field, instance, row, **kwargs)
                    continue
                if name in self.create_only_fields and not instance._state.adding:
                    continue  # staff's decision once the record exists
                value = field.clean(row, **kwargs)
            except ValueError as error:
                errors[name] = ValidationError(force_str(error), code="invalid")
                continue
            if value is not None or field.saves_null_values:
                setattr(instance, name, value)
        if errors:
            raise ValidationError(errors)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute in self.create_only_fields and not instance._state.adding:
            return  # staff's decision once the record exists
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def compared_fields(self) -> list[str]:
        return [
            field.attname
            for field in self._meta.model._meta.concrete_fields
            if not field.primary_key and not getattr(field, "auto_now", False)
        ]

    def snapshot(self, instance) -> dict:
        # The stored values as the instance holds them: a descriptor (a country) would
        # build an object per read (a fifth of a 100,000-row update's time).
        held = instance.__dict__
        values = {
            name: held[name] if name in held else getattr(instance, name)
            for name in self.compared_fields()
        }
        for field in self._meta.model._meta.concrete_fields:
            # A related record new in this file has no id yet: it is a change all the same.
            if field.is_relation and field.is_cached(instance):
                related = getattr(instance, field.name)
                if related is not None and related.pk is None:
                    values[field.name] = id(related)
        return values

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or instance._state.adding:
            return False
        before, after = self.before.get(id(instance)), self.snapshot(instance)
        if before == after:
            return True
        if before is not None:
            missing = object()
            self.changed[id(instance)] = {
                name
                for name in before.keys() | after.keys()
                if before.get(name, missing) != after.get(name, missing)
            }
        return False

    def choice_sets(self) -> dict[str, set]:
        """Each field with choices and its allowed values, worked out once per resource:
        Django rebuilds the list on every check (250 translated countries a row)."""
        if self._choice_sets is None:
            self._choice_sets = {
                field.name: {str(value) for value, _label in field.flatchoices}
                for field in self._meta.model._meta.concrete_fields
                if field.choices
            }
        return self._choice_sets

    def unchanged_fields(self, instance) -> set[str]:
        """The fields of a stored record that the row leaves as they are: not checked
        again (the database's constraints still hold them; the model's ``clean`` runs)."""
        before = None if instance._state.adding else self.before.get(id(instance))
        if not before:
            return set()
        held = instance.__dict__
        return {
            field.name
            for field in self._meta.model._meta.concrete_fields
            if field.attname in before
            and field.attname in held
            and held[field.attname] == before[field.attname]
        }

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        choices = self.choice_sets()
        # Related records the resource set from its lookups exist: no query to check.
        known = [
            field.name
            for field in self._meta.model._meta.concrete_fields
            if field.is_relation and field.is_cached(instance)
        ]
        unchanged = self.unchanged_fields(instance)
        try:
            # Unique fields and constraints are the database's to check, once per batch;
            # choices are checked below against the sets above.
            instance.full_clean(
                exclude=[*errors, *choices, *known, *unchanged],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, allowed in choices.items():
            field = self._meta.model._meta.get_field(name)
            value = getattr(instance, field.attname)
            text = "" if value is None else str(value)
            if name in errors or name in unchanged or text in allowed:
                continue
            if text in field.empty_values and field.blank:
                continue
            message = field.error_messages["invalid_choice" if text else "blank"]
            errors[name] = [ValidationError(message, params={"value": text})]
        if errors:
            raise ValidationError(errors)

    # --- writing ------------------------------------------------------------------------

    def update_fields(self) -> list[str]:
        """Model fields a changed row writes: the imported ones, less the keys and the
        fields staff decide, plus ``updated_at`` when the model keeps one."""
        model_fields = {field.name for field in self._meta.model._meta.concrete_fields}
        names = [
            field.attribute
            for field in self.get_import_fields()
            if field.attribute in model_fields
            and field.attribute not in self.get_import_id_fields()
            and field.attribute not in self.create_only_fields
        ]
        if "updated_at" in model_fields:
            names.append("updated_at")
        return list(dict.fromkeys(names))

    def changed_fields(self, instances: list) -> list[str]:
        """The update fields that any of ``instances`` changes (``updated_at`` always):
        a column no row changes is not written, so the statement is smaller and a row
        whose indexed columns keep their values can be updated in place (a HOT update:
        no new index entries)."""
        fields = self.update_fields()
        found: set[str] = set()
        for instance in instances:
            names = self.changed.get(id(instance))
            if names is None:
                return fields  # not compared: write every field
            found |= names
        meta = self._meta.model._meta
        return [
            name
            for name in fields
            if name == "updated_at" or name in found or meta.get_field(name).attname in found
        ]

    def create_groups(self, instances: list) -> list[list]:
        """Batches in the order they must be inserted (offices: parents first)."""
        return [instances]

    def _insert(self, instances: list) -> None:
        model = self._meta.model
        for group in self.create_groups(instances):
            if group:
                model._default_manager.bulk_create(group)
                history_copy(model, group, history_type="+", user=self.user)

    def _update(self, instances: list) -> None:
        now = clock.now()
        for instance in instances:
            if hasattr(instance, "updated_at"):
                instance.updated_at = now
        model = self._meta.model
        fields = self.changed_fields(instances)
        for instance in instances:
            # A parent created earlier in this file has its id only now.
            instance._prepare_related_fields_for_save(operation_name="bulk_update")
        rows_update(model, instances, fields)
        history_copy(model, instances, history_type="~", user=self.user)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._write(self.create_instances, self._insert, using_transactions, dry_run, result)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._write(self.update_instances, self._update, using_transactions, dry_run, result)

    def _write(self, pending: list, write, using_transactions, dry_run, result) -> None:
        instances = list(pending)
        pending.clear()
        if not instances or (dry_run and not using_transactions):
            return
        try:
            with transaction.atomic():
                write(instances)
        except (IntegrityError, DataError):
            self._find_refused(instances, write, result)

    def _find_refused(self, instances: list, write, result) -> None:
        """A refused batch, written again one row at a time (in savepoints) to name the
        rows at fault; only when a file breaks a rule the checks above did not see."""
        for instance in instances:
            if instance._state.adding:
                instance.pk = None
            try:
                with transaction.atomic():
                    write([instance])
            except (IntegrityError, DataError) as error:
                if instance._state.adding:
                    instance.pk = None
                number = self.row_numbers.get(id(instance), 0)
                refused = self.refusal(instance, error)
                if result is not None:
                    kind = (
                        RowResult.IMPORT_TYPE_NEW
                        if instance._state.adding
                        else RowResult.IMPORT_TYPE_UPDATE
                    )
                    result.totals[kind] -= 1
                    result.totals[RowResult.IMPORT_TYPE_INVALID] += 1
                    result.append_invalid_row(number, {}, refused)

    def refusal(self, instance, error: Exception) -> ValidationError:
        """The model's own message for the rule a refused row breaks."""
        try:
            with transaction.atomic():
                instance.validate_constraints()
                instance.validate_unique()
        except ValidationError as found:
            return found
        except (IntegrityError, DataError):
            pass
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return ValidationError(
            {
                NON_FIELD_ERRORS: [
                    _("This row breaks a rule of the database: %(error)s") % {"error": first_line}
                ]
            }
        )

    # --- progress -----------------------------------------------------------------------

    def label_of(self, row) -> str:
        """How a report names the row's record (default: its first key column)."""
        names = self.get_import_id_fields()
        return str(row.get(self.fields[names[0]].column_name) or "") if names else ""

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        self.labels.setdefault(row_result.import_type, []).append(self.label_of(row))
        number = kwargs.get("row_number", 0)
        if self.progress is not None and number % self.progress_every == 0:
            self.progress(number)
        return row_result
