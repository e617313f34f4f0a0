"""Aggregate counts for admins: numbers only, never a user's content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import Attempt, Delivery, Urge, User


@dataclass(frozen=True)
class Counts:
    active_users: int
    new_this_week: int
    daily_sent_today: int
    urges_today: int
    slips_this_week: int


async def counts(
    *, session: AsyncSession, day_start: datetime, week_start: datetime, week_start_date: date
) -> Counts:
    async def scalar(statement: object) -> int:
        return int((await session.exec(statement)).one())  # type: ignore[call-overload]

    return Counts(
        active_users=await scalar(
            select(func.count()).select_from(User).where(col(User.active).is_(True))
        ),
        new_this_week=await scalar(
            select(func.count()).select_from(User).where(col(User.created_at) >= week_start)
        ),
        daily_sent_today=await scalar(
            select(func.count())
            .select_from(Delivery)
            .where(
                Delivery.kind == "daily",
                Delivery.status == "sent",
                col(Delivery.sent_at) >= day_start,
            )
        ),
        urges_today=await scalar(
            select(func.count()).select_from(Urge).where(col(Urge.started_at) >= day_start)
        ),
        slips_this_week=await scalar(
            select(func.count())
            .select_from(Attempt)
            .where(Attempt.end_reason == "slip", col(Attempt.end_date) >= week_start_date)
        ),
    )
