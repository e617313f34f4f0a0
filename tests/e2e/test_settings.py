"""/settings: one inline menu; stale or forged "set:" buttons are refused kindly."""

from __future__ import annotations

import asyncio

import pytest
from sqlmodel import select

from bot.core.content import load_content
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from bot.services.schedule import PAUSED_INDEFINITELY
from bot.store.models import User
from tests.harness import BotRunner, onboard

CONTENT = load_content()

STALE = ("earlier step", "out of date")


async def stored_user(runner: BotRunner, user_id: int) -> User:
    async with runner.runtime.db.session() as session:
        user = (await session.exec(select(User).where(User.id == user_id))).one()
        return user


async def open_menu(user: SimUser) -> BotMessage:
    await user.send("/settings")
    menu = await user.reply()
    assert "Your settings" in menu.plain
    return menu


def last_toast(user: SimUser) -> str:
    text, _ = user.callback_answers[-1]
    return text or ""


async def next_toast(user: SimUser, seen: int) -> str:
    """Wait for the answer to the button press after the `seen` earlier ones."""
    for _ in range(100):
        if len(user.callback_answers) > seen:
            return last_toast(user)
        await asyncio.sleep(0.03)
    raise AssertionError("the button press was never answered")


async def test_menu_shows_current_values_and_every_option(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5001)
    await onboard(user, zone="Berlin", at="21:00")
    menu = await open_menu(user)
    assert "21:00" in menu.plain
    assert "Europe/Berlin" in menu.plain
    labels = menu.button_texts()
    for label in ("🕘 Daily time", "🌍 Time zone", "⏸ Pause daily messages",
                  "📅 Turn weekly summary off", "🔒 Privacy", "📦 Export", "🗑 Delete"):
        assert label in labels
    assert all((b.callback_data or "").startswith("set:") for row in menu.buttons for b in row)


async def test_pause_and_resume_from_the_menu_edit_it_in_place(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5002)
    await onboard(user)
    menu = await open_menu(user)
    await user.press("⏸ Pause daily messages", message=menu)
    edited = await user.wait_for(lambda m: m.message_id == menu.message_id and m.edited)
    assert "▶️ Resume daily messages" in edited.button_texts()
    assert "paused" in last_toast(user).lower()
    stored = await stored_user(bot, 5002)
    assert stored.paused_until == PAUSED_INDEFINITELY
    assert stored.next_daily_at is None
    await user.press("▶️ Resume daily messages", message=edited)
    await user.wait_for(lambda m: "⏸ Pause daily messages" in m.button_texts())
    stored = await stored_user(bot, 5002)
    assert stored.paused_until is None
    assert stored.next_daily_at is not None


async def test_time_button_asks_the_same_question_as_slash_time(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5003)
    await onboard(user, at="21:00")
    await open_menu(user)
    await user.press("🕘 Daily time")
    question = await user.reply()
    assert "08:00" in question.button_texts()
    await user.press("08:00")
    ok = await user.reply()
    assert "now comes at 08:00" in ok.plain or "Changed to 08:00" in ok.plain
    assert "tomorrow at 08:00" in ok.plain  # the next message, in the same reply
    await user.silence(0.3)  # one confirmation, not two
    stored = await stored_user(bot, 5003)
    assert stored.daily_time is not None
    assert stored.daily_time.strftime("%H:%M") == "08:00"


