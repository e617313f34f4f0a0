"""Ending a flow that interrupted another (e.g. /urge during onboarding) and offering to resume.

The interrupted frame stays on the stack underneath; when the flow on top ends, the user is
asked whether to pick it up again. Its buttons carry the interrupted frame's nonce, so they
go stale as soon as that flow moves on.
"""

from __future__ import annotations

from bot.handlers.common import Pressed, Turn, callback_data, inline
from bot.services.conversation import Frame

PREFIX = "urge"  # resume buttons are answered by the urge handler (pattern ^urge:)
RESUME, LATER = "resume", "later"
# Frame flow name -> key under urge.flow_names.
FLOW_NAME_KEYS = {
    "ob": "onboarding",
    "rsn": "reasons",
    "slip": "slip",
    "urge": "urge",
    "faq": "faq",
    "settings": "settings",
}


def end_flow(turn: Turn, flow: str) -> None:
    """Pop `flow`; if it had interrupted another flow, offer to go back to it."""
    turn.convo.pop(flow)
    below = turn.convo.top
    if below is not None:
        offer_resume(turn, below)


def offer_resume(turn: Turn, frame: Frame) -> None:
    from bot.handlers import router  # router imports the flows, so import it late

    if frame.flow not in router.ASKERS:
        return
    name = FLOW_NAME_KEYS.get(frame.flow)
    if name is None:
        turn.say(turn.t("core.resuming"))
        router.ask_again(turn, frame)
        return
    button = Frame(flow=PREFIX, step=frame.step, nonce=frame.nonce)
    turn.say(
        turn.t("urge.resume_prompt", flow=turn.t(f"urge.flow_names.{name}")),
        inline(
            [
                [(turn.label("urge.resume_labels.resume"),
                  callback_data(button, RESUME, frame.flow))],
                [(turn.label("urge.resume_labels.later"),
                  callback_data(button, LATER, frame.flow))],
            ]
        ),
    )


async def on_button(turn: Turn, pressed: Pressed) -> None:
    """Resume the interrupted flow, or drop it ("Not now")."""
    from bot.handlers import router

    top = turn.convo.top
    if top is None or top.nonce != pressed.nonce or top.flow != pressed.arg:
        turn.toast(turn.t("core.stale_button"))
        return
    if pressed.action == RESUME:
        router.ask_again(turn, top)
        return
    await router.run_cancel_hook(turn, top)
    turn.convo.pop(top.flow)
    turn.say(turn.t("urge.resume_later"))
    if turn.convo.top is not None:
        offer_resume(turn, turn.convo.top)
