"""The simulated user's inbox semantics: replies(), wait_for(), silence(), press()."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from bot.emulator import BotApiEmulator, SimUser

TOKEN = "777777:driver-token"


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        emu.add_bot(TOKEN)
        yield emu


@pytest.fixture
async def tg(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=emulator.base_url) as bot:
        yield bot


@pytest.fixture
async def user(emulator: BotApiEmulator) -> SimUser:
    sim = emulator.user(9)
    await sim.send("hi")
    return sim


async def test_replies_returns_only_new_messages_in_order(tg: Bot, user: SimUser) -> None:
    for text in ("a", "b", "c"):
        await tg.send_message(user.chat_id, text)
    assert [m.plain for m in await user.replies(2)] == ["a", "b"]
    assert (await user.reply()).plain == "c"
    with pytest.raises(AssertionError, match="got 0"):
        await user.reply(timeout=0.1)
    assert [m.plain for m in user.inbox] == ["a", "b", "c"]
    assert user.last().plain == "c"


async def test_replies_waits_for_late_messages(tg: Bot, user: SimUser) -> None:
    async def later() -> None:
        await asyncio.sleep(0.1)
        await tg.send_message(user.chat_id, "late")

    task = asyncio.create_task(later())
    assert (await user.reply(timeout=2)).plain == "late"
    await task


async def test_timeout_reports_what_arrived(tg: Bot, user: SimUser) -> None:
    await tg.send_message(user.chat_id, "only one")
    with pytest.raises(AssertionError, match="only one"):
        await user.replies(2, timeout=0.1)


async def test_silence(tg: Bot, user: SimUser) -> None:
    await user.silence(0.05)
    await tg.send_message(user.chat_id, "unexpected")
    with pytest.raises(AssertionError, match="unexpected"):
        await user.silence(0.05)


async def test_wait_for_sees_edits_and_skips_consumed(tg: Bot, user: SimUser) -> None:
    sent = await tg.send_message(user.chat_id, "Saving…")
    await tg.send_message(user.chat_id, "other")
    assert (await user.wait_for(lambda m: m.plain == "other")).plain == "other"
    await tg.edit_message_text("Saved", chat_id=user.chat_id, message_id=sent.message_id)
    msg = await user.wait_for(lambda m: m.plain == "Saved")
    assert msg.message_id == sent.message_id
    assert msg.edited
    with pytest.raises(AssertionError, match="matched"):
        await user.wait_for(lambda m: m.plain == "Saved", timeout=0.1)


async def test_press_picks_newest_message_with_that_button(tg: Bot, user: SimUser) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("OK", callback_data="x")]])
    old = await tg.send_message(user.chat_id, "old", reply_markup=markup)
    new = await tg.send_message(user.chat_id, "new", reply_markup=markup)
    first, _ = await user.replies(2)
    await user.press("OK")
    await user.press("OK", message=first)
    updates = await tg.get_updates()
    queries = [u.callback_query for u in updates if u.callback_query]
    assert [q.message.message_id for q in queries if q.message] == [
        new.message_id, old.message_id]


async def test_url_button_cannot_be_pressed(tg: Bot, user: SimUser) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Help", url="https://example.com")]])
    await tg.send_message(user.chat_id, "links", reply_markup=markup)
    with pytest.raises(AssertionError, match="callback_data"):
        await user.press("Help")


async def test_same_user_object_is_returned(emulator: BotApiEmulator, user: SimUser) -> None:
    assert emulator.user(9) is user
    assert user.started
