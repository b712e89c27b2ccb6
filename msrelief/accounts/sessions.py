"""The session engine (``SESSION_ENGINE``): Django's database sessions, kept in
:class:`~msrelief.accounts.models.LoginSession`, whose row names its login in a column, read
with that login by one prepared query (msrelief/core/prepared.py).

Every signed-in page reads its session and then the user behind it. Django's own engine keeps
the user's id only inside the signed session data, so that is two queries, each compiled anew
(about a tenth of a cached page's time). Here the row is found by its key alone, joined to its
login with whether the login has a second factor, and its expiry checked in Python, the same
test Django's query makes (``expire_date`` after now): an expired or unknown key gives an empty
session and a new key, as with Django's own. The login read with it is offered to the password
backend (``backends.offer_loaded_user``), which takes it instead of querying again when Django
asks for the same id; every check Django makes on it (the backend's ``is_active``, the
session's password hash) is made as before. For a login of clinic staff the same statement
reads what the staff pages check on every request, the clinic's data version among them
(accounts/session_columns.py). Everything else (saving, rotating the key, ``clearsessions``) is
Django's.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import db
from django.utils import timezone

from msrelief.accounts import session_columns
from msrelief.accounts.backends import offer_loaded_user, second_factor_columns
from msrelief.accounts.models import LoginSession
from msrelief.core.prepared import PreparedLookup

BY_KEY = PreparedLookup(
    LoginSession,
    lambda key: (
        LoginSession.objects.filter(session_key=key)
        .select_related("user")
        .annotate(**second_factor_columns("user_id"), **session_columns.as_annotations())
        .order_by()[:1]
    ),
)


def _login_id(data: dict[str, Any]) -> int | None:
    try:
        return int(data[SESSION_KEY])
    except (KeyError, TypeError, ValueError):
        return None


class SessionStore(db.SessionStore):
    @classmethod
    def get_model_class(cls) -> type[LoginSession]:
        return LoginSession

    def create_model_instance(self, data: dict[str, Any]) -> LoginSession:
        session = super().create_model_instance(data)
        assert isinstance(session, LoginSession)
        session.user_id = _login_id(data)
        return session

    def _get_session_from_db(self) -> LoginSession | None:
        key = self.session_key
        found = BY_KEY.first(key) if key else None
        if found is None or found.expire_date <= timezone.now():
            offer_loaded_user(None)
            self._session_key = None
            return None
        user = found.user
        if user is not None:
            user.msrelief_has_app = found.msrelief_has_app  # type: ignore[attr-defined]
            user.msrelief_has_passkey = found.msrelief_has_passkey  # type: ignore[attr-defined]
            for name in session_columns.names():
                setattr(user, name, getattr(found, name))
        offer_loaded_user(user)
        return found
