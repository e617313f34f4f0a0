"""/stats for the admins in ADMIN_IDS: aggregate counts only."""

from __future__ import annotations

from telegram import Update

from bot.conversation.context import BotContext
from bot.conversation.turn import runtime
from bot.handlers import fallback
from bot.services import stats


async def show_stats(update: Update, context: BotContext) -> None:
    """Counts for admins; everyone else gets the ordinary unknown-command reply."""
    rt = runtime(context)
    user = update.effective_user
    if user is None or user.id not in rt.settings.admin_ids:
        await fallback.unknown_command(update, context)
        return
    async with rt.db.session() as session:
        counts = await stats.counts(session=session, now=rt.clock.now())
    if update.effective_message is not None:
        await update.effective_message.reply_text(
            rt.content.text(
                "core.stats",
                active=counts.active_users,
                new=counts.new_this_week,
                daily=counts.daily_sent_today,
                urges=counts.urges_today,
                slips=counts.slips_this_week,
            )
        )
