"""A failing statement's error, as logged, names the SQL but never its parameters (user ids,
what users typed): the engines are created with hide_parameters=True."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from bot.core.logs import OneLineFormatter, RedactingFilter
from bot.store import migrate
from bot.store.db import Database
from bot.store.models import Reason

MARKER = "Thistledown-typed-by-a-user"
USER_ID = 918_273_645


def logged(exc: BaseException) -> str:
    """The line the bot's log would hold for this exception (logger.exception)."""
    formatter = OneLineFormatter("%(levelname)s %(name)s: %(message)s", RedactingFilter([]))
    record = logging.LogRecord(
        "bot.test", logging.ERROR, __file__, 1, "failed: %s", (exc,),
        (type(exc), exc, exc.__traceback__),
    )
    return formatter.format(record)


async def test_a_failing_statement_is_logged_without_its_parameters(database_url: str) -> None:
    db = Database(database_url)
    try:
        await migrate.upgrade(db)
        with pytest.raises(IntegrityError) as caught:  # no such user: the foreign key refuses
            async with db.session() as session:
                await session.exec(insert(Reason).values(  # type: ignore[call-overload]
                    user_id=USER_ID, text=MARKER, created_at=datetime.now(UTC)
                ))
        line = logged(caught.value)
        assert "INSERT INTO reasons" in line  # the statement is named
        assert MARKER not in line
        assert str(USER_ID) not in line

        with pytest.raises(DBAPIError) as caught_again:
            async with db.session() as session:
                await session.exec(  # type: ignore[call-overload]
                    text("SELECT * FROM no_such_table WHERE note = :note"), params={"note": MARKER}
                )
        assert MARKER not in logged(caught_again.value)
    finally:
        await db.dispose()
