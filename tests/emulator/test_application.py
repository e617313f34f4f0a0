"""End to end: a tiny PTB Application polling the emulator, driven by simulated users."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.emulator import BotApiEmulator
from bot.services import tghtml

TOKEN = "666666:app-token"


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    text = update.effective_message.text or ""
    await update.effective_message.reply_html(
        f"You said: <b>{tghtml.escape(text)}</b>",
        do_quote=True,
        reply_markup=InlineKeyboardMarkup([[
            InlineKeyboardButton("Again", callback_data="again"),
            InlineKeyboardButton("Done", callback_data="done"),
        ]]),
    )


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(f"Welcome {' '.join(context.args or [])}".strip())


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer("Noted")
    await query.edit_message_text(f"Pressed {query.data}")


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        emu.add_bot(TOKEN)
        yield emu


@pytest.fixture
async def app(emulator: BotApiEmulator) -> AsyncIterator[Application]:
    application = (
        ApplicationBuilder().token(TOKEN).base_url(emulator.base_url)
        .base_file_url(emulator.base_file_url).build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(CallbackQueryHandler(pressed))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        yield application
        await application.updater.stop()
        await application.stop()


async def test_echo_and_button(emulator: BotApiEmulator, app: Application) -> None:
    user = emulator.user(77, first_name="Kim")
    await user.send("/start from-ad")
    assert (await user.reply()).plain == "Welcome from-ad"

    await user.send("I miss <them> & that's ok")
    echoed = await user.reply()
    assert echoed.plain == "You said: I miss <them> & that's ok"
    assert echoed.button_texts() == ["Again", "Done"]
    assert echoed.raw["reply_to_message"]["text"] == "I miss <them> & that's ok"

    await user.press("Done")
    edited = await user.wait_for(lambda m: m.plain == "Pressed done")
    assert edited.message_id == echoed.message_id
    assert edited.edited
    assert user.callback_answers == [("Noted", False)]
    await user.silence(0.2)

    with pytest.raises(AssertionError, match="no inline button"):
        await user.press("Again")  # the edit removed the keyboard


async def test_two_users_are_independent(emulator: BotApiEmulator, app: Application
                                         ) -> None:
    a, b = emulator.user(1), emulator.user(2)
    await a.send("from a")
    await b.send("from b")
    assert (await b.reply()).plain == "You said: from b"
    assert (await a.reply()).plain == "You said: from a"
    await a.silence(0.1)
