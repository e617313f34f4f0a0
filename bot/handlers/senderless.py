"""Updates with no sender (a private message without `from`, which only a forged request
carries; a channel post; a poll): nothing in the bot answers them, so they stop at the door,
quietly and counted, before a handler looks for a person who is not there."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.conversation.context import BotContext


async def drop(update: Update, context: BotContext) -> None:
    if update.effective_user is None:
        context.runtime.metrics.inc("updates_without_sender")
        raise ApplicationHandlerStop
