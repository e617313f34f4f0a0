"""Repository functions for the user's own reasons."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import Reason


async def list_reasons(*, session: AsyncSession, user_id: int) -> list[Reason]:
    result = await session.exec(
        select(Reason).where(Reason.user_id == user_id).order_by(col(Reason.id))
    )
    return list(result.all())


async def count_reasons(*, session: AsyncSession, user_id: int) -> int:
    result = await session.exec(
        select(func.count()).select_from(Reason).where(Reason.user_id == user_id)
    )
    return int(result.one())


async def add_reason(*, session: AsyncSession, user_id: int, text: str, now: datetime) -> Reason:
    reason = Reason(user_id=user_id, text=text, created_at=now)
    session.add(reason)
    await session.flush()
    return reason


async def remove_reason(*, session: AsyncSession, user_id: int, reason_id: int) -> bool:
    """Delete the reason only if it belongs to this user."""
    reason = await session.get(Reason, reason_id)
    if reason is None or reason.user_id != user_id:
        return False
    await session.delete(reason)
    await session.flush()
    return True
