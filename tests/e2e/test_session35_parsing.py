"""Session 35, parsing: a day with no month ("the 31st"), a yes before the place ("fine.
GMT"), and a daily time said in another language ("a las 10 de la noche", "jam 9 malam"),
each read where a chat was told it could not be."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.harness import BotRunner, onboard

CONTENT = load_content()


async def test_the_31st_on_6_december_is_31_october(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    # "the 31st" on 6 December got "'the 31st' isn't a day the calendar has" (November has
    # no 31st): the latest 31st there was
    clock.set(datetime(2026, 12, 6, 12, 0, tzinfo=UTC))
    user = emu.user(35101)
    await user.send("/start")
    await user.reply()
    await user.send("the 31st")
    understood, _ = await user.replies(2)
    assert "31 October" in understood.plain, understood.plain
    assert "Day 37" in understood.plain, understood.plain


async def test_the_32nd_is_still_no_day(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(35102)
    await user.send("/start")
    await user.reply()
    await user.send("the 32nd")
    refusal = await user.reply()
    assert said(refusal, "onboarding.date_impossible"), refusal.plain


async def test_fine_gmt_at_the_zone_is_gmt(emu: BotApiEmulator, bot: BotRunner) -> None:
    # "fine. GMT" got "I couldn't find 'fine. GMT'": GMT is offered as a bare "GMT" is
    user = emu.user(35103)
    await user.send("/start")
    await user.reply()
    await user.press("Today")
    await user.replies(2)
    await user.send("fine. GMT")
    pick = await user.reply()
    assert said(pick, "onboarding.ask_tz_pick"), pick.plain
    assert pick.button_texts()[:2] == ["UTC+00:00", "London, UK (GMT)"], pick.button_texts()


async def test_okay_berlin_at_timezone_sets_berlin(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(35104)
    await onboard(user, zone="Vienna")
    await user.send("/timezone")
    await user.reply()
    await user.send("okay, berlin thanks")
    changed = await user.reply()
    assert "Europe/Berlin" in changed.plain, changed.plain


@pytest.mark.parametrize(
    ("uid", "typed", "expected"),
    [
        (35111, "a las 10 de la noche", "22:00"),
        (35112, "um 8 Uhr morgens", "08:00"),
        (35113, "alle 9 di sera", "21:00"),
        (35114, "jam 9 malam", "21:00"),
        (35115, "raat 10 baje", "22:00"),
        (35116, "às 22h", "22:00"),
    ],
)
async def test_a_daily_time_in_another_language_at_set_up(
    emu: BotApiEmulator, bot: BotRunner, uid: int, typed: str, expected: str
) -> None:
    user = emu.user(uid)
    await user.send("/start")
    await user.reply()
    await user.press("Today")
    await user.replies(2)
    await user.send("Berlin")
    await user.replies(2)
    await user.send(typed)
    ok = await user.reply()
    assert said(ok, "onboarding.time_ok"), ok.plain
    assert expected in ok.plain, ok.plain


@pytest.mark.parametrize(
    ("uid", "typed", "expected"),
    [(35121, "9 y media de la noche", "21:30"), (35122, "jam 7 pagi", "07:00")],
)
async def test_a_daily_time_in_another_language_at_slash_time(
    emu: BotApiEmulator, bot: BotRunner, uid: int, typed: str, expected: str
) -> None:
    user = emu.user(uid)
    await onboard(user)
    await user.send("/time")
    await user.reply()
    await user.send(typed)
    ok = await user.reply()
    assert said(ok, "daily.time_changed.time"), ok.plain
    assert expected in ok.plain, ok.plain


@pytest.mark.parametrize(
    ("uid", "typed"), [(35131, "no make it 9pm"), (35132, "no, 21:00 please"), (35133, "9pm")]
)
async def test_a_time_said_back_at_the_zone_keeps_the_zone_question_open(
    emu: BotApiEmulator, bot: BotRunner, uid: int, typed: str
) -> None:
    # "no make it 9pm" at the zone question got "I couldn't find 'no make it 9pm'": the time
    # is asked right after, the zone first
    user = emu.user(uid)
    await user.send("/start")
    await user.reply()
    await user.press("Today")
    await user.replies(2)
    await user.send(typed)
    later = await user.reply()
    assert said(later, "onboarding.tz_got_a_time"), later.plain
    await user.send("Berlin")
    zone, time_question = await user.replies(2)
    assert "Europe/Berlin" in zone.plain, zone.plain
    assert said(time_question, "onboarding.ask_time"), time_question.plain


async def test_no_and_a_place_at_the_zone_is_still_the_place(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(35134)
    await user.send("/start")
    await user.reply()
    await user.press("Today")
    await user.replies(2)
    await user.send("no make it berlin")
    zone, _ = await user.replies(2)
    assert "Europe/Berlin" in zone.plain, zone.plain
