"""/privacy, /export and /delete (with its confirmation)."""

from __future__ import annotations

import re

from telegram import Update

from bot.conversation.codec import Button, pack
from bot.conversation.context import BotContext
from bot.conversation.frames import Conversation
from bot.conversation.keyboards import inline
from bot.conversation.turn import Turn, open_turn
from bot.handlers.safety import parting_lines
from bot.services import privacy
from bot.services.safety_answers import can_they_read_this
from bot.services.yesno import yes_or_no

# Delete confirmation lives in the settings flow, so its buttons carry the "set:" prefix.
FLOW = "set"
CONFIRM_DELETE = "confirm_delete"


async def show_privacy(update: Update, context: BotContext) -> None:
    """Say in plain words what is stored, why, and that nothing is shared."""
    async with open_turn(update, context) as turn:
        render_privacy(turn)


async def export(update: Update, context: BotContext) -> None:
    """Send all of the user's data as a JSON file."""
    async with open_turn(update, context) as turn:
        if await _nothing_stored(turn):
            return
        await send_export(turn)


async def delete(update: Update, context: BotContext) -> None:
    """Ask whether to erase everything."""
    async with open_turn(update, context) as turn:
        if await _nothing_stored(turn):
            return
        ask_delete(turn)


async def _nothing_stored(turn: Turn) -> bool:
    """/export or /delete from someone with nothing stored (right after /delete, or before
    anything else): said so, and the row this message began is erased again (a helper's chat:
    /export after /delete returned a fresh account)."""
    if not turn.created:
        return False
    await privacy.erase(session=turn.session, user_id=turn.user.id)
    turn.convo = Conversation()
    turn.say(turn.t("privacy.nothing_stored"))
    return True


def render_privacy(turn: Turn) -> None:
    turn.say(turn.t("privacy.about"))


async def send_export(turn: Turn) -> None:
    document = await privacy.export_document(
        session=turn.session,
        user_id=turn.user.id,
        now=turn.now,
        about=turn.rt.content.mapping("privacy.export_about"),
    )
    turn.send_document(document, privacy.EXPORT_FILENAME, turn.t("privacy.export_caption"))


def ask_delete(turn: Turn, intro: str | None = None) -> None:
    frame = turn.convo.push(FLOW, CONFIRM_DELETE)
    turn.say(
        "\n\n".join(filter(None, (intro, turn.t("privacy.delete_ask")))),
        inline(
            [
                [(turn.label("privacy.btn_delete_yes"), pack(FLOW, frame.nonce, "erase"))],
                [(turn.label("privacy.btn_delete_no"), pack(FLOW, frame.nonce, "keep"))],
            ]
        ),
    )


async def answer_delete(turn: Turn, pressed: Button, message_id: int | None) -> None:
    """A press on the confirmation; refused unless it belongs to the question just asked."""
    frame = turn.convo.find(FLOW)
    valid = (
        frame is not None
        and frame.step == CONFIRM_DELETE
        and pressed.nonce == frame.nonce
        and pressed.action in ("erase", "keep")
        and not pressed.arg
    )
    if not valid:
        turn.toast(turn.t("core.stale_button"))
        return
    if pressed.action == "keep":
        turn.convo.pop(FLOW)
        _answer(turn, message_id, turn.t("privacy.delete_kept"))
        return
    parting = parting_lines(turn)  # they had said they were not safe: the lines stay with them
    await privacy.erase(session=turn.session, user_id=turn.user.id)
    # Nothing of theirs may be written back: not even the conversation state.
    turn.convo = Conversation()
    done = turn.t("privacy.deleted")
    _answer(turn, message_id, f"{done}\n\n{parting}" if parting else done)


def _answer(turn: Turn, message_id: int | None, text: str) -> None:
    if message_id is None:
        turn.say(text)
    else:
        turn.edit(message_id, text)


def awaiting_delete(turn: Turn) -> bool:
    """Whether "Erase everything?" is the question on top."""
    top = turn.convo.top
    return top is not None and top.flow == FLOW and top.step == CONFIRM_DELETE


def answer_typed(turn: Turn, text: str) -> bool:
    """Typed at "Erase everything?": "no" keeps everything; a question about it asks again,
    said more plainly. Nothing typed erases (only the button does). False: not about it."""
    answer, lower = yes_or_no(text), text.lower()
    if answer is False or _KEEP.search(lower):
        turn.convo.pop(FLOW)
        turn.say(turn.t("privacy.delete_kept"))
        return True
    if can_they_read_this(text):
        # "is my ex able to see this": who can read the chat, answered, and the question kept
        turn.convo.pop(FLOW)
        ask_delete(turn, turn.t("privacy.asked"))
        return True
    if answer is True or _ABOUT_IT.search(lower):
        ask_delete(turn, turn.t("privacy.delete_explain"))
        return True
    return False


_KEEP = re.compile(r"\b(?:keep|don'?t|do not|cancel|never ?mind|nvm|changed my mind|stop)\b")
_ABOUT_IT = re.compile(
    r"\b(?:delet\w*|eras\w*|undo|lose|lost|gone|get (?:it|them) back|restore|copy|export"
    r"|what (?:does|will|would) (?:this|that|it)|what happens|are you sure|what do you mean)\b"
)
