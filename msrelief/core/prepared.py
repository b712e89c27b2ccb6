"""A query a busy page runs on every request with one value changing (a questionnaire link's
token hash, a session's key, a clinic's id), compiled to SQL once per database connection
instead of on every request.

Compiling is most of what a one-row ORM query costs in Python (building the ``WHERE``, the
columns of a ``select_related``, quoting every name). :class:`PreparedLookup` compiles its
queryset once with a marker in place of the value, keeps the compiler, and then runs the same
SQL with the real value (and the query's constants) through the connection's cursor (so query
logging, execute wrappers and transactions behave as for any ORM query). The rows become model
instances as Django's own ``ModelIterable`` makes them: the same converters,
``Model.from_db`` (with the fields that ``only()`` left out deferred), the related objects of
``select_related`` filled in and each annotation set as an attribute.

Only the SQL is kept, never a row: what the page shows is read afresh on every request.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from django.core.signals import setting_changed
from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators  # type: ignore[attr-defined]
from django.db.models.sql.compiler import SQLCompiler
from django.dispatch import receiver

M = TypeVar("M", bound=Model)

# Stands for the value while the query is compiled; must come back as the query's only parameter.
MARKER = "\x00msrelief-prepared-value\x00"
# The same for a lookup by an integer (a primary key): a number no row is given.
INTEGER_MARKER = -7_368_421_509

_ALL: list[PreparedLookup[Any]] = []


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]  # the marker where the value goes, the query's constants elsewhere
    compiler: SQLCompiler
    converters: dict[int, Any]
    model: type[Model]
    init_list: list[str]
    start: int
    end: int
    populators: Sequence[Any]
    annotations: dict[str, int]

    def bound(self, value: Any) -> tuple[Any, ...]:
        return tuple(value if param is _MARKED else param for param in self.params)


class _Marked:
    """Where the value goes among a compiled query's parameters."""


_MARKED = _Marked()


class PreparedLookup(Generic[M]):
    """``lookup.first(value)``: the first row of ``build(value)`` as a model instance, or None;
    ``lookup.rows(value)``: every row, in the queryset's order.

    ``build`` takes the value and returns the queryset (filtered on that value; ``only()``,
    ``select_related()`` and annotations are kept as the ORM keeps them): it is called once per
    connection, with a marker (:data:`MARKER`, or :data:`INTEGER_MARKER` for a lookup by
    number), so the queryset must depend on nothing else (no date, no user, no manager that
    filters by who is asking). Its other parameters are constants of the query, kept as
    compiled."""

    def __init__(
        self,
        model: type[M],
        build: Callable[[Any], QuerySet[M]],
        marker: str | int = MARKER,
    ) -> None:
        self.model = model
        self.build = build
        self.marker = marker
        self._compiled: WeakKeyDictionary[BaseDatabaseWrapper, _Compiled] = WeakKeyDictionary()
        _ALL.append(self)

    def forget(self) -> None:
        self._compiled.clear()

    def _compile(self, alias: str, connection: BaseDatabaseWrapper) -> _Compiled:
        queryset = self.build(self.marker)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        marked = [_MARKED if param == self.marker else param for param in params]
        if marked.count(_MARKED) != 1:
            raise ValueError("A prepared lookup takes one value, which its query uses once.")
        fields = [column[0] for column in compiler.select[0 : compiler.col_count]]
        if compiler.has_composite_fields(fields):
            raise ValueError("A prepared lookup loads models with a single primary key.")
        klass_info = compiler.klass_info
        assert klass_info is not None
        select_fields = klass_info["select_fields"]
        start, end = select_fields[0], select_fields[-1] + 1
        compiled = _Compiled(
            sql=sql,
            params=tuple(marked),
            compiler=compiler,
            converters=compiler.get_converters(fields),
            model=klass_info["model"],
            init_list=[column[0].target.attname for column in compiler.select[start:end]],
            start=start,
            end=end,
            populators=get_related_populators(klass_info, compiler.select, alias),
            annotations=dict(compiler.annotation_col_map or {}),
        )
        self._compiled[connection] = compiled
        return compiled

    def _run(self, value: Any, *, one: bool) -> list[M]:
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        compiled = self._compiled.get(connection) or self._compile(alias, connection)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, compiled.bound(value))
            found = cursor.fetchmany(1) if one else cursor.fetchall()
        rows: Any = found
        if found and compiled.converters:
            rows = compiled.compiler.apply_converters(found, compiled.converters)
        instances = []
        for row in rows:
            # As Django's ModelIterable makes them.
            instance = compiled.model.from_db(
                alias, compiled.init_list, row[compiled.start : compiled.end]
            )
            for populator in compiled.populators:
                populator.populate(row, instance)
            for name, position in compiled.annotations.items():
                setattr(instance, name, row[position])
            assert isinstance(instance, self.model)
            instances.append(instance)
        return instances

    def first(self, value: str | int) -> M | None:
        found = self._run(value, one=True)
        return found[0] if found else None

    def rows(self, value: str | int) -> list[M]:
        return self._run(value, one=False)


@receiver(setting_changed)
def _recompile(*, setting: str, **kwargs: Any) -> None:
    """A test that changes the databases or the time zone gets freshly compiled queries."""
    if setting in {"DATABASES", "DATABASE_ROUTERS", "USE_TZ", "TIME_ZONE"}:
        for lookup in _ALL:
            lookup.forget()
