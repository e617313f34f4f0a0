"""Each update once: a copy of an update this process already took in is dropped at the door.

Telegram delivers an update again when the webhook answered too slowly, and polling fetches it
again when the process stopped before confirming it. Within one process this check catches the
copy; across a restart the turn's own record (bot/conversation/turn.py) does.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.conversation.context import BotContext

logger = logging.getLogger(__name__)


async def drop_repeat(update: Update, context: BotContext) -> None:
    rt = context.runtime
    if not rt.updates_taken.add(update.update_id):
        rt.metrics.inc("updates_repeated")
        logger.info("update delivered again; handled once already")
        raise ApplicationHandlerStop
