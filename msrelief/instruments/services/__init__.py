"""Every write about outcome measures, one module per concern. Each service checks permission,
runs in one transaction, validates everything before saving anything, and writes the audit
event; views, the API and the commands call these and nothing else writes."""

from msrelief.instruments.services._common import Answers, answers_from
from msrelief.instruments.services.assigning import (
    assign_instrument,
    cancel_administration,
    link_url,
)
from msrelief.instruments.services.filling import (
    NotOpen,
    closed_reason,
    needed_for_a_score,
    save_draft,
    submit_response,
)
from msrelief.instruments.services.flags import (
    acknowledge_flag,
    raise_signal,
    resolve_flag,
    signals_for_client,
)
from msrelief.instruments.services.links import email_new_link, issue_new_link
from msrelief.instruments.services.reads import view_client_measures, view_flag, view_response
from msrelief.instruments.services.responses import (
    correct_response,
    enter_response,
    rescore_all,
    store_score,
)
from msrelief.instruments.services.wording import import_clinic_questionnaire

__all__ = [
    "Answers",
    "NotOpen",
    "acknowledge_flag",
    "answers_from",
    "assign_instrument",
    "cancel_administration",
    "closed_reason",
    "correct_response",
    "email_new_link",
    "enter_response",
    "import_clinic_questionnaire",
    "issue_new_link",
    "link_url",
    "needed_for_a_score",
    "raise_signal",
    "rescore_all",
    "resolve_flag",
    "save_draft",
    "signals_for_client",
    "store_score",
    "submit_response",
    "view_client_measures",
    "view_flag",
    "view_response",
]
