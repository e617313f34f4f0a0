"""Dates as a person reads them in a reply."""

from __future__ import annotations

from datetime import date


def long_date(day: date, today: date | None = None) -> str:
    """ "Sunday 22 November"; with the year ("Thursday 11 December 2025") when `today` is
    given and the year is not its year."""
    shown = f"{day:%A} {day.day} {day:%B}"
    return shown if today is None or day.year == today.year else f"{shown} {day.year}"
