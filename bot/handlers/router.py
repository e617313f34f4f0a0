"""Send a typed message or a location to the flow the user is in, or to free-text handling."""

from __future__ import annotations

import unicodedata
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers import faq, onboarding, reasons, slip, urge
from bot.handlers.common import Turn, open_turn
from bot.services.conversation import Frame

MAX_TEXT_CHARS = 4096

TextStep = Callable[[Turn, Frame, str], Awaitable[None]]
# Flows that take typed answers, by the flow name stored in the conversation frame.
TEXT_STEPS: dict[str, TextStep] = {
    onboarding.FLOW: onboarding.answer_text,
    urge.FLOW: urge.answer_text,
    reasons.FLOW: reasons.answer_text,
    slip.FLOW: slip.answer_text,
}
ASKERS: dict[str, Callable[[Turn, Frame], None]] = {
    onboarding.FLOW: onboarding.ask,
    urge.FLOW: urge.ask,
    reasons.FLOW: reasons.ask,
    slip.FLOW: slip.ask,
}
CANCEL_TEXTS: dict[str, str] = {
    onboarding.FLOW: "onboarding.cancelled",
    urge.FLOW: "urge.cancelled",
}
# Run before a flow's frame is dropped by /cancel or "Not now" (e.g. to log the urge).
CANCEL_HOOKS: dict[str, Callable[[Turn, Frame], Awaitable[None]]] = {
    urge.FLOW: urge.cancel_hook,
}


def cancel_text_key(flow: str) -> str:
    return CANCEL_TEXTS.get(flow, "core.cancelled")


async def run_cancel_hook(turn: Turn, frame: Frame) -> None:
    hook = CANCEL_HOOKS.get(frame.flow)
    if hook is not None:
        await hook(turn, frame)


def ask_again(turn: Turn, frame: Frame) -> None:
    asker = ASKERS.get(frame.flow)
    if asker is not None:
        asker(turn, frame)


def looks_empty(text: str) -> bool:
    """Nothing visible: only spaces, zero-width and other format or control characters."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Route a typed message to the current flow, or answer it as free text."""
    message = update.effective_message
    # NUL never reaches a user's screen, and PostgreSQL cannot store it in text.
    text = (message.text or "").replace("\x00", "") if message else ""
    async with open_turn(update, context) as turn:
        if looks_empty(text):
            turn.say(turn.t("core.empty_text"))
            return
        frame = turn.convo.top
        if frame is not None and frame.flow in TEXT_STEPS:
            await TEXT_STEPS[frame.flow](turn, frame, text.strip())
            return
        if frame is None and urge.offer_if_urge(turn, text.strip()):
            return
        faq.answer_free_text(turn, text.strip())


async def on_location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Use a shared location as a time-zone answer when one is being asked."""
    message = update.effective_message
    location = message.location if message else None
    async with open_turn(update, context) as turn:
        frame = turn.convo.find(onboarding.FLOW)
        asking_zone = frame is not None and frame.step in (onboarding.TZ, onboarding.TZ_PICK)
        if location is None or frame is None or not asking_zone:
            turn.say(turn.t("core.location_unexpected"))
            return
        await onboarding.answer_location(turn, frame, location.latitude, location.longitude)
