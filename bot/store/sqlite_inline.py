"""SQLite for SQLAlchemy's aiosqlite dialect, but called directly on the event loop.

aiosqlite hands every call (cursor, execute, fetch, close, commit) to a worker thread and wakes
the event loop for each result; SQLAlchemy's adapter for it then crosses from its greenlet to
the loop and back for each call too. An update makes some twenty such calls, and those
hand-offs cost far more CPU than the statements themselves: a local SQLite statement takes
microseconds. Here the dialect's connection is sqlite3's own behind a thin synchronous
facade, so SQLAlchemy's aiosqlite dialect works unchanged on top and no call leaves the
greenlet it was made in. Rows are read when the statement runs, as aiosqlite's adapter does.

Running inline is safe only if a statement never waits for a lock that a transaction of this
same process holds (it would block the loop that transaction needs to finish). Database
therefore runs one session at a time when it uses this (SQLite lets only one writer in at a
time anyway). Another process holding the write lock (a migration, a maintenance script) makes
a statement wait, as SQLite's busy timeout says; several bot instances belong on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any

from sqlalchemy.engine.interfaces import AdaptedConnection
from sqlalchemy.util.concurrency import await_


class _Done:
    """An awaitable that is done at once (see InlineCursor.execute)."""

    __slots__ = ()

    def __await__(self) -> Generator[Any, None, None]:
        return
        yield  # a generator that finishes without suspending


_DONE = _Done()


class InlineCursor:
    """A DB-API cursor over sqlite3's whose rows are all read when the statement runs."""

    __slots__ = ("_cursor", "_rows", "arraysize")

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor
        self._rows: deque[Any] = deque()
        self.arraysize = 1

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    def execute(self, operation: Any, parameters: Any = None) -> InlineCursor:
        cursor = self._cursor
        if parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        if cursor.description:
            self._rows = deque(cursor.fetchall())
        # SQLAlchemy's AsyncConnection refuses a statement that awaited nothing (its guard
        # against a blocking driver used by mistake): one awaitable that is done at once.
        await_(_DONE)
        return self

    def executemany(self, operation: Any, seq_of_parameters: Any) -> InlineCursor:
        self._cursor.executemany(operation, seq_of_parameters)
        await_(_DONE)  # as in execute
        return self

    def close(self) -> None:
        self._rows.clear()
        self._cursor.close()

    async def _async_soft_close(self) -> None:
        """What SQLAlchemy's async results call once a statement ran: nothing to do, its rows
        were read when it ran (which also finished the statement in SQLite)."""

    def setinputsizes(self, *inputsizes: Any) -> None:
        """Nothing to do (as in sqlite3)."""

    def __iter__(self) -> Iterator[Any]:
        while self._rows:
            yield self._rows.popleft()

    def fetchone(self) -> Any:
        return self._rows.popleft() if self._rows else None

    def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        rows = self._rows
        return [rows.popleft() for _ in range(min(size or self.arraysize, len(rows)))]

    def fetchall(self) -> Sequence[Any]:
        rows = list(self._rows)
        self._rows.clear()
        return rows


class InlineConnection(AdaptedConnection):
    """The connection SQLAlchemy's aiosqlite dialect is given: sqlite3's, called directly."""

    __slots__ = ()

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection  # type: ignore[assignment]

    @property
    def _sqlite(self) -> sqlite3.Connection:
        return self._connection  # type: ignore[return-value]

    @property
    def isolation_level(self) -> str | None:
        return self._sqlite.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: Any) -> None:
        self._sqlite.isolation_level = value

    def cursor(self, server_side: bool = False) -> InlineCursor:
        return InlineCursor(self._sqlite.cursor())

    def execute(self, operation: Any, parameters: Any = None) -> InlineCursor:
        return self.cursor().execute(operation, parameters)

    def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._sqlite.create_function(*args, **kwargs)

    def commit(self) -> None:
        self._sqlite.commit()

    def rollback(self) -> None:
        self._sqlite.rollback()

    def close(self) -> None:
        self._sqlite.close()

    def terminate(self) -> None:
        self._sqlite.close()


def inline_creator(path: str, *, timeout: float) -> Callable[[], InlineConnection]:
    """A `creator` for create_async_engine opening `path` with the given busy timeout."""

    def create() -> InlineConnection:
        # The same arguments SQLAlchemy's dialect gives sqlite3 (via aiosqlite) for a file.
        return InlineConnection(sqlite3.connect(path, timeout=timeout, check_same_thread=False))

    return create
