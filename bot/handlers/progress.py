"""/status: the day count, the bar to the next milestone, the longest streak."""

from __future__ import annotations

from telegram import Update

from bot.conversation.context import BotContext
from bot.conversation.turn import Turn, open_turn
from bot.services import journey
from bot.services.progress import milestone_progress


async def show_status(update: Update, context: BotContext) -> None:
    """Show where the user is in No Contact."""
    async with open_turn(update, context) as turn:
        if not turn.user.onboarded:
            turn.say(turn.t("progress.not_started"))
            return
        await render_status(turn)


async def render_status(turn: Turn) -> None:
    """Queue the status message for an onboarded user."""
    rec = await journey.load_record(session=turn.session, user_id=turn.user.id, today=turn.today)
    bar = milestone_progress(rec.current_days)
    lines = [turn.t("progress.day", day=rec.day)]
    if bar.next is None:
        lines.append(
            turn.t("progress.beyond_milestones", bar=bar.bar, days=turn.days(rec.current_days))
        )
    else:
        lines.append(
            turn.t(
                "progress.bar",
                bar=bar.bar,
                next=turn.days(bar.next),
                left=turn.days(bar.next - rec.current_days),
            )
        )
    if bar.previous and bar.previous == rec.current_days:
        lines.append(turn.t("progress.milestone_today", days=turn.days(bar.previous)))
    lines.append(
        turn.t("progress.longest", longest=turn.days(rec.longest), attempts=rec.attempts)
    )
    if turn.user.paused_until is not None and turn.user.paused_until >= turn.today:
        lines.append(turn.t("progress.paused", until=turn.user.paused_until.isoformat()))
    turn.say("\n".join(lines))
