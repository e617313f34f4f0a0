"""The daily tick: who is due now, claim them once, send at Telegram's pace, record.

One repeating job per process (not one per user). Every process on a database may tick at
the same minute: a claim is a conditional update of the user's next send instant plus a
delivery row unique per user and local date, so each message goes out once. A claim whose
sender died is taken over after LEASE, while the grace window lasts.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from telegram import Bot
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.handlers.common import inline
from bot.runtime import Runtime, runtime_of
from bot.sending import with_retries
from bot.services import encouragement
from bot.services.progress import full_days
from bot.services.schedule import local_date_of, next_daily_instant, within_grace
from bot.store import attempts as attempt_store
from bot.store import deliveries as delivery_store
from bot.store import users as user_store

logger = logging.getLogger(__name__)

CLAIM_BATCH = 200
LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class Job:
    delivery_id: int
    user_id: int
    chat_id: int


async def daily_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The repeating job: send every daily message that is due."""
    await run_due(runtime_of(context.application.bot_data), context.bot)


async def run_due(rt: Runtime, bot: Bot) -> int:
    """Claim and send until nobody is due; return the number of messages sent."""
    sent = 0
    concurrency = asyncio.Semaphore(max(4, min(64, int(rt.settings.send_rate))))
    while True:
        jobs = await claim_batch(rt, rt.clock.now())
        jobs += await reclaim(rt, rt.clock.now())
        if not jobs:
            return sent
        results = await asyncio.gather(*(_send_limited(rt, bot, job, concurrency) for job in jobs))
        sent += sum(results)


async def claim_batch(rt: Runtime, now: datetime) -> list[Job]:
    """Claim up to CLAIM_BATCH due users in one transaction; skip those past the grace window."""
    grace = timedelta(hours=rt.settings.daily_grace_hours)
    jobs: list[Job] = []
    async with rt.db.session() as session:
        for due in await delivery_store.due_users(session=session, now=now, limit=CLAIM_BATCH):
            next_at = next_daily_instant(
                zone=due.tz, at=due.daily_time, after=max(now, due.due_at),
                paused_until=due.paused_until,
            )
            moved = await delivery_store.move_next_daily(
                session=session, user_id=due.id, expected=due.due_at, next_at=next_at
            )
            if not moved or not within_grace(due.due_at, now, grace):
                continue
            claim = await delivery_store.insert_claim(
                session=session,
                user_id=due.id,
                kind=delivery_store.DAILY,
                local_date=local_date_of(due.due_at, due.tz),
                due_at=due.due_at,
                now=now,
            )
            if claim is not None and claim.id is not None:
                jobs.append(Job(claim.id, due.id, due.chat_id))
    return jobs


async def reclaim(rt: Runtime, now: datetime) -> list[Job]:
    """Take over claims whose sender stopped before recording an outcome."""
    grace = timedelta(hours=rt.settings.daily_grace_hours)
    jobs: list[Job] = []
    async with rt.db.session() as session:
        stale = await delivery_store.reclaimable(
            session=session, kind=delivery_store.DAILY, claimed_before=now - LEASE,
            due_after=now - grace, limit=CLAIM_BATCH,
        )
        for delivery in stale:
            assert delivery.id is not None
            if await delivery_store.renew_claim(
                session=session, delivery_id=delivery.id, expected=delivery.claimed_at, now=now
            ):
                user = await user_store.get_user(session=session, user_id=delivery.user_id)
                if user is not None and user.active:
                    jobs.append(Job(delivery.id, user.id, user.chat_id))
    return jobs


async def _send_limited(rt: Runtime, bot: Bot, job: Job, limit: asyncio.Semaphore) -> int:
    async with limit:
        return await send_daily(rt, bot, job)


async def send_daily(rt: Runtime, bot: Bot, job: Job) -> int:
    """Compose and send one claimed daily message; record the outcome. 1 if sent."""
    now = rt.clock.now()
    async with rt.db.session() as session:
        delivery = await delivery_store.get_delivery(session=session, delivery_id=job.delivery_id)
        attempt = await attempt_store.current_attempt(session=session, user_id=job.user_id)
        used = await delivery_store.used_content(session=session, user_id=job.user_id)
    if delivery is None or attempt is None or rt.content.daily is None:
        await _finish(rt, job, "skipped")
        return 0
    days = full_days(attempt.start_date, delivery.local_date)
    choice = encouragement.choose(rt.content.daily, days, used, rt.content.rng)
    text = "\n\n".join(
        (rt.content.text("daily.day_header", day=days + 1), choice.text)
    )
    buttons = inline(
        [
            [(rt.content.label("daily.btn_struggling"), f"day:{job.delivery_id}:s")],
            [
                (rt.content.label("daily.btn_okay"), f"day:{job.delivery_id}:o"),
                (rt.content.label("daily.btn_good"), f"day:{job.delivery_id}:g"),
            ],
        ]
    )
    try:
        message = await with_retries(
            lambda: bot.send_message(job.chat_id, text, reply_markup=buttons)
        )
    except (Forbidden, BadRequest) as exc:
        # Blocked, or the chat is gone: stop sending until they write again.
        logger.info("daily message refused (%s); user marked inactive", type(exc).__name__)
        await _finish(rt, job, "failed")
        async with rt.db.session() as session:
            await user_store.set_active(
                session=session, user_id=job.user_id, active=False, now=now
            )
        return 0
    except TelegramError as exc:
        # Network trouble after retries: leave the claim; it is retried after its lease.
        logger.warning("daily message not sent yet: %s", type(exc).__name__)
        return 0
    await _finish(
        rt, job, "sent", message_id=message.message_id, content_id=choice.id, day_number=days + 1
    )
    return 1


async def _finish(
    rt: Runtime, job: Job, status: str, *, message_id: int | None = None,
    content_id: str | None = None, day_number: int = 0,
) -> None:
    async with rt.db.session() as session:
        await delivery_store.finish(
            session=session, delivery_id=job.delivery_id, status=status, now=rt.clock.now(),
            message_id=message_id, content_id=content_id, day_number=day_number,
        )

