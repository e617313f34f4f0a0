"""When each user's weekly summary is due: their Sunday at 19:00, in their own time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.schedule import local_instant
from bot.store import deliveries as delivery_store
from bot.store import users as user_store
from bot.store.models import User

WEEKLY_WEEKDAY = 6  # Sunday
WEEKLY_TIME = time(19, 0)


def next_weekly_instant(*, zone: str, after: datetime, not_on: date | None = None) -> datetime:
    """The first Sunday 19:00 (local) strictly after `after`, skipping the Sunday `not_on`."""
    local_day = after.astimezone(ZoneInfo(zone)).date()
    sunday = local_day + timedelta(days=(WEEKLY_WEEKDAY - local_day.weekday()) % 7)
    while True:
        candidate = local_instant(sunday, WEEKLY_TIME, zone)
        if candidate > after and sunday != not_on:
            return candidate
        sunday += timedelta(days=7)


def week_ending(due_at: datetime, zone: str) -> date:
    """The local Sunday a summary due at `due_at` looks back from."""
    return due_at.astimezone(ZoneInfo(zone)).date()


async def refresh_next_weekly(*, session: AsyncSession, user: User, now: datetime) -> None:
    """Recompute `next_weekly_at`: None when the summary is off or cannot be sent."""
    next_at: datetime | None = None
    if user.onboarded and user.tz and user.active and user.weekly_summary:
        today = now.astimezone(ZoneInfo(user.tz)).date()
        done = await delivery_store.delivered_on(
            session=session, user_id=user.id, kind=delivery_store.WEEKLY, local_date=today
        )
        next_at = next_weekly_instant(zone=user.tz, after=now, not_on=today if done else None)
    if next_at != user.next_weekly_at:
        await user_store.update_user(session=session, user=user, now=now, next_weekly_at=next_at)


async def set_weekly(*, session: AsyncSession, user: User, on: bool, now: datetime) -> None:
    """Turn the weekly summary on or off."""
    await user_store.update_user(session=session, user=user, now=now, weekly_summary=on)
    await refresh_next_weekly(session=session, user=user, now=now)
