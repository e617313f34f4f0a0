"""Keeping each user's next daily send instant right whenever something it depends on changes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services import weekly
from bot.services.progress import local_today
from bot.services.schedule import PAUSED_INDEFINITELY, next_daily_instant
from bot.store import deliveries as delivery_store
from bot.store import users as user_store
from bot.store.models import User

MAX_PAUSE_DAYS = 365


async def refresh_next_daily(*, session: AsyncSession, user: User, now: datetime) -> None:
    """Recompute `next_daily_at` (never twice on a local date that already had its message).

    The weekly summary depends on the same things (zone, onboarding, being active), so its
    next instant is refreshed here too.
    """
    await weekly.refresh_next_weekly(session=session, user=user, now=now)
    if not (user.onboarded and user.tz and user.daily_time and user.active):
        next_at = None
    else:
        today = local_today(now, user.tz)
        done_today = await delivery_store.delivered_on(
            session=session, user_id=user.id, kind=delivery_store.DAILY, local_date=today
        )
        next_at = next_daily_instant(
            zone=user.tz,
            at=user.daily_time,
            after=now,
            paused_until=user.paused_until,
            not_on=today if done_today else None,
        )
    if next_at != user.next_daily_at:
        await user_store.update_user(session=session, user=user, now=now, next_daily_at=next_at)


async def reactivate(*, session: AsyncSession, user: User, now: datetime) -> bool:
    """The user blocked the bot and came back: messages may flow again, from now on.

    True when they were away (so they can be welcomed back).
    """
    if user.active:
        return False
    await user_store.update_user(session=session, user=user, now=now, active=True)
    await refresh_next_daily(session=session, user=user, now=now)
    return True


def first_silent_day(*, today: date, now: datetime, zone: str | None, at: time | None) -> date:
    """The first day a pause of N days silences: today while today's message is still to
    come, else tomorrow ("/pause 3" at 23:40 on a Friday silences Saturday to Monday; a
    helper's chat got Monday's message, two days)."""
    if zone is None or at is None:
        return today
    local = now.astimezone(ZoneInfo(zone)).time().replace(tzinfo=None)
    return today + timedelta(days=1) if local >= at else today


def pause_until(today: date, days: int | None) -> date:
    """The last silent day of a pause of `days` days starting today (None: until /resume)."""
    if days is None:
        return PAUSED_INDEFINITELY
    if not 1 <= days <= MAX_PAUSE_DAYS:
        raise ValueError("pause length out of range")
    return today + timedelta(days=days - 1)


async def set_pause(
    *, session: AsyncSession, user: User, until: date | None, now: datetime
) -> None:
    await user_store.update_user(session=session, user=user, now=now, paused_until=until)
    await refresh_next_daily(session=session, user=user, now=now)


# A mood typed instead of tapped counts for the daily message sent within this long.
TYPED_MOOD_WITHIN = timedelta(hours=6)


async def log_typed_mood(*, session: AsyncSession, user_id: int, mood: str, now: datetime) -> bool:
    """Keep a mood typed instead of tapped ("not great tbh") on today's daily message, if one
    went out in the last hours and has no mood yet; False when there is none."""
    delivery = await delivery_store.latest_unanswered_daily(
        session=session, user_id=user_id, since=now - TYPED_MOOD_WITHIN
    )
    if delivery is None:
        return False
    await delivery_store.set_mood(session=session, delivery=delivery, mood=mood, now=now)
    return True


async def log_mood(
    *, session: AsyncSession, user_id: int, delivery_id: int, mood: str, now: datetime
) -> bool:
    """Keep the day's mood on the person's own daily message; False if it is not theirs."""
    delivery = await delivery_store.get_delivery(session=session, delivery_id=delivery_id)
    if delivery is None or delivery.user_id != user_id:
        return False
    await delivery_store.set_mood(session=session, delivery=delivery, mood=mood, now=now)
    return True
