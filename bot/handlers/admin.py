"""/stats for the admins in ADMIN_IDS: aggregate counts only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers import fallback
from bot.handlers.common import runtime
from bot.store import stats as stats_store


async def show_stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Counts for admins; everyone else gets the ordinary unknown-command reply."""
    rt = runtime(context)
    user = update.effective_user
    if user is None or user.id not in rt.settings.admin_ids:
        await fallback.unknown_command(update, context)
        return
    now = rt.clock.now()
    day_start = datetime.combine(now.date(), datetime.min.time(), tzinfo=UTC)
    week_start = now - timedelta(days=7)
    async with rt.db.session() as session:
        counts = await stats_store.counts(
            session=session, day_start=day_start, week_start=week_start,
            week_start_date=week_start.date(),
        )
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
