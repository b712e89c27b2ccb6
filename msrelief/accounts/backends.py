"""The password backend (``AUTHENTICATION_BACKENDS``): Django's ``ModelBackend``, with the user
of a signed-in session read by a prepared lookup (msrelief/core/prepared.py).

Django reads the user behind a session on every signed-in request; compiling
``User.objects.get(pk=...)`` anew each time was a tenth of a cached page's time. The rule is
Django's: a user who is not found, or who may not sign in (``is_active`` false), is nobody.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from msrelief.accounts.models import User
from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup

#: This backend's dotted path, as a session records it.
PATH = "msrelief.accounts.backends.PasswordBackend"

BY_ID = PreparedLookup(
    User, lambda pk: User.objects.filter(pk=pk).order_by()[:1], marker=INTEGER_MARKER
)


class PasswordBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        user = BY_ID.first(pk)
        return user if user is not None and self.user_can_authenticate(user) else None
