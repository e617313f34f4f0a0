"""Chats run side by side, and each chat's updates take effect in the order they were sent."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlmodel import col, select
from telegram import Update
from telegram.ext import ContextTypes

from bot.core.clock import MovableClock
from bot.emulator.server import BotApiEmulator
from bot.handlers import onboarding
from bot.services.reasons import MAX_REASONS
from bot.store.models import Reason
from tests.harness import BotRunner, onboard


async def test_twenty_quick_messages_take_effect_in_order_while_another_chat_talks(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user, other = emu.user(7101), emu.user(7102)
    await onboard(other)
    await user.send("/reasons")
    await user.reply()
    await user.press("Add a reason")
    await user.reply()

    sent = [f"reason number {n:02d}" for n in range(1, MAX_REASONS + 1)]
    for n, text in enumerate(sent):
        await user.send(text)  # no waiting for the bot between messages
        if n % 4 == 0:
            await other.send("/status" if n % 8 == 0 else "how long should no contact last")
    replies = await user.replies(MAX_REASONS, timeout=30)
    await other.replies(5, timeout=30)

    async with bot.runtime.db.session() as session:
        rows = await session.exec(
            select(Reason).where(Reason.user_id == 7101).order_by(col(Reason.id))
        )
        assert [r.text for r in rows.all()] == sent
    # Each confirmation counts one more than the one before it.
    for count, reply in enumerate(replies, start=1):
        assert str(count) in reply.plain, (count, reply.plain)


@pytest.fixture
async def gated(
    emu: BotApiEmulator,
    clock: MovableClock,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[tuple[BotRunner, asyncio.Event]]:
    """The bot, with /status held for user 7201 until the test opens the gate."""
    gate = asyncio.Event()
    show_status = onboarding.status_command

    async def slow_status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_user is not None and update.effective_user.id == 7201:
            await gate.wait()
        await show_status(update, context)

    monkeypatch.setattr(onboarding, "status_command", slow_status)
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url)
    await runner.start()
    try:
        yield runner, gate
    finally:
        gate.set()
        await runner.stop()


async def test_one_chats_slow_update_does_not_hold_up_another_chat(
    emu: BotApiEmulator, gated: tuple[BotRunner, asyncio.Event]
) -> None:
    _, gate = gated
    slow, quick = emu.user(7201), emu.user(7202)
    await onboard(slow)
    await onboard(quick)

    await slow.send("/status")  # held at the gate
    await slow.send("/help")  # must wait for the /status before it
    await quick.send("/status")
    assert "Day 1" in (await quick.reply(timeout=5)).plain
    await quick.send("/help")
    assert "/status" in (await quick.reply(timeout=5)).plain
    await slow.silence(0.3)

    gate.set()
    status, help_text = await slow.replies(2, timeout=5)
    assert "Day 1" in status.plain
    assert "/status" in help_text.plain
