"""The authorization matrix: one entry per URL pattern (test_matrix.py fails on a pattern with
none). Most entries are one line: a shared kind (STAFF_PAGE, CLIENT_PAGE, PUBLIC_PAGE,
token_page(...), staff_object(...)) and, for a view that writes, ``posts``/``post_only`` with
what an allowed persona's empty POST gets. Override single answers with ``.but(...)``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from msrelief.core.tests.authz import expect
from msrelief.core.tests.authz.entry import (
    ADMIN_PAGE,
    CLIENT_PAGE,
    DJANGO_ADMIN,
    EDITOR_PAGE,
    PUBLIC_PAGE,
    REVIEWER_PAGE,
    SIGNED_IN_PAGE,
    STAFF_PAGE,
    Entry,
    admin_object,
    post_only,
    posts,
    shared,
    staff_object,
    token_page,
)
from msrelief.core.tests.authz.expect import LOGIN
from msrelief.core.tests.authz.factory import Site, World

#: A POST-only view refused by ``require_POST`` before anything else: 405 to anyone, which
#: says nothing about the object.
_GET_IS_405 = (("GET", "*", "*", 405),)
#: The same behind ``staff_required``: the sign-in first, then 403 for non-staff, then 405.
_STAFF_GET_IS_405 = tuple(("GET", persona, "*", 405) for persona in sorted(expect.CLINIC_STAFF))


def _client(w: World, s: Site) -> dict[str, Any]:
    return {"pk": s.client.pk}


def _obj(kind: str, key: str = "pk") -> Any:
    return lambda w, s: {key: s.objects[kind].pk}


def _with(values: Any, **more: Any) -> Any:
    return lambda w, s: {**values(w, s), **more}


def _administration(w: World, s: Site) -> dict[str, Any]:
    return {"pk": s.client.pk, "administration_pk": s.objects["administration"].pk}


def _goal(w: World, s: Site) -> dict[str, Any]:
    return {"pk": s.client.pk, "kind": "goal", "entry_pk": s.objects["goal"].pk}


def _evidence(kind: str, attribute: str, key: str) -> Any:
    return lambda w, s: {key: getattr(w.shared[kind], attribute)}


_reference = _evidence("reference", "key", "key")
_study = _evidence("study", "key", "key")
_claim = _evidence("claim", "key", "key")
_page = lambda w, s: {"slug": "what-ms-is"}  # noqa: E731
_comment = _evidence("comment", "pk", "pk")
_question = lambda w, s: {"token": s.tokens["questionnaire"], "number": 1}  # noqa: E731
_login = lambda w, s: {"pk": s.therapist.pk}  # noqa: E731
#: Django's own check of a reset link: a made-up one shows the "invalid link" page.
_bad_reset_link = lambda w, s: {"uidb64": "MQ", "token": "set-password"}  # noqa: E731

#: Signed in, the home page and the login page send each person on to their start page.
_SIGNED_IN_GO_ON = tuple(
    ("GET", persona, "*", 302) for persona in expect.PERSONAS if persona != "anonymous"
)
_SIGNED_IN_STAFF_GO_TO_THEIR_START = tuple(
    ("GET", persona, "*", 302) for persona in sorted(expect.CLINIC_STAFF)
)
#: A POST-only view that sends any staff GET back to the object's page before looking the
#: object up; that page is then the 404 for another clinic's object (nothing is shown).
_GET_GOES_BACK = tuple(("GET", persona, "other", 302) for persona in sorted(expect.CLINIC_STAFF))
#: The form pages that answer a GET with 400 when the query names nothing to fill in.
_OWN_GET_400 = tuple(("GET", persona, "own", 400) for persona in sorted(expect.CLINIC_STAFF))
#: A comment is changed by its author only (a reader's session, within the edit window);
#: moderators use the moderation page. No persona wrote the world's comment.
_NOT_THE_AUTHOR = shared(Entry(expect.public), _comment).but(
    ("*", "*", "*", 403), methods=("GET", "POST")
)

MATRIX: dict[str, Entry] = {
    # Core, sign-in and the staff's own account.
    "": PUBLIC_PAGE.but(*_SIGNED_IN_STAFF_GO_TO_THEIR_START),
    "healthz": PUBLIC_PAGE,
    "accounts/reset/": PUBLIC_PAGE,
    "accounts/login/": PUBLIC_PAGE.but(*_SIGNED_IN_GO_ON),
    "accounts/logout/": post_only(PUBLIC_PAGE, LOGIN),
    "accounts/verify/": SIGNED_IN_PAGE.but(*_SIGNED_IN_GO_ON),
    "accounts/reauth/": SIGNED_IN_PAGE,
    "accounts/two-factor/": SIGNED_IN_PAGE.but(("*", "client", "*", 403)),
    "accounts/two-factor/set-up/": SIGNED_IN_PAGE.but(("*", "client", "*", 403)),
    "accounts/two-factor/new-codes/": Entry(expect.public).but(("GET", "*", "*", 405)),
    "accounts/two-factor/turn-off/": Entry(expect.public).but(("GET", "*", "*", 405)),
    "accounts/two-factor/passkeys/": SIGNED_IN_PAGE.but(("*", "client", "*", 403)),
    "accounts/two-factor/passkeys/<int:pk>/remove/": Entry(expect.public, _login).but(
        ("GET", "*", "*", 405)
    ),
    # django-otp-webauthn's JSON endpoints take only POST (their own tests are in accounts).
    "accounts/passkeys/registration/begin/": Entry(expect.public).but(("GET", "*", "*", 405)),
    "accounts/passkeys/registration/complete/": Entry(expect.public).but(("GET", "*", "*", 405)),
    "accounts/passkeys/authentication/begin/": Entry(expect.public).but(("GET", "*", "*", 405)),
    "accounts/passkeys/authentication/complete/": Entry(expect.public).but(("GET", "*", "*", 405)),
    "accounts/passkeys/jsi18n/": PUBLIC_PAGE,
    "accounts/logins/": ADMIN_PAGE,
    "accounts/logins/<int:pk>/unlock/": Entry(expect.public, _login).but(("GET", "*", "*", 405)),
    "accounts/logins/<int:pk>/reset-two-factor/": posts(admin_object(_login), 302),
    "accounts/password/": SIGNED_IN_PAGE,
    "accounts/password/done/": SIGNED_IN_PAGE,
    "accounts/reset/sent/": PUBLIC_PAGE,
    "accounts/reset/<uidb64>/<token>/": shared(PUBLIC_PAGE, _bad_reset_link),
    "accounts/reset/done/": PUBLIC_PAGE,
    # Client records.
    "clients/": STAFF_PAGE,
    "clients/add/": posts(STAFF_PAGE, 400),
    "clients/<int:pk>/": staff_object(_client),
    "clients/<int:pk>/edit/": posts(staff_object(_client), 400),
    "clients/<int:pk>/delete/": posts(staff_object(_client), 302).but(
        ("GET", "colleague", "own", 302)
    ),
    "clients/<int:pk>/timeline/": staff_object(_client),
    "clients/<int:pk>/history/<str:kind>/add/": posts(
        staff_object(_with(_client, kind="goal")), 400
    ),
    "clients/<int:pk>/history/<str:kind>/<int:entry_pk>/": posts(staff_object(_goal), 400),
    "clients/<int:pk>/history/<str:kind>/<int:entry_pk>/remove/": posts(staff_object(_goal), 302),
    "clients/<int:pk>/measures/": staff_object(_client),
    "clients/<int:pk>/measures/assign/": posts(staff_object(_client), 400).but(*_OWN_GET_400),
    "clients/<int:pk>/measures/<int:administration_pk>/cancel/": posts(
        staff_object(_administration), 302
    ),
    "clients/<int:pk>/measures/<int:administration_pk>/new-link/": post_only(
        staff_object(_administration), 200, get=302
    ),
    "clients/<int:pk>/measures/<int:administration_pk>/email-link/": post_only(
        staff_object(_administration), 200, get=302
    ),
    "clients/<int:pk>/measures/enter/<str:code>/": posts(
        staff_object(_with(_client, code="phq9")), 302
    ),
    "clients/<int:pk>/symptom-diary/start/": post_only(staff_object(_client), 302, get=302),
    "clients/<int:pk>/symptom-diary/": posts(staff_object(_client), 400),
    "clients/<int:pk>/symptom-diary/new-link/": post_only(staff_object(_client), 200, get=302),
    "clients/<int:pk>/symptom-diary/revoke-link/": post_only(staff_object(_client), 302, get=302),
    "clients/<int:pk>/screen/": posts(staff_object(_client), 400),
    "clients/<int:pk>/portal-invite/": Entry(expect.public, _client).but(("GET", "*", "*", 405)),
    "clients/<int:pk>/all-data.<str:file_format>": staff_object(_with(_client, file_format="json")),
    "responses/<int:pk>/": staff_object(_obj("response")),
    "responses/<int:pk>/correct/": posts(staff_object(_obj("response")), 400),
    "safety-flags/<int:pk>/": staff_object(_obj("flag")),
    "safety-flags/<int:pk>/acknowledge/": post_only(
        staff_object(_obj("flag")), 400, *_GET_GOES_BACK, get=302
    ),
    "safety-flags/<int:pk>/resolve/": post_only(
        staff_object(_obj("flag")), 400, *_GET_GOES_BACK, get=302
    ),
    "screens/<int:pk>/": staff_object(_obj("screen")),
    "screens/<int:pk>/decide/": post_only(staff_object(_obj("screen")), 400, get=302),
    "measures/sources/": STAFF_PAGE,
    "clinic/questionnaires/": posts(ADMIN_PAGE, 400),
    "clinic/questionnaires/<str:code>/structure.json": shared(
        ADMIN_PAGE, lambda w, s: {"code": "mfis21"}
    ),
    # Audit, messages, reports.
    "audit/": ADMIN_PAGE,
    "audit/audit-log.csv": ADMIN_PAGE,
    "messages/": STAFF_PAGE,
    "messages/<int:pk>/retry/": post_only(
        staff_object(_obj("message")), 302, *_GET_GOES_BACK, get=302
    ),
    "reports/cohort/": STAFF_PAGE,
    "reports/cohort.pdf": STAFF_PAGE,
    "reports/cohort/meta/": STAFF_PAGE,
    "reports/exports/": ADMIN_PAGE,
    "reports/exports/<slug:form>.csv": shared(ADMIN_PAGE, lambda w, s: {"form": "long"}),
    "clients/<int:pk>/progress/": staff_object(_client),
    # The client's reports and their PDFs: the same people as the progress page.
    "clients/<int:pk>/report/client/": staff_object(_client),
    "clients/<int:pk>/report/client.pdf": staff_object(_client),
    "clients/<int:pk>/report/clinician/": staff_object(_client),
    "clients/<int:pk>/report/clinician.pdf": staff_object(_client),
    # Privacy: erasure is the clinic admin's (other staff: 403 on their own clinic's client, 404
    # on another's); withdrawal and restriction any staff's; the client withdraws their own.
    "clients/<int:pk>/erase/": posts(admin_object(_client), 400).but(
        *[("*", persona, "other", 404) for persona in ("therapist", "colleague", "outsider")]
    ),
    "clients/<int:pk>/withdraw-consent/": posts(staff_object(_client), 400),
    "clients/<int:pk>/restriction/": post_only(staff_object(_client), 302).but(*_GET_IS_405),
    "me/consent/withdraw/": posts(CLIENT_PAGE, 302),
    # The legal hold is the clinic admin's, like erasure.
    "clients/<int:pk>/legal-hold/": posts(admin_object(_client), 400).but(
        *[("*", persona, "other", 404) for persona in ("therapist", "colleague", "outsider")]
    ),
    # The processing activities: every member of a clinic's staff reads their own clinic's
    # (there is no clinic in the address); the clinic admin changes its wording.
    "privacy/processing/": STAFF_PAGE,
    "privacy/processing.csv": STAFF_PAGE,
    "privacy/processing/<slug:key>/edit/": posts(
        shared(ADMIN_PAGE, lambda w, s: {"key": "client-record"}), 400
    ),
    # Calendar feeds: staff pages to make and revoke them, and the feed by its token.
    "programmes/calendar-feeds/": STAFF_PAGE,
    # A new feed's page shows its address once (200); revoking goes back to the page (302).
    # A colleague may not make a feed of another therapist's sessions (the clinic admin may).
    "programmes/calendar-feeds/<int:pk>/new/": post_only(
        staff_object(lambda w, s: {"pk": s.therapist.pk}), 200, ("POST", "colleague", "own", 403)
    ).but(*_STAFF_GET_IS_405),
    "programmes/calendar-feeds/<int:pk>/revoke/": post_only(
        staff_object(lambda w, s: {"pk": s.therapist.pk}), 302
    ).but(*_STAFF_GET_IS_405),
    "programmes/clients/<int:pk>/calendar-feed/new/": post_only(staff_object(_client), 200).but(
        *_STAFF_GET_IS_405
    ),
    "programmes/clients/<int:pk>/calendar-feed/revoke/": post_only(staff_object(_client), 302).but(
        *_STAFF_GET_IS_405
    ),
    "calendar/<str:token>.ics": token_page("calendar"),
    # Programmes.
    "programmes/": STAFF_PAGE,
    "programmes/templates/new/": posts(STAFF_PAGE, 400),
    "programmes/templates/<int:pk>/": staff_object(_obj("template")),
    "programmes/templates/<int:pk>/new-version/": posts(staff_object(_obj("template")), 400),
    "programmes/clients/<int:pk>/enrol/": posts(staff_object(_client), 400),
    "programmes/enrolments/<int:pk>/": staff_object(_obj("enrolment")),
    "programmes/enrolments/<int:pk>/add-session/": post_only(
        staff_object(_obj("enrolment")), 400, get=302
    ),
    "programmes/enrolments/<int:pk>/end/": post_only(staff_object(_obj("enrolment")), 400, get=302),
    "programmes/sessions/<int:pk>/": staff_object(_obj("session")),
    "programmes/sessions/<int:pk>/move/": posts(staff_object(_obj("session")), 400),
    "programmes/sessions/<int:pk>/status/": post_only(staff_object(_obj("session")), 400, get=302),
    "programmes/sessions/<int:pk>/ratings/<str:phase>/": post_only(
        staff_object(_with(_obj("session"), phase="pre")), 400, get=302
    ),
    "programmes/sessions/<int:pk>/screen/": posts(staff_object(_obj("session")), 400),
    "programmes/sessions/<int:pk>/note/": post_only(staff_object(_obj("session")), 302, get=302),
    "programmes/sessions/<int:pk>/note/amend/": post_only(
        staff_object(_obj("session")), 302, get=302
    ),
    "programmes/sessions/<int:pk>/adverse-event/": post_only(
        staff_object(_obj("session")), 400, get=302
    ),
    # The evidence base: everyone reads it, editors change it.
    "evidence/": PUBLIC_PAGE,
    "evidence/references/": PUBLIC_PAGE,
    "evidence/references/add/": posts(EDITOR_PAGE, 400),
    "evidence/references/import/": posts(EDITOR_PAGE, 400),
    "evidence/references/export/<str:fmt>/": shared(PUBLIC_PAGE, lambda w, s: {"fmt": "bibtex"}),
    "evidence/references/<str:key>/": shared(PUBLIC_PAGE, _reference),
    "evidence/references/<str:key>/edit/": posts(shared(EDITOR_PAGE, _reference), 400),
    "evidence/references/<str:key>/delete/": posts(shared(EDITOR_PAGE, _reference), 302),
    "evidence/claims/": PUBLIC_PAGE,
    "evidence/claims/add/": posts(EDITOR_PAGE, 400),
    "evidence/claims/<str:key>/edit/": posts(shared(EDITOR_PAGE, _claim), 400),
    "evidence/claims/<str:key>/delete/": posts(shared(EDITOR_PAGE, _claim), 302),
    "evidence/studies/": PUBLIC_PAGE,
    "evidence/studies/add/": posts(EDITOR_PAGE, 400),
    "evidence/studies/<str:key>/": shared(PUBLIC_PAGE, _study),
    "evidence/studies/<str:key>/edit/": posts(shared(EDITOR_PAGE, _study), 400),
    "evidence/studies/<str:key>/delete/": posts(shared(EDITOR_PAGE, _study), 302),
    "evidence/studies/<str:key>/arms/add/": posts(shared(EDITOR_PAGE, _study), 400),
    "evidence/arms/<int:pk>/edit/": posts(shared(EDITOR_PAGE, _evidence("arm", "pk", "pk")), 400),
    "evidence/arms/<int:pk>/delete/": posts(shared(EDITOR_PAGE, _evidence("arm", "pk", "pk")), 302),
    "evidence/studies/<str:key>/results/add/": posts(shared(EDITOR_PAGE, _study), 400),
    "evidence/results/<int:pk>/edit/": posts(
        shared(EDITOR_PAGE, _evidence("result", "pk", "pk")), 400
    ),
    "evidence/results/<int:pk>/delete/": posts(
        shared(EDITOR_PAGE, _evidence("result", "pk", "pk")), 302
    ),
    # The change log is public (visitors see applied changes only); the review queue is the
    # evidence editors'. An empty approval applies the proposal (302); a rejection without a
    # reason is refused (400).
    "evidence/changes/": PUBLIC_PAGE,
    "evidence/review/": REVIEWER_PAGE,
    "evidence/review/<int:pk>/approve/": post_only(
        shared(REVIEWER_PAGE, _evidence("proposal", "pk", "pk")), 302
    ),
    "evidence/review/<int:pk>/reject/": post_only(
        shared(REVIEWER_PAGE, _evidence("proposal", "pk", "pk")), 400
    ),
    "evidence/proposals/": EDITOR_PAGE,
    "evidence/meta/": posts(PUBLIC_PAGE, 400),
    "evidence/meta/effects.csv": Entry(expect.nobody),
    "evidence/meta/forest.png": Entry(expect.nobody),
    "evidence/meta/template/<str:measure>.csv": shared(
        PUBLIC_PAGE, lambda w, s: {"measure": "SMD"}
    ),
    # Learn: public pages, feeds and comments.
    "learn/": PUBLIC_PAGE,
    "learn/map/": PUBLIC_PAGE,
    "learn/glossary/": PUBLIC_PAGE,
    "learn/copyright/": PUBLIC_PAGE,
    "learn/feed/": PUBLIC_PAGE,
    "learn/moderation/": posts(EDITOR_PAGE, 404),
    "learn/comments/<int:pk>/edit/": _NOT_THE_AUTHOR,
    "learn/comments/<int:pk>/delete/": _NOT_THE_AUTHOR,
    "learn/<slug:slug>/": shared(PUBLIC_PAGE, _page),
    "learn/<slug:slug>/rate/": post_only(shared(PUBLIC_PAGE, _page), 400, get=302),
    "learn/<slug:slug>/comment/": post_only(shared(PUBLIC_PAGE, _page), 400, get=302),
    "sitemap.xml": PUBLIC_PAGE,
    # The client portal, by the client's login.
    "me/": CLIENT_PAGE,
    "me/sign-in/": posts(PUBLIC_PAGE, 400),
    "me/sessions/": CLIENT_PAGE,
    "me/questionnaires/": CLIENT_PAGE,
    "me/progress/": CLIENT_PAGE,
    "me/consent/": posts(CLIENT_PAGE, 200),
    "me/data/": CLIENT_PAGE,
    # The client login of the matrix has a password: the page sends it to "change a password".
    "me/password/": posts(CLIENT_PAGE, 302).but(("GET", "client", "*", 302)),
    "me/data/my-data.<str:file_format>": shared(CLIENT_PAGE, lambda w, s: {"file_format": "json"}),
    "me/diary/": posts(Entry(expect.diary_by_login), 400),
    "me/diary/saved/": Entry(expect.diary_by_login),
    "me/q/<int:pk>/": Entry(expect.portal_questionnaire, _obj("administration")),
    "me/q/<int:pk>/<int:number>/": posts(
        Entry(expect.portal_questionnaire, _with(_obj("administration"), number=1)), 302
    ),
    "me/q/<int:pk>/all/": posts(Entry(expect.portal_questionnaire, _obj("administration")), 302),
    "me/q/<int:pk>/review/": posts(Entry(expect.portal_questionnaire, _obj("administration")), 400),
    "me/q/<int:pk>/saved/": Entry(expect.portal_questionnaire, _obj("administration")),
    "me/q/<int:pk>/done/": Entry(expect.portal_questionnaire, _obj("administration")).but(
        ("GET", "client", "own", 410)
    ),
    # Secret links: the token is the credential.
    "me/sign-in/<str:token>/": token_page("sign_in").but(("GET", "client", "own", 302)),
    "q/<str:token>/": token_page("questionnaire"),
    "q/<str:token>/<int:number>/": posts(
        replace(token_page("questionnaire"), values=_question), 302
    ),
    "q/<str:token>/all/": posts(token_page("questionnaire"), 302),
    "q/<str:token>/review/": posts(token_page("questionnaire"), 400),
    "q/<str:token>/saved/": token_page("questionnaire"),
    "q/<str:token>/done/": replace(token_page("questionnaire"), rule=expect.gone),
    "diary/<str:token>/": posts(token_page("diary"), 400),
    "diary/<str:token>/saved/": token_page("diary"),
    "unsubscribe/<str:token>/": posts(token_page("unsubscribe"), 400),
    # The API and FHIR.
    "api/": Entry(expect.nobody),
    "api/openapi.json": PUBLIC_PAGE,
    "api/docs": PUBLIC_PAGE,
    "api/score/": PUBLIC_PAGE,
    "api/score/<instrument>": post_only(
        shared(PUBLIC_PAGE, lambda w, s: {"instrument": "phq9"}), 400
    ),
    "api/fhir/QuestionnaireResponse/<response_id>": Entry(
        expect.api_fhir, lambda w, s: {"response_id": s.objects["response"].pk}
    ),
    "api/evidence/meta": post_only(PUBLIC_PAGE, 400),
    "api/evidence/references": PUBLIC_PAGE,
    # Without its instrument and score the comparator query is a 400 for anyone.
    "api/evidence/comparators": PUBLIC_PAGE.but(("GET", "*", "*", 400)),
    "api/evidence/references/<key>": shared(PUBLIC_PAGE, _reference),
    "api/screen": post_only(Entry(expect.api_screen), 400).but(("GET", "*", "*", 405)),
    # Django's admin site: its login page is msrelief's (throttled, two factors); its logout
    # sends everyone on; every other admin page sends a non-staff user to that login.
    "admin/login/": Entry(expect.public, methods=("GET", "POST")).but(("*", "*", "*", LOGIN)),
    "admin/logout/": Entry(expect.public, methods=("GET", "POST")).but(("*", "*", "*", 302)),
}


def entry_for(route: str) -> Entry | None:
    """The route's entry; every other pattern of Django's admin site shares one."""
    if route in MATRIX:
        return MATRIX[route]
    return DJANGO_ADMIN if route.startswith("admin/") else None
