"""Aggregate counts for admins: never anyone's content."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import stats as stats_store
from bot.store.stats import Counts


async def counts(*, session: AsyncSession, now: datetime) -> Counts:
    """Today's and this week's counts, as of `now`."""
    day_start = datetime.combine(now.date(), datetime.min.time(), tzinfo=UTC)
    week_start = now - timedelta(days=7)
    return await stats_store.counts(
        session=session,
        day_start=day_start,
        week_start=week_start,
        week_start_date=week_start.date(),
    )
