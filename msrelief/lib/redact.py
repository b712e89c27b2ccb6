"""Secret link tokens kept out of every log line.

A questionnaire link (``/q/<token>/…``) or a symptom diary link (``/diary/<token>/``) works
for whoever holds it, so its token must not be copied into a log, where more people and more
systems can read it than the person it was given to, and so does a calendar feed's address
(``/calendar/<token>.ics``). The paths that carry such a token are listed once, in
:data:`TOKEN_ROUTES` (with ``/feeds/<token>``, ``/unsubscribe/<token>`` and the client portal's
emailed sign-in link, ``/me/sign-in/<token>/``); in any log text the path segment after one of
them becomes ``…``: ``GET /q/…/2/``, ``GET /calendar/…``. A password reset link
(``/accounts/reset/<uidb64>/<token>/``) sets a login's password for whoever holds it until it
is used or expires, so its token becomes ``…`` too (the login's number before it is no secret,
and Django's own ``set-password`` step, which holds no token, is left as it is).

The redaction happens where each log record is made (:func:`install` wraps logging's record
factory), so it covers every logger and every handler in the process: Django's request log
("Not Found: /q/…/"), runserver's request lines, gunicorn's access and error logs (gunicorn
writes them through the ``logging`` module of the worker process, after Django's set-up has
run :func:`msrelief.lib.logconfig.configure`), and whatever a test captures. The message, its
traceback and its stack are redacted; a record whose text holds no token is left as it was.
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import Any

#: The path segments (from the first) of every URL whose next segment is a secret token: the
#: questionnaire and diary links, the calendar feeds, the feeds and unsubscribe links, and the
#: client portal's sign-in links.
TOKEN_ROUTES = ("q", "diary", "calendar", "feeds", "unsubscribe", "me/sign-in")
PLACEHOLDER = "…"

# The segment after /q/, /diary/, /calendar/, /feeds/ or /unsubscribe/, wherever it appears: in
# a path, in a full address (a Referer header in gunicorn's access log) or in a query string.
# The client portal's /me/q/<number>/ and /me/diary/saved/ are left alone: they hold no secret.
_TOKEN = re.compile(
    r"(?<!/me)(/(?:" + "|".join(map(re.escape, TOKEN_ROUTES)) + r")/)[^/?#&\s\"'<>]+"
)


# The token of a password reset link: the second segment after /accounts/reset/.
_SEGMENT = r"[^/?#&\s\"'<>]+"
_RESET_TOKEN = re.compile(
    r"(/accounts/reset/" + _SEGMENT + r"/)(?!set-password(?:[/?#&\s\"'<>]|$))" + _SEGMENT
)


def redact(text: str) -> str:
    """``text`` with every token in a token path replaced by ``…``."""
    text = _TOKEN.sub(lambda match: match.group(1) + PLACEHOLDER, text)
    return _RESET_TOKEN.sub(lambda match: match.group(1) + PLACEHOLDER, text)


def redact_record(record: logging.LogRecord) -> None:
    """Redact the record's message, traceback and stack in place."""
    try:
        message = record.getMessage()
    except Exception:  # a badly formatted message is for the handler to report, as usual
        return
    clean = redact(message)
    if clean != message:
        record.msg, record.args = clean, ()
    if record.exc_info and not record.exc_text:
        # Formatters use exc_text when it is set, so the traceback is formatted here once.
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip())
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


class _RedactingFactory:
    """Makes a record with the factory that was there before, then redacts it."""

    def __init__(self, make: Any) -> None:
        self.make = make

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = self.make(*args, **kwargs)
        redact_record(record)
        return record


def install() -> None:
    """Redact every log record made from now on in this process (once, however often called)."""
    current = logging.getLogRecordFactory()
    if not isinstance(current, _RedactingFactory):
        logging.setLogRecordFactory(_RedactingFactory(current))
