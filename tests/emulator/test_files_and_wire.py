"""Uploads (sendPhoto/sendDocument over multipart) and raw wire shapes."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest

from bot.emulator import BotApiEmulator, SimUser, tiny_png

TOKEN = "555555:files-token"
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffc0000b080002000301011100ffd9"
)


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


@pytest.fixture
async def user(emulator: BotApiEmulator) -> SimUser:
    sim = emulator.user(3)
    await sim.send("/start")
    return sim


async def test_send_photo_round_trip(tg: Bot, user: SimUser) -> None:
    png = tiny_png(20, 10)
    sent = await tg.send_photo(
        user.chat_id, photo=png, caption="<b>Day 7</b> card", parse_mode="HTML",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Share", callback_data="s")]]),
    )
    assert sent.photo[-1].width == 20
    assert sent.photo[-1].height == 10
    assert sent.caption == "Day 7 card"
    seen = await user.reply()
    assert seen.photo == png
    assert seen.text == ""
    assert seen.caption == "<b>Day 7</b> card"
    assert seen.plain == "Day 7 card"
    assert seen.button_texts() == ["Share"]
    downloaded = await (await tg.get_file(sent.photo[-1].file_id)).download_as_bytearray()
    assert bytes(downloaded) == png
    again = await tg.send_photo(user.chat_id, photo=sent.photo[-1].file_id)
    assert again.photo
    await tg.edit_message_caption(chat_id=user.chat_id, message_id=sent.message_id,
                                  caption="new caption")
    edited = await user.wait_for(lambda m: m.plain == "new caption")
    assert edited.photo == png


async def test_send_jpeg(tg: Bot, user: SimUser) -> None:
    sent = await tg.send_photo(user.chat_id, photo=JPEG)
    assert (sent.photo[-1].width, sent.photo[-1].height) == (3, 2)


async def test_photo_must_be_an_image(tg: Bot, user: SimUser) -> None:
    with pytest.raises(BadRequest, match="(?i)image_process_failed"):
        await tg.send_photo(user.chat_id, photo=b"definitely not an image")
    with pytest.raises(BadRequest, match="(?i)caption is too long"):
        await tg.send_photo(user.chat_id, photo=tiny_png(), caption="x" * 1025)
    with pytest.raises(BadRequest, match="(?i)can't parse entities"):
        await tg.send_photo(user.chat_id, photo=tiny_png(), caption="<b>x", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)wrong file identifier"):
        await tg.send_photo(user.chat_id, photo="https://example.com/x.png")


async def test_send_document_round_trip(tg: Bot, user: SimUser, emulator: BotApiEmulator
                                        ) -> None:
    data = b"date,day\n2026-11-25,1\n"
    sent = await tg.send_document(
        user.chat_id, document=InputFile(io.BytesIO(data), filename="journey.csv"),
        caption="Your export",
    )
    assert sent.document is not None
    assert sent.document.file_name == "journey.csv"
    assert sent.document.mime_type == "text/csv"
    seen = await user.reply()
    assert seen.document == data
    assert seen.filename == "journey.csv"
    assert seen.caption == "Your export"
    assert emulator.files[sent.document.file_id].data == data


async def test_wire_shapes(emulator: BotApiEmulator) -> None:
    base = emulator.base_url
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}999:nope/getMe") as r:
            assert r.status == 401
            assert await r.json() == {"ok": False, "error_code": 401,
                                      "description": "Unauthorized"}
        async with http.post(f"{base}{TOKEN}/noSuchMethod") as r:
            assert r.status == 404
            assert await r.json() == {"ok": False, "error_code": 404,
                                      "description": "Not Found"}
        async with http.get(f"{base}{TOKEN}/getMe") as r:
            body = await r.json()
            assert body["ok"] is True
            assert body["result"]["id"] == 555555
            assert body["result"]["is_bot"] is True
        async with http.post(f"{base}{TOKEN}/sendMessage",
                             json={"chat_id": 404, "text": "hi"}) as r:
            assert r.status == 400
            assert await r.json() == {"ok": False, "error_code": 400,
                                      "description": "Bad Request: chat not found"}
        emulator.user(8).start_chat()
        form = {"chat_id": "8", "text": "123", "reply_markup":
                '{"inline_keyboard": [[{"text": "a", "callback_data": "1"}]]}'}
        async with http.post(f"{base}{TOKEN}/sendMessage", data=form) as r:
            body = await r.json()
            assert body["result"]["text"] == "123"  # a string field is never JSON-decoded
            assert body["result"]["reply_markup"]["inline_keyboard"][0][0]["text"] == "a"
        async with http.post(f"{base}{TOKEN}/sendMessage",
                             data={"chat_id": "8", "text": "x", "reply_markup": "{"}) as r:
            assert r.status == 400
    assert emulator.stats.count("sendmessage") == 3
