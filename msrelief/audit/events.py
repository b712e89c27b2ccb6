"""The kinds of audit event: a namespaced name (``response.corrected``), the action it is,
and the sentence the audit log reads it as. :func:`msrelief.audit.services.record` refuses a
name that is not listed here, so a typo fails the tests instead of writing an unreadable trail.

A service that does not name its event gets ``<namespace>.<created|updated|deleted|viewed>``
from the object's model, through :data:`NAMESPACES`.
"""

from __future__ import annotations

from dataclasses import dataclass

from msrelief.audit.models import Action


@dataclass(frozen=True)
class EventType:
    name: str
    action: Action
    sentence: str  # with {actor} and {object}

    def describe(self, actor: str, obj: str) -> str:
        return self.sentence.format(actor=actor, object=obj)


# The event namespace of each audited model (its label_lower).
NAMESPACES = {
    "accounts.user": "user",
    "accounts.clinic": "clinic",
    "clients.client": "client",
    "clients.consentrecord": "consent",
    "clients.relapse": "history",
    "clients.dmtperiod": "history",
    "clients.medicine": "history",
    "clients.fall": "history",
    "clients.condition": "history",
    "clients.goal": "history",
    "instruments.administration": "questionnaire",
    "instruments.response": "response",
    "instruments.score": "score",
    "instruments.safetyflag": "safety_flag",
    "safety.screen": "screen",
    "instruments.clinicquestionnaire": "licensed_wording",
    "instruments.diaryplan": "diary",
    "instruments.diaryentry": "diary_entry",
    "notifications.message": "message",
    "programmes.programmetemplate": "programme_template",
    "programmes.enrolment": "enrolment",
    "programmes.plannedsession": "session",
    "programmes.sessionnote": "session_note",
    "programmes.sessionrating": "session_rating",
    "programmes.adverseevent": "adverse_event",
    "programmes.calendarfeed": "calendar_feed",
    "evidence.reference": "reference",
    "evidence.claim": "claim",
    "evidence.study": "study",
    "evidence.arm": "arm",
    "evidence.result": "result",
    "evidence.topic": "topic",
    "evidence.evidenceproposal": "evidence_proposal",
    "learn.rating": "rating",
    "learn.comment": "comment",
    "portal.signinlink": "sign_in_link",
    "privacy.consentwithdrawal": "consent",
    "privacy.processingrecord": "privacy",
}
VERBS = {
    Action.CREATE: "created",
    Action.UPDATE: "updated",
    Action.DELETE: "deleted",
    Action.VIEW: "viewed",
}


def _e(name: str, action: Action, sentence: str) -> tuple[str, EventType]:
    return name, EventType(name, action, sentence)


