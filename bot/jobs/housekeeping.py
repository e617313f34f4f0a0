"""Small periodic clean-ups that belong to no one message."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.core.runtime import Runtime
from bot.store import handled as handled_store

# Telegram keeps an unconfirmed update for 24 hours; twice that is ample.
KEEP_HANDLED = timedelta(days=2)
# A write on every tick would contend with replies for SQLite's one write lock for nothing.
EVERY = timedelta(minutes=10)


class Housekeeping:
    """Runs the clean-ups at most once every EVERY, whatever the tick's pace."""

    def __init__(self) -> None:
        self._last: datetime | None = None

    async def run(self, rt: Runtime) -> int:
        now = rt.clock.now()
        if self._last is not None and timedelta(0) <= now - self._last < EVERY:
            return 0
        self._last = now
        return await forget_old_updates(rt)


async def forget_old_updates(rt: Runtime) -> int:
    """Drop the record of updates handled more than KEEP_HANDLED ago; return how many."""
    async with rt.db.session() as session:
        return await handled_store.forget_before(
            session=session, before=rt.clock.now() - KEEP_HANDLED
        )
