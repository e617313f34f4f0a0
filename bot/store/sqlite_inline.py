"""SQLite through aiosqlite's interface, but run inline on the event loop instead of a thread.

aiosqlite hands every call (cursor, execute, fetch, close, commit) to a worker thread and wakes
the event loop for each result. An update makes some twenty such calls, and the hand-offs cost
more CPU than the statements themselves: a local SQLite statement takes microseconds. Here the
same calls run inline, so SQLAlchemy's aiosqlite dialect works unchanged on top.

Running inline is safe only if a statement never waits for a lock that a transaction of this
same process holds (it would block the loop that transaction needs to finish). Database
therefore runs one session at a time when it uses this (SQLite lets only one writer in at a
time anyway). Another process holding the write lock (a migration, a maintenance script) makes
a statement wait, as SQLite's busy timeout says; several bot instances belong on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Generator
from functools import partial
from typing import Any

import aiosqlite


class _InlineQueue:
    """Stands in for aiosqlite's queue to its worker thread: runs each job at once."""

    def put_nowait(self, item: tuple[Any, Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except BaseException as exc:
            if future is None:
                raise
            future.set_exception(exc)
        else:
            if future is not None:
                future.set_result(result)


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection whose calls run in the caller's thread, without a worker."""

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _InlineQueue()  # type: ignore[assignment]

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)

    def __await__(self) -> Generator[Any, None, InlineConnection]:
        return self._open().__await__()

    async def _open(self) -> InlineConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    def stop(self) -> None:
        self._running = False
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def close(self) -> None:
        self.stop()


def inline_creator(path: str, *, timeout: float) -> Callable[[], Awaitable[InlineConnection]]:
    """An `async_creator` for create_async_engine opening `path` with the given busy timeout."""

    async def create() -> InlineConnection:
        # The same arguments SQLAlchemy's dialect gives aiosqlite for a file database.
        connector = partial(sqlite3.connect, path, timeout=timeout, check_same_thread=False)
        return await InlineConnection(connector)

    return create
