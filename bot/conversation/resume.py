"""Ending a flow that interrupted another (e.g. /urge during onboarding) and offering to resume.

The interrupted frame stays on the stack underneath; when the flow on top ends, the person is
asked whether to pick it up again. Resume buttons have their own prefix and carry the
interrupted frame's nonce, so they go stale as soon as that flow moves on.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot.conversation.codec import pack, unpack
from bot.conversation.context import BotContext
from bot.conversation.flow import Flow
from bot.conversation.frames import Frame
from bot.conversation.keyboards import inline
from bot.conversation.turn import Turn, open_turn

logger = logging.getLogger(__name__)

PREFIX = "rs"
RESUME, LATER = "resume", "later"


def end_flow(turn: Turn, name: str) -> None:
    """Pop flow `name`; if it had interrupted another flow, offer to go back to it."""
    turn.convo.pop(name)
    below = turn.convo.top
    if below is not None:
        offer_resume(turn, below)


async def cancel_top(turn: Turn) -> None:
    """Stop the flow on top (/cancel, or "stop" typed); ask the one it interrupted again."""
    top = turn.convo.top
    if top is None:
        return
    flow = turn.flows.get(top.flow)
    if flow is not None:
        await flow.on_cancel(turn, top)
    turn.convo.pop(top.flow)
    key = "core.cancelled"
    if flow is not None:
        key = flow.cancel_key
        if flow.after_setup_keys is not None and turn.user.onboarded:
            key = flow.after_setup_keys[1]
    turn.say(turn.t(key))
    below = turn.convo.top
    below_flow = turn.flows.get(below.flow) if below is not None else None
    if below is not None and below_flow is not None:
        turn.say(turn.t("core.resuming"))
        below_flow.ask(turn, below)


def _title(turn: Turn, flow: Flow) -> str:
    if flow.after_setup_keys is not None and turn.user.onboarded:
        return turn.t(flow.after_setup_keys[0])
    return turn.t(flow.title_key)


def offer_resume(turn: Turn, frame: Frame) -> None:
    """Ask whether to pick `frame`'s flow up again."""
    flow = turn.flows.get(frame.flow)
    if flow is None or not flow.resumable:
        return
    turn.say(
        turn.t("urge.resume_prompt", flow=_title(turn, flow)),
        inline(
            [
                [
                    (
                        turn.label("urge.resume_labels.resume"),
                        pack(PREFIX, frame.nonce, RESUME, frame.flow),
                    )
                ],
                [
                    (
                        turn.label("urge.resume_labels.later"),
                        pack(PREFIX, frame.nonce, LATER, frame.flow),
                    )
                ],
            ]
        ),
    )


def add_back_button(turn: Turn, frame: Frame, flow: Flow) -> None:
    """Under the reply just queued: a button back to `frame`'s question."""
    label = turn.t("core.back_to", flow=_title(turn, flow))
    try:
        turn.add_rows([[(label, pack(PREFIX, frame.nonce, RESUME, frame.flow))]])
    except LookupError:
        # The reply ends on a question with a keyboard of its own: set-up's place question
        # ("share my location"), asked again by the answer itself ("no messages for a while
        # ok?" during set-up crashed here once). That question is the way back.
        logger.debug("no back button: the reply ends on a question with its own keyboard")


async def on_button(update: Update, context: BotContext) -> None:
    """Resume the interrupted flow, or drop it ("Not now")."""
    query = update.callback_query
    button = unpack(query.data if query else None)
    async with open_turn(update, context) as turn:
        frame = turn.convo.find(button.arg) if button is not None else None
        flow = turn.flows.get(frame.flow) if frame is not None else None
        if button is None or frame is None or flow is None or frame.nonce != button.nonce:
            turn.toast(turn.t("core.stale_button"))
            return
        if button.action == RESUME:
            # Whatever sits on top of it was left behind: the person chose this one.
            while turn.convo.top is not None and turn.convo.top is not frame:
                top = turn.convo.top
                top_flow = turn.flows.get(top.flow)
                if top_flow is not None:
                    await top_flow.on_cancel(turn, top)
                turn.convo.pop(top.flow)
            turn.convo.touch(frame)
            flow.ask(turn, frame)
            return
        if button.action != LATER:
            turn.toast(turn.t("core.stale_button"))
            return
        await flow.on_cancel(turn, frame)
        turn.convo.pop(frame.flow)
        turn.say(turn.t("urge.resume_later"))
        if turn.convo.top is not None:
            offer_resume(turn, turn.convo.top)
