"""Sessions in the database, as Django's own ``db`` backend keeps them, read with a query
compiled once per process (issue 17): every signed-in page reads its session first.

The table, the rows and every other behaviour are Django's (``SESSION_ENGINE`` names
this module; ``clearsessions`` works as before)."""

import datetime

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

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
