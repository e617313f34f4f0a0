"""The mood buttons under the daily message: sent by the daily job, answered by a handler."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.conversation.codec import Button, pack, row_id, unpack
from bot.conversation.keyboards import inline
from bot.core.content import Content
from bot.services.encouragement import MOODS  # button action -> the mood stored

PREFIX = "day"


def mood_markup(content: Content, delivery_id: int) -> InlineKeyboardMarkup:
    """I'm struggling / I'm okay / Good day, tied to this delivery (its row id is the nonce)."""

    def button(label: str, mood: str) -> tuple[str, str]:
        return content.label(f"daily.{label}"), pack(PREFIX, str(delivery_id), mood)

    return inline(
        [[button("btn_struggling", "s")], [button("btn_okay", "o"), button("btn_good", "g")]]
    )


def pressed_mood(data: str | None) -> tuple[int, str] | None:
    """(delivery id, mood) from a mood button's data; None for anything else."""
    button: Button | None = unpack(data)
    if button is None or button.flow != PREFIX or button.action not in MOODS or button.arg:
        return None
    delivery_id = row_id(button.nonce)
    return None if delivery_id is None else (delivery_id, MOODS[button.action])
