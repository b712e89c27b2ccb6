"""The stored data version of the evidence base: what keys the cached evidence pages.

One row (scope ``evidence``) holds a counter and a random token. Every write to the evidence
models moves both on, in the writer's own transaction, so that a page cached under the token a
reader saw is never shown once the data it was built from has changed:

* every evidence service (:mod:`msrelief.evidence.services`), the approval of a reviewed
  proposal (:mod:`msrelief.evidence.review`) and the seed loader
  (:mod:`msrelief.evidence.seeding`, ``load-evidence``, ``load-demo``) call :func:`bump` first
  in their transaction (:func:`atomic_write`). Taking the row's lock before any record's, every
  writer queues on it in the same order, so two writers cannot deadlock on it;
* as a safety net for a path that forgets, a save or a delete of any evidence model, and a
  change to a claim's references, bumps too (:mod:`msrelief.evidence.signals`), as does every
  ``migrate`` (a data migration may rewrite rows). What the net cannot see: a queryset's
  ``.update()``, ``bulk_create``/``bulk_update`` and raw SQL send no signal; such a write must
  call :func:`bump` itself.

Why a token, not just the counter: a transaction that bumps and then rolls back leaves the
counter where it was, and the next write would reuse the number, yet a page built inside the
rolled-back transaction (a test, a request that failed later) may already be cached under it.
A token is drawn afresh for every bump, so a key is never reused, not after a rollback, a
restored backup or a new database sharing the cache.

A reader reads the token first and the records after (:func:`current`). Racing a write, it may
cache the new data under the old token, which no reader sees again once the write is
committed; it can never cache old data under the new token, which becomes visible only with
the data it stands for.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import DEFAULT_DB_ALIAS, IntegrityError, models, transaction
from django.db.models import F

EVIDENCE = "evidence"

P = ParamSpec("P")
R = TypeVar("R")


class DataVersion(models.Model):
    """How often a scope's data changed (``number``) and a fresh ``token`` for each change."""

    scope = models.CharField(max_length=40, primary_key=True)
    number = models.PositiveBigIntegerField(default=0)
    token = models.CharField(max_length=32)

    class Meta:
        app_label = "evidence"

    def __str__(self) -> str:
        return f"{self.scope} version {self.number}"


def new_token() -> str:
    return secrets.token_hex(12)


def bump(using: str = DEFAULT_DB_ALIAS, scope: str = EVIDENCE) -> None:
    """Move ``scope``'s version on, in the caller's transaction (the row is made if missing)."""
    rows = DataVersion.objects.using(using).filter(scope=scope)
    for _ in range(2):
        if rows.update(number=F("number") + 1, token=new_token()):
            return
        try:
            with transaction.atomic(using=using):
                DataVersion.objects.using(using).create(scope=scope, number=1, token=new_token())
            return
        except IntegrityError:  # made meanwhile by another writer: update it after all
            continue
    raise RuntimeError(f"the data version {scope!r} could not be moved on")  # pragma: no cover


def current(using: str = DEFAULT_DB_ALIAS, scope: str = EVIDENCE) -> str | None:
    """The token of ``scope``'s version now, or ``None`` when there is no row (then nothing
    may be cached). One small query."""
    rows = DataVersion.objects.using(using).filter(scope=scope).values_list("token", flat=True)
    found = list(rows[:1])
    return str(found[0]) if found else None


def atomic_write(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` in one transaction that moves the evidence version on before anything
    else (the decorator of every evidence write service)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with transaction.atomic():
            bump()
            return func(*args, **kwargs)

    return wrapper
