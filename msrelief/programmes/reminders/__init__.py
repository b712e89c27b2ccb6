"""Reminders between sessions (docs/programmes.md "Reminders"): what is due at an instant
(``rules``), sending and logging it through the outbox (``services``), the last look before a
queued reminder leaves (``withdraw``), opting out through a link (``unsubscribe``), and the
worker's recurring pass (``tasks``)."""
