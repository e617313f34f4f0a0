"""The few statements every update runs, run on sqlite3 directly when SQLite runs inline.

An update reads its user and conversation, writes its handled-record, its conversation and
its outbox row, and then settles that row: five or six small statements. Through
SQLAlchemy's Core each cost several times what SQLite spends on it (the execution context,
parameter processing, the result object: bench/updates.py --profile real). Here such a
statement is compiled once by SQLAlchemy itself, for the engine's own dialect, and then run
on the session's sqlite3 connection, in the same transaction, with the same parameter
processing (SQLAlchemy's bind processors, so a datetime is stored exactly as before).
INSERT, UPDATE and DELETE whose only result is a row count or one RETURNING column of plain
values qualify, and so do SELECTs (the turn's read of the user and their conversation),
whose rows are converted by SQLAlchemy's own result processors and handed back as plain
tuples. Everything else, and every statement on PostgreSQL or on SQLite not run inline,
goes through SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Delete, Executable, Insert, Select, Update
from sqlalchemy.exc import DBAPIError

from bot.store.sqlite_inline import InlineConnection


@dataclass(frozen=True)
class _Compiled:
    compiled: Any  # SQLAlchemy's SQLCompiler
    sql: str
    names: tuple[str, ...]
    processors: dict[str, Callable[[Any], Any]]
    returns: bool
    # a SELECT's result processor per column (None: the value as SQLite gives it)
    columns: tuple[Callable[[Any], Any] | None, ...] | None = None


class DirectRows:
    """A SELECT's rows as the callers read them (plain tuples)."""

    __slots__ = ("_rows",)

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows

    def all(self) -> list[tuple[Any, ...]]:
        return self._rows

    def first(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def one_or_none(self) -> tuple[Any, ...] | None:
        if len(self._rows) > 1:
            raise LookupError("more than one row")
        return self.first()

    def one(self) -> tuple[Any, ...]:
        if len(self._rows) != 1:
            raise LookupError(f"{len(self._rows)} rows, expected one")
        return self._rows[0]


class DirectResult:
    """What callers read of a write's result: its row count, or its one returned value."""

    __slots__ = ("rowcount", "_row")

    def __init__(self, rowcount: int, row: tuple[Any, ...] | None) -> None:
        self.rowcount = rowcount
        self._row = row

    def scalar_one(self) -> Any:
        if self._row is None:
            raise LookupError("the statement returned no row")
        return self._row[0]


# id(statement) -> (the statement, its compiled form or None when it does not qualify). The
# statement is kept so that its id is never reused; these are built once at import anyway.
_CACHE: dict[int, tuple[Executable, _Compiled | None]] = {}


def direct_sqlite(conn: Connection) -> Any:
    """The sqlite3 connection under `conn` when SQLite runs inline (else None)."""
    dbapi = conn.connection.dbapi_connection
    if isinstance(dbapi, InlineConnection):
        return dbapi.driver_connection
    return None


def run(conn: Connection, statement: Executable, params: dict[str, Any]) -> Any:
    """Run `statement` in `conn`'s transaction: on sqlite3 directly when it qualifies,
    through SQLAlchemy otherwise."""
    sqlite = direct_sqlite(conn)
    if sqlite is None:
        return conn.execute(statement, params)
    known = _CACHE.get(id(statement))
    if known is None or known[0] is not statement:
        known = _CACHE[id(statement)] = (statement, _compile(conn, statement))
    compiled = known[1]
    if compiled is None:
        return conn.execute(statement, params)
    values = compiled.compiled.construct_params(params)
    processors = compiled.processors
    args = [
        processors[name](values[name]) if name in processors else values[name]
        for name in compiled.names
    ]
    try:
        cursor = sqlite.execute(compiled.sql, args)
    except sqlite3.Error as exc:
        # As SQLAlchemy would raise it (OperationalError for "database is locked" or a missing
        # table, IntegrityError...), so callers' handling is the same either way; the
        # parameters are hidden from its text, as the engine hides them (what people typed).
        raise DBAPIError.instance(
            compiled.sql, args, exc, sqlite3.Error, hide_parameters=True, dialect=conn.dialect
        ) from exc
    if compiled.columns is not None:
        converters = compiled.columns
        return DirectRows(
            [
                tuple(
                    value if convert is None or value is None else convert(value)
                    for convert, value in zip(converters, row, strict=True)
                )
                for row in cursor.fetchall()
            ]
        )
    rows = cursor.fetchall() if compiled.returns else None
    return DirectResult(cursor.rowcount, rows[0] if rows else None)


def _compile(conn: Connection, statement: Executable) -> _Compiled | None:
    """The statement compiled for this dialect, or None when it does not qualify."""
    if not isinstance(statement, Insert | Update | Delete | Select):
        return None
    compiled: Any = statement.compile(dialect=conn.dialect)
    names = compiled.positiontup
    if names is None or compiled.literal_execute_params or compiled.post_compile_params:
        return None
    processors = dict(compiled._bind_processors)  # noqa: SLF001 (SQLAlchemy's own, per name)
    if isinstance(statement, Select):
        converters = tuple(
            column.type._cached_result_processor(conn.dialect, None)  # noqa: SLF001
            for column in statement.selected_columns
        )
        return _Compiled(compiled, compiled.string, tuple(names), processors, False, converters)
    returning = compiled.returning or []
    if len(returning) > 1:
        return None
    if returning:
        # Only a column read back as it is stored (an id), with nothing to convert.
        column = returning[0]
        if column.type._cached_result_processor(conn.dialect, None) is not None:  # noqa: SLF001
            return None
    return _Compiled(compiled, compiled.string, tuple(names), processors, bool(returning))
