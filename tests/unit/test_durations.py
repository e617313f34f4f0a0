"""A typed length of time for /pause: only lengths, in days, 1 to MAX_DAYS."""

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services import daily
from bot.services.durations import MAX_DAYS, parse_pause_days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # the brief's examples
        ("a week", 7), ("2 weeks", 14), ("one week", 7), ("3 days", 3), ("10", 10),
        ("a fortnight", 14), ("a month", 30), ("a couple of days", 2), ("few days", 3),
        ("the weekend", 2),
        # more of the kind
        ("A Week!", 7), ("for a week please", 7), ("2weeks", 14), ("3d", 3), ("1 wk", 7),
        ("ten", 10), ("seven days", 7), ("twenty one days", 21), ("a few days", 3),
        ("couple of weeks", 14), ("a couple weeks", 14), ("maybe 3 days", 3),
        ("the next 3 days", 3), ("2-3 days", 3), ("a day or two", 2), ("a week or two", 14),
        ("a week and 2 days", 9), ("a week and a half", 10), ("this weekend", 2),
        ("a long weekend", 3), ("just for today", 1), ("a year", 365), ("6 months", 180),
        ("365", 365), ("  7  ", 7), ("idk like 5 days", 5),
    ],
)
def test_a_length_is_read(text: str, days: int) -> None:
    assert parse_pause_days(text) == days


@pytest.mark.parametrize(
    "text",
    [
        # a day to pause until, not a length
        "till monday", "until friday", "monday", "next week", "in 3 days",
        # a time ago, a count of something else, a vague answer
        "2 weeks ago", "3 times", "a while", "a bit", "forever", "idk", "ok",
        # numbers that are no pause length
        "0", "0 days", "-3", "2.5 days", "366", "400 days", "2 years", "3 and 4", "2-30 days",
        "5-2 days",
        # a unit or a count alone
        "week", "days", "a", "few", "couple",
        "", "   ",
    ],
)
def test_anything_else_is_none(text: str) -> None:
    assert parse_pause_days(text) is None


def test_the_longest_pause_is_the_one_daily_allows() -> None:
    assert MAX_DAYS == daily.MAX_PAUSE_DAYS
    assert parse_pause_days(str(MAX_DAYS)) == MAX_DAYS


@settings(max_examples=300, deadline=timedelta(milliseconds=200))
@given(st.text(max_size=500))
def test_never_raises_and_stays_in_range(text: str) -> None:
    days = parse_pause_days(text)
    assert days is None or 1 <= days <= MAX_DAYS
