"""When the next daily message comes, said in the user's own time ("tomorrow at 21:00")."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.conversation.turn import Turn
from bot.views.dates import long_date


def describe_next(turn: Turn) -> str:
    """When the next daily message comes, in the user's own time."""
    user = turn.user
    if user.next_daily_at is None or user.tz is None:
        return turn.t("daily.next_none")
    local = user.next_daily_at.astimezone(ZoneInfo(user.tz))
    at = local.strftime("%H:%M")
    days_ahead = (local.date() - turn.today).days
    if days_ahead == 0:
        return turn.t("daily.next_today", time=at)
    if days_ahead == 1:
        return turn.t("daily.next_tomorrow", time=at)
    return turn.t("daily.next_on", date=long_date(local.date()), time=at)
