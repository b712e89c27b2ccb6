"""The background task that delivers one outbox message (Django's task framework through the
django-tasks backport; the database backend needs no extra server)."""

from __future__ import annotations

from django_tasks import default_task_backend, task

from msrelief.notifications import delivery


@task()
def deliver_message(message_id: int) -> str:
    """Try to send the message; on failure, come back when its back-off has passed (or, for
    a message deferred by its last look, when it may go)."""
    outcome = delivery.attempt(message_id)
    later = outcome.state in ("retry", "deferred")
    if later and outcome.retry_at and default_task_backend.supports_defer:
        deliver_message.using(run_after=outcome.retry_at).enqueue(message_id)
    return outcome.state
