"""A person's own settings and presence: what handlers may change about them."""

from __future__ import annotations

from datetime import datetime, time

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import users as user_store
from bot.store.models import User


async def get(*, session: AsyncSession, user_id: int) -> User | None:
    return await user_store.get_user(session=session, user_id=user_id)


async def set_active(*, session: AsyncSession, user_id: int, active: bool, now: datetime) -> None:
    """Blocked (False) or back (True): nothing is sent to someone who blocked the bot."""
    await user_store.set_active(session=session, user_id=user_id, active=active, now=now)


async def set_timezone(*, session: AsyncSession, user: User, zone: str, now: datetime) -> None:
    await user_store.update_user(session=session, user=user, now=now, tz=zone)


async def set_daily_time(*, session: AsyncSession, user: User, at: time, now: datetime) -> None:
    await user_store.update_user(session=session, user=user, now=now, daily_time=at)
