"""The weekly summary: each user's Sunday at 19:00 in their own zone, exactly once."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlmodel import select

from bot.core.clock import MovableClock
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from bot.store.models import Delivery, User
from tests.harness import BotRunner, onboard


def is_weekly(message: BotMessage) -> bool:
    return " of 7" in message.plain or "last 7 days" in message.plain




async def weekly_rows(runner: BotRunner, user_id: int) -> list[Delivery]:
    async with runner.runtime.db.session() as session:
        rows = await session.exec(
            select(Delivery).where(Delivery.user_id == user_id, Delivery.kind == "weekly")
        )
        return list(rows.all())


async def settle(*users: SimUser) -> None:
    for user in users:
        await user.silence(0.3)


async def test_berlin_and_new_york_each_get_one_summary_on_their_sunday_evening(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    berlin, new_york = emu.user(4001), emu.user(4002)
    # Daily messages at 09:00 keep out of the way of Sunday evening.
    await onboard(berlin, zone="Berlin", at="09:00")
    await onboard(new_york, zone="New York", at="09:00")
    clock.set(datetime(2026, 11, 29, 17, 59, tzinfo=UTC))  # 18:59 in Berlin
    await settle(berlin, new_york)
    clock.set(datetime(2026, 11, 29, 18, 0, 5, tzinfo=UTC))  # 19:00 in Berlin
    summary = await berlin.reply(timeout=5)
    assert is_weekly(summary), summary.plain
    assert re.search(r"\b5 of (the last )?7\b", summary.plain)  # Wednesday to Sunday
    assert "No urges" in summary.plain or "without a logged urge" in summary.plain
    await new_york.silence(0.3)
    clock.set(datetime(2026, 11, 29, 22, 0, tzinfo=UTC))
    await settle(berlin, new_york)
    clock.set(datetime(2026, 11, 30, 0, 0, 5, tzinfo=UTC))  # 19:00 in New York
    summary = await new_york.reply(timeout=5)
    assert is_weekly(summary), summary.plain
    await berlin.silence(0.3)
    clock.set(datetime(2026, 11, 30, 1, 0, tzinfo=UTC))
    await settle(berlin, new_york)
    for user_id in (4001, 4002):
        [row] = await weekly_rows(ticking, user_id)
        assert row.status == "sent"
        assert row.local_date.isoformat() == "2026-11-29"
    async with ticking.runtime.db.session() as session:
        stored = await session.get(User, 4001)
        assert stored is not None
        assert stored.next_weekly_at == datetime(2026, 12, 6, 18, 0, tzinfo=UTC)


async def test_no_summary_when_turned_off_in_settings(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(4003)
    await onboard(user, zone="Berlin", at="09:00")
    await user.send("/settings")
    await user.reply()
    await user.press("📅 Turn weekly summary off")
    await user.wait_for(lambda m: "Turn weekly summary on" in " ".join(m.button_texts()))
    clock.set(datetime(2026, 11, 29, 18, 0, 5, tzinfo=UTC))
    await user.silence(0.5)
    assert await weekly_rows(ticking, 4003) == []
    async with ticking.runtime.db.session() as session:
        stored = await session.get(User, 4003)
        assert stored is not None
        assert stored.weekly_summary is False
        assert stored.next_weekly_at is None


async def test_a_time_zone_change_moves_the_summary(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(4004)
    await onboard(user, zone="Berlin", at="09:00")
    await user.send("/timezone Tokyo")
    await user.reply()  # one confirmation: the zone and when the next message comes
    async with ticking.runtime.db.session() as session:
        stored = await session.get(User, 4004)
        assert stored is not None
        assert stored.next_weekly_at == datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
