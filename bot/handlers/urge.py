"""The urge flow (/urge, the daily "I'm struggling", or free text that sounds like an urge).

Steady opener -> strength (1-10) -> trigger -> a tool -> "how is it now?" -> passed (end),
still strong (another tool) or "I contacted them" (the slip flow). The flow is a frame on
the conversation stack, so it can interrupt any other flow, which is offered back after.

Buttons of the current prompt carry the frame's nonce. Two kinds of message are sent outside
a reply: the wait-it-out check-in (by the periodic tick) and the end of the breathing
exercise (by a background task). Their outcome buttons carry "k<urge id>-<round>" instead,
checked against the user's own urge row.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from telegram import Bot, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.content import Content
from bot.handlers import reasons as reasons_handler
from bot.handlers import resume, slip
from bot.handlers.common import (
    Pressed,
    Turn,
    callback_data,
    inline,
    open_turn,
    parse_callback,
    row_id,
)
from bot.runtime import Runtime
from bot.sending import with_retries
from bot.services import reasons as reason_service
from bot.services import urges
from bot.services.conversation import Frame
from bot.services.reasons import ReasonRefused
from bot.services.urge_detect import detect_urge
from bot.store.models import Urge

logger = logging.getLogger(__name__)

FLOW = "urge"
STRENGTH, TRIGGER, TOOLS, WAIT_LEN, WAITING = "strength", "trigger", "tools", "wait_len", "waiting"
BREATHING, REASON_ADD, WRITE, WRITE_CHOICE, TAPE, OUTCOME = (
    "breathing", "reason_add", "write", "write_choice", "tape", "outcome",
)
# Steps at which "how is it now?" may be answered.
OUTCOME_STEPS = frozenset({WAITING, BREATHING, OUTCOME})
OUTCOME_ARGS = {"passed": urges.PASSED, "still": urges.STILL_STRONG,
                "contacted": urges.CONTACTED}
OUTCOME_LABELS = {"passed": "passed", "still": "still_strong", "contacted": "contacted"}
OFFER_NONCE = "o"  # the free-text offer is not tied to a prompt
ANY_NONCE = "x"  # "delete the kept message" works any time (ownership checked)
# Not hex, so never mistaken for a prompt nonce (secrets.token_hex).
CHECKIN_NONCE = re.compile(r"^k(\d{1,12})-(\d{1,3})$")
PHASES = ("in", "hold", "out", "hold2")


@dataclass(frozen=True)
class BreathJob:
    user_id: int
    chat_id: int
    urge_id: int
    round: int


# --------------------------------------------------------------------------- starting


async def start_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start the urge flow on top of whatever the user was doing."""
    async with open_turn(update, context) as turn:
        await start_urge(turn, "command")


async def start_urge(turn: Turn, source: urges.Source) -> None:
    """The steady opener at once, then how strong it is."""
    previous = turn.convo.find(FLOW)
    if previous is not None:
        await cancel_hook(turn, previous)
    urge = await urges.begin(session=turn.session, user_id=turn.user.id, source=source,
                             now=turn.now)
    frame = turn.convo.push(FLOW, STRENGTH, urge_id=urge.id)
    turn.say(turn.t("urge.opener"))
    ask(turn, frame)


def offer_if_urge(turn: Turn, text: str) -> bool:
    """Free text that clearly wants to contact the ex: offer the flow. True if offered."""
    if not detect_urge(text):
        return False
    turn.say(
        turn.t("urge.free_text_offer"),
        inline(
            [[
                (turn.label("urge.free_text_labels.accept"), f"{FLOW}:{OFFER_NONCE}:yes"),
                (turn.label("urge.free_text_labels.decline"), f"{FLOW}:{OFFER_NONCE}:no"),
            ]]
        ),
    )
    return True


async def cancel_hook(turn: Turn, frame: Frame) -> None:
    """/cancel (or a fresh /urge) ends the urge: logged as cancelled, no check-in."""
    urge = await _urge_of(turn, frame)
    if urge is not None and urges.is_open(urge):
        await urges.record_outcome(session=turn.session, urge=urge, outcome=urges.CANCELLED,
                                   now=turn.now)


# --------------------------------------------------------------------------- prompts


