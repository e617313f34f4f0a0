"""Outcomes kept in a local file while the database was away (bot/store/pending.py): written
back in one go, idempotent, never losing a line appended meanwhile, never moving a count
back. The end-to-end case (a stop during a PostgreSQL outage, nothing sent twice after) is
tests/e2e/test_faults.py::test_a_stop_during_a_database_outage_is_quick_and_the_next_start_doubles_nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError

from bot.store import migrate
from bot.store.db import Database
from bot.store.deliveries import Outcome
from bot.store.models import Delivery, OutboxMessage, Urge, User
from bot.store.pending import PendingOutcomes

NOW = datetime(2026, 11, 25, 19, 0, 1, 123456, tzinfo=UTC)
USER = 4711


async def seeded(database_url: str) -> tuple[Database, dict[str, int]]:
    db = Database(database_url)
    await migrate.upgrade(db)
    async with db.engine.begin() as conn:
        await conn.execute(insert(User).values(
            id=USER, chat_id=USER, tz="Europe/Berlin", daily_time=clock_time(20),
            onboarded=True, active=True, created_at=NOW, updated_at=NOW,
        ))
        delivery = await conn.execute(insert(Delivery).values(
            user_id=USER, kind="daily", local_date=date(2026, 11, 25), due_at=NOW,
            claimed_at=NOW,
        ).returning(Delivery.id))  # type: ignore[arg-type]
        rows = [
            (await conn.execute(insert(OutboxMessage).values(
                user_id=USER, chat_id=USER, body="[]", done=0, created_at=NOW, claimed_at=NOW,
            ).returning(OutboxMessage.id))).scalar_one()  # type: ignore[arg-type]
            for _ in range(2)
        ]
        urge = await conn.execute(insert(Urge).values(
            user_id=USER, started_at=NOW, checkin_at=NOW + timedelta(minutes=5),
        ).returning(Urge.id))  # type: ignore[arg-type]
    return db, {"delivery": delivery.scalar_one(), "settled": rows[0], "progressed": rows[1],
                "urge": urge.scalar_one()}


async def state(db: Database, ids: dict[str, int]) -> dict[str, object]:
    async with db.engine.connect() as conn:
        delivery = (await conn.execute(
            select(Delivery.status, Delivery.message_id, Delivery.sent_at)  # type: ignore[call-overload]
            .where(Delivery.id == ids["delivery"])
        )).one()
        outbox = dict((await conn.execute(
            select(OutboxMessage.id, OutboxMessage.done)  # type: ignore[call-overload]
        )).all())
        checkin = (await conn.execute(
            select(Urge.checkin_at).where(Urge.id == ids["urge"])  # type: ignore[call-overload]
        )).scalar_one()
    return {"delivery": tuple(delivery), "outbox": outbox, "checkin": checkin}


def keep_all(pending: PendingOutcomes, ids: dict[str, int]) -> None:
    pending.keep_deliveries([Outcome(ids["delivery"], "sent", NOW, 991)])
    pending.keep_reply(ids["settled"], done=None)
    pending.keep_reply(ids["progressed"], done=2)
    pending.keep_checkin(ids["urge"], NOW + timedelta(minutes=5))


async def test_kept_outcomes_are_written_back_once_and_the_file_empties(
    database_url: str, tmp_path: Path
) -> None:
    db, ids = await seeded(database_url)
    try:
        pending = PendingOutcomes(tmp_path / "data" / "pending.jsonl")
        assert not pending.waiting()
        assert await pending.write_back(db) == 0  # nothing kept: nothing to do
        keep_all(pending, ids)
        assert pending.waiting()
        assert await pending.write_back(db) == 4
        assert not pending.waiting()
        after = await state(db, ids)
        status, message_id, sent_at = after["delivery"]  # type: ignore[misc]
        assert (status, message_id) == ("sent", 991)
        assert sent_at == NOW
        assert after["outbox"] == {ids["progressed"]: 2}  # the settled row is gone
        assert after["checkin"] is None
        # Written twice (a write-back cut short and done again), nothing changes.
        keep_all(pending, ids)
        assert await pending.write_back(db) == 4
        assert await state(db, ids) == after
    finally:
        await db.dispose()


async def test_a_kept_count_never_moves_a_row_back(database_url: str, tmp_path: Path) -> None:
    db, ids = await seeded(database_url)
    try:
        pending = PendingOutcomes(tmp_path / "pending.jsonl")
        pending.keep_reply(ids["progressed"], done=3)
        pending.keep_reply(ids["progressed"], done=1)  # an older outcome, written later
        await pending.write_back(db)
        assert (await state(db, ids))["outbox"][ids["progressed"]] == 3  # type: ignore[index]
    finally:
        await db.dispose()


async def test_a_torn_line_is_skipped_and_the_rest_written(
    database_url: str, tmp_path: Path
) -> None:
    db, ids = await seeded(database_url)
    try:
        path = tmp_path / "pending.jsonl"
        pending = PendingOutcomes(path)
        pending.keep_reply(ids["settled"], done=None)
        with path.open("a") as file:
            file.write('{"k":"checkin","urge":')  # a crash in the middle of a write
        assert await pending.write_back(db) == 1
        assert ids["settled"] not in (await state(db, ids))["outbox"]  # type: ignore[operator]
        assert not pending.waiting()
    finally:
        await db.dispose()


async def test_an_outcome_kept_during_a_write_back_is_not_lost(
    database_url: str, tmp_path: Path
) -> None:
    db, ids = await seeded(database_url)
    try:
        path = tmp_path / "pending.jsonl"

        class Busy(PendingOutcomes):
            def _read(self) -> bytes:  # another writer appends right after the read
                raw = super()._read()
                self.keep_checkin(ids["urge"], NOW + timedelta(minutes=5))
                return raw

        busy = Busy(path)
        busy.keep_reply(ids["settled"], done=None)
        assert await busy.write_back(db) == 1
        assert busy.waiting()  # the check-in kept meanwhile is still there
        assert await PendingOutcomes(path).write_back(db) == 1
        assert (await state(db, ids))["checkin"] is None
    finally:
        await db.dispose()


async def test_while_the_database_is_away_the_write_back_fails_and_keeps_everything(
    tmp_path: Path
) -> None:
    path = tmp_path / "pending.jsonl"
    pending = PendingOutcomes(path)
    pending.keep_reply(7, done=None)
    before = path.read_bytes()
    away = Database(f"sqlite+aiosqlite:///{tmp_path}/empty.db")  # no tables: it fails
    try:
        with pytest.raises(DBAPIError):
            await pending.write_back(away)
    finally:
        await away.dispose()
    assert path.read_bytes() == before


async def test_an_entry_this_code_cannot_read_is_set_aside_not_retried_forever(
    database_url: str, tmp_path: Path
) -> None:
    db, _ = await seeded(database_url)
    try:
        path = tmp_path / "pending.jsonl"
        path.write_text('{"k":"delivery","id":1}\n')  # no status, no time: a bug, not an outage
        pending = PendingOutcomes(path)
        assert await pending.write_back(db) == 0
        assert not pending.waiting()  # the ticks are not blocked by it
        assert (tmp_path / "pending.jsonl.failed").read_text() == '{"k":"delivery","id":1}\n'
    finally:
        await db.dispose()
