"""Sessions in the database, as Django's own ``db`` backend keeps them, read with a query
compiled once per process (issue 17): every signed-in page reads its session first.

A new session (at sign-in) is written once, with its data: Django's backend first asks
whether a random key is taken, inserts an empty row under it, and then updates that row
with the data at the end of the request (three statements where one does).

The table, the rows and every other behaviour are Django's (``SESSION_ENGINE`` names
this module; ``clearsessions`` works as before)."""

import datetime

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.crypto import get_random_string

from .prepared import Prepared

_LIVE_SESSION = Prepared(
    lambda session_key, now: Session.objects.filter(
        session_key=session_key, expire_date__gt=now
    ).order_by()[:1],
    args={"session_key": str, "now": datetime.datetime},
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        # As the parent: the live row, or None and the key is forgotten (a new one is
        # made when the session is saved).
        key = self.session_key
        now = timezone.now()  # noqa: TID251 - as Django sets expire_date when it saves
        session = _LIVE_SESSION.first(session_key=key, now=now) if key else None
        if session is None:
            self._session_key = None
        return session

    def _get_new_session_key(self):
        # Not looked up first: a new row is inserted with must_create, which fails on a key
        # that exists, and Django's create() then tries another key (its own loop).
        return get_random_string(32, VALID_KEY_CHARS)

    def cycle_key(self):
        # As Django's (a new key, the same data, the old row deleted), but the new row is
        # not written here: the session is saved at the end of the request anyway, and a
        # session without a key is then inserted with its data (create()).
        data = self._session
        key = self.session_key
        self._session_key = None
        self._session_cache = data
        self.modified = True
        if key:
            self.delete(key)
