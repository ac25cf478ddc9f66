"""Hot read queries compiled to SQL once per process (issue 17).

On the booking path PostgreSQL answers each small indexed query in 0.01-0.2 ms, while
building and compiling its queryset costs the web process 0.3-1.5 ms of CPU
(bench/profile_flow.py, docs/adr/0017). ``Prepared`` keeps the ORM queryset as the one
definition of a query: it builds the queryset once with stand-in values, compiles it,
notes where each stand-in went among the parameters, and from then on runs that SQL
with the real values.

Rules for a query made ``Prepared``:
- every argument is a stand-in the query passes to the database as a parameter; a value
  that would change the SQL itself (None, an empty list) must not be passed: check
  before calling, as the callers do;
- a list argument (``lists=``) is compiled once per length, and a ``variant`` (what the
  ORM writes into the SQL itself, such as a slice's LIMIT and OFFSET) once per value:
  ``build`` then takes it as its first argument; at most ``MAX_VARIANTS`` are kept;
- the SQL is compiled again per database and per active language (translated columns);
- PostgreSQL only (production, tests): other databases adapt parameters while compiling
  (SQLite turns a datetime into text), so there, as in the SQLite demo, the queryset simply
  runs as the ORM builds it.

A constant that PostgreSQL must know to plan a prepared statement well is written into
its SQL with ``WrittenIn`` instead of being sent as a parameter (see there).

A conditional write is prepared the same way: ``Prepared(build, args=..., changes={...})``
compiles ``build(...).update(**changes)`` once (the changes are the same on every call,
such as ``F("booked") + 1``) and ``update(**values)`` runs it and returns the rows changed.
"""

from __future__ import annotations

import datetime
import itertools
import re
import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connections, transaction
from django.db.models import BooleanField, Expression, F, QuerySet, sql
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators
from django.utils.translation import get_language

# Stand-ins that no constant written into one of these queries equals: dates far in the
# past with odd microseconds, strings that are not codes, and integers every integer field
# accepts (Django answers a lookup outside a field's range with no query at all).
_BASE_TIME = datetime.datetime(1901, 1, 1, tzinfo=datetime.UTC)
MAX_VARIANTS = 256  # compiled forms kept per query; beyond that, compiled and not kept


def _stand_in(kind: type, n: int) -> Any:
    if kind is datetime.datetime:
        return _BASE_TIME + datetime.timedelta(microseconds=7919 * (n + 1))
    if kind is int:
        return 30_011 + 7 * n
    if kind is float:
        return -987_650_001.25 - n
    if kind is str:
        return f"\x00stand-in-{n}\x00"
    raise TypeError(f"no stand-in for {kind!r}")


class Prepared:
    """``build(**values)`` returns the queryset; ``args`` maps each argument to its type
    (datetime, int, float or str); ``lists`` names the arguments that are lists of that
    type."""

    def __init__(
        self,
        build: Callable[..., QuerySet],
        *,
        args: dict[str, type],
        lists: Iterable[str] = (),
        changes: dict[str, Any] | None = None,
    ):
        self._build = build
        self._args = dict(args)
        self._lists = frozenset(lists)
        self._changes = dict(changes) if changes else None
        self._compiled: dict[tuple, tuple[str, tuple, Any, str, list]] = {}
        self._lock = threading.Lock()

    def _compile(self, shape: tuple, variant, alias: str) -> tuple[str, tuple, Any, str, list]:
        lengths = dict(shape)
        counter = itertools.count()
        stand_ins: dict[str, Any] = {}
        where: dict[Any, tuple[str, int | None]] = {}
        for name, kind in self._args.items():
            if name in self._lists:
                values = [_stand_in(kind, next(counter)) for _ in range(lengths[name])]
                for index, value in enumerate(values):
                    where[value] = (name, index)
                stand_ins[name] = values
            else:
                value = _stand_in(kind, next(counter))
                where[value] = (name, None)
                stand_ins[name] = value
        queryset = self._queryset(variant, stand_ins)
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise ValueError("prefetch_related and related managers cannot be prepared")
        if self._changes is not None:  # as QuerySet.update() builds its query
            query = queryset.query.chain(sql.UpdateQuery)
            query.add_update_values(self._changes)
            query.annotations = {}
            compiler = query.get_compiler(using=alias)
        else:
            compiler = queryset.query.get_compiler(using=alias)
        text, params = compiler.as_sql()
        slots = []
        for param in params:
            hashable = isinstance(param, datetime.datetime | int | float | str)
            slot = where.get(param) if hashable else None
            slots.append(slot if slot is not None else ("", param))
        missing = set(where.values()) - set(slots)
        if missing:
            raise ValueError(f"stand-ins not passed as parameters: {sorted(map(str, missing))}")
        kind = "update" if self._changes is not None else _kind(queryset)
        # What results_iter() would work out again on every run: the converters of the
        # selected columns (a field's from_db_value, an annotation's output type).
        converters = []
        if kind != "update":
            converters = compiler.get_converters(
                [column[0] for column in compiler.select[: compiler.col_count]]
            )
        return text, tuple(slots), compiler, kind, converters

    def _run(self, values: dict[str, Any], variant, alias: str) -> tuple[Any, Any, str, list]:
        """Run the compiled SQL with ``values``: (rows, or the row count of an update; the
        compiler; what the queryset makes of rows: "objects", "rows", "update" or "" for
        neither; the columns' converters)."""
        shape = tuple(sorted((name, len(values[name])) for name in self._lists))
        key = (alias, get_language(), shape, variant)
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(key) or self._compile(shape, variant, alias)
                if len(self._compiled) < MAX_VARIANTS:
                    self._compiled[key] = compiled
        text, slots, compiler, kind, converters = compiled
        params = []
        for name, detail in slots:
            if name == "":  # a constant of the query itself
                params.append(detail)
            elif detail is None:
                params.append(values[name])
            else:  # one item of a list argument
                params.append(values[name][detail])
        if kind == "update":
            with (
                transaction.mark_for_rollback_on_error(using=alias),
                connections[alias].cursor() as cursor,
            ):
                cursor.execute(text, params)
                return cursor.rowcount, compiler, kind, converters
        with connections[alias].cursor() as cursor:
            cursor.execute(text, params)
            rows = cursor.fetchall()
        if compiler.has_extra_select:  # as execute_sql does: only the selected columns
            rows = [row[: compiler.col_count] for row in rows]
        return rows, compiler, kind, converters

    def _queryset(self, variant, values: dict[str, Any]) -> QuerySet:
        return self._build(**values) if variant is None else self._build(variant, **values)

    def rows(self, *, variant=None, using: str = "default", **values) -> list[tuple]:
        """The rows of the compiled query (a ``values_list`` queryset's tuples, its
        converters applied)."""
        if connections[using].vendor != "postgresql":
            return list(self._queryset(variant, values).using(using))
        rows, compiler, kind, converters = self._run(values, variant, using)
        if kind != "rows":
            raise TypeError("rows() needs a values_list() queryset whose columns come in order")
        return _converted(compiler, converters, rows, tuples=True)

    def objects(self, *, variant=None, using: str = "default", **values) -> list:
        """Model instances of the compiled query, as the queryset would give them (its
        ``select_related`` objects and annotations included)."""
        if connections[using].vendor != "postgresql":
            return list(self._queryset(variant, values).using(using))
        rows, compiler, kind, converters = self._run(values, variant, using)
        if kind != "objects":
            raise TypeError("objects() needs a queryset of model instances")
        return _instances(compiler, converters, rows, using)

    def update(self, *, variant=None, using: str = "default", **values) -> int:
        """Run the compiled conditional write; the number of rows it changed."""
        if self._changes is None:
            raise TypeError("update() needs a Prepared made with changes=")
        if connections[using].vendor != "postgresql":
            return self._queryset(variant, values).using(using).update(**self._changes)
        count, *_compiled = self._run(values, variant, using)
        return count

    def first(self, *, variant=None, using: str = "default", **values):
        """The first instance (build the queryset with ``[:1]``), or None."""
        found = self.objects(variant=variant, using=using, **values)
        return found[0] if found else None


