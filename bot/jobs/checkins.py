"""Wait-it-out check-ins: sent by their own repeating job when an urge's timer ends (never
behind a daily fan-out).

The due instant lives on the urge row (`checkin_at`, indexed), so a check-in survives a
restart. Each is claimed with a conditional update committed before sending (checkin_at moves
from the value read to a lease a few minutes ahead), so two processes never both send it; once
sent, a second conditional update clears it. If the process dies in between, the lease runs
out and the check-in falls due again for whichever process ticks next: a check-in is never
lost to a crash, and at worst (a crash in the instant between Telegram accepting it and the
clearing) sent twice. A clearing the database cannot take (an outage) is kept in the local
file of pending outcomes (bot/store/pending.py) and written back before the next claim.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy.exc import DBAPIError
from telegram.error import BadRequest, TelegramError
from telegram.ext import ExtBot

from bot.conversation.context import BotContext
from bot.core.runtime import Runtime, runtime_of
from bot.store import urges as urge_store
from bot.store import users as user_store
from bot.store.models import Urge
from bot.tg.limiter import BULK
from bot.tg.sending import chat_gone, with_retries
from bot.views.urge import checkin_message

logger = logging.getLogger(__name__)

BATCH = 200
# How long a claimed check-in is held for its sender before another tick may take it over.
LEASE = timedelta(minutes=5)
# A timer that ended while the bot was down this long ago is dropped, not sent late.
GRACE = timedelta(hours=2)


async def checkin_tick(context: BotContext) -> None:
    """The repeating job: send every check-in whose timer has ended."""
    application = context.application
    try:
        await run_checkins(
            runtime_of(application.bot_data),
            context.bot,
            keep_claiming=lambda: application.running,
        )
    except (DBAPIError, OSError) as exc:
        logger.warning("check-ins skipped (database unavailable: %s)", type(exc).__name__)


async def run_checkins(
    rt: Runtime, bot: ExtBot[Any], *, keep_claiming: Callable[[], bool] = lambda: True
) -> int:
    """Claim and send every due check-in (or until `keep_claiming` says stop); return how
    many went out."""
    sent = 0
    await rt.pending.write_back(rt.db)  # outcomes kept through an outage first
    while keep_claiming():
        claimed = await _claim(rt)
        if not claimed:
            break
        for urge, chat_id, lease_until in claimed:
            outcome = await _send(rt, bot, urge, chat_id)
            if outcome == "later":
                continue  # Telegram out of reach: the lease runs out and it is sent then
            sent += outcome == "sent"
            assert urge.id is not None
            try:
                async with rt.db.session() as session:
                    await urge_store.settle_checkin(
                        session=session, urge_id=urge.id, lease_until=lease_until
                    )
            except (DBAPIError, OSError):  # sent: never again for want of this write
                rt.pending.keep_checkin(urge.id, lease_until)
                logger.warning(
                    "database unavailable: a check-in's outcome kept in %s", rt.pending.path
                )
    return sent


async def _claim(rt: Runtime) -> list[tuple[Urge, int, datetime]]:
    now = rt.clock.now()
    lease_until = now + LEASE
    claimed: list[tuple[Urge, int, datetime]] = []
    dropped = 0
    async with rt.db.session() as session:
        for urge, chat_id in await urge_store.due_checkins(session=session, now=now, limit=BATCH):
            due = urge.checkin_at
            if urge.id is None or due is None:
                continue
            late = now - due > GRACE
            if not await urge_store.claim_checkin(
                session=session,
                urge_id=urge.id,
                expected=due,
                lease_until=None if late else lease_until,
            ):
                continue
            if late:
                dropped += 1
            else:
                claimed.append((urge, chat_id, lease_until))
    if dropped:
        logger.info("dropped %d check-ins that were due too long ago", dropped)
    return claimed


async def _send(rt: Runtime, bot: ExtBot[Any], urge: Urge, chat_id: int) -> str:
    """ "sent", "refused" (settled, never retried) or "later" (retried after the lease)."""
    text, markup = checkin_message(rt.content, urge)
    try:
        await with_retries(
            partial(bot.send_message, chat_id, text, reply_markup=markup, rate_limit_args=BULK)
        )
    except TelegramError as exc:
        if chat_gone(exc):
            logger.info("check-in refused (%s); user marked inactive", type(exc).__name__)
            async with rt.db.session() as session:
                await user_store.set_active(
                    session=session, user_id=urge.user_id, active=False, now=rt.clock.now()
                )
            return "refused"
        if isinstance(exc, BadRequest):
            logger.warning("check-in refused by Telegram: %s", exc.message)
            rt.metrics.inc("send_refused")
            return "refused"
        logger.warning("check-in not sent yet: %s", type(exc).__name__)
        return "later"
    return "sent"
