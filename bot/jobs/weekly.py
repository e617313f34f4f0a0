"""The weekly summary: each user's Sunday at 19:00 in their own time zone, exactly once.

It runs inside the daily tick (`daily_tick` calls `run_weekly`) with the same claim as the
daily message: a conditional update of `User.next_weekly_at` plus a WEEKLY delivery row
unique per user and local Sunday. A claim whose sender died is taken over after the lease,
while the grace window lasts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot.core.content import Content, render
from bot.core.runtime import Runtime
from bot.jobs.recorder import Recorder, hand_back, lease_of, refused
from bot.services import history
from bot.services.history import WeekSummary
from bot.services.schedule import within_grace
from bot.services.weekly import next_weekly_instant, week_ending
from bot.store import deliveries as delivery_store
from bot.store import weekly as weekly_store
from bot.store.deliveries import Outcome
from bot.tg.limiter import BULK
from bot.tg.sending import with_retries

logger = logging.getLogger(__name__)

CLAIM_BATCH = delivery_store.CLAIM_BATCH


@dataclass(frozen=True)
class WeeklyJob:
    delivery_id: int
    user_id: int
    chat_id: int
    text: str


async def run_weekly(
    rt: Runtime, bot: ExtBot[Any], *, keep_claiming: Callable[[], bool] = lambda: True
) -> int:
    """Claim and send every weekly summary that is due (or until `keep_claiming` says stop);
    return how many went out."""
    if rt.content.daily is None:
        return 0
    concurrency = asyncio.Semaphore(max(4, min(64, int(rt.settings.send_rate))))
    recorder = Recorder(rt)
    writer = asyncio.create_task(recorder.run())
    sent = 0
    unsent: list[int] = []  # claims given back because the application is stopping
    try:
        while keep_claiming():
            now = rt.clock.now()
            jobs: list[WeeklyJob] = []  # what is claimed is sent even if the reclaim fails
            try:
                await rt.pending.write_back(rt.db)  # outcomes kept through an outage first
                jobs += await claim_weekly(rt, now)
                jobs += await reclaim_weekly(rt, now)
            except Exception:  # noqa: BLE001 - the database is away: the next tick claims
                logger.warning("could not claim weekly summaries (database unavailable)")
                if not jobs:
                    break
            if not jobs:
                break
            # Each outcome is queued the moment its send returns (the recorder writes them in
            # small group commits), not after the batch: a crash mid-batch doubles nothing
            # that was already recorded.
            results = await asyncio.gather(
                *(
                    _send_limited(rt, bot, job, recorder, concurrency, keep_claiming, unsent)
                    for job in jobs
                )
            )
            sent += sum(results)
    finally:
        await recorder.close()
        await writer
        await hand_back(rt, unsent, "weekly summaries")
    return sent


async def claim_weekly(rt: Runtime, now: datetime) -> list[WeeklyJob]:
    """Claim up to CLAIM_BATCH due users in one transaction and write their summaries."""
    grace = timedelta(hours=rt.settings.daily_grace_hours)
    jobs: list[WeeklyJob] = []
    async with rt.db.session() as session:
        due = await weekly_store.due_weekly(session=session, now=now, limit=CLAIM_BATCH)
        for user in due:
            moved = await weekly_store.move_next_weekly(
                session=session,
                user_id=user.id,
                expected=user.due_at,
                next_at=next_weekly_instant(zone=user.tz, after=max(now, user.due_at)),
            )
            sunday = week_ending(user.due_at, user.tz)
            paused = user.paused_until is not None and user.paused_until >= sunday
            if not moved or paused or not within_grace(user.due_at, now, grace):
                continue
            claim = await delivery_store.insert_claim(
                session=session,
                user_id=user.id,
                kind=delivery_store.WEEKLY,
                local_date=sunday,
                due_at=user.due_at,
                now=now,
            )
            if claim is None or claim.id is None:
                continue
            summary = await history.load_week(
                session=session, user_id=user.id, zone=user.tz, last=sunday
            )
            jobs.append(
                WeeklyJob(claim.id, user.id, user.chat_id, render_weekly(rt.content, summary))
            )
    return jobs


async def reclaim_weekly(rt: Runtime, now: datetime) -> list[WeeklyJob]:
    """Take over weekly claims whose sender stopped before recording an outcome."""
    grace = timedelta(hours=rt.settings.daily_grace_hours)
    jobs: list[WeeklyJob] = []
    async with rt.db.session() as session:
        for delivery, user in await delivery_store.take_over_stale(
            session=session,
            kind=delivery_store.WEEKLY,
            claimed_before=now - lease_of(rt),
            due_after=now - grace,
            now=now,
            limit=CLAIM_BATCH,
        ):
            if delivery.id is None or not user.weekly_summary:
                continue
            summary = await history.load_week(
                session=session,
                user_id=user.id,
                zone=user.tz or "UTC",
                last=delivery.local_date,
            )
            jobs.append(
                WeeklyJob(delivery.id, user.id, user.chat_id, render_weekly(rt.content, summary))
            )
    return jobs


def render_weekly(content: Content, summary: WeekSummary) -> str:
    """The summary: the week's days, its urges, the top trigger, one line of encouragement."""
    assert content.daily is not None
    weekly = content.daily.weekly

    def pick(key: str, **params: object) -> str:
        return render(content.rng.choice(weekly[key]), **params)

    lines = [pick("intro", days_held=summary.days_held)]
    if summary.urges == 0:
        lines.append(pick("no_urges"))
    elif summary.median_minutes is None:
        lines.append(pick("urges_untimed", urges=summary.urges, passed=summary.passed))
    else:
        lines.append(
            pick(
                "urges",
                urges=summary.urges,
                passed=summary.passed,
                median_minutes=summary.median_minutes,
            )
        )
    names = content.mapping("progress.trigger_names")
    if summary.trigger in names:
        lines.append(pick("trigger", trigger=names[summary.trigger]))
    lines.append(pick("closing"))
    return "\n\n".join(lines)


async def _send_limited(
    rt: Runtime,
    bot: ExtBot[Any],
    job: WeeklyJob,
    recorder: Recorder,
    limit: asyncio.Semaphore,
    keep_sending: Callable[[], bool],
    unsent: list[int],
) -> bool:
    async with limit:
        if not keep_sending():  # stopping: what has not started is handed back
            unsent.append(job.delivery_id)
            return False
        return await send_weekly(rt, bot, job, recorder)


async def send_weekly(rt: Runtime, bot: ExtBot[Any], job: WeeklyJob, recorder: Recorder) -> bool:
    """Send one claimed summary and queue its outcome; True if it went out."""
    try:
        message = await with_retries(
            lambda: bot.send_message(job.chat_id, job.text, rate_limit_args=BULK)
        )
    except TelegramError as exc:
        return await refused(rt, recorder, job.delivery_id, job.user_id, exc, "weekly summary")
    recorder.add(Outcome(job.delivery_id, "sent", rt.clock.now(), message.message_id))
    return True
