"""The session engine (``SESSION_ENGINE``): Django's database sessions, with the session of a
request read by a prepared lookup (msrelief/core/prepared.py).

Every signed-in page reads its session first; compiling Django's ``Session.objects.get(...)``
anew each time was a tenth of a cached page's time. The row is found by its key alone and its
expiry is checked here, which is the same test Django's query makes (``expire_date`` after
now): an expired or unknown key gives an empty session and a new key, as with Django's own.
Everything else (saving, rotating the key, ``clearsessions``) is Django's.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from msrelief.core.prepared import PreparedLookup

BY_KEY = PreparedLookup(Session, lambda key: Session.objects.filter(session_key=key).order_by()[:1])


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Session | None:
        key = self.session_key
        found = BY_KEY.first(key) if key else None
        if found is None or found.expire_date <= timezone.now():
            self._session_key = None
            return None
        return found
