"""The expected answers: who gets what from each kind of page. A matrix entry names one of
these kinds and, where a view differs, overrides single answers.

An answer is a status code, or one of the redirects to a sign-in page:
``LOGIN`` (staff sign-in), ``SIGN_IN`` (the client portal's sign-in), ``ADMIN_LOGIN`` (the
Django admin's login, which itself forwards to the staff sign-in).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

Answer = int | Literal["login", "sign-in", "admin-login"]
LOGIN: Answer = "login"
SIGN_IN: Answer = "sign-in"
ADMIN_LOGIN: Answer = "admin-login"

#: The personas, in the order the test reports them. "own" and "other" are relative to each
#: one's clinic; the anonymous visitor and the evidence editor have none, so every clinic's
#: object is "other" to them.
PERSONAS = (
    "anonymous",
    "client",
    "therapist",
    "colleague",
    "clinic_admin",
    "evidence_editor",
    "outsider",
    "outsider_admin",
)
CLINIC_STAFF = frozenset({"therapist", "colleague", "clinic_admin", "outsider", "outsider_admin"})
CLINIC_ADMINS = frozenset({"clinic_admin", "outsider_admin"})
EDITORS = frozenset({"clinic_admin", "outsider_admin", "evidence_editor"})

Rule = Callable[[str, str], Answer]  # (persona, "own" | "other" | "none") -> answer


def public(persona: str, ownership: str) -> Answer:
    return 200


def staff(persona: str, ownership: str) -> Answer:
    """Clinic staff only; another clinic's object does not exist for them (404)."""
    if persona == "anonymous":
        return LOGIN
    if persona not in CLINIC_STAFF:
        return 403
    return 404 if ownership == "other" else 200


def clinic_admin(persona: str, ownership: str) -> Answer:
    if persona == "anonymous":
        return LOGIN
    if persona not in CLINIC_ADMINS:
        return 403
    return 404 if ownership == "other" else 200


def editor(persona: str, ownership: str) -> Answer:
    """The evidence base's editing pages: clinic admins and evidence editors."""
    if persona == "anonymous":
        return LOGIN
    return 200 if persona in EDITORS else 403


def reviewer(persona: str, ownership: str) -> Answer:
    """The evidence base's review queue: evidence editors (and superusers) only."""
    if persona == "anonymous":
        return LOGIN
    return 200 if persona == "evidence_editor" else 403


def signed_in(persona: str, ownership: str) -> Answer:
    """Any signed-in person (their own account's pages)."""
    return LOGIN if persona == "anonymous" else 200


def client(persona: str, ownership: str) -> Answer:
    """The client portal: the client's own data; staff are not clients (403)."""
    if persona == "anonymous":
        return SIGN_IN
    if persona != "client":
        return 403
    return 404 if ownership == "other" else 200


def token(persona: str, ownership: str) -> Answer:
    """A page reached by a secret link: the token is the credential, whoever holds it; an
    unknown token is a 404."""
    return 404 if ownership == "other" else 200


def django_admin(persona: str, ownership: str) -> Answer:
    """Django's admin site: staff users (``is_staff``) only; none of the personas is one."""
    return ADMIN_LOGIN


def api_staff(persona: str, ownership: str) -> Answer:
    """The API's staff operations: 401 without a staff session, 404 for another clinic's."""
    if persona not in CLINIC_STAFF:
        return 401
    return 404 if ownership == "other" else 200


def portal_questionnaire(persona: str, ownership: str) -> Answer:
    """A questionnaire by the client's login (/me/q/<id>/): a visitor is sent to the client
    sign-in, like every /me/ page; only the client whose it is gets it, and to anyone else
    signed in it is no such questionnaire (404)."""
    if persona == "anonymous":
        return SIGN_IN
    return 200 if persona == "client" and ownership == "own" else 404


def diary_by_login(persona: str, ownership: str) -> Answer:
    """The client's own diary (/me/diary/): a visitor is sent to the client sign-in, like
    every /me/ page, and anyone who keeps no diary (every non-client) gets 404."""
    if persona == "anonymous":
        return SIGN_IN
    return 200 if persona == "client" else 404


def api_screen(persona: str, ownership: str) -> Answer:
    """The API's screening operation: 401 without a session, 403 for a session that is not
    clinic staff (a kind of operation they may not use at all, as on a staff page)."""
    if persona == "anonymous":
        return 401
    return 200 if persona in CLINIC_STAFF else 403


def api_fhir(persona: str, ownership: str) -> Answer:
    """FHIR reads: 401 without a session, 403 for a session that is not clinic staff (before
    any look-up, so whatever the id), and for staff a response of another clinic is a 404, so
    its existence does not leak."""
    if persona == "anonymous":
        return 401
    if persona not in CLINIC_STAFF:
        return 403
    return 404 if ownership == "other" else 200


def nobody(persona: str, ownership: str) -> Answer:
    """A route that answers 404 to a bare request (it needs query parameters or is a root)."""
    return 404


def gone(persona: str, ownership: str) -> Answer:
    """A token page that is gone until a step before it is done (a questionnaire's "done")."""
    return 404 if ownership == "other" else 410
