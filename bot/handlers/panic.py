"""A panic attack told: a grounding step at once, for anyone, before set-up or a question."""

from __future__ import annotations

from datetime import timedelta

from bot.conversation.keyboards import inline
from bot.conversation.turn import Turn
from bot.handlers.safety import NOT_SAFE_DATA
from bot.services.panic import grounding_step

# The grounding steps in order (content/texts/panic.yaml); the last is given again after that.
STEPS = ("first", "second", "third")
# "It's not working" this soon after a step is about that step, and gets the next one.
FOLLOW_UP_WITHIN = timedelta(minutes=10)
_ANSWER = "panic:"  # the step last given, noted with the FAQ's last answers


async def answer(turn: Turn, text: str) -> bool:
    """Answer a panic attack with a grounding step (the next one if the last has not helped
    yet); False when `text` is not about one (registered as the flows' first look)."""
    last = turn.rt.last_answers.last(turn.user.id, turn.now, FOLLOW_UP_WITHIN) or ""
    given = int(last[len(_ANSWER) :]) if last.startswith(_ANSWER) else None
    step = grounding_step(text, given=given)
    if step is None:
        return False
    step = min(step, len(STEPS) - 1)
    turn.say(
        turn.t(f"panic.steps.{STEPS[step]}"),
        inline([[(turn.label("faq.btn_not_safe"), NOT_SAFE_DATA)]]),
    )
    turn.rt.last_answers.note(turn.user.id, f"{_ANSWER}{step}", turn.now)
    return True
