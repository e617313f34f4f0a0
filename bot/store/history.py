"""Read-only queries behind /progress and the weekly summary."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.deliveries import DAILY
from bot.store.models import Delivery


async def moods_since(*, session: AsyncSession, user_id: int, since: date) -> dict[date, str]:
    """The mood the user tapped under each daily message, by local date."""
    result = await session.exec(
        select(col(Delivery.local_date), col(Delivery.mood)).where(
            Delivery.user_id == user_id,
            Delivery.kind == DAILY,
            col(Delivery.mood).is_not(None),
            col(Delivery.local_date) >= since,
        )
    )
    return {day: str(mood) for day, mood in result.all()}
