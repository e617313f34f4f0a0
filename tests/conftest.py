"""Fixtures shared by every test: the emulator, a movable clock, and the bot under test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import MovableClock
from bot.emulator.server import BotApiEmulator
from tests.harness import TOKEN, BotRunner


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    # Simulated users type instantly; a roomier per-chat burst keeps flows from waiting on
    # 429s. Telegram's real limits are the emulator's defaults, tested on their own.
    async with BotApiEmulator(per_chat_burst=40) as emulator:
        emulator.add_bot(TOKEN, username="SteadfastTestBot")
        yield emulator


@pytest.fixture
def clock() -> MovableClock:
    # A Wednesday, midday UTC.
    return MovableClock(datetime(2026, 11, 25, 12, 0, tzinfo=UTC))


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'steadfast.db'}"


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
