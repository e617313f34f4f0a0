"""Repository functions for users."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, inspect, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.db import execute
from bot.store.models import User, core_table


async def get_user(*, session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def get_or_create_user(
    *, session: AsyncSession, user_id: int, chat_id: int, now: datetime
) -> tuple[User, bool]:
    """Return the user, locked for this transaction, and whether they were created just now."""
    created = await insert_if_missing(session=session, user_id=user_id, chat_id=chat_id, now=now)
    result = await session.exec(
        select(User)
        .where(User.id == user_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return result.one(), created


async def insert_if_missing(
    *, session: AsyncSession, user_id: int, chat_id: int, now: datetime
) -> bool:
    """Create the user unless they exist; True if created.

    Written first on purpose: the write takes SQLite's write lock at the start of the
    transaction (so two processes on one file queue instead of deadlocking on an upgrade),
    and on PostgreSQL the row then exists for the row lock the caller's select takes, which
    makes two updates of one user, handled by two instances at once, take turns.
    """
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    result = await execute(
        session,
        _INSERT_USER["postgresql" if dialect == "postgresql" else "sqlite"],
        {"p_id": user_id, "p_chat_id": chat_id, "p_now": now},
    )
    return bool(result.rowcount == 1)


# On the table, not the ORM class: a plain Core INSERT skips the ORM's bulk machinery, which
# cost more than the statement; and built once, since this runs on every update.
_INSERT_USER = {
    name: insert(core_table(User))
    .values(
        id=bindparam("p_id"),
        chat_id=bindparam("p_chat_id"),
        created_at=bindparam("p_now"),
        updated_at=bindparam("p_now"),
        onboarded=False,
        active=True,
        weekly_summary=True,
    )
    .on_conflict_do_nothing(index_elements=["id"])
    for name, insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}


async def update_user(*, session: AsyncSession, user: User, now: datetime, **fields: Any) -> User:
    for name in fields:
        if not hasattr(user, name):
            raise AttributeError(name)
    fields["updated_at"] = now
    state = inspect(user)
    if not state.persistent:  # not in the database yet (or detached): the ORM's way
        for name, value in fields.items():
            setattr(user, name, value)
        session.add(user)
        await session.flush()
        return user
    # A Core UPDATE, then the object told its new values as committed ones: the ORM's unit
    # of work (a flush per change) cost more than the statement, on every onboarding step.
    names = tuple(sorted(fields))
    await execute(
        session,
        _update_statement(names),
        {"p_id": user.id, **{f"p_{n}": fields[n] for n in names}},
    )
    for name, value in fields.items():
        set_committed_value(user, name, value)
    return user


_UPDATES: dict[tuple[str, ...], Any] = {}


def _update_statement(names: tuple[str, ...]) -> Any:
    """UPDATE users SET <names> WHERE id = :p_id, built once per set of columns."""
    statement = _UPDATES.get(names)
    if statement is None:
        table = core_table(User)
        statement = (
            update(table)
            .where(table.c.id == bindparam("p_id"))
            .values({name: bindparam(f"p_{name}") for name in names})
        )
        _UPDATES[names] = statement
    return statement


async def set_active(*, session: AsyncSession, user_id: int, active: bool, now: datetime) -> None:
    user = await session.get(User, user_id)
    if user is not None and user.active != active:
        await update_user(session=session, user=user, now=now, active=active)


async def list_user_ids(*, session: AsyncSession) -> list[int]:
    result = await session.exec(select(User.id))
    return list(result.all())
