"""Writing send outcomes for scheduled messages (daily, weekly), and the send rules they share.

An outcome not written leaves the delivery "claimed", and a claim is sent again once its lease
runs out: so the recorder waits out a database outage for most of the lease, and when the
process stops or that patience runs out it keeps the outcomes in a local file
(bot/store/pending.py) that is written back before anything is claimed again.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from sqlalchemy.exc import DBAPIError
from telegram.error import BadRequest, TelegramError

from bot.core.runtime import Runtime
from bot.store import deliveries as delivery_store
from bot.store import users as user_store
from bot.store.deliveries import Outcome
from bot.tg.sending import chat_gone

logger = logging.getLogger(__name__)

# Give up on an outcome (and say so) only when the claim's lease has nearly run out anyway.
PATIENCE_SHARE = 0.9


def lease_of(rt: Runtime) -> timedelta:
    """How long a claim is held by its sender before another tick may take it over."""
    return timedelta(seconds=rt.settings.claim_lease_seconds)


class Recorder:
    """Writes send outcomes in group commits: whatever arrived while the last write ran."""

    def __init__(self, rt: Runtime) -> None:
        self._rt = rt
        self._queue: asyncio.Queue[Outcome | None] = asyncio.Queue()

    def add(self, outcome: Outcome) -> None:
        self._queue.put_nowait(outcome)

    async def close(self) -> None:
        self._queue.put_nowait(None)

    async def run(self) -> None:
        closing = False
        while not closing:
            batch: list[Outcome] = []
            item = await self._queue.get()
            while True:
                if item is None:
                    closing = True
                else:
                    batch.append(item)
                if self._queue.empty():
                    break
                item = self._queue.get_nowait()
            await self._write(batch)

    async def _write(self, batch: list[Outcome]) -> None:
        rt = self._rt

        async def write() -> None:
            async with rt.db.session() as session:
                await delivery_store.record_outcomes(session=session, outcomes=batch)

        # Not given up: kept on disk and written before anything is claimed again.
        await rt.pending.write_or_keep(
            write,
            lambda: rt.pending.keep_deliveries(batch),
            what=f"{len(batch)} send outcomes",
            patience=lease_of(rt).total_seconds() * PATIENCE_SHARE,
            stopping=lambda: rt.stopping,
        )


async def refused(
    rt: Runtime,
    recorder: Recorder,
    delivery_id: int,
    user_id: int,
    exc: TelegramError,
    what: str,
) -> bool:
    """The send failed: a gone chat marks the person inactive; any other refusal is the bot's
    own fault (logged, counted; the person stays active and gets the next one); network
    trouble leaves the claim to be sent again after its lease. Always False (not sent)."""
    if chat_gone(exc):
        logger.info("%s refused (%s); user marked inactive", what, type(exc).__name__)
        recorder.add(Outcome(delivery_id, "failed", rt.clock.now()))
        try:
            async with rt.db.session() as session:
                await user_store.set_active(
                    session=session, user_id=user_id, active=False, now=rt.clock.now()
                )
        except (DBAPIError, OSError):  # the next send to them finds the chat gone again
            logger.warning("%s: could not mark the user inactive (database unavailable)", what)
    elif isinstance(exc, BadRequest):
        logger.warning("%s refused by Telegram: %s", what, exc.message)
        rt.metrics.inc("send_refused")
        recorder.add(Outcome(delivery_id, "failed", rt.clock.now()))
    else:
        logger.warning("%s not sent yet: %s", what, type(exc).__name__)
    return False


async def hand_back(rt: Runtime, delivery_ids: list[int], what: str) -> None:
    """Give back the claims a stopping process will not send: the next tick (here or in
    another process) takes them at once instead of after the lease."""
    if not delivery_ids:
        return
    try:
        async with rt.db.session() as session:
            await delivery_store.release_claims(
                session=session,
                delivery_ids=delivery_ids,
                released_at=rt.clock.now() - lease_of(rt) - timedelta(seconds=1),
            )
        logger.info("stopping: %d %s handed back unsent", len(delivery_ids), what)
    except (DBAPIError, OSError):
        logger.warning("stopping: %d %s left to their lease", len(delivery_ids), what)
