"""Inline keyboards from rows of (label, button data): shared by handlers and jobs."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

Row = list[tuple[str, str]]


def inline(rows: Sequence[Sequence[tuple[str, str]]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (label, callback data)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


def with_rows(
    markup: InlineKeyboardMarkup | None, rows: Sequence[Sequence[tuple[str, str]]]
) -> InlineKeyboardMarkup:
    """`markup` with `rows` added at the bottom (a new keyboard when there was none)."""
    extra = [
        [InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows
    ]
    existing = [list(row) for row in markup.inline_keyboard] if markup is not None else []
    return InlineKeyboardMarkup(existing + extra)
