"""/status counts days on the user's own calendar, milestones included, DST too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.clock import MovableClock
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard


async def test_day_one_then_day_thirty_one_celebrates_thirty_days(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(800)
    await onboard(user)
    await user.send("/status")
    first = await user.reply()
    assert "Day 1 " in first.plain
    assert "Next milestone: 1 full day" in first.plain
    assert "1 attempt " in first.plain
    assert "1 attempts" not in first.plain

    clock.advance(timedelta(days=30))
    await user.send("/status")
    later = await user.reply()
    assert "Day 31 " in later.plain
    assert "30 full days" in later.plain
    assert "Next milestone: 45 full days" in later.plain


async def test_status_tells_the_day_number_from_the_full_days_held(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(804)
    await onboard(user, date="10 days ago")
    await user.send("/status")
    status = (await user.reply()).plain
    assert "Day 11 of No Contact" in status or "Day 11</b> of No Contact" in status
    assert "10 full days" in status.splitlines()[0]
    assert "Longest streak: 10 full days · 1 attempt in all" in status
    assert "10 days" not in status.replace("10 full days", "")


async def test_day_changes_at_local_midnight_across_spring_forward(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    # Berlin moves from CET (UTC+1) to CEST (UTC+2) on Sunday 2027-03-28.
    clock.set(datetime(2027, 3, 27, 12, 0, tzinfo=UTC))
    user = emu.user(801)
    await onboard(user, zone="Berlin")
    clock.set(datetime(2027, 3, 28, 21, 30, tzinfo=UTC))  # 23:30 CEST on the 28th
    await user.send("/status")
    assert "Day 2 " in (await user.reply()).plain
    clock.set(datetime(2027, 3, 28, 22, 30, tzinfo=UTC))  # 00:30 CEST on the 29th
    await user.send("/status")
    assert "Day 3 " in (await user.reply()).plain


async def test_day_changes_at_local_midnight_across_fall_back(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    # New York moves from EDT (UTC-4) to EST (UTC-5) on Sunday 2026-11-01.
    clock.set(datetime(2026, 10, 31, 16, 0, tzinfo=UTC))
    user = emu.user(802)
    await onboard(user, zone="New York")
    clock.set(datetime(2026, 11, 2, 4, 30, tzinfo=UTC))  # 23:30 EST on Nov 1
    await user.send("/status")
    assert "Day 2 " in (await user.reply()).plain
    clock.set(datetime(2026, 11, 2, 5, 30, tzinfo=UTC))  # 00:30 EST on Nov 2
    await user.send("/status")
    assert "Day 3 " in (await user.reply()).plain


async def test_status_before_set_up_points_to_start(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(803)
    await user.send("/status")
    assert "/start" in (await user.reply()).plain


@pytest.mark.parametrize("asked", ["when did i start again?", "how long have i been doing this",
                                   "how many days until i hit 30"])
async def test_the_count_asked_in_words_gets_the_count_with_its_start(
    emu: BotApiEmulator, bot: BotRunner, asked: str
) -> None:
    # Fifth probe: all three got "I might not have a good answer to that".
    user = emu.user(8101)
    await onboard(user, date="10 days ago")
    await user.send(asked)
    status = (await user.reply()).plain
    assert "Day 11 " in status
    assert "Counting since Sunday 15 November." in status
    assert "Next milestone: 14 full days · 4 days to go" in status
