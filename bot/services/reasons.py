"""The user's own reasons for No Contact: limits and cleaning. Knows no Telegram."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import reasons as reason_store
from bot.store.models import Reason

MAX_REASONS = 20
MAX_REASON_CHARS = 300

Refusal = Literal["empty", "too_long", "too_many"]


class ReasonRefused(Exception):
    def __init__(self, code: Refusal) -> None:
        super().__init__(code)
        self.code: Refusal = code


def clean(text: str) -> str:
    return " ".join(text.split())


async def list_reasons(*, session: AsyncSession, user_id: int) -> list[Reason]:
    return await reason_store.list_reasons(session=session, user_id=user_id)


async def add(*, session: AsyncSession, user_id: int, text: str, now: datetime) -> int:
    """Save one reason; return how many the list holds now. Raises ReasonRefused."""
    reason = clean(text)
    if not reason:
        raise ReasonRefused("empty")
    if len(reason) > MAX_REASON_CHARS:
        raise ReasonRefused("too_long")
    count = await reason_store.count_reasons(session=session, user_id=user_id)
    if count >= MAX_REASONS:
        raise ReasonRefused("too_many")
    await reason_store.add_reason(session=session, user_id=user_id, text=reason, now=now)
    return count + 1


async def remove(*, session: AsyncSession, user_id: int, reason_id: int) -> bool:
    """Remove the reason only if it is this user's own."""
    return await reason_store.remove_reason(
        session=session, user_id=user_id, reason_id=reason_id
    )
