"""The worker's recurring reminder pass (programmes/reminders/tasks.py) on the database task
backend: started once however often it is asked, and queued again after each pass."""

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from msrelief.programmes.reminders import tasks

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def waiting():
    return DBTaskResult.objects.filter(
        task_path=tasks.reminder_pass.module_path, status=TaskResultStatus.READY
    )


def test_scheduling_twice_queues_one_pass(db, settings):
    settings.TASKS = DATABASE
    first, second = tasks.schedule(), tasks.schedule()
    assert first.startswith("The reminder pass is scheduled: the worker runs it now")
    assert second == "The reminder pass is scheduled already."
    assert waiting().count() == 1


def test_each_pass_queues_the_next_one_fifteen_minutes_later(db, settings, time_machine):
    settings.TASKS = DATABASE
    time_machine.move_to("2026-03-02T10:00:00+13:00", tick=False)
    tasks.reminder_pass.call()
    (later,) = waiting()
    assert later.run_after.isoformat() == "2026-03-01T21:15:00+00:00"