def ask(turn: Turn, frame: Frame) -> None:
    """Send the question of the frame's current step."""
    step = frame.step
    if step == STRENGTH:
        turn.say(turn.t("urge.ask_strength"), _strength_markup(frame))
    elif step == TRIGGER:
        turn.say(turn.t("urge.ask_trigger"), _trigger_markup(turn, frame))
    elif step == TOOLS:
        turn.say(turn.t("urge.tools_intro"), _tools_markup(turn, frame))
    elif step == WAIT_LEN:
        turn.say(turn.t("urge.wait_choose_length"), _wait_markup(turn, frame))
    elif step == WAITING and _waiting_left(turn, frame) > 0:
        turn.say(turn.t("urge.wait_running", minutes=_waiting_left(turn, frame)),
                 _outcome_markup(turn, frame.nonce))
    elif step == REASON_ADD:
        turn.say(turn.t("urge.reasons_empty"), _another_tool_markup(turn, frame))
    elif step == WRITE:
        turn.say(turn.t("urge.write_prompt"))
    elif step == WRITE_CHOICE:
        turn.say(turn.t("urge.write_received"), _write_markup(turn, frame))
    elif step == TAPE:
        turn.say(_tape_question(turn, frame), inline(
            [[(turn.label("urge.tape_next_label"), callback_data(frame, "next"))]]
        ))
    else:  # OUTCOME, BREATHING (the exercise may have been cut by a restart), WAITING done
        turn.say(turn.t("urge.ask_outcome"), _outcome_markup(turn, frame.nonce))


def _strength_markup(frame: Frame) -> InlineKeyboardMarkup:
    buttons = [(str(n), callback_data(frame, "s", str(n))) for n in range(1, 11)]
    return inline([buttons[:5], buttons[5:]])


