"""/help, /about and /cancel."""

from __future__ import annotations

from telegram import Update

from bot.conversation import resume
from bot.conversation.context import BotContext
from bot.conversation.turn import open_turn


async def show_help(update: Update, context: BotContext) -> None:
    """List every command, one line each, and say plainly what this bot is."""
    async with open_turn(update, context) as turn:
        turn.say(turn.t("core.help"))


async def show_about(update: Update, context: BotContext) -> None:
    """Say what Steadfast is and is not."""
    async with open_turn(update, context) as turn:
        turn.say(turn.t("core.about"))


async def cancel(update: Update, context: BotContext) -> None:
    """Stop the current flow; resume the one it interrupted, if any."""
    async with open_turn(update, context) as turn:
        if turn.convo.top is None:
            turn.say(turn.t("core.nothing_to_cancel"))
            return
        await resume.cancel_top(turn)
