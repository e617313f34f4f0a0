"""The one error handler: log with the traceback, tell the user something kind."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.conversation.context import BotContext
from bot.conversation.turn import runtime
from bot.services.faults import database_busy

logger = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the error and, in a private chat, apologise and invite a retry."""
    busy = database_busy(context.error)
    if busy:
        # Another process holds the database for a moment: nothing was saved, nothing broke.
        logger.warning("database busy; the person is asked to try again")
        runtime(context).metrics.inc("db_busy")
    else:
        logger.error(
            "error while handling an update: %s",
            type(context.error).__name__,
            exc_info=context.error,
        )
        runtime(context).metrics.inc("errors")
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != ChatType.PRIVATE:
        return
    rt = runtime(context)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        await context.bot.send_message(
            update.effective_chat.id, rt.content.text("core.busy" if busy else "core.error")
        )
    except TelegramError:
        logger.warning("could not tell the user about the error")
