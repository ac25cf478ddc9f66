"""Read replica for read-only pages and selectors. Off unless DATABASE_REPLICA_URL is set.

A replica lags behind the primary by up to a few seconds, so nothing reads from it unless
asked to: a read goes to the ``replica`` database only

* inside ``replica_reads()`` (a context manager and decorator for a read-only selector or
  report), or while a view named in DATABASE_REPLICA_VIEWS answers a GET or HEAD
  (``ReplicaReadsMiddleware``; the help page by default);
* and never for sessions, the cache table or the task queue (sign-in, lockouts and messages
  must see their own writes), nor inside a transaction on the primary.

Every write goes to the primary (``default``); migrations run only there. Raw SQL through
``django.db.connection`` is not routed: it always runs on the primary."""

from __future__ import annotations

import contextvars
from contextlib import ContextDecorator

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
# App labels whose reads must see the latest writes.
PRIMARY_ONLY_APP_LABELS = frozenset(
    {"sessions", "django_cache", "django_tasks_database", "auth", "contenttypes", "admin"}
)

# Models elsewhere whose reads must see the latest writes: the sessions (SESSION_ENGINE).
PRIMARY_ONLY_MODELS = frozenset({"subjects.subjectsession"})

_use_replica: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "portal_use_replica", default=False
)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class replica_reads(ContextDecorator):
    """``with replica_reads(): ...`` or ``@replica_reads()``: reads in the block may use
    the replica. Nests, and is safe across threads (each call gets its own token)."""

    def _recreate_cm(self):
        return type(self)()

    def __enter__(self):
        self._token = _use_replica.set(True)
        return self

    def __exit__(self, *exc):
        _use_replica.reset(self._token)
        return False


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not _use_replica.get() or not replica_configured():
            return None
        if (
            model._meta.app_label in PRIMARY_ONLY_APP_LABELS
            or model._meta.label_lower in PRIMARY_ONLY_MODELS
        ):
            return None
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return None  # read-your-writes inside a transaction
        return REPLICA

    def db_for_write(self, model, **hints):
        # Explicit: without it Django would write an object back where it was read from.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        same_data = {DEFAULT_DB_ALIAS, REPLICA}
        if obj1._state.db in same_data and obj2._state.db in same_data:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    """Serves the views named in DATABASE_REPLICA_VIEWS from the replica (GET and HEAD).
    Last in MIDDLEWARE: it calls the view itself, inside ``replica_reads()``."""

    def __init__(self, get_response):
        if not replica_configured():
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.view_names = frozenset(getattr(settings, "DATABASE_REPLICA_VIEWS", ()))

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method not in ("GET", "HEAD") or match is None:
            return None
        if match.view_name not in self.view_names:
            return None
        with replica_reads():
            return view_func(request, *view_args, **view_kwargs)