EVENTS: dict[str, EventType] = dict(
    [
        _e("client.created", Action.CREATE, "{actor} added {object}"),
        _e("client.updated", Action.UPDATE, "{actor} changed {object}"),
        _e("client.deleted", Action.DELETE, "{actor} deleted {object}"),
        _e("client.viewed", Action.VIEW, "{actor} looked at {object}"),
        _e(
            "client.reminders_stopped",
            Action.UPDATE,
            "{object} chose no more reminders, through an email's link",
        ),
        _e(
            "client.reminders_restarted",
            Action.UPDATE,
            "{object} asked for reminders again, through an email's link",
        ),
        _e(
            "user.reminders_stopped",
            Action.UPDATE,
            "{object} chose no more overdue-measure emails, through an email's link",
        ),
        _e(
            "user.reminders_restarted",
            Action.UPDATE,
            "{object} asked for overdue-measure emails again, through an email's link",
        ),
        _e("consent.recorded", Action.CREATE, "{actor} recorded {object}"),
        _e("consent.withdrawn", Action.CREATE, "{actor} recorded {object}"),
        _e("client.erased", Action.DELETE, "{actor} erased {object} and everything about them"),
        _e("client.restricted", Action.UPDATE, "{actor} restricted processing of {object}"),
        _e(
            "client.restriction_lifted",
            Action.UPDATE,
            "{actor} lifted the restriction of processing of {object}",
        ),
        _e("privacy.legal_hold_placed", Action.UPDATE, "{actor} placed a legal hold on {object}"),
        _e("privacy.legal_hold_lifted", Action.UPDATE, "{actor} lifted the legal hold on {object}"),
        _e(
            "privacy.processing_updated",
            Action.UPDATE,
            "{actor} changed the clinic's wording of {object}",
        ),
        _e("history.added", Action.CREATE, "{actor} added {object} to a client's history"),
        _e("history.changed", Action.UPDATE, "{actor} changed {object} in a client's history"),
        _e("history.removed", Action.DELETE, "{actor} removed {object} from a client's history"),
        _e("questionnaire.assigned", Action.CREATE, "{actor} sent {object}"),
        _e("questionnaire.cancelled", Action.UPDATE, "{actor} cancelled {object}"),
        _e("questionnaire.draft_saved", Action.UPDATE, "{actor} saved answers of {object}"),
        _e(
            "questionnaire.link_replaced",
            Action.UPDATE,
            "{actor} made a new link for {object}; the old one stopped working",
        ),
        _e(
            "questionnaire.link_emailed",
            Action.UPDATE,
            "{actor} emailed a new link for {object}; the old one stopped working",
        ),
        _e(
            "questionnaire.link_reminded",
            Action.UPDATE,
            "{actor} emailed a new link for {object} in a reminder; the old one stopped working",
        ),
        _e("response.submitted", Action.CREATE, "{actor} submitted {object}"),
        _e("response.entered", Action.CREATE, "{actor} entered {object}"),
        _e(
            "response.corrected", Action.CREATE, "{actor} corrected an earlier response as {object}"
        ),
        _e("response.viewed", Action.VIEW, "{actor} looked at {object}"),
        _e("diary.started", Action.CREATE, "{actor} started {object}"),
        _e("diary.changed", Action.UPDATE, "{actor} changed how {object} is kept"),
        _e(
            "diary.link_replaced",
            Action.UPDATE,
            "{actor} made a new link for {object}; the old one stopped working",
        ),
        _e("diary.link_revoked", Action.UPDATE, "{actor} switched off the link of {object}"),
        _e("diary_entry.submitted", Action.CREATE, "{actor} filled in {object}"),
        _e("score.computed", Action.CREATE, "{actor} scored a response again as {object}"),
        _e(
            "screen.recorded",
            Action.CREATE,
            "{actor} screened a client before a session ({object})",
        ),
        _e("screen.decided", Action.UPDATE, "{actor} recorded the decision after {object}"),
        _e("screen.overridden", Action.UPDATE, "{actor} went against {object}, with a reason"),
        _e("screen.viewed", Action.VIEW, "{actor} looked at {object}"),
        _e("safety_flag.raised", Action.CREATE, "{actor} raised {object}"),
        _e("safety_flag.viewed", Action.VIEW, "{actor} looked at {object}"),
        _e("safety_flag.acknowledged", Action.UPDATE, "{actor} acknowledged {object}"),
        _e("safety_flag.resolved", Action.UPDATE, "{actor} resolved {object}"),
        _e("programme_template.created", Action.CREATE, "{actor} added {object}"),
        _e(
            "programme_template.versioned",
            Action.CREATE,
            "{actor} made a new version of a programme template as {object}",
        ),
        _e("enrolment.created", Action.CREATE, "{actor} enrolled a client as {object}"),
        _e("enrolment.viewed", Action.VIEW, "{actor} looked at the plan of {object}"),
        _e("enrolment.completed", Action.UPDATE, "{actor} recorded that {object} was completed"),
        _e("enrolment.withdrawn", Action.UPDATE, "{actor} recorded that the client left {object}"),
        _e("session.added", Action.CREATE, "{actor} added {object} to a plan"),
        _e("session.moved", Action.UPDATE, "{actor} moved {object}"),
        _e("session.screened", Action.UPDATE, "{actor} screened the client for {object}"),
        _e("session.status_recorded", Action.UPDATE, "{actor} recorded the status of {object}"),
        _e("session.viewed", Action.VIEW, "{actor} looked at {object}"),
        _e("session_note.drafted", Action.CREATE, "{actor} started {object}"),
        _e("session_note.draft_saved", Action.UPDATE, "{actor} saved the draft {object}"),
        _e("session_note.signed", Action.UPDATE, "{actor} signed {object}"),
        _e(
            "session_note.signed_without_go_ahead",
            Action.UPDATE,
            "{actor} signed {object}, recording hands-on work the safety screen had not allowed",
        ),
        _e("session_note.amended", Action.CREATE, "{actor} amended a signed note as {object}"),
        _e("session_rating.recorded", Action.CREATE, "{actor} recorded {object}"),
        _e("adverse_event.recorded", Action.CREATE, "{actor} recorded {object}"),
        _e("calendar_feed.created", Action.CREATE, "{actor} made {object}"),
        _e(
            "calendar_feed.revoked",
            Action.UPDATE,
            "{actor} revoked {object}; its address stopped working",
        ),
        _e("licensed_wording.created", Action.CREATE, "{actor} imported {object}"),
        _e("licensed_wording.updated", Action.UPDATE, "{actor} imported a new text for {object}"),
        _e(
            "message.resend_requested", Action.UPDATE, "{actor} asked for {object} to be sent again"
        ),
        _e("user.created", Action.CREATE, "{actor} created the login {object}"),
        _e("user.role_changed", Action.UPDATE, "{actor} changed the role of {object}"),
        _e("user.updated", Action.UPDATE, "{actor} changed the details of {object}"),
        _e("user.permissions_changed", Action.UPDATE, "{actor} changed what {object} may do"),
        _e("user.deactivated", Action.UPDATE, "{actor} switched off the login {object}"),
        _e("user.reactivated", Action.UPDATE, "{actor} switched on the login {object}"),
        _e("user.client_linked", Action.UPDATE, "{actor} linked {object} to a client record"),
        _e("auth.login", Action.VIEW, "{actor} logged in"),
        _e("auth.logout", Action.VIEW, "{actor} logged out"),
        _e("auth.login_failed", Action.VIEW, "A login as {object} failed"),
        _e(
            "auth.password_reset_requested",
            Action.UPDATE,
            "A password reset was asked for {object}",
        ),
        _e("auth.password_changed", Action.UPDATE, "{actor} set a new password for {object}"),
        _e(
            "auth.password_set",
            Action.UPDATE,
            "{actor} set a first password for {object}, after signing in with a link",
        ),
        _e("auth.2fa_enrolled", Action.UPDATE, "{actor} set up an authenticator app for {object}"),
        _e("auth.2fa_removed", Action.UPDATE, "{actor} turned off the second factor of {object}"),
        _e("auth.2fa_reset", Action.UPDATE, "{actor} reset the second factor of {object}"),
        _e(
            "auth.recovery_codes_replaced",
            Action.UPDATE,
            "{actor} made new recovery codes for {object}; the old ones stopped working",
        ),
        _e("auth.2fa_verified", Action.VIEW, "{actor} gave their second factor (app or passkey)"),
        _e("auth.2fa_failed", Action.VIEW, "A wrong second factor was given for {object}"),
        _e("auth.passkey_added", Action.UPDATE, "{actor} added a passkey to {object}"),
        _e("auth.passkey_removed", Action.UPDATE, "{actor} removed a passkey of {object}"),
        _e(
            "auth.recovery_code_used",
            Action.UPDATE,
            "{actor} signed in with a recovery code, which is now used up",
        ),
        _e("auth.locked", Action.UPDATE, "{object} was locked after too many failures in a row"),
        _e("auth.unlocked", Action.UPDATE, "{actor} unlocked {object}"),
        _e(
            "auth.throttled",
            Action.VIEW,
            "Sign-in requests for {object} were refused: too many from one address",
        ),
        _e("auth.reauthenticated", Action.VIEW, "{actor} confirmed who they are again"),
        _e(
            "auth.timed_out",
            Action.VIEW,
            "The session of {actor} ended: too long unused, or too old",
        ),
        _e("audit.exported", Action.VIEW, "{actor} downloaded the audit log"),
        _e("clinic.cohort_viewed", Action.VIEW, "{actor} looked at the cohort of {object}"),
        _e(
            "clinic.practice_viewed",
            Action.VIEW,
            "{actor} looked at the practice of {object} beside the trials",
        ),
        _e(
            "clinic.cohort_exported",
            Action.VIEW,
            "{actor} exported the cohort outcomes of {object}",
        ),
        _e(
            "clinic.responses_exported",
            Action.VIEW,
            "{actor} exported the responses of {object}",
        ),
        _e(
            "client.data_exported",
            Action.VIEW,
            "{actor} downloaded everything kept about {object}",
        ),
        _e("client.report_viewed", Action.VIEW, "{actor} looked at a report of {object}"),
        _e("client.report_exported", Action.VIEW, "{actor} downloaded a report of {object}"),
        _e("client.portal_invited", Action.UPDATE, "{actor} invited {object} to their portal"),
        _e(
            "sign_in_link.sent",
            Action.CREATE,
            "A sign-in link to the client portal was emailed ({object})",
        ),
        _e("sign_in_link.used", Action.UPDATE, "{actor} signed in to the portal with {object}"),
        _e("rating.given", Action.CREATE, "{actor} rated a Learn page as {object}"),
        _e("rating.changed", Action.UPDATE, "{actor} changed {object} of a Learn page"),
        _e("comment.posted", Action.CREATE, "{actor} posted {object} on a Learn page"),
        _e("comment.edited", Action.UPDATE, "{actor} edited {object}"),
        _e("comment.deleted", Action.DELETE, "{actor} deleted {object}"),
        _e("comment.approved", Action.UPDATE, "{actor} approved {object}"),
        _e("comment.rejected", Action.UPDATE, "{actor} rejected {object}"),
        _e(
            "evidence_proposal.created",
            Action.CREATE,
            "{actor} proposed a change to the evidence base ({object})",
        ),
        _e("evidence_proposal.approved", Action.UPDATE, "{actor} approved and applied {object}"),
        _e("evidence_proposal.rejected", Action.UPDATE, "{actor} rejected {object}"),
        *[
            _e(f"{ns}.{verb}", action, f"{{actor}} {word} {{object}}")
            for ns in ("reference", "claim", "study", "arm", "result", "topic")
            for action, verb, word in (
                (Action.CREATE, "created", "added"),
                (Action.UPDATE, "updated", "edited"),
                (Action.DELETE, "deleted", "deleted"),
            )
        ],
    ]
)


def default_name(label_lower: str, action: Action) -> str:
    """``client.updated`` for an update of a client, and so on."""
    return f"{NAMESPACES.get(label_lower, label_lower)}.{VERBS[action]}"


def event_type(name: str) -> EventType:
    try:
        return EVENTS[name]
    except KeyError:
        raise ValueError(
            f"{name!r} is not an audit event type; add it to audit/events.py"
        ) from None


def grouped_choices() -> list[tuple[str, str]]:
    """(name, name) pairs for a filter, in a stable order."""
    return [(name, name) for name in sorted(EVENTS)]
