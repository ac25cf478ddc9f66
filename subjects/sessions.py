"""Sessions in the database, as Django's own ``db`` backend keeps them, in a table that
also names the signed-in person (``SubjectSession``; Django's documented way of
extending a database-backed session engine). Issue 17:

* every signed-in page reads its session and its person: one query reads both (the
  session row joined to the person, compiled once per process);
* a new session (at sign-in) is written once, with its data: Django's backend first asks
  whether a random key is taken, inserts an empty row under it, and then updates that
  row with the data at the end of the request (three statements where one does);
* a write outside any transaction is one statement (atomic on its own), not wrapped in a
  transaction of its own (BEGIN and COMMIT: two more round trips each time);
* whether the person has a booked appointment, which the booking pages ask on every
  request, comes in the same query.

Every other behaviour is Django's (``SESSION_ENGINE`` names this module; ``clearsessions``
works as before)."""

import datetime

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.db import DatabaseError, IntegrityError, connections, router
from django.utils import timezone
from django.utils.crypto import get_random_string

from appointments.selectors import has_active_expression, note_has_active_appointment
from checkin_portal.prepared import Prepared

from .models import SubjectSession
from .session import NOT_READ, SESSION_SUBJECT_KEY


def _live_session(session_key, now):
    return (
        SubjectSession.objects.select_related("subject")
        .filter(session_key=session_key, expire_date__gt=now)
        .order_by()
        # The booking pages ask on every request (appointments.selectors).
        .annotate(person_has_active_appointment=has_active_expression())[:1]
    )


_LIVE_SESSION = Prepared(_live_session, args={"session_key": str, "now": datetime.datetime})


class SessionStore(db.SessionStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._row_subject = NOT_READ

    @classmethod
    def get_model_class(cls):
        return SubjectSession

    def _get_session_from_db(self):
        # As the parent: the live row, or None and the key is forgotten (a new one is
        # made when the session is saved). The person comes with it.
        key = self.session_key
        now = timezone.now()  # noqa: TID251 - as Django sets expire_date when it saves
        session = _LIVE_SESSION.first(session_key=key, now=now) if key else None
        if session is None:
            self._session_key = None
        else:
            subject = session.subject
            if subject is not None:
                note_has_active_appointment(subject, session.person_has_active_appointment)
            self._row_subject = (session.subject_id, subject)
        return session

    def subject_read_with(self, pk: int):
        """The person ``pk`` as read with this session's row (None: that person no longer
        exists), or ``NOT_READ`` when the row did not name that person (not loaded yet,
        or signed in during this request)."""
        self._get_session()  # loads the row, if not yet
        if self._row_subject is NOT_READ or self._row_subject[0] != pk:
            return NOT_READ
        return self._row_subject[1]

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        pk = data.get(SESSION_SUBJECT_KEY)
        session.subject_id = pk if isinstance(pk, int) else None
        return session

    def save(self, must_create=False):
        using = router.db_for_write(self.model)
        if self.session_key is None or connections[using].in_atomic_block:
            # Django's own: a savepoint keeps a failed insert from spoiling the outer
            # transaction (and create() picks a key first).
            return super().save(must_create)
        data = self._get_session(no_load=must_create)
        session = self.create_model_instance(data)
        try:
            session.save(force_insert=must_create, force_update=not must_create, using=using)
        except IntegrityError:
            if must_create:
                raise CreateError from None  # the key is taken: create() tries another
            raise
        except DatabaseError:
            if not must_create:
                raise UpdateError from None  # the row is gone (ended elsewhere)
            raise

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
        self._row_subject = NOT_READ
        self.modified = True
        if key:
            self.delete(key)
