"""The database side of ``crash.py``: the links it gives out (through the instruments service,
as a therapist would) and what it checks once the server has been killed, restarted and every
submission retried. Runs in crash.py's process after ``django.setup()``."""

from __future__ import annotations

from dataclasses import dataclass

# Instruments whose wording ships with msrelief, so their links can be filled in without a
# clinic's licensed text: a short one, one of a single question, and a long one.
INSTRUMENTS = ("phq9", "gad7", "nrs-pain", "rand36")


def give_out_links(n: int) -> list[str]:
    """n open questionnaire links for the demo clinic's clients, round the clients and the
    instruments in turn; returns their tokens."""
    from msrelief.accounts.models import User
    from msrelief.clients.models import Client
    from msrelief.demo.data import LOGINS
    from msrelief.instruments import services

    therapist = User.objects.get(email=LOGINS[1][0])
    clients = list(Client.objects.filter(clinic=therapist.clinic).order_by("pk"))
    if not clients:
        raise SystemExit("the demo data has no client: `msrelief load-demo` did not run")
    tokens = []
    for i in range(n):
        code = INSTRUMENTS[i % len(INSTRUMENTS)]
        _, token = services.assign_instrument(therapist, clients[i % len(clients)], code)
        tokens.append(token)
    return tokens


def completed_among(tokens: list[str]) -> int:
    """How many of these links' questionnaires the database holds as submitted."""
    from msrelief.instruments.models import Administration, Status
    from msrelief.instruments.tokens import hash_token

    hashes = [hash_token(token) for token in tokens]
    return Administration.objects.filter(token_hash__in=hashes, status=Status.COMPLETED).count()


@dataclass
class Findings:
    """What the database holds after the crash and the retries; every count should be 0."""

    lost_acknowledged: int  # acknowledged, yet no response or not marked submitted
    duplicated: int  # administrations with more than one response
    without_score: int  # responses with no score
    completed_without_response: int  # administrations marked submitted with no response
    answers_differ: int  # responses whose answers are not the ones sent
    without_audit_event: int  # responses with no "response.submitted" event
    audit_chain: str  # "intact", or the first break of the audit trail's hash chain

    @property
    def partial(self) -> int:
        return (
            self.without_score
            + self.completed_without_response
            + self.answers_differ
            + self.without_audit_event
            + (0 if self.audit_chain == "intact" else 1)
        )


def check(sent: dict[str, dict[str, str]], acknowledged: set[str]) -> Findings:
    """``sent``: each link's token and the form fields of its answers (``item_<linkId>``);
    ``acknowledged``: the tokens whose submission was answered with the thank-you page."""
    from django.db.models import Count

    from msrelief.audit.chain import verify_trail
    from msrelief.audit.models import AuditEvent
    from msrelief.instruments.models import Administration, Response, Status
    from msrelief.instruments.tokens import hash_token

    by_hash = {hash_token(token): token for token in sent}
    ours = Administration.objects.filter(token_hash__in=by_hash).annotate(
        n_responses=Count("responses")
    )
    lost = sum(
        1
        for a in ours
        if by_hash[a.token_hash] in acknowledged
        and (a.n_responses == 0 or a.status != Status.COMPLETED)
    )
    responses = list(
        Response.objects.filter(administration__token_hash__in=by_hash)
        .select_related("administration")
        .annotate(n_scores=Count("scores"))
    )
    audited = set(
        AuditEvent.objects.filter(
            event="response.submitted", object_type=Response._meta.label_lower
        ).values_list("object_id", flat=True)
    )
    report = verify_trail()
    return Findings(
        lost_acknowledged=lost,
        duplicated=sum(1 for a in ours if a.n_responses > 1),
        without_score=sum(1 for r in responses if r.n_scores == 0),
        completed_without_response=sum(
            1 for a in ours if a.status == Status.COMPLETED and a.n_responses == 0
        ),
        answers_differ=sum(
            1
            for r in responses
            if _as_form(r.answers) != sent[by_hash[r.administration.token_hash]]
        ),
        without_audit_event=sum(1 for r in responses if str(r.pk) not in audited),
        audit_chain="intact" if report.intact else str(report.broken),
    )


def _as_form(answers: dict[str, float]) -> dict[str, str]:
    """A stored response's answers as the form fields that sent them."""
    shown = {k: str(int(v)) if float(v).is_integer() else str(v) for k, v in answers.items()}
    return {f"item_{k}": v for k, v in shown.items()}


def sqlite_integrity() -> str:
    """SQLite's own check of the database file ("ok"), or "" on another database."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        return str(cursor.fetchone()[0])
