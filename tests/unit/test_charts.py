"""The /progress picture and the history behind it: pure functions, measured."""

from __future__ import annotations

import io
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from bot.services import history
from bot.services.charts import (
    ChartData,
    clip,
    full_days_line,
    render_progress,
    star_points,
)
from bot.services.history import UrgeRecord
from bot.services.progress import Span
from bot.services.weekly import next_weekly_instant

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.chart_render import LABELS, TODAY, year_of_data  # noqa: E402


def test_a_year_of_data_renders_a_phone_sized_png() -> None:
    # How fast is bench/chart_render.py's to say (a timed test fails on a busy machine, not
    # on slow code): here only what is drawn.
    png = render_progress(year_of_data(), LABELS)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert 800 <= image.width <= 2000
    assert image.height >= image.width  # portrait, for a phone
    assert len(png) < 500 * 1024


def test_few_days_and_empty_urges_and_moods_still_draw() -> None:
    spans = [Span(TODAY - timedelta(days=2), None)]
    data = history.chart_data(spans, [], {}, TODAY)
    assert data is not None
    assert list(data.streak) == [1, 2, 3]
    Image.open(io.BytesIO(render_progress(data, LABELS))).verify()


def test_under_three_days_there_is_nothing_to_draw() -> None:
    spans = [Span(TODAY - timedelta(days=1), None)]
    assert history.chart_data(spans, [], {}, TODAY) is None
    assert history.days_until_chart(spans, TODAY) == 1
    assert history.chart_data([], [], {}, TODAY) is None


def test_more_than_a_year_is_clipped_to_the_last_year() -> None:
    first = TODAY - timedelta(days=799)
    data = ChartData(first=first, last=TODAY, streak=list(range(1, 801)),
                     slips=[first + timedelta(days=3)])
    clipped = clip(data)
    assert len(clipped.streak) == 366
    assert clipped.slips == []


def test_streak_resets_on_a_slip_and_milestones_follow_full_days() -> None:
    start = date(2026, 11, 1)
    spans = [Span(start, date(2026, 11, 9)), Span(date(2026, 11, 9), None)]
    series = history.streak_series(spans, start, date(2026, 11, 12))
    assert series == [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4]
    reached = history.milestones_reached(spans, date(2026, 11, 12))
    assert reached == [(date(2026, 11, 2), 1), (date(2026, 11, 4), 3),
                       (date(2026, 11, 8), 7), (date(2026, 11, 10), 1),
                       (date(2026, 11, 12), 3)]
    assert history.slips(spans) == [date(2026, 11, 9)]
    # Drawn: the line is in full days, so every star sits at its own number.
    data = ChartData(first=start, last=date(2026, 11, 12), streak=series, milestones=reached)
    assert [y for _, _, y in star_points(data)] == [n for _, n in reached]
    assert list(full_days_line(data)) == [0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3]


def test_week_summary_counts_days_urges_speed_and_trigger() -> None:
    sunday = date(2026, 11, 29)
    spans = [Span(date(2026, 11, 20), date(2026, 11, 25)), Span(date(2026, 11, 25), None)]
    urges = [
        UrgeRecord(date(2026, 11, 24), 6, "night", "passed", 10.0),
        UrgeRecord(date(2026, 11, 26), 8, "night", "passed", 20.0),
        UrgeRecord(date(2026, 11, 27), 3, "post", "passed", 30.0),
        UrgeRecord(date(2026, 11, 28), 9, "lonely", "contacted", None),
        UrgeRecord(date(2026, 11, 22), 9, "post", "passed", 5.0),  # the week before
    ]
    summary = history.summarize_week(spans, urges, sunday)
    assert summary.first == date(2026, 11, 23)
    assert summary.days_held == 6  # the slip day (25th) ends its attempt but a new one starts
    assert (summary.urges, summary.passed) == (4, 3)
    assert summary.median_minutes == 20
    assert summary.trigger == "night"


@pytest.mark.parametrize(
    ("zone", "after", "expected"),
    [
        ("Europe/Berlin", datetime(2026, 11, 25, 12, tzinfo=UTC),
         datetime(2026, 11, 29, 18, tzinfo=UTC)),
        ("America/New_York", datetime(2026, 11, 25, 12, tzinfo=UTC),
         datetime(2026, 11, 30, 0, tzinfo=UTC)),
        # Sunday after 19:00: the next Sunday.
        ("Europe/Berlin", datetime(2026, 11, 29, 18, 0, 1, tzinfo=UTC),
         datetime(2026, 12, 6, 18, tzinfo=UTC)),
        # The Sunday DST ends in Berlin: 19:00 CET.
        ("Europe/Berlin", datetime(2026, 10, 24, 12, tzinfo=UTC),
         datetime(2026, 10, 25, 18, tzinfo=UTC)),
    ],
)
def test_next_weekly_is_sunday_19_local(zone: str, after: datetime, expected: datetime) -> None:
    assert next_weekly_instant(zone=zone, after=after) == expected


def test_next_weekly_skips_a_sunday_already_sent() -> None:
    after = datetime(2026, 11, 29, 10, tzinfo=UTC)
    assert next_weekly_instant(zone="UTC", after=after, not_on=date(2026, 11, 29)) == datetime(
        2026, 12, 6, 19, tzinfo=UTC
    )
