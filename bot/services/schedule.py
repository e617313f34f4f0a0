"""When a user's next daily message is due. Pure: `after` is given, zones come from zoneinfo.

A local time that does not exist on a spring-forward day is sent at the same instant the
clock would have shown it before the change (02:30 becomes 03:30); a local time that happens
twice on a fall-back day is sent at its first occurrence. Either way: once a day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# /pause without a number of days pauses until /resume.
PAUSED_INDEFINITELY = date(9999, 12, 31)


def local_instant(day: date, at: time, zone: str) -> datetime:
    """The UTC instant of wall-clock time `at` on local date `day` (first occurrence)."""
    local = datetime.combine(day, at, tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


def next_daily_instant(
    *,
    zone: str,
    at: time,
    after: datetime,
    paused_until: date | None = None,
    not_on: date | None = None,
) -> datetime | None:
    """The first daily send strictly after `after`, skipping paused days and `not_on`."""
    if paused_until is not None and paused_until >= PAUSED_INDEFINITELY:
        return None
    day = after.astimezone(ZoneInfo(zone)).date() - timedelta(days=1)
    for _ in range(400):
        candidate = local_instant(day, at, zone)
        skipped = (paused_until is not None and day <= paused_until) or day == not_on
        if candidate > after and not skipped:
            return candidate
        day += timedelta(days=1)
    return None


def resumes_on(paused_until: date) -> date:
    """The first day that has a daily message again after a pause that ends on `paused_until`."""
    return paused_until + timedelta(days=1)


def local_date_of(instant: datetime, zone: str) -> date:
    return instant.astimezone(ZoneInfo(zone)).date()


def within_grace(due: datetime, now: datetime, grace: timedelta) -> bool:
    """A message due at `due` may still go out at `now`."""
    return due <= now <= due + grace
