"""The local terminal chat, fed from a scripted stdin."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.emulator import BotApiEmulator, tiny_png
from bot.emulator.terminal import run_terminal_chat

TOKEN = "888888:terminal-token"


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    if message.location is not None:
        await message.reply_text(f"Got {message.location.latitude:.1f}")
    elif message.text == "picture":
        await message.reply_photo(tiny_png(8, 8), caption="Your card")
    else:
        await message.reply_text(
            f"Echo: {message.text}",
            reply_markup=InlineKeyboardMarkup([[
                InlineKeyboardButton("Today", callback_data="today"),
                InlineKeyboardButton("Yesterday", callback_data="yesterday"),
            ]]),
        )


async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer("Noted")
    await query.edit_message_text(f"Chose {query.data}")


def listing(folder: Path) -> list[Path]:
    return list(folder.iterdir())


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        emu.add_bot(TOKEN)
        yield emu


@pytest.fixture
async def app(emulator: BotApiEmulator) -> AsyncIterator[Application]:
    application = ApplicationBuilder().token(TOKEN).base_url(emulator.base_url).build()
    application.add_handler(MessageHandler(filters.TEXT | filters.LOCATION, on_text))
    application.add_handler(CallbackQueryHandler(on_press))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        yield application
        await application.updater.stop()
        await application.stop()


async def test_scripted_session(
    emulator: BotApiEmulator, app: Application, tmp_path: Path
) -> None:
    stdin = io.StringIO("hello\n2\n/location 52.5 13.4\npicture\n/quit\nnever sent\n")
    stdout = io.StringIO()
    user = emulator.user(1, first_name="You")
    await run_terminal_chat(emulator, user, stdin=stdin, stdout=stdout, save_dir=tmp_path)
    out = stdout.getvalue()
    assert "/location LAT LON" in out  # banner
    assert "Steadfast: Echo: hello" in out
    assert "[1] Today  [2] Yesterday" in out
    assert "Steadfast (edited): Chose yesterday" in out
    assert "(notice: Noted)" in out
    assert "Steadfast: Got 52.5" in out
    assert "[picture: 1 KB saved to" in out
    assert "Your card" in out
    assert "never sent" not in out
    saved = listing(tmp_path)
    assert len(saved) == 1
    assert saved[0].read_bytes() == tiny_png(8, 8)
    assert "\033[" not in out  # plain text when not a tty


async def test_eof_ends_the_chat(emulator: BotApiEmulator, tmp_path: Path) -> None:
    stdout = io.StringIO()
    await run_terminal_chat(emulator, emulator.user(2), stdin=io.StringIO(""), stdout=stdout,
                            save_dir=tmp_path)
    assert "Local chat with Steadfast" in stdout.getvalue()
