"""/help, /about and /cancel."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers import router
from bot.handlers.common import open_turn


async def show_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List every command, one line each, and say plainly what this bot is."""
    async with open_turn(update, context) as turn:
        turn.say(turn.t("core.help"))


async def show_about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what Steadfast is and is not."""
    async with open_turn(update, context) as turn:
        turn.say(turn.t("core.about"))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop the current flow; resume the one it interrupted, if any."""
    async with open_turn(update, context) as turn:
        top = turn.convo.top
        if top is None:
            turn.say(turn.t("core.nothing_to_cancel"))
            return
        await router.run_cancel_hook(turn, top)
        turn.convo.pop(top.flow)
        turn.say(turn.t(f"{router.cancel_text_key(top.flow)}"))
        below = turn.convo.top
        if below is not None:
            turn.say(turn.t("core.resuming"))
            router.ask_again(turn, below)
