"""The safety net of the evidence data version (:mod:`msrelief.evidence.versions`): any save
or delete of an evidence model, any change to a claim's references and every ``migrate`` moves
the version on, so a write path that forgets to call :func:`~msrelief.evidence.versions.bump`
still cannot leave a cached page stale. Queryset ``.update()``, bulk writes and raw SQL send no
signal and are not caught: they must bump themselves.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from msrelief.evidence import versions
from msrelief.evidence.models import Arm, Claim, Reference, Result, Study, Topic

MODELS = (Reference, Topic, Claim, Study, Arm, Result)
M2M_CHANGES = {"post_add", "post_remove", "post_clear"}


def _record_written(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    versions.bump(using=using)


def _references_changed(action: str, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    if action in M2M_CHANGES:
        versions.bump(using=using)


def _migrated(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """After ``migrate`` (and ``flush``): a data migration may have rewritten evidence rows."""
    table = versions.DataVersion._meta.db_table
    if table in connections[using].introspection.table_names():
        versions.bump(using=using)


def connect(app: AppConfig) -> None:
    """Called once from the app's ``ready()``."""
    for model in MODELS:
        post_save.connect(_record_written, sender=model, dispatch_uid=f"version-save-{model}")
        post_delete.connect(_record_written, sender=model, dispatch_uid=f"version-del-{model}")
    m2m_changed.connect(
        _references_changed, sender=Claim.references.through, dispatch_uid="version-claim-refs"
    )
    post_migrate.connect(_migrated, sender=app, dispatch_uid="version-migrate")
