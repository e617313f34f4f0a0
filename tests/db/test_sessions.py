"""Sessions: SQLite runs one at a time in a process (inline, see bot/store/sqlite_inline.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.store.db import Database


async def test_sqlite_sessions_take_turns_and_a_nested_one_is_refused(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path}/turns.db")
    try:
        async with db.session() as session:
            await session.exec(text("CREATE TABLE log (who TEXT, step INTEGER)"))  # type: ignore[call-overload]
        inside = asyncio.Event()

        async def writer(who: str) -> None:
            async with db.session() as session:
                await session.exec(text(f"INSERT INTO log VALUES ('{who}', 1)"))  # type: ignore[call-overload]
                inside.set()
                await asyncio.sleep(0.05)  # hold the session across an await
                await session.exec(text(f"INSERT INTO log VALUES ('{who}', 2)"))  # type: ignore[call-overload]

        await asyncio.gather(writer("a"), writer("b"))
        async with db.session() as session:
            rows = (await session.exec(text("SELECT who, step FROM log ORDER BY rowid"))).all()  # type: ignore[call-overload]
        # One session ran to its end before the other began: no interleaving.
        assert [tuple(r) for r in rows] in (
            [("a", 1), ("a", 2), ("b", 1), ("b", 2)], [("b", 1), ("b", 2), ("a", 1), ("a", 2)]
        )
        async with db.session():
            with pytest.raises(RuntimeError, match="inside another"):
                async with db.session():
                    pass
    finally:
        await db.dispose()