def _kind(queryset: QuerySet) -> str:
    """What the queryset's own iterable makes of its rows, when we make the same: model
    instances ("objects"), or tuples whose columns the SQL selects in the asked order
    ("rows"). Anything else, such as modeltranslation's values_list (which reorders the
    columns and falls back between languages), is left to the queryset ("")."""
    if queryset._iterable_class is ModelIterable:
        return "objects"
    if queryset._iterable_class is ValuesListIterable:
        query = queryset.query
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        asked = [
            *queryset._fields,
            *(f for f in query.annotation_select if f not in queryset._fields),
        ]
        if not queryset._fields or asked == names:
            return "rows"
    return ""


def _converted(compiler, converters, rows: list, *, tuples: bool = False):
    """``rows`` as ``compiler.results_iter`` gives them, from the converters worked out
    when the query was compiled."""
    if not converters:
        return rows
    converted = compiler.apply_converters(rows, converters)
    return list(map(tuple, converted) if tuples else converted)


def _instances(compiler, converters, rows: list, db: str) -> list:
    """What ``ModelIterable`` makes of ``rows`` (django/db/models/query.py, Django 5.2),
    from the compiler that wrote the SQL: converters applied, the model built from its
    columns, related objects from theirs, annotations set."""
    select, klass_info = compiler.select, compiler.klass_info
    model_cls = klass_info["model"]
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    init_list = [column[0].target.attname for column in select[start:end]]
    related_populators = get_related_populators(klass_info, select, db)
    annotations = compiler.annotation_col_map
    found = []
    for row in _converted(compiler, converters, rows):
        obj = model_cls.from_db(db, init_list, row[start:end])
        for populator in related_populators:
            populator.populate(row, obj)
        for name, position in (annotations or {}).items():
            setattr(obj, name, row[position])
        found.append(obj)
    return found


_WRITTEN = re.compile(r"[a-z][a-z0-9_]*")


class WrittenIn(Expression):
    """``field IN ('a', 'b')`` with the values written into the statement, not sent as
    parameters: a condition for ``QuerySet.filter``. A prepared statement runs one generic
    plan for every call once PostgreSQL finds it no costlier than planning each call; with
    the values as parameters it could only guess how many rows they match (a quarter of
    the rows for one of four statuses, instead of the 2 % the statistics know), so at
    national scale My check-in's query was planned again on every call (0.5 ms of
    PostgreSQL CPU each, docs/adr/0017). The values are our own constants: lower-case
    codes only."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, field: str, values):
        super().__init__()
        self.values = tuple(str(value) for value in values)
        if not self.values or not all(_WRITTEN.fullmatch(value) for value in self.values):
            raise ValueError(f"WrittenIn takes lower-case codes, not {values!r}")
        self.column = F(field)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.column)
        listed = ", ".join(f"'{value}'" for value in self.values)
        return f"{sql} IN ({listed})", params