async def test_time_zone_button_asks_for_a_city(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(5004)
    await onboard(user)
    await open_menu(user)
    await user.press("🌍 Time zone")
    question = await user.reply()
    assert "time zone" in question.plain.lower()
    await user.send("Tokyo")
    ok = await user.reply()
    assert "Asia/Tokyo" in ok.plain
    assert "next daily message comes" in ok.plain
    await user.silence(0.3)  # one confirmation, not two


async def test_forged_and_stale_settings_buttons_are_refused_kindly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5005)
    await onboard(user)
    menu = await open_menu(user)
    before = await stored_user(bot, 5005)
    for forged in ("set:m:bogus", "set:m:weekly:maybe", "set:zz:erase", "set:", "set:m:pause:off",
                   "set:m:time:1:2", "set:m:weekly:on"):
        seen = len(user.callback_answers)
        await user.press_data(forged, message_id=menu.message_id)
        toast = await next_toast(user, seen)
        assert any(s in toast for s in STALE), forged
    after = await stored_user(bot, 5005)
    assert (after.paused_until, after.weekly_summary) == (before.paused_until, True)
    # An old "Pause" button after pausing elsewhere: refused, the menu shows the real state.
    await user.send("/pause")
    await user.reply()
    await user.press("⏸ Pause daily messages", message=menu)
    redrawn = await user.wait_for(lambda m: m.message_id == menu.message_id)
    assert "▶️ Resume daily messages" in redrawn.button_texts()
    assert any(s in last_toast(user) for s in STALE)


async def test_settings_before_set_up_offers_the_data_options(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5006)
    await user.send("/settings")
    reply = await user.reply()
    assert "/start" in reply.plain
    assert reply.button_texts() == ["🔒 Privacy", "📦 Export", "🗑 Delete"]


@pytest.mark.parametrize("typed", ["pls pause my messages", "can you just pause the messages"])
async def test_pause_my_messages_typed_pauses(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's terminal chats: "pls pause my messages" got how to pause and the whole
    # settings panel, and nothing was paused.
    user = emu.user(8801 if typed.startswith("pls") else 8802)
    await onboard(user)
    await user.send(typed)
    paused = await user.reply()
    assert "Until I /resume" in paused.button_texts(), paused.plain
    await user.send("/settings")
    assert "paused" in (await user.reply()).plain


async def test_cancel_while_changing_the_time_zone_after_set_up_does_not_send_them_to_start(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: /cancel at the time-zone question from /settings, 41 days in, got
    # "tap /start whenever you're ready"; menus offered "Back to setting you up".
    user = emu.user(7721)
    await onboard(user)
    await user.send("/timezone")
    await user.reply()
    await user.send("/cancel")
    reply = await user.reply()
    assert "/start" not in reply.plain, reply.plain
    assert reply.text in CONTENT.variants("core.cancelled")


async def test_a_zone_abbreviation_keeping_the_same_clock_keeps_their_own_zone(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "CET" typed by someone in Vienna set Europe/Berlin, and the Austrian
    # helplines gave way to the German ones.
    user = emu.user(7722)
    await onboard(user, zone="Vienna")
    await user.send("/timezone")
    await user.reply()
    await user.send("CET")
    reply = await user.reply()
    assert "Vienna" in reply.plain, reply.plain
    assert "Berlin" not in reply.plain


async def test_a_time_the_word_model_leans_on_is_still_the_answer_to_slash_time(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat: "can it be after the kids are asleep like 21:30" at /time
    # got "are you safe right now?" (only the word model leant that way) and the time was
    # never set
    user = emu.user(27012)
    await onboard(user, at="20:00")
    await user.send("/time")
    await user.reply()
    await user.send("can it be after the kids are asleep like 21:30")
    ok = await user.reply()
    assert "21:30" in ok.plain, ok.plain
    assert "are you safe" not in ok.plain.lower(), ok.plain
    stored = await stored_user(bot, 27012)
    assert stored.daily_time is not None
    assert stored.daily_time.strftime("%H:%M") == "21:30"


async def test_after_the_kids_are_asleep_typed_any_time_changes_the_daily_time(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat: "change my daily message to after the kids are asleep"
    # got "are you safe right now?" and the time never changed
    user = emu.user(27024)
    await onboard(user, at="18:00")
    await user.send("change my daily message to after the kids are asleep")
    changed = await user.reply()
    assert "are you safe" not in changed.plain.lower(), changed.plain
    stored = await stored_user(bot, 27024)
    assert stored.daily_time is not None
    assert stored.daily_time.strftime("%H:%M") != "18:00", changed.plain
