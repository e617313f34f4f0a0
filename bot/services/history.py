"""The user's history as data: for the /progress picture and the weekly summary. No Telegram.

Everything is on the user's own calendar: `today` and the week's last day are local dates.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.charts import ChartData
from bot.services.progress import MILESTONES, Span
from bot.services.schedule import local_date_of, local_instant
from bot.services.urges import PASSED
from bot.store import attempts as attempt_store
from bot.store import history as history_store
from bot.store import urges as urge_store

# The picture needs a few days before it shows anything worth seeing.
MIN_CHART_DAYS = 3
CHART_DAYS = 365


@dataclass(frozen=True)
class UrgeRecord:
    """One logged urge, as the history needs it."""

    day: date  # local date
    strength: int | None
    trigger: str | None
    outcome: str | None
    minutes: float | None  # from the urge to its outcome, when it ended


@dataclass(frozen=True)
class WeekSummary:
    first: date
    last: date
    days_held: int
    urges: int
    passed: int
    median_minutes: int | None
    trigger: str | None


def covering(spans: Sequence[Span], day: date) -> Span | None:
    """The attempt that holds `day` as a day of No Contact (a slip day ends its attempt)."""
    for span in reversed(spans):
        if span.start <= day and (span.end is None or day < span.end):
            return span
    return None


def streak_series(spans: Sequence[Span], first: date, last: date) -> list[int]:
    """The day number of No Contact on each date from `first` to `last` (0 when not held)."""
    values = []
    day = first
    while day <= last:
        span = covering(spans, day)
        values.append((day - span.start).days + 1 if span is not None else 0)
        day += timedelta(days=1)
    return values


def milestones_reached(spans: Sequence[Span], today: date) -> list[tuple[date, int]]:
    """(date, full days) of every milestone completed, in every attempt, up to today."""
    reached = []
    for span in spans:
        until = span.end or today
        for days in MILESTONES:
            on = span.start + timedelta(days=days)
            if on <= until and on <= today:
                reached.append((on, days))
    return sorted(reached)


def slips(spans: Sequence[Span]) -> list[date]:
    return sorted(span.end for span in spans if span.end is not None)


def days_held(spans: Sequence[Span], first: date, last: date) -> int:
    """Days from `first` to `last` inside an attempt, the days of a slip excepted."""
    slipped = set(slips(spans))
    series = streak_series(spans, first, last)
    return sum(
        1
        for offset, value in enumerate(series)
        if value > 0 and first + timedelta(days=offset) not in slipped
    )


def summarize_week(spans: Sequence[Span], urges: Sequence[UrgeRecord], last: date) -> WeekSummary:
    """The seven local days ending on `last` (the user's Sunday)."""
    first = last - timedelta(days=6)
    week = [u for u in urges if first <= u.day <= last]
    passed = [u for u in week if u.outcome == PASSED]
    minutes = [u.minutes for u in passed if u.minutes is not None]
    triggers = Counter(u.trigger for u in week if u.trigger)
    return WeekSummary(
        first=first,
        last=last,
        days_held=days_held(spans, first, last),
        urges=len(week),
        passed=len(passed),
        median_minutes=max(1, round(statistics.median(minutes))) if minutes else None,
        trigger=triggers.most_common(1)[0][0] if triggers else None,
    )


def chart_data(
    spans: Sequence[Span],
    urges: Sequence[UrgeRecord],
    moods: dict[date, str],
    today: date,
) -> ChartData | None:
    """What /progress draws, or None while there are fewer than MIN_CHART_DAYS days."""
    if not spans:
        return None
    first = max(min(s.start for s in spans), today - timedelta(days=CHART_DAYS - 1))
    if (today - first).days + 1 < MIN_CHART_DAYS:
        return None
    strengths: dict[date, list[int]] = {}
    for urge in urges:
        if first <= urge.day <= today:
            strengths.setdefault(urge.day, []).append(urge.strength or 5)
    return ChartData(
        first=first,
        last=today,
        streak=streak_series(spans, first, today),
        slips=[d for d in slips(spans) if first <= d <= today],
        milestones=[(d, n) for d, n in milestones_reached(spans, today) if d >= first],
        urges=strengths,
        moods={d: m for d, m in moods.items() if first <= d <= today},
    )


def days_until_chart(spans: Sequence[Span], today: date) -> int:
    """How many more days before the picture can be drawn."""
    if not spans:
        return MIN_CHART_DAYS
    first = min(s.start for s in spans)
    return max(1, MIN_CHART_DAYS - ((today - first).days + 1))


async def load_spans(*, session: AsyncSession, user_id: int) -> list[Span]:
    attempts = await attempt_store.list_attempts(session=session, user_id=user_id)
    return [Span(a.start_date, a.end_date) for a in attempts]


async def load_urges(
    *, session: AsyncSession, user_id: int, zone: str, since: date
) -> list[UrgeRecord]:
    """The user's logged urges from local date `since` on."""
    start = local_instant(since, time(0), zone)
    rows = await urge_store.urges_since(session=session, user_id=user_id, since=start)
    return [
        UrgeRecord(
            day=local_date_of(u.started_at, zone),
            strength=u.strength,
            trigger=u.trigger,
            outcome=u.outcome,
            minutes=float(u.minutes_to_pass) if u.minutes_to_pass is not None else None,
        )
        for u in rows
    ]


async def load_chart(
    *, session: AsyncSession, user_id: int, zone: str, today: date
) -> tuple[ChartData | None, list[Span], list[UrgeRecord]]:
    """Gather the picture's data (None while there is too little to draw)."""
    spans = await load_spans(session=session, user_id=user_id)
    since = today - timedelta(days=CHART_DAYS - 1)
    urges = await load_urges(session=session, user_id=user_id, zone=zone, since=since)
    moods = await history_store.moods_since(session=session, user_id=user_id, since=since)
    return chart_data(spans, urges, moods, today), spans, urges


async def load_week(*, session: AsyncSession, user_id: int, zone: str, last: date) -> WeekSummary:
    spans = await load_spans(session=session, user_id=user_id)
    urges = await load_urges(
        session=session, user_id=user_id, zone=zone, since=last - timedelta(days=6)
    )
    return summarize_week(spans, urges, last)
