"""Stored references read with one fixed ``SELECT``, with no app loaded: ``msrelief cite``.

``cite`` is run from scripts, one reference after another. Loading every app to read one row
(``django.setup()``: every app's models, the passkey library with its cryptography among them)
put its start-up at 0.6 s, over the 0.5 s goal of the short commands (docs/cli.md); through
Django's database connection alone it is about 0.2 s. The rows become
:class:`StoredReference` values, which format exactly as a
:class:`~msrelief.evidence.models.Reference` does (:func:`msrelief.evidence.citations.formatted`
takes either).

The table and column names are the model's own, written out here because the model cannot be
imported without the app registry: a test compares them with ``Reference._meta``, and the
CSL-JSON item made here with ``Reference.csl()`` for every seeded reference, on SQLite and on
PostgreSQL. The statements are fixed; the citation key is a query parameter.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

from msrelief.evidence import cslmap

TABLE = "evidence_reference"
#: Columns stored as JSON text (SQLite) or jsonb (PostgreSQL, read as text by Django's backend).
JSON_COLUMNS = frozenset({"authors", "extra"})


@dataclasses.dataclass(frozen=True)
class StoredReference:
    """The columns of a stored reference that its formatted citation is made from."""

    key: str
    csl_type: str
    authors: Any
    title: str
    container_title: str
    container_title_short: str
    year: int | None
    volume: str
    issue: str
    page: str
    doi: str
    url: str
    pmid: str
    pmcid: str
    publisher: str
    note: str
    extra: Any

    def csl(self) -> dict[str, Any]:
        """This reference as a CSL-JSON item, as ``Reference.csl()`` makes it."""
        return cslmap.to_csl(self)

    @property
    def first_author(self) -> str:
        return cslmap.first_author(self.authors)


COLUMNS = tuple(field.name for field in dataclasses.fields(StoredReference))


def find(key: str, using: str = DEFAULT_DB_ALIAS) -> StoredReference | None:
    """The stored reference whose citation key is ``key``, or None.

    Raises :class:`django.db.DatabaseError` when the table cannot be read (a database that was
    never migrated)."""
    connection = connections[using]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in COLUMNS)
    statement = f"SELECT {columns} FROM {quote(TABLE)} WHERE {quote('key')} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(statement, [key])
        row = cursor.fetchone()
    if row is None:
        return None
    values = dict(zip(COLUMNS, row, strict=True))
    for column in JSON_COLUMNS:
        if isinstance(values[column], str):
            values[column] = json.loads(values[column])
    return StoredReference(**values)


def keys(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Every stored citation key (for "did you mean" when a key is not found)."""
    connection = connections[using]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quote('key')} FROM {quote(TABLE)}")  # noqa: S608
        return [str(row[0]) for row in cursor.fetchall()]
