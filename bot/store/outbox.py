"""The outbox: replies owed, written with the turn that owes them, removed once accepted."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Connection, bindparam, delete, insert, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import sqlite_direct
from bot.store.db import execute
from bot.store.models import OutboxMessage, User, core_table


async def put(
    *, session: AsyncSession, user_id: int, chat_id: int, body: str, now: datetime
) -> int | None:
    """Owe the messages in `body` to the user in this transaction; their row id. None when
    the user no longer exists (they erased everything in this turn): nothing of theirs is
    written back."""
    # A user still in the session's identity map exists (an erase clears the map, see
    # privacy.erase_user): asking the session for them would only find them there again.
    known = session.sync_session.identity_key(User, user_id) in session.sync_session.identity_map
    if not known and await session.get(User, user_id) is None:
        return None
    result = await execute(
        session, _PUT, {"p_user_id": user_id, "p_chat_id": chat_id, "p_body": body, "p_now": now}
    )
    return int(result.scalar_one())


async def progress(*, session: AsyncSession, row_id: int, done: int) -> None:
    """Telegram accepted the row's first `done` messages (never moves the count back: an
    outcome kept through an outage may be written after a later one)."""
    await execute(session, _PROGRESS, {"p_row_id": row_id, "p_done": done})


async def settle(*, session: AsyncSession, row_id: int) -> None:
    """Every message of the row went out (or can never go out): forget it."""
    await execute(session, _SETTLE, {"p_row_id": row_id})


def progress_on(conn: Connection, *, row_id: int, done: int) -> None:
    """progress(), on the connection of a Database.write (a reply's outcome on its own)."""
    sqlite_direct.run(conn, _PROGRESS, {"p_row_id": row_id, "p_done": done})


def settle_on(conn: Connection, *, row_id: int) -> None:
    """settle(), on the connection of a Database.write."""
    sqlite_direct.run(conn, _SETTLE, {"p_row_id": row_id})


# Core statements, built once: these run on most updates, and both the ORM's unit of work
# and building a statement each time cost more than running it.
_TABLE = core_table(OutboxMessage)
_PUT = (
    insert(_TABLE)
    .values(
        user_id=bindparam("p_user_id"),
        chat_id=bindparam("p_chat_id"),
        body=bindparam("p_body"),
        done=0,
        created_at=bindparam("p_now"),
        claimed_at=bindparam("p_now"),
    )
    .returning(_TABLE.c.id)
)
_PROGRESS = (
    update(_TABLE)
    .where(_TABLE.c.id == bindparam("p_row_id"), _TABLE.c.done < bindparam("p_done"))
    .values(done=bindparam("p_done"))
)
_SETTLE = delete(_TABLE).where(_TABLE.c.id == bindparam("p_row_id"))


async def claim_stale(
    *,
    session: AsyncSession,
    claimed_before: datetime,
    now: datetime,
    limit: int,
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
