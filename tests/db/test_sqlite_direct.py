"""The writes every update makes, run on sqlite3 directly (bot/store/sqlite_direct.py), store
exactly what SQLAlchemy would store, and return the same counts and ids."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from bot.store import deliveries, flows, handled, outbox, sqlite_direct, users
from bot.store.db import Database
from bot.store.migrate import upgrade
from bot.store.turns import load_turn_state

NOW = datetime(2026, 12, 2, 1, 30, 15, 123456, tzinfo=UTC)
TODAY = date(2026, 12, 2)
TABLES = ("handled_updates", "users", "flow_states", "outbox")


async def _scenario(db: Database) -> tuple[list[Any], dict[str, list[tuple[Any, ...]]]]:
    """The hot writes, as turns make them; what they returned and every row they left."""
    returned: list[Any] = []
    for user_id in (1, 2):
        async with db.session() as session:
            returned.append(await handled.record(session=session, update_id=user_id, now=NOW))
            returned.append(await handled.record(session=session, update_id=user_id, now=NOW))
            returned.append(
                await users.insert_if_missing(
                    session=session, user_id=user_id, chat_id=user_id, now=NOW
                )
            )
            version = await flows.save_stack(
                session=session, user_id=user_id, stack=[{"f": "x"}], version=-1, now=NOW
            )
            returned.append(
                await flows.save_stack(
                    session=session, user_id=user_id, stack=[], version=version, now=NOW
                )
            )
            row_id = await outbox.put(
                session=session, user_id=user_id, chat_id=user_id, body='["é"]', now=NOW
            )
            returned.append(row_id)
            await outbox.progress(session=session, row_id=row_id or 0, done=1)
            state = await load_turn_state(
                session=session, user_id=user_id, chat_id=user_id, now=NOW, write_locked=True
            )
            await users.update_user(
                session=session,
                user=state.user,
                now=NOW,
                tz="Europe/Berlin",
                daily_time=time(21, 30),
                paused_until=date(2026, 12, 9),
                onboarded=True,
            )
            returned.append(
                await deliveries.delivered_on(
                    session=session, user_id=user_id, kind=deliveries.DAILY, local_date=TODAY
                )
            )
        async with db.session() as session:
            # Read back in a new session: every column type converted as SQLAlchemy would.
            state = await load_turn_state(
                session=session, user_id=user_id, chat_id=user_id, now=NOW, write_locked=True
            )
            returned.append((state.user.model_dump(), state.stack, state.version, state.created))
        if user_id == 1:
            await db.write(partial(outbox.settle_on, row_id=row_id or 0))
    with pytest.raises(flows.StaleFlowError):
        async with db.session() as session:
            await flows.save_stack(session=session, user_id=1, stack=[], version=0, now=NOW)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    async with db.session() as session:
        for table in TABLES:
            result = await session.exec(text(f"SELECT * FROM {table} ORDER BY 1"))  # type: ignore[call-overload]
            rows[table] = [tuple(row) for row in result.all()]
    return returned, rows


async def _run(path: Path, *, direct: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    db = Database(f"sqlite+aiosqlite:///{path}")
    with monkeypatch.context() as patch:
        if not direct:
            patch.setattr(sqlite_direct, "direct_sqlite", lambda conn: None)
        try:
            await upgrade(db)
            async with db.session() as session:
                conn = await session.connection()
                inline = await conn.run_sync(sqlite_direct.direct_sqlite)
            assert (inline is not None) is direct
            return await _scenario(db)
        finally:
            await db.dispose()


async def test_direct_writes_match_sqlalchemy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    direct = await _run(tmp_path / "direct.db", direct=True, monkeypatch=monkeypatch)
    through = await _run(tmp_path / "through.db", direct=False, monkeypatch=monkeypatch)
    assert direct == through
    returned, rows = direct
    assert returned[:4] == [True, False, True, 1]
    assert [row[0] for row in rows["handled_updates"]] == [1, 2]
    assert len(rows["outbox"]) == 1  # user 1's row settled, user 2's kept
    user, stack, version, created = returned[6]
    assert user["daily_time"] == time(21, 30)
    assert user["paused_until"] == date(2026, 12, 9)
    assert user["created_at"] == NOW
    assert user["onboarded"] is True
    assert (stack, version, created) == ([], 1, False)


async def test_a_failing_direct_write_raises_what_sqlalchemy_raises(tmp_path: Path) -> None:
    """A missing table (or "database is locked") comes out as SQLAlchemy's OperationalError,
    with the parameters hidden, so callers handle it as before."""
    from sqlalchemy.exc import OperationalError

    db = Database(f"sqlite+aiosqlite:///{tmp_path}/empty.db")  # no tables
    try:
        with pytest.raises(OperationalError) as caught:
            async with db.session() as session:
                await outbox.settle(session=session, row_id=424242)
        assert "no such table" in str(caught.value)
        assert "424242" not in str(caught.value)
    finally:
        await db.dispose()


async def test_attempt_spans_read_both_ways_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/status reads each attempt's first and last day with a Core statement (run on sqlite3
    directly): the same dates, in the same order, either way."""
    from bot.store import attempts

    async def spans(path: Path, *, direct: bool) -> list[tuple[date, date | None]]:
        db = Database(f"sqlite+aiosqlite:///{path}")
        with monkeypatch.context() as patch:
            if not direct:
                patch.setattr(sqlite_direct, "direct_sqlite", lambda conn: None)
            try:
                await upgrade(db)
                async with db.session() as session:
                    await users.insert_if_missing(session=session, user_id=5, chat_id=5, now=NOW)
                    first = await attempts.start_attempt(
                        session=session, user_id=5, start_date=date(2026, 11, 1), now=NOW
                    )
                    await attempts.end_attempt(
                        session=session, attempt=first, end_date=date(2026, 11, 9),
                        reason="slip", note=None,
                    )
                    await attempts.start_attempt(
                        session=session, user_id=5, start_date=date(2026, 11, 9), now=NOW
                    )
                async with db.session() as session:
                    return await attempts.spans(session=session, user_id=5)
            finally:
                await db.dispose()

    got = await spans(tmp_path / "direct.db", direct=True)
    assert got == await spans(tmp_path / "through.db", direct=False)
    assert got == [(date(2026, 11, 1), date(2026, 11, 9)), (date(2026, 11, 9), None)]
