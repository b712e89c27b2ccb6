"""``msrelief send-queued``: send every outbox message whose next try is due, once, and exit.

The worker (``msrelief db_worker``) normally sends messages as they are queued; this sweep is
for a timer (docs/operations.md) and catches anything whose task was lost."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from msrelief.notifications import delivery


class Command(BaseCommand):
    help = "Send the outbox messages that are due (retries included), then exit."

    def handle(self, *args: Any, **options: Any) -> None:
        outcomes = delivery.deliver_due()
        counts = dict.fromkeys(("sent", "retry", "failed", "skipped", "withdrawn", "deferred"), 0)
        for outcome in outcomes:
            counts[outcome.state] += 1
            if outcome.state == "retry" and outcome.retry_at:
                self.stdout.write(
                    f"message #{outcome.message_id}: not sent ({outcome.error}); "
                    f"next try {outcome.retry_at:%Y-%m-%d %H:%M %Z}"
                )
            elif outcome.state == "deferred" and outcome.retry_at:
                self.stdout.write(
                    f"message #{outcome.message_id}: waits for quiet hours to end; "
                    f"next try {outcome.retry_at:%Y-%m-%d %H:%M %Z}"
                )
            elif outcome.state == "withdrawn":
                self.stdout.write(
                    f"message #{outcome.message_id}: not sent, no longer needed ({outcome.error})"
                )
            elif outcome.state == "failed":
                self.stdout.write(
                    f"message #{outcome.message_id}: not delivered after every try "
                    f"({outcome.error}); staff can send it again from Messages"
                )
        self.stdout.write(
            f"{counts['sent']} sent, {counts['retry']} to retry, {counts['failed']} not "
            f"delivered, {counts['skipped']} already taken by another worker"
            + (f", {counts['withdrawn']} no longer needed" if counts["withdrawn"] else "")
            + (f", {counts['deferred']} waiting for quiet hours" if counts["deferred"] else "")
        )
