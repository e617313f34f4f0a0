"""Replies for everything no feature handles: unknown commands, stickers, groups, old buttons."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot.conversation.context import BotContext
from bot.conversation.turn import open_turn, runtime
from bot.handlers.progress import render_status
from bot.services.commands import closest_command


async def unknown_command(update: Update, context: BotContext) -> None:
    """Say kindly that the command does not exist and point to /help; a typo of one that
    does ("/stauts") is asked back as that one ("Did you mean /status?")."""
    message = update.effective_message
    typed = (message.text or "").split()[0] if message and message.text else ""
    async with open_turn(update, context) as turn:
        known = list(turn.rt.content.mapping("core.commands"))
        meant = closest_command(typed, known)
        if meant == "status" and turn.user.onboarded:
            # "/stauts": the count is read-only and what they wanted; shown, not asked back (a
            # helper's terminal chat: "I think you meant /status: tap it")
            await render_status(turn)
            return
        if meant is not None:
            turn.say(turn.t("core.did_you_mean_command", command=meant))
            return
        turn.say(turn.t("core.unknown_command"))


async def non_text(update: Update, context: BotContext) -> None:
    """Answer stickers, photos, voice notes and the like with a short helpful note."""
    async with open_turn(update, context) as turn:
        turn.say(turn.t("core.non_text"))


async def unknown_button(update: Update, context: BotContext) -> None:
    """A button nothing recognises (forged, or from an old version): answer it kindly."""
    async with open_turn(update, context) as turn:
        turn.toast(turn.t("core.stale_button"))


async def group_chat(update: Update, context: BotContext) -> None:
    """In a group, say once per command or mention that the bot works in private chats."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or chat.type == ChatType.PRIVATE:
        return
    text = message.text or ""
    username = context.bot.username or ""
    addressed = text.startswith("/") or (username and f"@{username}".lower() in text.lower())
    if not addressed:
        return
    rt = runtime(context)
    await message.reply_text(
        rt.content.text("core.group_note", bot=username or "this bot"),
    )


async def added_to_group(update: Update, context: BotContext) -> None:
    """When someone adds the bot to a group, say where it works."""
    member = update.my_chat_member
    if member is None or member.chat.type == ChatType.PRIVATE:
        return
    if member.new_chat_member.status in ("member", "administrator"):
        rt = runtime(context)
        await context.bot.send_message(
            member.chat.id,
            rt.content.text("core.group_note", bot=context.bot.username or "this bot"),
        )
