"""Fixtures shared by every test: the emulator, a movable clock, and the bot under test."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest

from bot.core.clock import MovableClock
from bot.emulator.server import BotApiEmulator
from bot.store import migrate
from bot.store.db import Database
from tests.harness import LIVE, TOKEN, BotRunner


async def _stop_leftover_runners() -> None:
    """A test that failed half way leaves its runner going: stop it before the emulator or
    the database it uses goes away (whichever fixture is torn down first calls this)."""
    while LIVE:
        await LIVE[-1].stop()


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    # Simulated users type instantly; a roomier per-chat burst keeps flows from waiting on
    # 429s. Telegram's real limits are the emulator's defaults, tested on their own.
    async with BotApiEmulator(per_chat_burst=40) as emulator:
        emulator.add_bot(TOKEN, username="SteadfastTestBot")
        yield emulator
        await _stop_leftover_runners()


@pytest.fixture
def clock() -> MovableClock:
    # A Wednesday, midday UTC.
    return MovableClock(datetime(2026, 11, 25, 12, 0, tzinfo=UTC))


_TEMPLATE = "steadfast_template"
_template_ready: set[str] = set()


async def _migrated_template(server: str) -> str:
    """A database migrated to head once per run; each test's database is a copy of it."""
    if server in _template_ready:
        return _TEMPLATE
    admin = server.replace("+asyncpg", "")
    connection = await asyncpg.connect(admin)
    await connection.execute(f"DROP DATABASE IF EXISTS {_TEMPLATE} WITH (FORCE)")
    await connection.execute(f"CREATE DATABASE {_TEMPLATE}")
    await connection.close()
    db = Database(f"{server.rsplit('/', 1)[0]}/{_TEMPLATE}")
    try:
        await migrate.upgrade(db)
    finally:
        await db.dispose()
    _template_ready.add(server)
    return _TEMPLATE


@asynccontextmanager
async def _fresh_database(tmp_path: Path, *, migrated: bool) -> AsyncIterator[str]:
    """A database of its own for one test: SQLite by default, PostgreSQL when the run provides
    one (then a copy of a template migrated once, or an empty one for migration tests)."""
    server = os.environ.get("TEST_POSTGRES_URL")
    if not server:
        yield f"sqlite+aiosqlite:///{tmp_path / 'steadfast.db'}"
        return
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = server.replace("+asyncpg", "")
    template = f" TEMPLATE {await _migrated_template(server)}" if migrated else ""
    connection = await asyncpg.connect(admin)
    await connection.execute(f"CREATE DATABASE {name}{template}")
    await connection.close()
    try:
        yield f"{server.rsplit('/', 1)[0]}/{name}"
    finally:
        connection = await asyncpg.connect(admin)
        await connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await connection.close()


@pytest.fixture
async def database_url(tmp_path: Path) -> AsyncIterator[str]:
    async with _fresh_database(tmp_path, migrated=True) as url:
        yield url
        await _stop_leftover_runners()


@pytest.fixture
async def empty_database_url(tmp_path: Path) -> AsyncIterator[str]:
    """An empty database, for tests that run the migrations themselves."""
    async with _fresh_database(tmp_path, migrated=False) as url:
        yield url
        await _stop_leftover_runners()


@pytest.fixture
async def ticking(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> AsyncIterator[BotRunner]:
    """The bot with its periodic tick every 50 ms, so moving the clock is seen at once."""
    runner = BotRunner(
        emu=emu, clock=clock, database_url=database_url, extra={"tick_seconds": 0.05}
    )
    await runner.start()
    try:
        yield runner
    finally:
        await runner.stop()


@pytest.fixture
async def bot(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> AsyncIterator[BotRunner]:
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url)
    await runner.start()
    try:
        yield runner
    finally:
        await runner.stop()
