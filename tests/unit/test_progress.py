"""Day counts, milestones and streaks."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.services.progress import (
    Span,
    day_number,
    full_days,
    local_today,
    milestone_progress,
    milestone_today,
    record,
)


def test_start_date_is_day_one() -> None:
    assert day_number(date(2026, 11, 25), date(2026, 11, 25)) == 1
    assert full_days(date(2026, 11, 25), date(2026, 11, 25)) == 0


def test_day_thirty_one_is_thirty_full_days_and_a_milestone() -> None:
    start, today = date(2026, 1, 1), date(2026, 1, 31)
    assert day_number(start, today) == 31
    assert milestone_today(start, today) == 30


@pytest.mark.parametrize(
    ("days", "previous", "upcoming", "bar"),
    [
        (0, 0, 1, "░░░░░░░░░░"),
        (1, 1, 3, "░░░░░░░░░░"),
        (2, 1, 3, "▓▓▓▓▓░░░░░"),
        (10, 7, 14, "▓▓▓▓░░░░░░"),
        (30, 30, 45, "░░░░░░░░░░"),
        (62, 60, 90, "▓░░░░░░░░░"),  # past a milestone: a step shown, never an empty bar
        (364, 180, 365, "▓▓▓▓▓▓▓▓▓░"),
        (400, 365, None, "▓▓▓▓▓▓▓▓▓▓"),
    ],
)
def test_progress_bar_to_next_milestone(
    days: int, previous: int, upcoming: int | None, bar: str
) -> None:
    progress = milestone_progress(days)
    assert (progress.previous, progress.next, progress.bar) == (previous, upcoming, bar)


def test_local_today_follows_the_zone() -> None:
    instant = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)
    assert local_today(instant, "Asia/Tokyo") == date(2026, 11, 26)
    assert local_today(instant, "America/Los_Angeles") == date(2026, 11, 25)
    assert local_today(instant, None) == date(2026, 11, 25)


def test_local_today_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="aware"):
        local_today(datetime(2026, 1, 1), "UTC")  # noqa: DTZ001


def test_record_keeps_longest_streak_across_slips() -> None:
    spans = [
        Span(date(2026, 1, 1), date(2026, 1, 11)),  # 10 days
        Span(date(2026, 1, 11), date(2026, 1, 14)),  # 3 days
        Span(date(2026, 1, 14), None),
    ]
    rec = record(spans, date(2026, 1, 20))
    assert (rec.current_days, rec.day, rec.longest, rec.total, rec.attempts) == (6, 7, 10, 19, 3)
