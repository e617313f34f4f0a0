"""/pause, /resume and the mood buttons under the daily message."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers import urge
from bot.handlers.common import Turn, open_turn, row_id
from bot.services import daily
from bot.services.encouragement import MOODS
from bot.store import deliveries as delivery_store

MOOD_DATA = re.compile(r"^day:(\d{1,18}):([sog])$")


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
    return turn.t("daily.next_on", date=local.strftime("%a %d %b"), time=at)


async def pause(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Silence daily messages, for N days or until /resume; the count never stops."""
    args = context.args or []
    async with open_turn(update, context) as turn:
        if not turn.user.onboarded:
            turn.say(turn.t("progress.not_started"))
            return
        days: int | None = None
        if args:
            if not args[0].isdigit() or not 1 <= int(args[0]) <= daily.MAX_PAUSE_DAYS:
                turn.say(turn.t("daily.pause_usage", max=daily.MAX_PAUSE_DAYS))
                return
            days = int(args[0])
        until = daily.pause_until(turn.today, days)
        await daily.set_pause(session=turn.session, user=turn.user, until=until, now=turn.now)
        if days is None:
            turn.say(turn.t("daily.paused_forever"))
        else:
            turn.say(turn.t("daily.paused_days", days=turn.days(days), next=describe_next(turn)))


async def resume(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start daily messages again."""
    async with open_turn(update, context) as turn:
        if not turn.user.onboarded:
            turn.say(turn.t("progress.not_started"))
            return
        was_paused = turn.user.paused_until is not None
        await daily.set_pause(session=turn.session, user=turn.user, until=None, now=turn.now)
        key = "daily.resumed" if was_paused else "daily.not_paused"
        turn.say(turn.t(key, next=describe_next(turn)))


async def on_mood(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Store the day's mood from a button on the user's own daily message."""
    query = update.callback_query
    match = MOOD_DATA.match(query.data or "") if query else None
    async with open_turn(update, context) as turn:
        delivery = None
        delivery_id = row_id(match.group(1)) if match is not None else None
        if delivery_id is not None:
            delivery = await delivery_store.get_delivery(
                session=turn.session, delivery_id=delivery_id
            )
        if match is None or delivery is None or delivery.user_id != turn.user.id:
            turn.toast(turn.t("core.stale_button"))
            return
        mood = MOODS[match.group(2)]
        await delivery_store.set_mood(
            session=turn.session, delivery=delivery, mood=mood, now=turn.now
        )
        turn.toast(turn.t("daily.mood_saved"))
        if mood == "struggling":  # the mood is logged; the urge flow takes it from here
            await urge.start_urge(turn, "daily")
            return
        if turn.rt.content.daily is not None and mood in turn.rt.content.daily.mood_replies:
            variants = turn.rt.content.daily.mood_replies[mood]
            turn.say(turn.rt.content.rng.choice(variants))
