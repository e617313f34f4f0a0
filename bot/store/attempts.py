"""Repository functions for No Contact attempts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.db import execute
from bot.store.models import Attempt, core_table

# Built once: /status, set-up's end and the daily message read them (building a statement
# cost more than running it; the compiled SQL is cached, the statement object was not).
_LIST = (
    select(Attempt)
    .where(col(Attempt.user_id) == bindparam("p_user_id"))
    .order_by(col(Attempt.number))
)
_CURRENT = (
    select(Attempt)
    .where(col(Attempt.user_id) == bindparam("p_user_id"), col(Attempt.end_date).is_(None))
    .order_by(col(Attempt.number).desc())
)


_ATTEMPTS = core_table(Attempt)
_SPANS = (
    sa_select(_ATTEMPTS.c.start_date, _ATTEMPTS.c.end_date)
    .where(_ATTEMPTS.c.user_id == bindparam("p_user_id"))
    .order_by(_ATTEMPTS.c.number)
)


async def list_attempts(*, session: AsyncSession, user_id: int) -> list[Attempt]:
    result = await session.exec(_LIST, params={"p_user_id": user_id})
    return list(result.all())


async def spans(*, session: AsyncSession, user_id: int) -> list[tuple[date, date | None]]:
    """Each attempt's first and last day (None while open), in order: what /status counts
    from, read without loading Attempt objects (a Core statement, run on sqlite3 directly
    when SQLite runs inline: /status is asked often)."""
    result = await execute(session, _SPANS, {"p_user_id": user_id})
    rows: list[Any] = list(result.all())
    return [(row[0], row[1]) for row in rows]


async def current_attempt(*, session: AsyncSession, user_id: int) -> Attempt | None:
    result = await session.exec(_CURRENT, params={"p_user_id": user_id})
    return result.first()


async def current_starts(*, session: AsyncSession, user_ids: list[int]) -> dict[int, date]:
    """The start date of each user's open attempt."""
    result = await session.exec(
        select(col(Attempt.user_id), col(Attempt.start_date)).where(
            col(Attempt.user_id).in_(user_ids), col(Attempt.end_date).is_(None)
        )
    )
    return {uid: start for uid, start in result.all()}


async def start_attempt(
    *,
    session: AsyncSession,
    user_id: int,
    start_date: date,
    now: datetime,
    existing: list[Attempt] | None = None,
) -> Attempt:
    """Open a new attempt numbered after the last one (`existing`: their attempts, when the
    caller has just read them)."""
    if existing is None:
        existing = await list_attempts(session=session, user_id=user_id)
    number = (existing[-1].number + 1) if existing else 1
    attempt = Attempt(user_id=user_id, number=number, start_date=start_date, created_at=now)
    session.add(attempt)
    await session.flush()
    return attempt


async def set_start_date(*, session: AsyncSession, attempt: Attempt, start_date: date) -> Attempt:
    attempt.start_date = start_date
    session.add(attempt)
    await session.flush()
    return attempt


async def end_attempt(
    *, session: AsyncSession, attempt: Attempt, end_date: date, reason: str, note: str | None
) -> Attempt:
    attempt.end_date = end_date
    attempt.end_reason = reason
    attempt.note = note
    session.add(attempt)
    await session.flush()
    return attempt


async def reopen_attempt(*, session: AsyncSession, attempt: Attempt) -> Attempt:
    """An ended attempt open again (a slip taken back); its note stays."""
    attempt.end_date = None
    attempt.end_reason = None
    session.add(attempt)
    await session.flush()
    return attempt


async def remove_attempt(*, session: AsyncSession, attempt: Attempt) -> None:
    await session.delete(attempt)
    await session.flush()
