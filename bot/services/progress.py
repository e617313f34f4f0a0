"""Day counts, milestones and streaks on the user's own calendar. Pure: `today` is given."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

MILESTONES: tuple[int, ...] = (1, 3, 7, 14, 21, 30, 45, 60, 90, 180, 365)
BAR_WIDTH = 10


def local_today(now: datetime, zone: str | None) -> date:
    """The user's calendar date at instant `now` (UTC when the zone is not known yet)."""
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    return now.astimezone(ZoneInfo(zone or "UTC")).date()


def day_number(start: date, today: date) -> int:
    """The start date is Day 1."""
    return max(1, (today - start).days + 1)


def full_days(start: date, today: date) -> int:
    """Whole days of No Contact behind the user: Day 31 means 30 full days."""
    return max(0, (today - start).days)


def milestone_today(start: date, today: date) -> int | None:
    """The milestone reached today, if today completes one."""
    days = full_days(start, today)
    return days if days in MILESTONES else None


@dataclass(frozen=True)
class MilestoneProgress:
    previous: int
    next: int | None
    filled: int  # cells of BAR_WIDTH

    @property
    def bar(self) -> str:
        return "▓" * self.filled + "░" * (BAR_WIDTH - self.filled)


def milestone_progress(days: int) -> MilestoneProgress:
    previous = max((m for m in MILESTONES if m <= days), default=0)
    upcoming = next((m for m in MILESTONES if m > days), None)
    if upcoming is None:
        return MilestoneProgress(previous=previous, next=None, filled=BAR_WIDTH)
    span = upcoming - previous
    filled = (days - previous) * BAR_WIDTH // span
    if days > previous:
        # a day past a milestone shows a step taken, never an empty bar (a helper's terminal
        # chat: Day 62 looked like no progress at all)
        filled = max(filled, 1)
    return MilestoneProgress(previous=previous, next=upcoming, filled=filled)


@dataclass(frozen=True)
class Span:
    """One attempt: its first day and, when it ended, the day it ended."""

    start: date
    end: date | None


@dataclass(frozen=True)
class Record:
    current_days: int
    day: int
    longest: int
    total: int
    attempts: int


def record(spans: Sequence[Span], today: date) -> Record:
    """Current streak, longest streak, total full days and number of attempts."""
    lengths = [full_days(s.start, s.end or today) for s in spans]
    current = next((s for s in reversed(spans) if s.end is None), None)
    current_days = full_days(current.start, today) if current else 0
    return Record(
        current_days=current_days,
        day=day_number(current.start, today) if current else 0,
        longest=max(lengths, default=0),
        total=sum(lengths),
        attempts=len(spans),
    )
