"""The urge flow's outcome buttons and the wait-it-out check-in: sent by the flow and by the
check-in job alike."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.conversation.codec import pack
from bot.conversation.keyboards import inline
from bot.core.content import Content
from bot.services import urges
from bot.store.models import Urge

FLOW = "urge"
OUTCOME_LABELS = {"passed": "passed", "still": "still_strong", "contacted": "contacted"}


def outcome_markup(content: Content, nonce: str) -> InlineKeyboardMarkup:
    """The three answers to "how is it now?"."""

    def button(arg: str) -> tuple[str, str]:
        label = content.label(f"urge.outcome_labels.{OUTCOME_LABELS[arg]}")
        return label, pack(FLOW, nonce, "o", arg)

    return inline([[button("passed"), button("still")], [button("contacted")]])


def checkin_nonce(urge: Urge) -> str:
    return f"k{urge.id}-{urges.round_of(urge)}"


def checkin_message(content: Content, urge: Urge) -> tuple[str, InlineKeyboardMarkup]:
    """The check-in the job sends when a wait ends (or a breathing exercise the bot was stopped
    in the middle of)."""
    if urges.breathed_last(urge):
        return content.text("urge.breathe_done"), outcome_markup(content, checkin_nonce(urge))
    text = content.text("urge.wait_checkin", minutes=urge.wait_minutes or urges.DEFAULT_WAIT)
    return text, outcome_markup(content, checkin_nonce(urge))
