"""Dates as a person reads them in a reply."""

from __future__ import annotations

from datetime import date


def long_date(day: date) -> str:
    """ "Sunday 22 November"."""
    return f"{day:%A} {day.day} {day:%B}"
