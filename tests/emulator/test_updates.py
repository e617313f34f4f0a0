"""Updates: long polling, offsets, webhook conflicts, and the shapes simulated users produce."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, Update
from telegram.error import Conflict

from bot.emulator import BotApiEmulator

TOKEN = "222222:updates-token"


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        emu.add_bot(TOKEN)
        yield emu


@pytest.fixture
async def tg(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=emulator.base_url,
                   base_file_url=emulator.base_file_url) as bot:
        yield bot


async def test_long_poll_returns_when_user_sends(tg: Bot, emulator: BotApiEmulator) -> None:
    user = emulator.user(5)
    started = time.monotonic()
    poll = asyncio.create_task(tg.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    assert not poll.done()
    await user.send("hello")
    updates = await asyncio.wait_for(poll, 2)
    assert time.monotonic() - started < 2
    assert [u.message.text for u in updates if u.message] == ["hello"]


async def test_long_poll_times_out_empty(tg: Bot) -> None:
    started = time.monotonic()
    assert await tg.get_updates(timeout=dt.timedelta(milliseconds=300)) == ()
    assert time.monotonic() - started >= 0.25


async def test_offset_confirms_and_limit(tg: Bot, emulator: BotApiEmulator) -> None:
    user = emulator.user(5)
    for text in ("one", "two", "three"):
        await user.send(text)
    first = await tg.get_updates(limit=2)
    assert [u.message.text for u in first if u.message] == ["one", "two"]
    assert first[1].update_id > first[0].update_id
    again = await tg.get_updates()
    assert len(again) == 3  # nothing confirmed yet
    rest = await tg.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest if u.message] == ["three"]
    assert len(emulator.bot().updates) == 1
    assert await tg.get_updates(offset=rest[-1].update_id + 1) == ()
    assert emulator.bot().updates == []


async def test_allowed_updates_filter(tg: Bot, emulator: BotApiEmulator) -> None:
    user = emulator.user(5)
    await user.send("hi")
    user.block()
    updates = await tg.get_updates(allowed_updates=["my_chat_member"])
    assert len(updates) == 1
    assert updates[0].my_chat_member is not None


async def test_get_updates_conflicts_with_webhook(tg: Bot) -> None:
    await tg.set_webhook("http://127.0.0.1:9/hook")
    with pytest.raises(Conflict):
        await tg.get_updates()
    info = await tg.get_webhook_info()
    assert info.url == "http://127.0.0.1:9/hook"
    await tg.delete_webhook()
    assert await tg.get_updates() == ()
    assert (await tg.get_webhook_info()).url == ""


async def test_newer_get_updates_terminates_older(tg: Bot, emulator: BotApiEmulator) -> None:
    old = asyncio.create_task(tg.get_updates(timeout=3))
    await asyncio.sleep(0.2)
    async with Bot(TOKEN, base_url=emulator.base_url) as second_process:
        await second_process.get_updates(timeout=0)
    with pytest.raises(Conflict, match="(?i)terminated by other getUpdates"):
        await asyncio.wait_for(old, 2)


async def test_stop_releases_pending_long_poll() -> None:
    async with BotApiEmulator() as emu:
        emu.add_bot(TOKEN)
        async with Bot(TOKEN, base_url=emu.base_url) as tg:
            poll = asyncio.create_task(tg.get_updates(timeout=30))
            await asyncio.sleep(0.2)
            started = time.monotonic()
            await emu.stop()
            assert await asyncio.wait_for(poll, 3) == ()
            assert time.monotonic() - started < 3


async def test_update_shapes_deserialize(tg: Bot, emulator: BotApiEmulator) -> None:
    user = emulator.user(5, first_name="Sam", language_code="de")
    await user.send("/start invite-42")
    await user.send_location(52.52, 13.405)
    await user.send_sticker()
    await user.send_photo()
    await user.send_voice()
    await user.forward("a message from them")
    await user.send("typo")
    await user.edit_last("fixed")
    sent = await tg.send_message(5, "Pick", reply_markup=None)
    await user.press_data("forged:1", message_id=sent.message_id)
    await user.press_data("stale", message_id=9999)
    updates: tuple[Update, ...] = await tg.get_updates()
    messages = [u.message for u in updates if u.message]
    start = messages[0]
    assert start.text == "/start invite-42"
    assert start.from_user is not None
    assert start.from_user.language_code == "de"
    assert start.chat.type == "private"
    assert start.parse_entities(["bot_command"])
    assert messages[1].location is not None
    assert messages[1].location.latitude == pytest.approx(52.52)
    assert messages[2].sticker is not None
    assert messages[3].photo
    assert messages[4].voice is not None
    assert messages[5].forward_origin is not None
    edited = [u.edited_message for u in updates if u.edited_message]
    assert edited[0].text == "fixed"
    assert edited[0].message_id == messages[6].message_id
    queries = [u.callback_query for u in updates if u.callback_query]
    assert queries[0].data == "forged:1"
    assert queries[0].message is not None
    assert queries[0].message.message_id == sent.message_id
    assert queries[1].message is not None
    assert not queries[1].message.is_accessible
    photo_file = await tg.get_file(messages[3].photo[-1].file_id)
    assert (await photo_file.download_as_bytearray()).startswith(b"\x89PNG")
