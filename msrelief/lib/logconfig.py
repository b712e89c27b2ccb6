"""The LOGGING setting. In production every error and failed request goes to standard error,
where the process manager (systemd's journal, a container runtime) keeps it; nothing is
emailed and nothing is silently dropped. In every mode, link tokens are kept out of the logs
(:mod:`msrelief.lib.redact`)."""

from __future__ import annotations

import logging.config
from typing import Any

from msrelief.lib import redact
from msrelief.lib.env import SettingError

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# django: its request (4xx warnings, 5xx errors with the traceback) and security logs;
# django.server: runserver's request lines; gunicorn.error: the server's own error log.
PRODUCTION_LOGGERS = ("django", "django.server", "msrelief", "gunicorn.error")
PRODUCTION_FORMAT = "%(asctime)s %(levelname)s %(name)s [request %(request_id)s] %(message)s"


def log_level(value: str, name: str = "MSRELIEF_LOG_LEVEL") -> str:
    """A level name such as INFO; anything else is an error naming the variable."""
    level = value.strip().upper()
    if level not in LEVELS:
        raise SettingError(f"{name}={value!r}: use one of {', '.join(LEVELS)}")
    return level


def logging_config(level: str, *, production: bool) -> dict[str, object]:
    """Development keeps Django's own console logging (shown while DEBUG is on) and adds the
    msrelief loggers; production sends Django's, msrelief's and gunicorn's logs to stderr."""
    stderr = {
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stderr",
        "filters": ["request_id"],
        "formatter": "plain",
    }
    config: dict[str, object] = {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "msrelief.audit.context.RequestIdFilter"}},
        "formatters": {"plain": {"format": PRODUCTION_FORMAT}},
        "handlers": {"stderr": stderr},
    }
    if production:
        loggers = {
            name: {"handlers": ["stderr"], "level": level, "propagate": False}
            for name in PRODUCTION_LOGGERS
        }
    else:
        loggers = {"msrelief": {"handlers": ["stderr"], "level": level}}
    config["loggers"] = loggers
    return config


def configure(config: dict[str, Any]) -> None:
    """Django's ``LOGGING_CONFIG``: redact link tokens from every record, then apply
    ``config`` as Django's default would (``logging.config.dictConfig``)."""
    redact.install()
    logging.config.dictConfig(config)
