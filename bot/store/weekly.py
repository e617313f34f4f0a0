"""Repository functions for the weekly summary: who is due, moving their next instant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select as sa_select
from sqlmodel import col, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import User


@dataclass(frozen=True)
class DueWeekly:
    id: int
    chat_id: int
    tz: str
    paused_until: date | None
    due_at: datetime


async def due_weekly(*, session: AsyncSession, now: datetime, limit: int) -> list[DueWeekly]:
    """Active users whose weekly summary is due at or before `now` (uses the next_weekly_at
    index; users who turned it off have no next instant)."""
    result = await session.exec(  # type: ignore[call-overload]
        sa_select(
            col(User.id),
            col(User.chat_id),
            col(User.tz),
            col(User.paused_until),
            col(User.next_weekly_at),
        )
        .where(
            col(User.next_weekly_at) <= now,
            col(User.active).is_(True),
            col(User.weekly_summary).is_(True),
        )
        .order_by(col(User.next_weekly_at))
        .limit(limit)
    )
    return [
        DueWeekly(id=r[0], chat_id=r[1], tz=r[2] or "UTC", paused_until=r[3], due_at=r[4])
        for r in result.all()
    ]


async def move_next_weekly(
    *, session: AsyncSession, user_id: int, expected: datetime, next_at: datetime | None
) -> bool:
    """Move the next summary from `expected` to `next_at`; False if another process did."""
    result = await session.exec(
        update(User)
        .where(col(User.id) == user_id, col(User.next_weekly_at) == expected)
        .values(next_weekly_at=next_at)
    )
    return bool(result.rowcount == 1)
