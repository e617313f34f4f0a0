"""The outbox sweep: replies a sender could not finish (it died, or Telegram was out of reach)
are sent once their claim has run out. See bot/conversation/outbox.py."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import DBAPIError

from bot.conversation.context import BotContext
from bot.conversation.outbox import from_body, send_owed
from bot.core.runtime import Runtime, runtime_of
from bot.store import outbox as outbox_store

logger = logging.getLogger(__name__)

BATCH = 100


async def outbox_tick(context: BotContext) -> None:
    """The repeating job: finish what earlier senders left in the outbox."""
    application = context.application
    try:
        await run_outbox(
            runtime_of(application.bot_data),
            context.bot,
            keep_claiming=lambda: application.running,
        )
    except (DBAPIError, OSError) as exc:
        logger.warning("outbox sweep skipped (database unavailable: %s)", type(exc).__name__)


async def run_outbox(
    rt: Runtime, bot: Any, *, keep_claiming: Callable[[], bool] = lambda: True
) -> int:
    """Send what is left of every stale outbox row; return how many rows were finished."""
    finished = 0
    lease = timedelta(seconds=rt.settings.outbox_lease_seconds)
    await rt.pending.write_back(rt.db)  # outcomes kept through an outage first
    while keep_claiming():
        now = rt.clock.now()
        async with rt.db.session() as session:
            rows = await outbox_store.claim_stale(
                session=session,
                claimed_before=now - lease,
                now=now,
                limit=BATCH,
                skip=set(rt.sending),
            )
        if not rows:
            break
        logger.info("sending %d owed replies left by an earlier sender", len(rows))
        for row in rows:
            assert row.id is not None
            items = from_body(row.body, bot)[row.done :]
            if await send_owed(
                rt,
                bot,
                user_id=row.user_id,
                chat_id=row.chat_id,
                items=items,
                row_id=row.id,
                done=row.done,
            ):
                finished += 1
                rt.metrics.inc("outbox_recovered")
        if len(rows) < BATCH:
            break
    return finished
