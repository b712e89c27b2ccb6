"""A query a busy page runs on every request with one value changing (a questionnaire link's
token hash), compiled to SQL once per database connection instead of on every request.

Compiling is most of what a one-row ORM query costs in Python (building the ``WHERE``, the
columns of a ``select_related``, quoting every name). :class:`PreparedLookup` compiles its
queryset once with a marker in place of the value, keeps the compiler, and then runs the same
SQL with the real value through the connection's cursor (so query logging, execute wrappers
and transactions behave as for any ORM query). The row becomes model instances as Django's own
``ModelIterable`` makes them: the same converters, ``Model.from_db`` and the related objects of
``select_related`` filled in.

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

_ALL: list[PreparedLookup[Any]] = []


@dataclass(frozen=True)
class _Compiled:
    sql: str
    compiler: SQLCompiler
    converters: dict[int, Any]
    model: type[Model]
    init_list: list[str]
    start: int
    end: int
    populators: Sequence[Any]


class PreparedLookup(Generic[M]):
    """``lookup.first(value)``: the first row of ``build(value)`` as a model instance, or None.

    ``build`` takes the value and returns the queryset (one filter on that value, sliced to
    one row; no annotations or ``defer``): it is called once per connection, with a marker, so
    the queryset must depend on nothing else (no date, no user, no manager that filters by
    who is asking)."""

    def __init__(self, model: type[M], build: Callable[[str], QuerySet[M]]) -> None:
        self.model = model
        self.build = build
        self._compiled: WeakKeyDictionary[BaseDatabaseWrapper, _Compiled] = WeakKeyDictionary()
        _ALL.append(self)

    def forget(self) -> None:
        self._compiled.clear()

    def _compile(self, alias: str, connection: BaseDatabaseWrapper) -> _Compiled:
        queryset = self.build(MARKER)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        if tuple(params) != (MARKER,):
            raise ValueError("A prepared lookup takes exactly one value, its filter's.")
        fields = [column[0] for column in compiler.select[0 : compiler.col_count]]
        if (
            compiler.annotation_col_map
            or queryset.query.deferred_loading[0]
            or compiler.has_composite_fields(fields)
        ):
            raise ValueError("A prepared lookup loads whole rows, without annotations.")
        klass_info = compiler.klass_info
        assert klass_info is not None
        select_fields = klass_info["select_fields"]
        start, end = select_fields[0], select_fields[-1] + 1
        compiled = _Compiled(
            sql=sql,
            compiler=compiler,
            converters=compiler.get_converters(fields),
            model=klass_info["model"],
            init_list=[column[0].target.attname for column in compiler.select[start:end]],
            start=start,
            end=end,
            populators=get_related_populators(klass_info, compiler.select, alias),
        )
        self._compiled[connection] = compiled
        return compiled

    def first(self, value: str) -> M | None:
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        compiled = self._compiled.get(connection) or self._compile(alias, connection)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, (value,))
            found = cursor.fetchone()
        if found is None:
            return None
        rows: Any = [found]
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        row = next(iter(rows))
        instance = compiled.model.from_db(
            alias, compiled.init_list, row[compiled.start : compiled.end]
        )
        for populator in compiled.populators:
            populator.populate(row, instance)
        assert isinstance(instance, self.model)
        return instance


@receiver(setting_changed)
def _recompile(*, setting: str, **kwargs: Any) -> None:
    """A test that changes the databases or the time zone gets freshly compiled queries."""
    if setting in {"DATABASES", "DATABASE_ROUTERS", "USE_TZ", "TIME_ZONE"}:
        for lookup in _ALL:
            lookup.forget()
