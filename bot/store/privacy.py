"""Everything stored about one user, found generically over every table.

A table holds rows about a user when it has a `user_id` column; the `users` row itself is
keyed by `id`. Tables added later are covered without touching this module.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, delete, select, text
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

USERS_TABLE = "users"


def user_tables() -> list[Table]:
    """Every table with a user_id column, children before parents."""
    return [
        table
        for table in reversed(SQLModel.metadata.sorted_tables)
        if "user_id" in table.c and table.name != USERS_TABLE
    ]


def _users() -> Table:
    return SQLModel.metadata.tables[USERS_TABLE]


async def rows_about(*, session: AsyncSession, user_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row about the user, by table name (the users row first), as column -> value."""
    connection = await session.connection()
    found: dict[str, list[dict[str, Any]]] = {}
    users = _users()
    result = await connection.execute(select(users).where(users.c.id == user_id))
    found[USERS_TABLE] = [dict(row._mapping) for row in result]
    for table in user_tables():
        query = select(table).where(table.c.user_id == user_id)
        if table.primary_key.columns:
            query = query.order_by(*table.primary_key.columns)
        result = await connection.execute(query)
        found[table.name] = [dict(row._mapping) for row in result]
    return found


async def erase_user(*, session: AsyncSession, user_id: int) -> int:
    """Delete every row about the user in every table; return how many rows went.

    The session's identity map is cleared too, so no loaded object is written back.
    """
    connection = await session.connection()
    removed = 0
    for table in user_tables():
        result = await connection.execute(delete(table).where(table.c.user_id == user_id))
        removed += result.rowcount or 0
    users = _users()
    result = await connection.execute(delete(users).where(users.c.id == user_id))
    removed += result.rowcount or 0
    session.expunge_all()
    return removed


async def scrub_erased(*, session: AsyncSession) -> None:
    """Make an erase final on disk: commit it, then fold SQLite's write-ahead log into the
    database file and truncate it, so the erased rows' old copies (frames of the WAL that
    still hold them) are gone now rather than at the next automatic checkpoint or at exit.

    SQLite only (connections run with secure_delete=ON, so the rows' pages are zeroed in the
    database file as well); PostgreSQL's space is reclaimed by its own vacuum. Nothing may be
    written in this session afterwards that the erase should have held back: the erase is
    committed here.
    """
    if session.bind is None or session.bind.dialect.name != "sqlite":
        return
    await session.commit()
    connection = await session.connection()
    # Outside any transaction (pysqlite begins one only before data changes): a checkpoint
    # cannot run inside one.
    await connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
