"""The daily tick: who is due now, claim them once, send at Telegram's pace, record.

One repeating job per process (not one per user). Every process on a database may tick at
the same minute: a claim is a conditional update of the user's next send instant plus a
delivery row unique per user and local date, so each message goes out once. The message is
chosen at claim time (in bulk, for the whole batch); sends then need no database, and their
outcomes are written by one recorder in small group commits. A claim whose sender died
before recording an outcome is taken over after its lease (CLAIM_LEASE_SECONDS), while the
grace window lasts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlmodel.ext.asyncio.session import AsyncSession
from telegram import InlineKeyboardMarkup
from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot.conversation.context import BotContext
from bot.core.content import Content
from bot.core.runtime import Runtime, runtime_of
from bot.jobs.housekeeping import Housekeeping
from bot.jobs.recorder import Recorder, hand_back, lease_of, refused
from bot.jobs.weekly import run_weekly
from bot.services import encouragement
from bot.services.progress import full_days
from bot.services.schedule import local_date_of, next_daily_instant, within_grace
from bot.store import attempts as attempt_store
from bot.store import deliveries as delivery_store
from bot.store.deliveries import Outcome
from bot.store.models import Delivery
from bot.tg.limiter import BULK
from bot.tg.sending import with_retries
from bot.views.daily import mood_markup

logger = logging.getLogger(__name__)

CLAIM_BATCH = delivery_store.CLAIM_BATCH
_housekeeping = Housekeeping()


@dataclass(frozen=True)
class Job:
    delivery_id: int
    user_id: int
    chat_id: int
    day_number: int
    content_id: str


async def daily_tick(context: BotContext) -> None:
    """The repeating job: send every daily message that is due."""
    application = context.application
    rt = runtime_of(application.bot_data)

    # Once the application is stopping (SIGTERM), claim nothing new: what is claimed is sent,
    # the rest stays due for whichever process ticks next.
    def running() -> bool:
        return application.running

    await run_due(rt, context.bot, keep_claiming=running)
    await run_weekly(rt, context.bot, keep_claiming=running)
    try:
        await _housekeeping.run(rt)
    except (DBAPIError, OSError) as exc:
        logger.warning("housekeeping skipped (database unavailable: %s)", type(exc).__name__)


async def run_due(
    rt: Runtime, bot: ExtBot[Any], *, keep_claiming: Callable[[], bool] = lambda: True
) -> int:
    """Claim and send until nobody is due (or `keep_claiming` says stop); return the number
    of messages sent."""
    recorder = Recorder(rt)
    writer = asyncio.create_task(recorder.run())
    concurrency = asyncio.Semaphore(max(4, min(64, int(rt.settings.send_rate))))
    sent = 0
    pending: set[asyncio.Task[bool]] = set()
    unsent: list[int] = []  # claims given back because the application is stopping
    try:
        while keep_claiming():
            # What is claimed (committed) is sent even when the database goes away right
            # after: dropped here, those people would wait out the whole lease.
            jobs: list[Job] = []
            try:
                await rt.pending.write_back(rt.db)  # outcomes kept through an outage first
                jobs += await claim_batch(rt, rt.clock.now())
                jobs += await reclaim(rt, rt.clock.now())
            except Exception:  # noqa: BLE001 - the database is away: the next tick claims
                logger.warning("could not claim daily messages (database unavailable)")
                if not jobs:
                    break
            if not jobs:
                break
            rt.metrics.add("send_queue_depth", len(jobs))
            for job in jobs:
                task = _send_limited(rt, bot, job, recorder, concurrency, keep_claiming, unsent)
                pending.add(asyncio.create_task(task))
            # Claim the next batch while this one is still sending, but not far ahead.
            while len(pending) > CLAIM_BATCH:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                sent += sum(t.result() for t in done)
    finally:
        # Every claimed message is sent (or given up) and its outcome queued before the
        # recorder closes: an outcome queued after it would be lost, and the message sent
        # again after its lease.
        if pending:
            done, _ = await asyncio.wait(pending)
            sent += sum(t.result() for t in done if not t.cancelled() and t.exception() is None)
        await recorder.close()
        await writer
        await hand_back(rt, unsent, "daily messages")
    return sent


async def claim_batch(rt: Runtime, now: datetime) -> list[Job]:
    """Claim up to CLAIM_BATCH due users in one transaction and choose their messages."""
    grace = timedelta(hours=rt.settings.daily_grace_hours)
    claims: list[tuple[Delivery, int]] = []
    async with rt.db.session() as session:
        for due in await delivery_store.due_users(session=session, now=now, limit=CLAIM_BATCH):
            next_at = next_daily_instant(
                zone=due.tz,
                at=due.daily_time,
                after=max(now, due.due_at),
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
            if claim is not None:
                claims.append((claim, due.chat_id))
        return await _compose(rt, session, claims)


async def _compose(
    rt: Runtime, session: AsyncSession, claims: list[tuple[Delivery, int]]
) -> list[Job]:
    """Choose each claimed user's message (two queries for the whole batch)."""
    if not claims or rt.content.daily is None:
        return []
    user_ids = [d.user_id for d, _ in claims]
    starts = await attempt_store.current_starts(session=session, user_ids=user_ids)
    used = await delivery_store.used_content(session=session, user_ids=user_ids)
    jobs = []
    for delivery, chat_id in claims:
        start: date | None = starts.get(delivery.user_id)
        if start is None or delivery.id is None:
            continue
        days = full_days(start, delivery.local_date)
        choice = encouragement.choose(
            rt.content.daily, days, used[delivery.user_id], rt.content.rng
        )
        await delivery_store.set_content(
            session=session, delivery=delivery, content_id=choice.id, day_number=days + 1
        )
        jobs.append(Job(delivery.id, delivery.user_id, chat_id, days + 1, choice.id))
    return jobs


