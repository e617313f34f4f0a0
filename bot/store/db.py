"""The async engine and one session per update or job."""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, Executable, event, text
from sqlalchemy.engine.url import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.util.concurrency import greenlet_spawn
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import (
    models,  # noqa: F401  (registers the tables on SQLModel.metadata)
    sqlite_direct,
)
from bot.store.sqlite_inline import inline_creator

# How long a SQLite statement waits for another process's write lock before it fails. Short on
# purpose: statements run inline on the event loop (see sqlite_inline), so a longer wait would
# freeze every chat, crisis replies included; the person is asked to try again instead.
BUSY_TIMEOUT = 0.5
# PostgreSQL: an unreachable server (a dropped network, not a refused port) fails a connection
# attempt after this many seconds, not asyncpg's 60, so an outage is seen, and a stop is not held.
CONNECT_TIMEOUT = 5.0


class Database:
    """Owns the engine; hands out sessions that commit on success and roll back on error."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        # An error's text would otherwise carry the statement's parameters (user ids, what
        # users typed) into every log line that names it.
        kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
        # One session at a time for SQLite run inline (see sqlite_inline); None otherwise.
        self._one_at_a_time: TakingTurns | None = None
        self._holder: asyncio.Task[Any] | None = None
        if self.is_sqlite:
            path = _ensure_sqlite_folder(url)
            if path is None:
                kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT}
            else:
                kwargs["creator"] = inline_creator(path, timeout=BUSY_TIMEOUT)
                self._one_at_a_time = TakingTurns()
        else:
            kwargs.update(
                pool_size=10,
                max_overflow=10,
                pool_pre_ping=True,
                connect_args={"timeout": CONNECT_TIMEOUT},
            )
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self._sessions = async_sessionmaker(
            self.engine, class_=AsyncSession, expire_on_commit=False
        )
        # PostgreSQL: urgent sessions have a small pool of their own, so a reply's outcome
        # never waits for a connection behind a burst of updates.
        self._urgent_engine: AsyncEngine | None = None
        self._urgent_sessions = self._sessions
        if not self.is_sqlite:
            # Autocommit and no ping on checkout: an outcome is one idempotent statement, one
            # round trip (a lost connection fails it, and the write is retried).
            self._urgent_engine = create_async_engine(
                url,
                echo=echo,
                hide_parameters=True,
                pool_size=2,
                max_overflow=2,
                isolation_level="AUTOCOMMIT",
                pool_recycle=300,
                connect_args={"timeout": CONNECT_TIMEOUT},
            )
            self._urgent_sessions = async_sessionmaker(
                self._urgent_engine, class_=AsyncSession, expire_on_commit=False
            )

    @asynccontextmanager
    async def session(self, *, urgent: bool = False) -> AsyncIterator[AsyncSession]:
        """Yield a session; commit when the block ends cleanly, roll back otherwise.

        `urgent`: a tiny write that closes a window (a reply's outcome, written just after
        Telegram accepted it): on SQLite it goes ahead of the sessions waiting their turn."""
        if self._one_at_a_time is None:
            async with self._session(urgent=urgent) as session:
                yield session
            return
        task = await self._take_turn(urgent=urgent)
        try:
            self._holder = task
            try:
                session = self._sessions()
                # Ended here, not by the session's own `async with`, which closes in a task
                # of its own so that a cancellation cannot cut the close short: run inline,
                # SQLite's calls never suspend, so nothing can, and that task cost more than
                # the close. Commit (or rollback) and close are one step into the greenlet.
                try:
                    yield session
                except BaseException:
                    await session.run_sync(_end, commit=False)
                    raise
                await session.run_sync(_end, commit=True)
            finally:
                self._holder = None
        finally:
            self._one_at_a_time.release()

    async def write(self, work: Callable[[Connection], object], *, urgent: bool = False) -> None:
        """Run `work` on a Core connection in a transaction of its own, committed when it
        returns (rolled back when it raises). For a statement or two with no ORM objects (a
        reply's outcome), where a session costs twice the write. `work` is synchronous: run
        inline on SQLite, the whole transaction is one step into SQLAlchemy's greenlet instead
        of one for each call. `urgent` as for session()."""
        if self._one_at_a_time is None:
            engine = self._urgent_engine if urgent and self._urgent_engine else self.engine
            async with engine.begin() as conn:
                await conn.run_sync(work)
            return
        task = await self._take_turn(urgent=urgent)
        try:
            self._holder = task
            try:
                # Never suspends run inline (see session()), so a cancellation cannot cut the
                # transaction short.
                await greenlet_spawn(self._write_now, work)
            finally:
                self._holder = None
        finally:
            self._one_at_a_time.release()

    def _write_now(self, work: Callable[[Connection], object]) -> None:
        with self.engine.sync_engine.begin() as conn:
            work(conn)

    async def _take_turn(self, *, urgent: bool) -> asyncio.Task[Any] | None:
        """SQLite run inline: wait for this process's turn at the database."""
        assert self._one_at_a_time is not None
        task = asyncio.current_task()
        if task is not None and task is self._holder:
            raise RuntimeError("a session opened inside another would wait for itself")
        await self._one_at_a_time.acquire(urgent=urgent)
        return task

    @asynccontextmanager
    async def _session(self, *, urgent: bool = False) -> AsyncIterator[AsyncSession]:
        async with (self._urgent_sessions if urgent else self._sessions)() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    async def ping(self) -> None:
        """Raise unless the database answers a trivial query."""
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self._urgent_engine is not None:
            await self._urgent_engine.dispose()


def _end(session: Session, *, commit: bool) -> None:
    """Commit or roll back `session`'s transaction, then close it (closing rolls back what a
    failed commit left)."""
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


async def execute(
    target: AsyncSession | AsyncConnection, statement: Executable, params: dict[str, Any]
) -> CursorResult[Any]:
    """Run a Core statement (on a table, no ORM objects) in `target`'s transaction, a session
    or a connection. On a session it runs on the session's connection in one step: the ORM
    session's execute adds nothing to such a statement (not even an autoflush) and cost more
    than running it; a plain write on SQLite run inline goes to sqlite3 directly
    (sqlite_direct: its result then offers `rowcount` and `scalar_one()` only)."""
    if isinstance(target, AsyncConnection):
        return await target.execute(statement, params)
    return await target.run_sync(_execute_sync, statement, params)


def _execute_sync(session: Session, statement: Executable, params: dict[str, Any]) -> Any:
    return sqlite_direct.run(session.connection(), statement, params)


class TakingTurns:
    """One holder at a time, first come first served, except that urgent waiters go before
    the others (a lock with two queues)."""

    def __init__(self) -> None:
        self._held = False
        self._urgent: deque[asyncio.Future[None]] = deque()
        self._normal: deque[asyncio.Future[None]] = deque()

    async def acquire(self, *, urgent: bool = False) -> None:
        if not self._held and not self._urgent and not self._normal:
            self._held = True
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        (self._urgent if urgent else self._normal).append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # it was handed over just as it was cancelled: pass it on
            else:
                with contextlib.suppress(ValueError):
                    (self._urgent if urgent else self._normal).remove(waiter)
            raise

    def release(self) -> None:
        """Hand the turn to the next waiter (urgent ones first), or free it."""
        for queue in (self._urgent, self._normal):
            while queue:
                waiter = queue.popleft()
                if not waiter.done():
                    waiter.set_result(None)  # still held: handed over
                    return
        self._held = False


def is_busy(exc: BaseException) -> bool:
    """Whether `exc` says the database was held by someone else (SQLite's "database is
    locked"), a passing state worth a "try again", not a fault."""
    text_of = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text_of or "database is busy" in text_of


def _ensure_sqlite_folder(url: str) -> str | None:
    """Create the database file's folder; return the file's absolute path (None in memory)."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return None
    path = Path(database).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Deleted content is overwritten with zeros, not left in free space (see /delete).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()
