"""Reads declared with the ORM and compiled to SQL once per process.

Building a queryset and compiling it costs Django 0.3-1 ms of CPU for the small reads the
busiest pages make (a queue page, an intake's detail, a submit): several times what
PostgreSQL spends running them. A ``CompiledRead`` is written with the ORM as any other
read, compiled the first time with stand-in values, and from then on sends the same SQL
with the real values put where the stand-ins were; its rows become what the queryset
would have given (model instances with their ``select_related`` objects and annotations,
or ``values()`` dicts, or ``values_list()`` tuples or values), converted by the compiler
that made the SQL (JSON decoded, and so on).

``build(**shape, **params)`` returns the queryset. ``params`` are the values that only
fill a placeholder: an int, a str, a UUID, an aware datetime, or a list of ints (the
list's length is part of the shape). ``shape`` is everything that changes the SQL itself
(which filters apply, a slice's size, None): the read is compiled once for each distinct
shape. A value the build works out for itself would be frozen into the SQL: the first
compile is done twice with different stand-ins and refused when anything but the
stand-ins differs, which catches ``timezone.now()`` but not a value that changes slowly
(today's date): such a value is a parameter. A shape that cannot be compiled (that, a
parameter the SQL holds transformed, as SQLite's text match of a flag, or a prefetch) is
built and run by the ORM on every call instead.
"""

import itertools
import logging
import threading
import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.models import QuerySet
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.db.transaction import TransactionManagementError

logger = logging.getLogger(__name__)
_STAND_IN_BASE = -7_316_000_000_000
_counter = itertools.count(1)
_KINDS = (ModelIterable, ValuesIterable, ValuesListIterable, FlatValuesListIterable)


class NotCompilable(ValueError):
    """The read's SQL holds a value other than its parameters that changes between builds,
    or a parameter that does not reach the SQL as given, or it cannot be run from its SQL
    alone (a prefetch)."""


def _stand_in(value, n: int):
    """A value of the same kind as ``value`` that no query holds by chance."""
    if isinstance(value, bool) or value is None:
        raise NotCompilable(f"{value!r} changes the SQL: pass it in the shape")
    if isinstance(value, int):
        return _STAND_IN_BASE - n
    if isinstance(value, str):
        return f"\x1fstand-in {n}\x1f"
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=(1 << 127) + n)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return datetime(1901, 1, 1, tzinfo=UTC) + timedelta(microseconds=n)
    raise NotCompilable(f"no stand-in for a {type(value).__name__}")


def _signature(params: dict) -> tuple:
    """What of the parameters the SQL depends on: their names and types (a str where a
    UUID was compiled would not be checked as the ORM checks it), each list's length."""
    return tuple(
        (name, type(value), len(value) if isinstance(value, list | tuple) else None)
        for name, value in sorted(params.items())
    )


@dataclass
class _Compiled:
    sql: str
    params: list
    slots: dict  # parameter name -> [(index in params, index in a list or None)]
    compiler: object
    kind: type
    prepared: bool = False
    names: list[str] = field(default_factory=list)  # of a values() dict
    models: tuple = ()  # of model rows: (model, db, init_list, start, end, populators)
    locks: bool = False

    def filled(self, values: dict) -> list:
        """The SQL's parameters with ``values`` where the stand-ins were."""
        params = list(self.params)
        for name, places in self.slots.items():
            for at, item in places:
                params[at] = values[name] if item is None else values[name][item]
        return params

    def rows(self, values: dict) -> list:
        params = self.filled(values)
        connection = self.compiler.connection
        if self.locks and connection.get_autocommit():
            raise TransactionManagementError("select_for_update outside a transaction")
        with _cursor(connection, self.prepared) as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        if self.compiler.has_extra_select:
            fetched = [row[: self.compiler.col_count] for row in fetched]
        rows = self.compiler.results_iter(results=[fetched], tuple_expected=True)
        if self.kind is ModelIterable:
            return [self._instance(row) for row in rows]
        if self.kind is FlatValuesListIterable:
            return [row[0] for row in rows]
        if self.kind is ValuesIterable:
            return [dict(zip(self.names, row, strict=True)) for row in rows]
        return list(rows)

    def _instance(self, row):
        """What ``ModelIterable`` makes of a row (no known related objects: the build's
        queryset starts from a manager, not from a related object)."""
        model, db, init_list, start, end, populators = self.models
        obj = model.from_db(db, init_list, row[start:end])
        for populator in populators:
            populator.populate(row, obj)
        for name, at in self.compiler.annotation_col_map.items():
            setattr(obj, name, row[at])
        return obj


# After how many runs on a connection psycopg has PostgreSQL prepare a compiled read.
PREPARE_AFTER = 5


def _cursor(connection, prepared: bool):
    """Django's cursor; for a ``prepared`` read on PostgreSQL, one that sends the values
    apart from the SQL, so that psycopg has the server prepare a read it runs again and
    again on the connection and PostgreSQL keeps a plan for it (see ``CompiledRead``).
    Django leaves prepared statements off for the sake of a transaction-mode connection
    pooler; the portal connects directly (a pooler would need its prepared-statement
    support). Either is Django's wrapper, so the read is counted and logged as any other."""
    if not prepared or connection.vendor != "postgresql":
        return connection.cursor()
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        raw.prepare_threshold = PREPARE_AFTER
    # Django's own wrapping of a new cursor (thread check, query logging).
    return connection._prepare_cursor(ServerBindingCursor(raw))