async def reclaim(rt: Runtime, now: datetime) -> list[Job]:
    """Take over claims whose sender stopped before recording an outcome."""
    grace = timedelta(hours=rt.settings.daily_grace_hours)
    jobs: list[Job] = []
    async with rt.db.session() as session:
        for delivery, user in await delivery_store.take_over_stale(
            session=session,
            kind=delivery_store.DAILY,
            claimed_before=now - lease_of(rt),
            due_after=now - grace,
            now=now,
            limit=CLAIM_BATCH,
        ):
            if delivery.id is not None and delivery.content_id is not None:
                jobs.append(
                    Job(
                        delivery.id,
                        user.id,
                        user.chat_id,
                        delivery.day_number,
                        delivery.content_id,
                    )
                )
    return jobs


async def _send_limited(
    rt: Runtime,
    bot: ExtBot[Any],
    job: Job,
    recorder: Recorder,
    limit: asyncio.Semaphore,
    keep_sending: Callable[[], bool],
    unsent: list[int],
) -> bool:
    try:
        async with limit:
            if not keep_sending():  # stopping: what has not started is handed back
                unsent.append(job.delivery_id)
                return False
            return await send_daily(rt, bot, job, recorder)
    finally:
        rt.metrics.add("send_queue_depth", -1)


def render_daily(content: Content, job: Job) -> tuple[str, InlineKeyboardMarkup]:
    """The daily message: the day, the chosen encouragement, the three mood buttons."""
    assert content.daily is not None
    text = encouragement.text_of(content.daily, job.content_id)
    body = "\n\n".join((content.text("daily.day_header", day=job.day_number), text))
    return body, mood_markup(content, job.delivery_id)


async def send_daily(rt: Runtime, bot: ExtBot[Any], job: Job, recorder: Recorder) -> bool:
    """Send one claimed daily message and queue its outcome. True if it went out."""
    text, buttons = render_daily(rt.content, job)
    try:
        message = await with_retries(
            lambda: bot.send_message(job.chat_id, text, reply_markup=buttons, rate_limit_args=BULK)
        )
    except TelegramError as exc:
        return await refused(rt, recorder, job.delivery_id, job.user_id, exc, "daily message")
    recorder.add(Outcome(job.delivery_id, "sent", rt.clock.now(), message.message_id))
    rt.metrics.inc("daily_messages_sent")
    return True
