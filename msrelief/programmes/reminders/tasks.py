"""The worker runs the reminder pass on a schedule. Django's task framework has no cron, so
the pass is a task that, whatever happens in it, queues itself again to run ``EVERY`` later
(the database backend's ``run_after``). ``msrelief send-reminders --schedule`` starts the
chain unless a pass is already waiting or running; the worker's service runs that before
each start (docs/operations.md), so the chain survives restarts and never runs twice over."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend, task

from msrelief.programmes.reminders import services

EVERY = dt.timedelta(minutes=15)
# A pass "running" for longer than this was left by a worker that died: it does not count.
STALE = dt.timedelta(hours=1)


@task()
def reminder_pass() -> int:
    """Run one reminder pass now; returns how many reminders it decided about."""
    try:
        return len(services.run_pass())
    finally:
        if default_task_backend.supports_defer:
            reminder_pass.using(run_after=timezone.now() + EVERY).enqueue()


def schedule() -> str:
    """Start the recurring pass on the worker, once; says what it did."""
    if not default_task_backend.supports_defer:
        return "This task backend cannot run tasks later; use a timer (docs/operations.md)."
    if _chain_exists():
        return "The reminder pass is scheduled already."
    reminder_pass.enqueue()
    return f"The reminder pass is scheduled: the worker runs it now, then every {_minutes()}."


def _chain_exists() -> bool:
    from django_tasks_db.models import DBTaskResult

    mine = DBTaskResult.objects.filter(task_path=reminder_pass.module_path)
    waiting = mine.filter(status=TaskResultStatus.READY).exists()
    recent = timezone.now() - STALE
    running = mine.filter(status=TaskResultStatus.RUNNING, started_at__gte=recent).exists()
    return waiting or running


def _minutes() -> str:
    return f"{int(EVERY.total_seconds() // 60)} minutes"
