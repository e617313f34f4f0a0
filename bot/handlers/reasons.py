"""/reasons: list, add (one message per reason) and remove the user's own reasons."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.handlers.common import (
    Turn,
    callback_data,
    inline,
    open_turn,
    parse_callback,
    pressed_frame,
)
from bot.handlers.resume import end_flow
from bot.services import reasons as reason_service
from bot.services.conversation import Frame
from bot.services.reasons import MAX_REASON_CHARS, MAX_REASONS, ReasonRefused
from bot.store.models import Reason

FLOW = "rsn"
MENU, ADD, REMOVE = "menu", "add", "remove"
BUTTON_CHARS = 40


def render_list(turn: Turn, reasons: list[Reason], intro_key: str = "reasons.list_header") -> str:
    """The intro line, then the user's reasons numbered (their text escaped)."""
    items = [turn.t("reasons.list_item", n=i, reason=r.text) for i, r in enumerate(reasons, 1)]
    return "\n\n".join((turn.t(intro_key), "\n".join(items)))


async def show(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the user's reasons with buttons to add and remove."""
    async with open_turn(update, context) as turn:
        await _show_list(turn, turn.convo.push(FLOW, MENU))


async def _show_list(turn: Turn, frame: Frame) -> None:
    reasons = await reason_service.list_reasons(session=turn.session, user_id=turn.user.id)
    text = render_list(turn, reasons) if reasons else turn.t("reasons.list_empty")
    turn.say(text, _menu_markup(turn, frame, bool(reasons)))


def _menu_markup(turn: Turn, frame: Frame, can_remove: bool = True) -> InlineKeyboardMarkup:
    row = [(turn.label("reasons.buttons.add"), callback_data(frame, "add"))]
    if can_remove:
        row.append((turn.label("reasons.buttons.remove"), callback_data(frame, "rm")))
    return inline([row, [(turn.label("reasons.buttons.done"), callback_data(frame, "done"))]])


def _done_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    return inline([[(turn.label("reasons.buttons.done"), callback_data(frame, "done"))]])


def ask(turn: Turn, frame: Frame) -> None:
    """Send the prompt of the frame's current step again."""
    if frame.step == ADD:
        turn.say(turn.t("reasons.add_prompt"), _done_markup(turn, frame))
    elif frame.step == REMOVE:
        rows = [
            [(_short(str(label)), callback_data(frame, "rm", str(rid)))]
            for rid, label in frame.data.get("choices", [])
        ]
        rows.append([(turn.label("reasons.buttons.done"), callback_data(frame, "done"))])
        turn.say(turn.t("reasons.remove_prompt"), inline(rows))
    else:
        turn.say(turn.t("reasons.menu_prompt"), _menu_markup(turn, frame))


async def answer_text(turn: Turn, frame: Frame, text: str) -> None:
    """A typed reason while adding; elsewhere, point at the buttons."""
    if frame.step != ADD:
        turn.say(turn.t("reasons.use_buttons"))
        ask(turn, frame)
        return
    try:
        count = await reason_service.add(
            session=turn.session, user_id=turn.user.id, text=text, now=turn.now
        )
    except ReasonRefused as refused:
        turn.say(refusal_text(turn, refused))
        return
    turn.say(turn.t("reasons.added", count=count), _done_markup(turn, frame))


def refusal_text(turn: Turn, refused: ReasonRefused) -> str:
    if refused.code == "too_long":
        return turn.t("reasons.too_long", max=MAX_REASON_CHARS)
    if refused.code == "too_many":
        return turn.t("reasons.too_many", max=MAX_REASONS)
    return turn.t("reasons.empty_reason")


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Handle Add / Remove / Done and the remove-this-one buttons."""
    pressed = parse_callback(update.callback_query.data if update.callback_query else None)
    async with open_turn(update, context) as turn:
        found = pressed_frame(turn, pressed, FLOW)
        if found is None:
            return
        frame, pressed = found
        if pressed.action == "done":
            turn.say(turn.t("reasons.done_text"))
            end_flow(turn, FLOW)
        elif pressed.action == "add" and frame.step == MENU:
            turn.convo.goto(frame, ADD)
            ask(turn, frame)
        elif pressed.action == "rm" and frame.step == MENU:
            await _ask_which(turn, frame)
        elif pressed.action == "rm" and frame.step == REMOVE and pressed.arg.isdigit():
            await _remove(turn, frame, int(pressed.arg))
        else:
            turn.toast(turn.t("core.stale_button"))


async def _ask_which(turn: Turn, frame: Frame) -> None:
    reasons = await reason_service.list_reasons(session=turn.session, user_id=turn.user.id)
    if not reasons:
        turn.say(turn.t("reasons.nothing_to_remove"), _menu_markup(turn, frame, False))
        return
    turn.convo.goto(frame, REMOVE, choices=[[r.id, r.text[:BUTTON_CHARS * 2]] for r in reasons])
    ask(turn, frame)


async def _remove(turn: Turn, frame: Frame, reason_id: int) -> None:
    offered = {int(rid) for rid, _ in frame.data.get("choices", [])}
    removed = reason_id in offered and await reason_service.remove(
        session=turn.session, user_id=turn.user.id, reason_id=reason_id
    )
    if not removed:
        turn.toast(turn.t("core.stale_button"))
        return
    turn.say(turn.t("reasons.removed"))
    turn.convo.goto(frame, MENU, choices=[])
    await _show_list(turn, frame)


def _short(text: str) -> str:
    return text if len(text) <= BUTTON_CHARS else text[: BUTTON_CHARS - 1].rstrip() + "…"