class CompiledRead:
    """A read compiled once per process, shape and thread (see the module's docstring).

    ``prepared``: PostgreSQL may keep one plan for the read, whatever its values (a
    prepared statement: planning was most of the server's time for these reads, 0.3 of
    0.45 ms for the submit's). Only for a read whose best plan does not depend on its
    values, such as one by a key: a queue page's plan depends on its statuses, flag and
    cursor (its partial indexes), and a generic plan for it read every open intake."""

    def __init__(self, build: Callable[..., QuerySet], *, prepared: bool = False) -> None:
        self._build = build
        self._prepared = prepared
        self._local = threading.local()

    def __call__(self, shape: dict | None = None, **params) -> list:
        shape = shape or {}
        compiled = self._compiled(shape, params)
        if compiled is None:
            return list(self._build(**shape, **params))
        return compiled.rows(params)

    def sql(self, shape: dict | None = None, **params) -> tuple[str, list]:
        """The read's SQL and parameters, not run: for a statement that holds it."""
        shape = shape or {}
        compiled = self._compiled(shape, params)
        if compiled is None:
            return self._build(**shape, **params).query.sql_with_params()
        return compiled.sql, compiled.filled(params)

    def _compiled(self, shape: dict, params: dict) -> _Compiled | None:
        key = (tuple(sorted(shape.items())), _signature(params))
        cache = self._local.__dict__.setdefault("compiled", {})
        if key not in cache:
            try:
                cache[key] = self._compile(shape, params)
            except NotCompilable as refused:
                logger.info("%s: built on every call (%s)", self._build.__qualname__, refused)
                cache[key] = None
        return cache[key]

    def _compile(self, shape: dict[str, Hashable], params: dict) -> _Compiled:
        first = self._compile_with(shape, params)
        second = self._compile_with(shape, params)
        if first.sql != second.sql or _fixed(first) != _fixed(second):
            raise NotCompilable("a value other than the parameters changes between builds")
        return first

    def _compile_with(self, shape: dict, params: dict) -> _Compiled:
        stand_ins = {}
        for name, value in params.items():
            if isinstance(value, list | tuple):
                stand_ins[name] = [_stand_in(v, next(_counter)) for v in value]
            else:
                stand_ins[name] = _stand_in(value, next(_counter))
        queryset = self._build(**shape, **stand_ins)
        if queryset._iterable_class not in _KINDS or queryset._prefetch_related_lookups:
            raise NotCompilable("only model rows and values are run from their SQL alone")
        compiler = queryset.query.get_compiler(queryset.db)
        sql, sql_params = compiler.as_sql()
        slots = {name: _places(sql_params, stand_in) for name, stand_in in stand_ins.items()}
        missing = [name for name, stand_in in stand_ins.items()
                   if not _all_placed(slots[name], stand_in)]  # fmt: skip
        if missing:
            raise NotCompilable(f"not in the SQL as given: {', '.join(missing)}")
        compiled = _Compiled(
            sql, list(sql_params), slots, compiler, queryset._iterable_class,
            prepared=self._prepared, locks=queryset.query.select_for_update,
        )  # fmt: skip
        query = queryset.query
        if compiled.kind is ValuesIterable:
            compiled.names = list(query.selected) if query.selected else [
                *query.extra_select, *query.values_select, *query.annotation_select]  # fmt: skip
        if compiled.kind is ModelIterable:
            compiled.models = _model_parts(compiler, queryset.db)
        return compiled


def _items(stand_in) -> list:
    return stand_in if isinstance(stand_in, list) else [stand_in]


def _all_placed(places: list, stand_in) -> bool:
    wanted = range(len(stand_in)) if isinstance(stand_in, list) else [None]
    return {item for _at, item in places} >= set(wanted)


def _places(sql_params, stand_in) -> list[tuple[int, int | None]]:
    """Where each stand-in sits among the SQL's parameters: (its index there, its index in
    a list of stand-ins or None)."""
    items = _items(stand_in)
    return [
        (at, item if isinstance(stand_in, list) else None)
        for at, param in enumerate(sql_params)
        for item, one in enumerate(items)
        if type(param) is type(one) and param == one
    ]


def _model_parts(compiler, db: str) -> tuple:
    """What ``ModelIterable`` works out from a compiled query, worked out once."""
    select, klass_info = compiler.select, compiler.klass_info
    fields = klass_info["select_fields"]
    start, end = fields[0], fields[-1] + 1
    init_list = [f[0].target.attname for f in select[start:end]]
    populators = get_related_populators(klass_info, select, db)
    return klass_info["model"], db, init_list, start, end, populators


def _fixed(compiled: _Compiled) -> list:
    """The parameters that are not stand-ins (the same in every run)."""
    taken = {at for places in compiled.slots.values() for at, _item in places}
    return [repr(p) for at, p in enumerate(compiled.params) if at not in taken]