def _trigger_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    buttons = [(turn.label(f"urge.trigger_labels.{t}"), callback_data(frame, "tr", t))
               for t in urges.TRIGGERS]
    return inline([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def _tools_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    return inline([[(turn.label(f"urge.tool_labels.{t}"), callback_data(frame, "tool", t))]
                   for t in urges.TOOLS])


def _wait_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    buttons = [(turn.t("urge.wait_length_label", minutes=m), callback_data(frame, "w", str(m)))
               for m in urges.WAIT_MINUTES]
    return inline([buttons[:1], buttons[1:]])


def _write_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    return inline([[
        (turn.label("urge.write_choice_labels.keep"), callback_data(frame, "keep")),
        (turn.label("urge.write_choice_labels.release"), callback_data(frame, "release")),
    ]])


def _another_tool_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    return inline([[(turn.label("urge.another_tool_label"), callback_data(frame, "more"))]])


def outcome_markup(content: Content, nonce: str) -> InlineKeyboardMarkup:
    """The three answers to "how is it now?"."""
    def button(arg: str) -> tuple[str, str]:
        data = f"{FLOW}:{nonce}:o:{arg}"
        if len(data.encode()) > 64:
            raise ValueError(f"callback data too long: {data!r}")
        return content.label(f"urge.outcome_labels.{OUTCOME_LABELS[arg]}"), data

    return inline([[button("passed"), button("still")], [button("contacted")]])


def _outcome_markup(turn: Turn, nonce: str) -> InlineKeyboardMarkup:
    return outcome_markup(turn.rt.content, nonce)


def checkin_nonce(urge: Urge) -> str:
    return f"k{urge.id}-{urges.round_of(urge)}"


def checkin_message(content: Content, urge: Urge) -> tuple[str, InlineKeyboardMarkup]:
    """The wait-it-out check-in the tick sends when the timer ends."""
    text = content.text("urge.wait_checkin", minutes=urge.wait_minutes or urges.DEFAULT_WAIT)
    return text, outcome_markup(content, checkin_nonce(urge))


def _waiting_left(turn: Turn, frame: Frame) -> int:
    until = frame.data.get("until")
    if not isinstance(until, str):
        return 0
    return urges.minutes_left(datetime.fromisoformat(until), turn.now)


# --------------------------------------------------------------------------- typed answers


async def answer_text(turn: Turn, frame: Frame, text: str) -> None:
    """A typed message while the urge flow is on top."""
    if frame.step == STRENGTH:
        strength = urges.parse_strength(text)
        if strength is None:
            turn.say(turn.t("urge.strength_invalid"), _strength_markup(frame))
            return
        await _take_strength(turn, frame, strength)
    elif frame.step == REASON_ADD:
        await _take_first_reason(turn, frame, text)
    elif frame.step == WRITE:
        turn.convo.goto(frame, WRITE_CHOICE, draft=text)
        ask(turn, frame)
    elif frame.step == TAPE:  # the answer is theirs: it is not stored
        await _tape_next(turn, frame)
    elif frame.step == TRIGGER:  # typed instead of tapped: read it
        await _take_trigger(turn, frame, urges.trigger_from_text(text))
    elif frame.step in (TOOLS, WAIT_LEN, WRITE_CHOICE):
        turn.say(turn.t("urge.use_buttons"))
        ask(turn, frame)
    else:
        ask(turn, frame)


# --------------------------------------------------------------------------- buttons


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Handle a press on an urge-flow button (and the resume prompt's)."""
    pressed = parse_callback(update.callback_query.data if update.callback_query else None)
    job: BreathJob | None = None
    async with open_turn(update, context) as turn:
        job = await _on_press(turn, pressed)
    if job is not None:
        rt = turn.rt
        context.application.create_task(run_breathing(rt, context.bot, job), update=update)


async def _on_press(turn: Turn, pressed: Pressed | None) -> BreathJob | None:
    if pressed is None or pressed.flow != FLOW:
        turn.toast(turn.t("core.stale_button"))
    elif pressed.action in (resume.RESUME, resume.LATER):
        await resume.on_button(turn, pressed)
    elif pressed.nonce == OFFER_NONCE:
        await _on_offer(turn, pressed.action)
    elif pressed.nonce == ANY_NONCE and pressed.action == "forget":
        await _forget(turn, pressed.arg)
    elif pressed.nonce.startswith("k"):
        await _on_checkin_press(turn, pressed)
    else:
        frame = turn.convo.find(FLOW)
        if frame is None or pressed.nonce != frame.nonce:
            turn.toast(turn.t("urge.stale_button"))
            return None
        return await _dispatch(turn, frame, pressed)
    return None


async def _dispatch(turn: Turn, frame: Frame, pressed: Pressed) -> BreathJob | None:
    step, action, arg = frame.step, pressed.action, pressed.arg
    if step == STRENGTH and action == "s" and arg.isdigit() and 1 <= int(arg) <= 10:
        await _take_strength(turn, frame, int(arg))
    elif step == TRIGGER and action == "tr" and arg in urges.TRIGGERS:
        await _take_trigger(turn, frame, arg)
    elif step == TOOLS and action == "tool" and arg in urges.TOOLS:
        return await _pick_tool(turn, frame, arg)
    elif step == WAIT_LEN and action == "w" and arg.isdigit() and int(arg) in urges.WAIT_MINUTES:
        await _start_wait(turn, frame, int(arg))
    elif step in OUTCOME_STEPS and action == "o" and arg in OUTCOME_ARGS:
        await _outcome(turn, frame, OUTCOME_ARGS[arg])
    elif step == REASON_ADD and action == "more":
        turn.convo.goto(frame, TOOLS)
        ask(turn, frame)
    elif step == WRITE_CHOICE and action in ("keep", "release"):
        await _write_choice(turn, frame, keep=action == "keep")
    elif step == TAPE and action == "next":
        await _tape_next(turn, frame)
    else:
        turn.toast(turn.t("urge.stale_button"))
    return None


async def _on_offer(turn: Turn, action: str) -> None:
    if action == "yes" and turn.convo.find(FLOW) is None:
        await start_urge(turn, "text")
    elif action == "no":
        turn.say(turn.t("urge.free_text_declined"))
    else:
        turn.toast(turn.t("urge.stale_button"))


async def _on_checkin_press(turn: Turn, pressed: Pressed) -> None:
    """An answer under the check-in or the end of breathing: the user's own open urge only."""
    found = CHECKIN_NONCE.match(pressed.nonce)
    if found is None or pressed.action != "o" or pressed.arg not in OUTCOME_ARGS:
        turn.toast(turn.t("core.stale_button"))
        return
    urge_id = row_id(found.group(1))
    urge = None if urge_id is None else await urges.get(
        session=turn.session, user_id=turn.user.id, urge_id=urge_id
    )
    if urge is None:
        turn.toast(turn.t("urge.not_your_button"), alert=True)
        return
    frame = turn.convo.find(FLOW)
    current = (
        urges.is_open(urge)
        and urges.round_of(urge) == int(found.group(2))
        and frame is not None
        and frame.data.get("urge_id") == urge.id
        and frame.step in OUTCOME_STEPS
    )
    if not current or frame is None:
        turn.toast(turn.t("urge.stale_button"))
        return
    await _outcome(turn, frame, OUTCOME_ARGS[pressed.arg])


# --------------------------------------------------------------------------- steps


async def _urge_of(turn: Turn, frame: Frame) -> Urge | None:
    urge_id = frame.data.get("urge_id")
    if not isinstance(urge_id, int):
        return None
    return await urges.get(session=turn.session, user_id=turn.user.id, urge_id=urge_id)


async def _take_strength(turn: Turn, frame: Frame, strength: int) -> None:
    urge = await _urge_of(turn, frame)
    if urge is not None:
        await urges.set_strength(session=turn.session, urge=urge, strength=strength)
    turn.say(turn.t(f"urge.strength_{urges.band(strength)}_ack"))
    turn.convo.goto(frame, TRIGGER)
    ask(turn, frame)


async def _take_trigger(turn: Turn, frame: Frame, trigger: str) -> None:
    urge = await _urge_of(turn, frame)
    if urge is not None:
        await urges.set_trigger(session=turn.session, urge=urge, trigger=trigger)
    turn.say(turn.t(f"urge.trigger_ack_{trigger}"))
    turn.convo.goto(frame, TOOLS)
    ask(turn, frame)


async def _pick_tool(turn: Turn, frame: Frame, tool: str) -> BreathJob | None:
    urge = await _urge_of(turn, frame)
    if urge is None or urge.id is None:
        turn.toast(turn.t("urge.stale_button"))
        return None
    await urges.use_tool(session=turn.session, urge=urge, tool=tool)
    if tool == "wait":
        turn.convo.goto(frame, WAIT_LEN)
        ask(turn, frame)
    elif tool == "breathe":
        turn.convo.goto(frame, BREATHING)
        turn.say(turn.t("urge.breathe_intro"))
        return BreathJob(turn.user.id, turn.chat_id, urge.id, urges.round_of(urge))
    elif tool == "reasons":
        await _show_reasons(turn, frame)
    elif tool == "write":
        turn.convo.goto(frame, WRITE)
        ask(turn, frame)
    else:
        sets = sorted(turn.rt.content.texts["urge.tape_questions"])
        turn.convo.goto(frame, TAPE, tape=turn.rt.content.rng.choice(sets), q=0)
        turn.say(turn.t("urge.tape_intro"))
        ask(turn, frame)
    return None


async def _start_wait(turn: Turn, frame: Frame, minutes: int) -> None:
    urge = await _urge_of(turn, frame)
    if urge is None:
        turn.toast(turn.t("urge.stale_button"))
        return
    until = await urges.start_wait(session=turn.session, urge=urge, minutes=minutes,
                                   now=turn.now)
    turn.convo.goto(frame, WAITING, until=until.isoformat())
    turn.say(turn.t("urge.wait_start", minutes=minutes), _outcome_markup(turn, frame.nonce))


async def _show_reasons(turn: Turn, frame: Frame) -> None:
    reasons = await reason_service.list_reasons(session=turn.session, user_id=turn.user.id)
    if not reasons:
        turn.convo.goto(frame, REASON_ADD)
        ask(turn, frame)
        return
    turn.say(reasons_handler.render_list(turn, reasons, "urge.reasons_intro"))
    turn.convo.goto(frame, OUTCOME)
    ask(turn, frame)


async def _take_first_reason(turn: Turn, frame: Frame, text: str) -> None:
    try:
        await reason_service.add(session=turn.session, user_id=turn.user.id, text=text,
                                 now=turn.now)
    except ReasonRefused as refused:
        turn.say(reasons_handler.refusal_text(turn, refused))
        return
    turn.say(turn.t("urge.reason_saved"))
    turn.convo.goto(frame, OUTCOME)
    ask(turn, frame)


async def _write_choice(turn: Turn, frame: Frame, *, keep: bool) -> None:
    draft = str(frame.data.pop("draft", ""))
    if keep and draft:
        kept = await urges.keep_unsent(session=turn.session, user_id=turn.user.id,
                                       urge_id=frame.data.get("urge_id"), text=draft,
                                       now=turn.now)
        turn.say(turn.t("urge.write_kept"), inline(
            [[(turn.label("urge.forget_label"), f"{FLOW}:{ANY_NONCE}:forget:{kept.id}")]]
        ))
    else:
        turn.say(turn.t("urge.write_released"))
    turn.convo.goto(frame, OUTCOME)
    ask(turn, frame)


async def _forget(turn: Turn, arg: str) -> None:
    unsent_id = row_id(arg)
    deleted = unsent_id is not None and await urges.forget_unsent(
        session=turn.session, user_id=turn.user.id, unsent_id=unsent_id
    )
    if not deleted:
        turn.toast(turn.t("urge.not_your_button"), alert=True)
        return
    turn.say(turn.t("urge.unsent_deleted"))


def _tape_question(turn: Turn, frame: Frame) -> str:
    questions = turn.rt.content.variants(f"urge.tape_questions.{frame.data.get('tape')}")
    return questions[int(frame.data.get("q", 0)) % len(questions)]


async def _tape_next(turn: Turn, frame: Frame) -> None:
    asked = int(frame.data.get("q", 0)) + 1
    if asked < urges.TAPE_QUESTIONS:
        turn.convo.goto(frame, TAPE, q=asked)
        ask(turn, frame)
        return
    turn.convo.goto(frame, OUTCOME)
    turn.say(turn.t("urge.tape_done"), _outcome_markup(turn, frame.nonce))


async def _outcome(turn: Turn, frame: Frame, outcome: str) -> None:
    urge = await _urge_of(turn, frame)
    if urge is None:
        turn.toast(turn.t("urge.stale_button"))
        return
    await urges.record_outcome(session=turn.session, urge=urge, outcome=outcome, now=turn.now)
    if outcome == urges.STILL_STRONG:
        turn.convo.goto(frame, TOOLS)
        turn.say(turn.t("urge.outcome_still_strong"), _tools_markup(turn, frame))
    elif outcome == urges.PASSED:
        minutes = urge.minutes_to_pass or 0
        if minutes >= 1:
            turn.say(turn.t("urge.outcome_passed_minutes", minutes=minutes))
        else:
            turn.say(turn.t("urge.outcome_passed"))
        resume.end_flow(turn, FLOW)
    else:
        turn.say(turn.t("urge.outcome_contacted"))
        turn.convo.pop(FLOW)
        if turn.user.onboarded:
            slip.begin(turn)
        elif turn.convo.top is not None:
            resume.offer_resume(turn, turn.convo.top)


# --------------------------------------------------------------------------- breathing


async def run_breathing(rt: Runtime, bot: Bot, job: BreathJob) -> None:
    """Edit one message through in / hold / out / hold, then ask how it is now.

    Runs as a background task so the chat's other updates are not held up. One edit per
    phase: BREATHE_SECONDS (1 or more in production) keeps within Telegram's limits.
    """
    content, seconds = rt.content, rt.settings.breathe_seconds
    phases = [content.text(f"urge.breathe_phases.{p}") for p in PHASES]
    steps = phases * rt.settings.breathe_cycles
    try:
        message = await with_retries(partial(bot.send_message, job.chat_id, steps[0]))
        edit = partial(bot.edit_message_text, chat_id=job.chat_id, message_id=message.message_id)
        for text in steps[1:]:
            await asyncio.sleep(seconds)
            await with_retries(partial(edit, text))
        await asyncio.sleep(seconds)
        async with rt.db.session() as session:
            urge = await urges.get(session=session, user_id=job.user_id, urge_id=job.urge_id)
        current = urge is not None and urges.is_open(urge) and urges.round_of(urge) == job.round
        markup = outcome_markup(content, checkin_nonce(urge)) if current and urge else None
        await with_retries(partial(edit, content.text("urge.breathe_done"), reply_markup=markup))
    except TelegramError as exc:
        logger.info("breathing exercise stopped: %s", type(exc).__name__)
