"""Migrations: every step up and down, head equal to the models, data kept on upgrade."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from bot.store import migrate
from bot.store.db import Database


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


async def test_every_migration_goes_up_and_down(empty_database_url: str) -> None:
    db = Database(empty_database_url)
    try:
        previous = "base"
        for revision in revisions():
            await migrate.upgrade(db, revision)
            await migrate.downgrade(db, previous)
            await migrate.upgrade(db, revision)
            assert await migrate.current(db) == revision
            previous = revision
        await migrate.downgrade(db, "base")
        assert await migrate.current(db) is None
    finally:
        await db.dispose()


async def test_head_matches_the_models(empty_database_url: str) -> None:
    db = Database(empty_database_url)
    try:
        await migrate.upgrade(db)

        def diff(connection: Connection) -> list[object]:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, SQLModel.metadata))

        async with db.engine.connect() as conn:
            assert await conn.run_sync(diff) == []
    finally:
        await db.dispose()


async def test_upgrade_from_the_first_revision_keeps_data(empty_database_url: str) -> None:
    db = Database(empty_database_url)
    now = datetime(2026, 1, 1, 12, tzinfo=UTC)
    try:
        await migrate.upgrade(db, revisions()[0])
        async with db.engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO users (id, chat_id, tz, onboarded, active, weekly_summary,"
                    " created_at, updated_at) VALUES (42, 42, 'Europe/Berlin', true, true,"
                    " true, :now, :now)"
                ),
                {"now": now},
            )
            await conn.execute(
                text(
                    "INSERT INTO attempts (user_id, number, start_date, created_at)"
                    " VALUES (42, 1, '2025-12-20', :now)"
                ),
                {"now": now},
            )
            await conn.execute(
                text("INSERT INTO reasons (user_id, text, created_at) VALUES (42, 'peace', :now)"),
                {"now": now},
            )
        await migrate.upgrade(db)
        async with db.engine.connect() as conn:
            user = (await conn.execute(text("SELECT tz, onboarded FROM users"))).one()
            attempt = (await conn.execute(text("SELECT start_date FROM attempts"))).one()
            reason = (await conn.execute(text("SELECT text FROM reasons"))).one()
        assert (user[0], bool(user[1])) == ("Europe/Berlin", True)
        assert str(attempt[0]) == "2025-12-20"
        assert reason[0] == "peace"
    finally:
        await db.dispose()
