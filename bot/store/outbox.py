"""The outbox: replies owed, written with the turn that owes them, removed once accepted."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, insert, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import OutboxMessage, User, core_table


async def put(
    *, session: AsyncSession, user_id: int, chat_id: int, body: str, now: datetime
) -> int | None:
    """Owe the messages in `body` to the user in this transaction; their row id. None when
    the user no longer exists (they erased everything in this turn): nothing of theirs is
    written back."""
    if await session.get(User, user_id) is None:
        return None
    # A Core insert: this runs on most updates, and the ORM's unit of work cost more than
    # the statement.
    table = core_table(OutboxMessage)
    result = await session.exec(
        insert(table)
        .values(user_id=user_id, chat_id=chat_id, body=body, done=0, created_at=now,
                claimed_at=now)
        .returning(table.c.id)
    )
    return int(result.scalar_one())


async def progress(*, session: AsyncSession, row_id: int, done: int) -> None:
    """Telegram accepted the row's first `done` messages."""
    table = core_table(OutboxMessage)
    await session.exec(update(table).where(table.c.id == row_id).values(done=done))


async def settle(*, session: AsyncSession, row_id: int) -> None:
    """Every message of the row went out (or can never go out): forget it."""
    table = core_table(OutboxMessage)
    await session.exec(delete(table).where(table.c.id == row_id))


async def claim_stale(
    *, session: AsyncSession, claimed_before: datetime, now: datetime, limit: int,
    skip: Collection[int] = (),
) -> list[OutboxMessage]:
    """Take over rows whose sender stopped before settling them (a crash, or Telegram out of
    reach): each moves to `now` with a conditional update, so one process takes each. Rows in
    `skip` (the caller's own sends in flight) are left alone."""
    query = select(OutboxMessage).where(col(OutboxMessage.claimed_at) < claimed_before)
    if skip:
        query = query.where(col(OutboxMessage.id).not_in(list(skip)))
    result = await session.exec(query.order_by(col(OutboxMessage.id)).limit(limit))
    taken = []
    table = core_table(OutboxMessage)
    for row in result.all():
        moved = await session.exec(
            update(table)
            .where(table.c.id == row.id, table.c.claimed_at == row.claimed_at)
            .values(claimed_at=now)
        )
        if moved.rowcount == 1:
            taken.append(row)
    return taken
