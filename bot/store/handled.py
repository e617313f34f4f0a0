"""Which updates were handled: the record that makes each update count once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.db import execute
from bot.store.models import HandledUpdate, core_table

# Built once: this runs on every update, and building the statement cost more than running
# it (SQLAlchemy caches the compiled SQL, but not the statement object).
_RECORD = {
    name: insert(core_table(HandledUpdate))
    .values(update_id=bindparam("p_update_id"), handled_at=bindparam("p_now"))
    .on_conflict_do_nothing(index_elements=["update_id"])
    for name, insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}


async def record(*, session: AsyncSession, update_id: int, now: datetime) -> bool:
    """Note `update_id` as handled in this transaction; False if it already was."""
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    result = await execute(
        session,
        _RECORD["postgresql" if dialect == "postgresql" else "sqlite"],
        {"p_update_id": update_id, "p_now": now},
    )
    return bool(result.rowcount == 1)


async def forget_before(*, session: AsyncSession, before: datetime) -> int:
    """Drop the record of updates handled before `before`; return how many."""
    result = await session.exec(
        delete(HandledUpdate).where(col(HandledUpdate.handled_at) < before)
    )
    return int(result.rowcount or 0)
