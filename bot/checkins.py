"""Wait-it-out check-ins: sent by the existing periodic tick when an urge's timer ends.

The due instant lives on the urge row (`checkin_at`, indexed), so a check-in survives a
restart. Each is claimed with a conditional update (checkin_at back to NULL only if it still
holds the value read), committed before sending: two processes never send one twice; a crash
between claim and send loses that one check-in rather than repeating it.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from telegram import Bot
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.handlers.urge import checkin_message
from bot.runtime import Runtime
from bot.sending import with_retries
from bot.store import urges as urge_store
from bot.store import users as user_store
from bot.store.models import Urge

logger = logging.getLogger(__name__)

BATCH = 200
# A timer that ended while the bot was down this long ago is dropped, not sent late.
GRACE = timedelta(hours=2)


async def run_checkins(rt: Runtime, bot: Bot) -> int:
    """Claim and send every due check-in; return how many went out."""
    sent = 0
    while True:
        claimed = await _claim(rt)
        if not claimed:
            return sent
        for urge, chat_id in claimed:
            sent += await _send(rt, bot, urge, chat_id)


async def _claim(rt: Runtime) -> list[tuple[Urge, int]]:
    now = rt.clock.now()
    claimed: list[tuple[Urge, int]] = []
    dropped = 0
    async with rt.db.session() as session:
        for urge, chat_id in await urge_store.due_checkins(session=session, now=now, limit=BATCH):
            due = urge.checkin_at
            if urge.id is None or due is None:
                continue
            if not await urge_store.claim_checkin(session=session, urge_id=urge.id, expected=due):
                continue
            if now - due > GRACE:
                dropped += 1
            else:
                claimed.append((urge, chat_id))
    if dropped:
        logger.info("dropped %d check-ins that were due too long ago", dropped)
    return claimed


async def _send(rt: Runtime, bot: Bot, urge: Urge, chat_id: int) -> int:
    text, markup = checkin_message(rt.content, urge)
    try:
        await with_retries(partial(bot.send_message, chat_id, text, reply_markup=markup))
    except (Forbidden, BadRequest) as exc:
        logger.info("check-in refused (%s); user marked inactive", type(exc).__name__)
        async with rt.db.session() as session:
            await user_store.set_active(
                session=session, user_id=urge.user_id, active=False, now=rt.clock.now()
            )
        return 0
    except TelegramError as exc:
        logger.warning("check-in not sent: %s", type(exc).__name__)
        return 0
    return 1
