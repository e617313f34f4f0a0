"""The bot under test, run exactly as `make run` builds it, against the emulator."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.app import build_application
from bot.config import Settings
from bot.core.clock import MovableClock
from bot.core.runtime import Runtime, runtime_of
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator

TOKEN = "4242424242:TEST-steadfast-token-do-not-log-abcdef"


def variant_seed() -> str:
    """The seed of the bot's choice among a text's wordings: the test's own id, so a test
    draws the same wordings on every run (CI failed once on a one-in-four draw that a run
    here had not drawn). STEADFAST_TEST_SEED=N draws others, to find tests that hold only
    for one wording: `STEADFAST_TEST_SEED=1 make test`."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0]
    return f"{os.environ.get('STEADFAST_TEST_SEED', '0')}:{test}"

# Every runner started and not yet stopped: a test that fails half way leaves its runner here,
# and the conftest stops it, so its sessions and polling do not leak into the next test.
LIVE: list[BotRunner] = []


def test_settings(emu: BotApiEmulator, database_url: str, **extra: Any) -> Settings:
    # Outcomes kept through an outage go to a file of the test's own, never the checkout's.
    extra.setdefault("pending_outcomes_file",
                     Path(tempfile.mkdtemp(prefix="steadfast-pending-")) / "pending.jsonl")
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=TOKEN,
        telegram_base_url=emu.base_url,
        database_url=database_url,
        **extra,
    )


@dataclass
class BotRunner:
    emu: BotApiEmulator
    clock: MovableClock
    database_url: str
    extra: dict[str, Any] = field(default_factory=dict)
    poll: bool = True
    app: Application | None = None  # type: ignore[type-arg]

    @property
    def runtime(self) -> Runtime:
        assert self.app is not None
        return runtime_of(self.app.bot_data)

    async def start(self) -> None:
        settings = test_settings(self.emu, self.database_url, **self.extra)
        self.app = build_application(settings, clock=self.clock)
        self.runtime.content.rng.seed(variant_seed())
        LIVE.append(self)
        await self.app.initialize()
        await self.app.start()
        assert self.app.updater is not None
        if self.poll:
            await self.app.updater.start_polling(poll_interval=0.0, timeout=1)

    async def stop(self) -> None:
        if self.app is None:
            return
        app, self.app = self.app, None
        LIVE.remove(self)
        assert app.updater is not None
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()

    async def restart(self) -> None:
        await self.stop()
        await self.start()


async def to_the_reason(
    user: SimUser, *, date: str = "today", zone: str = "Berlin", at: str = "21:00"
) -> BotMessage:
    """/start up to the last, optional question (a reason), typing each answer; returns that
    question. Each step is one message, except the two that say back what was understood with
    a button (the date, to change it; the zone, removing the location keyboard) before the next
    question."""
    await user.send("/start")
    await user.reply()
    await user.send(date)
    await user.replies(2)
    await user.send(zone)
    await user.replies(2)
    await user.send(at)
    return await user.reply()


async def onboard(
    user: SimUser,
    *,
    date: str = "today",
    zone: str = "Berlin",
    at: str = "21:00",
    reason: str | None = None,
) -> None:
    """Go through /start the quickest way, typing each answer."""
    await to_the_reason(user, date=date, zone=zone, at=at)
    if reason is None:
        await user.press("Skip for now")
    else:
        await user.send(reason)
    await user.reply()
