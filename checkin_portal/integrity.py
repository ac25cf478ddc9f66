"""Which rule did the database refuse? Told apart by the database's own report, not by
guessing from the message text.

A random number (a receipt, a confirmation number) that happens to be taken already is
worth drawing again; any other refusal (a check, another unique column, a foreign key)
will fail the same way every time and must not be retried as if it were a collision.
"""

import re

from django.db import IntegrityError

UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE for a duplicate key
# The key in PostgreSQL's detail: 'Key (receipt_number)=(K7M2Q9XA) already exists.' The
# words around it are translated with the server's lc_messages; "(column)=(" is not.
_KEY_COLUMNS = re.compile(r"\(([^()]*)\)=\(")


def is_duplicate_of(error: IntegrityError, *, model, field: str) -> bool:
    """True only when ``error`` is the unique index of ``model.field`` refusing a value
    that is taken already."""
    opts = model._meta
    column = opts.get_field(field).column
    cause = error.__cause__
    diag = getattr(cause, "diag", None)
    if diag is not None:  # PostgreSQL (psycopg)
        if getattr(cause, "sqlstate", None) != UNIQUE_VIOLATION:
            return False
        if diag.table_name != opts.db_table:
            return False
        key = _KEY_COLUMNS.search(diag.message_detail or "")
        return key is not None and key.group(1) == column
    # SQLite (the demo): "UNIQUE constraint failed: <table>.<column>"
    return str(error) == f"UNIQUE constraint failed: {opts.db_table}.{column}"


def refused_rule(error: IntegrityError) -> str:
    """The name of the constraint the database refused, for the logs ('' when unknown).
    Constraint names carry no personal data; the message's detail does, so never log it."""
    diag = getattr(error.__cause__, "diag", None)
    return (getattr(diag, "constraint_name", None) or "") if diag is not None else ""
