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
from datetime import datetime, timedelta
from enum import StrEnum
from functools import partial

from telegram import Bot, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.conversation import resume, router
from bot.conversation.codec import Button, pack, row_id
from bot.conversation.context import BotContext
from bot.conversation.flow import Flow, FrameData, Reads
from bot.conversation.frames import Frame
from bot.conversation.keyboards import inline
from bot.conversation.turn import Turn, open_turn, peek
from bot.core.runtime import Runtime
from bot.handlers import reasons as reasons_handler
from bot.handlers import slip
from bot.handlers.safety import NAME as SAFETY_TALK
from bot.services import reasons as reason_service
from bot.services import urges
from bot.services.corrections import is_back
from bot.services.listening import told
from bot.services.reading import about_the_bot, is_skip, read_text, tells_a_win
from bot.services.reasons import ReasonRefused
from bot.services.safety_answers import is_joking
from bot.services.smalltalk import classify_smalltalk, shares_a_feeling
from bot.services.urge_detect import detect_urge
from bot.services.urges import Urge
from bot.services.yesno import yes_or_no
from bot.tg.sending import with_retries
from bot.views.urge import checkin_nonce, outcome_markup

logger = logging.getLogger(__name__)

NAME = "urge"


class Step(StrEnum):
    STRENGTH = "strength"
    TRIGGER = "trigger"
    TOOLS = "tools"
    WAIT_LEN = "wait_len"
    WAITING = "waiting"
    BREATHING = "breathing"
    REASON_ADD = "reason_add"
    WRITE = "write"
    WRITE_CHOICE = "write_choice"
    TAPE = "tape"
    OUTCOME = "outcome"


class UrgeData(FrameData):
    urge_id: int | None = None
    until: str | None = None  # when the wait-it-out timer ends (ISO)
    draft: str | None = None  # the unsent message, until they choose to keep or release it
    tape: str | None = None  # which set of "play the tape forward" questions
    q: int = 0  # how many of its questions were asked
    # A cause told before the strength was given ("he posted a pic with a girl"): heard then,
    # and not asked about again after the number
    told: str | None = None
    # A plan of their own was welcomed ("i'll go for a walk"): "ok im back" is then heard as
    # back from it, and asked how it is now
    own_plan: bool = False
    # A message at "how strong?" was no number and nothing the step reads: the next such
    # message lets the number go (a helper's chat: "Just a number from 1 to 10 is enough" to
    # "i went to HR today", then to "turn off the sunday summary")
    missed: bool = False


STRENGTH, TRIGGER, TOOLS, WAIT_LEN, WAITING = (
    Step.STRENGTH,
    Step.TRIGGER,
    Step.TOOLS,
    Step.WAIT_LEN,
    Step.WAITING,
)
BREATHING, REASON_ADD, WRITE, WRITE_CHOICE, TAPE, OUTCOME = (
    Step.BREATHING,
    Step.REASON_ADD,
    Step.WRITE,
    Step.WRITE_CHOICE,
    Step.TAPE,
    Step.OUTCOME,
)
# Steps at which "how is it now?" may be answered.
OUTCOME_STEPS = frozenset({WAITING, BREATHING, OUTCOME})
# Typed at "choose a tool", these end the urge at once ("it passed", "i texted him").
_ENDS_AT_TOOLS = frozenset({urges.PASSED, urges.CONTACTED})
# Steps where "i already sent it" or "it passed", typed, ends the urge (not where what they
# type is their own words: the message written here instead, the tape, a reason).
_ENDS_EARLY_AT = frozenset({STRENGTH, TRIGGER})
OUTCOME_ARGS = {"passed": urges.PASSED, "still": urges.STILL_STRONG, "contacted": urges.CONTACTED}
OFFER_NONCE = "o"  # the free-text offer is not tied to a prompt
ANY_NONCE = "x"  # "delete the kept message" works any time (ownership checked)
# Not hex, so never mistaken for a prompt nonce (secrets.token_hex).
CHECKIN_NONCE = re.compile(r"^k(\d{1,12})-(\d{1,3})$")
# One breathing round: in for 4, hold for 4, out for 6 (counts), as content/faq.yaml says too.
BREATH_PATTERN: tuple[tuple[str, int], ...] = (("in", 4), ("hold", 4), ("out", 6))
# BREATHE_SECONDS is the length of a 4-count phase; a 6-count phase lasts half as long again.
BREATH_UNIT_COUNTS = 4


@dataclass(frozen=True)
class BreathJob:
    user_id: int
    chat_id: int
    urge_id: int
    round: int
    due: datetime  # when the check-in job asks instead, should this exercise be cut short


# --------------------------------------------------------------------------- starting


async def start_command(update: Update, context: BotContext) -> None:
    """Start the urge flow on top of whatever the user was doing."""
    async with open_turn(update, context) as turn:
        await start_urge(turn, "command")


async def start_urge(turn: Turn, source: urges.Source) -> None:
    """The steady opener at once, then how strong it is."""
    previous = turn.convo.find(NAME)
    if previous is not None:
        await cancel_hook(turn, previous)
    urge = await urges.begin(
        session=turn.session, user_id=turn.user.id, source=source, now=turn.now
    )
    frame = turn.convo.push(NAME, STRENGTH, urge_id=urge.id)
    turn.say(turn.t("urge.opener"))
    ask(turn, frame)


OFFERED = "urge-offered"  # the offer made, remembered so a typed answer to it is heard
OFFER_ANSWERED = "urge-offer-answered"
OFFER_HEARD_FOR = timedelta(minutes=15)
_ANSWER_WORDS = 15  # longer messages are read as what they say, not as an answer
# A typed answer to the offer that speaks of the pull itself: a yes ("like so bad", "just
# once", "idk", "maybe", "please")
_SAYS_THE_PULL = re.compile(
    r"\b(?:so bad|so badly|really bad|really badly|badly|so much|a lot|just once|one text"
    r"|one message|once|so strong|really strong|strong|kinda|kind of|sort of|sorta|maybe|idk"
    r"|i do ?n[o']?t know|dunno|i guess|i think so|help|please|pls|plz|i need to|i have to"
    r"|cant stop|can't stop|can not stop)\b"
)


def offer(turn: Turn) -> None:
    """Free text that clearly wants to contact the ex: offer the flow."""
    turn.rt.last_answers.note(turn.user.id, OFFERED, turn.now)
    turn.say(
        turn.t("urge.free_text_offer"),
        inline(
            [
                [
                    (turn.label("urge.free_text_labels.accept"), pack(NAME, OFFER_NONCE, "yes")),
                    (turn.label("urge.free_text_labels.decline"), pack(NAME, OFFER_NONCE, "no")),
                ]
            ]
        ),
    )


async def cancel_hook(turn: Turn, frame: Frame) -> None:
    """/cancel (or a fresh /urge) ends the urge: logged as cancelled, no check-in."""
    urge = await _urge_of(turn, frame)
    if urge is not None and urges.is_open(urge):
        await urges.record_outcome(
            session=turn.session, urge=urge, outcome=urges.CANCELLED, now=turn.now
        )


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
        turn.say(
            turn.t("urge.wait_running", minutes=_waiting_left(turn, frame)),
            outcome_markup(turn.rt.content, frame.nonce),
        )
    elif step == REASON_ADD:
        turn.say(turn.t("urge.reasons_empty"), _another_tool_markup(turn, frame))
    elif step == WRITE:
        turn.say(turn.t("urge.write_prompt"))
    elif step == WRITE_CHOICE:
        turn.say(turn.t("urge.write_received"), _write_markup(turn, frame))
    elif step == TAPE:
        turn.say(
            _tape_question(turn, frame),
            inline([[(turn.label("urge.tape_next_label"), FLOW.button(frame, "next"))]]),
        )
    else:  # OUTCOME, BREATHING (the exercise may have been cut by a restart), WAITING done
        turn.say(turn.t("urge.ask_outcome"), outcome_markup(turn.rt.content, frame.nonce))


def _strength_markup(frame: Frame) -> InlineKeyboardMarkup:
    buttons = [(str(n), FLOW.button(frame, "s", str(n))) for n in range(1, 11)]
    return inline([buttons[:5], buttons[5:]])


def _trigger_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    buttons = [
        (turn.label(f"urge.trigger_labels.{t}"), FLOW.button(frame, "tr", t))
        for t in urges.TRIGGERS
    ]
    return inline([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def _tools_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    return inline(
        [
            [(turn.label(f"urge.tool_labels.{t}"), FLOW.button(frame, "tool", t))]
            for t in urges.TOOLS
        ]
    )


def _wait_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    buttons = [
        (turn.t("urge.wait_length_label", minutes=m), FLOW.button(frame, "w", str(m)))
        for m in urges.WAIT_MINUTES
    ]
    return inline([buttons[:1], buttons[1:]])


def _write_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    return inline(
        [
            [
                (turn.label("urge.write_choice_labels.keep"), FLOW.button(frame, "keep")),
                (turn.label("urge.write_choice_labels.release"), FLOW.button(frame, "release")),
            ]
        ]
    )


def _another_tool_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    return inline([[(turn.label("urge.another_tool_label"), FLOW.button(frame, "more"))]])


def _waiting_left(turn: Turn, frame: Frame) -> int:
    until = UrgeData.of(frame).until
    if until is None:
        return 0
    return urges.minutes_left(datetime.fromisoformat(until), turn.now)


# --------------------------------------------------------------------------- typed answers


# "back" typed: one question back (a helper's terminal chat: "back" at the wait's length got
# "tap the closest one")
_BACK_TO = {TRIGGER: STRENGTH, TOOLS: TRIGGER, WAIT_LEN: TOOLS}


async def answer_text(turn: Turn, frame: Frame, text: str) -> None:
    """A typed message while the urge flow is on top."""
    if _leaving(frame, text):
        # "ok thanks. night" at the number (a session-42 play-test: read as the late hour that
        # set the urge off, then "how strong does it feel?"): they are going; let them go
        key = "urge.goodnight" if _NIGHT.search(text.lower()) else "urge.bye_mid"
        turn.say(turn.fresh(key))
        await cancel_hook(turn, frame)
        turn.convo.pop(NAME)
        return
    if frame.step in _BACK_TO and is_back(text):
        turn.convo.goto(frame, _BACK_TO[Step(frame.step)])
        ask(turn, frame)
        return
    if (frame.step in (STRENGTH, TRIGGER, TOOLS, WAIT_LEN) or frame.step in OUTCOME_STEPS) and (
        urges.drafted(text)
    ):
        # "i typed the message already": don't send it; where to put it, then on with the step
        turn.say(turn.t("urge.drafted"))
        if frame.step == BREATHING:
            await _stop_breathing(turn, frame)
        ask(turn, frame)
        return
    if frame.step in (TRIGGER, TOOLS, WAIT_LEN) and urges.about_to_send(text):
        # "im doing it" at 10 of 10 (a helper's chat, session 38: "What's it stirring up for
        # you?" and the tools behind a way back): wait, first; then the step's buttons again
        turn.say(turn.t("urge.about_to_send"))
        ask(turn, frame)
        return
    if frame.step in _ENDS_EARLY_AT and (ended := urges.outcome_from_text(text)) in _ENDS_AT_TOOLS:
        # "i already sent it" or "it passed" before the strength or the trigger: it ends here
        await _outcome(turn, frame, str(ended))
        return
    if frame.step == STRENGTH and is_skip(text):
        # "skip": the number is optional; on to what set it off
        turn.convo.goto(frame, TRIGGER)
        ask(turn, frame)
    elif frame.step == STRENGTH and urges.unsure_of_tool(text):
        # "idk": go with the gut, or skip it
        turn.say(turn.t("urge.strength_unsure"), _strength_markup(frame))
    elif frame.step == STRENGTH:
        strength = urges.parse_strength(text)
        if strength is None and (detect_urge(text) or urges.about_to_send(text)):
            # "im gonna text him right now": don't send, first; then the number
            turn.say(turn.t("urge.strength_hold_on"), _strength_markup(frame))
            return
        if strength is None and urges.ex_hard_news(text):
            # "my ex has cancer. her sister posted it tonight" (a blind play-test, session 45:
            # "Seeing their post can knock the air out of you"): the news heard, then the number
            turn.say(turn.t("urge.strength_hard_news"), _strength_markup(frame))
            return
        if strength is None and (cause := urges.trigger_from_text(text)) != "other":
            # "he posted a pic with a girl" before the number (terminal chat: it went to the
            # FAQ, which said "tap /urge first"): the cause heard, then the number
            await _take_cause_first(turn, frame, cause)
            return
        if strength is None and (shares_a_feeling(text) or urges.body_racing(text)):
            # "im shaking lol", "im crying": the body heard first, then the number, or skip
            # (a helper's chat: "Tap a number from 1 to 10 below")
            turn.say(turn.t("urge.strength_feeling"), _strength_markup(frame))
            return
        if strength is None and urges.complains_of_the_check(text):
            # "this is boring": fair, and the number is optional (skip) or the check can stop
            turn.say(turn.t("urge.strength_complaint"), _strength_markup(frame))
            return
        telling = len(text.split()) >= 3 and not any(ch.isdigit() for ch in text)
        if strength is None and (about_the_bot(text) or (telling and UrgeData.of(frame).missed)):
            # "turn off the sunday summary", or a second telling that is no number ("i went
            # to HR today"; "11" or "blue" are asked again): the urge check is set aside
            # (logged as cancelled) and what they said is answered
            turn.say(turn.t("urge.strength_let_go"))
            await cancel_hook(turn, frame)
            turn.convo.pop(NAME)
            await router.route(turn, text)
            return
        if strength is None:
            turn.convo.goto(frame, STRENGTH, missed=telling)
            turn.say(turn.t("urge.strength_invalid"), _strength_markup(frame))
            return
        await _take_strength(turn, frame, strength)
    elif frame.step == REASON_ADD:
        await _take_first_reason(turn, frame, text)
    elif frame.step == WRITE:
        turn.convo.goto(frame, WRITE_CHOICE, draft=text)
        ask(turn, frame)
    elif frame.step == TAPE and urges.draft_gone(text):
        # "i deleted the draft" in the tape (a helper's chat, session 41: the next question,
        # "would you be glad you sent it"): the urge let go, said so; it passed
        turn.say(turn.t("urge.draft_deleted"))
        await _outcome(turn, frame, urges.PASSED)
    elif frame.step == TAPE and classify_smalltalk(text) == "bye":
        # "goodnight" in the tape (the same chat: "How's the urge now?"): let them sleep
        turn.say(turn.t("urge.goodnight"))
        await cancel_hook(turn, frame)
        turn.convo.pop(NAME)
    elif frame.step == TAPE:  # the answer is theirs: it is not stored
        await _tape_next(turn, frame)
    elif frame.step == TRIGGER and urges.trigger_from_text(text) == "other" and _pull_again(text):
        # "still want to", "i really want to text him": heard, and the question stays
        turn.say(turn.fresh("urge.trigger_still"))
        ask(turn, frame)
    elif frame.step == TRIGGER:  # typed instead of tapped: read it (a bare "ok" never gets
        # here: the router asks the question again, bot/conversation/router.says_nothing)
        trigger = urges.trigger_from_text(text)
        if trigger == "other" and urges.own_plan(text):
            # "i'll go for a walk", "im gonna go to sleep": what they will do, not what started
            # it; their plan is the tool, and how it went is asked after (a helper's chat: "Go
            # and do it", then "Choose a tool:" at once)
            await _save_trigger(turn, frame, trigger)
            frame.data["own_plan"] = True
            turn.convo.goto(frame, OUTCOME)
            turn.say(
                turn.t("urge.trigger_ack_own_plan"), outcome_markup(turn.rt.content, frame.nonce)
            )
            return
        # "she muted me on everything": a cause told in their words, not "no clear cause"
        told = trigger == "other" and len(text.split()) >= 3 and not urges.unsure_of_tool(text)
        ack = "urge.trigger_ack_told" if told else None
        if trigger == "lonely" and urges.bored(text):
            # "honestly just bored" (a session-30 chat: the loneliness reply): kept as lonely,
            # answered as boredom
            ack = "urge.trigger_ack_bored"
        await _take_trigger(turn, frame, trigger, ack=ack)
    elif frame.step in (TOOLS, OUTCOME) and UrgeData.of(frame).own_plan and urges.back_again(text):
        # "ok im back" after the walk they chose: welcomed back, then how it is now
        turn.say(turn.t("urge.back_from_own_plan"))
        turn.convo.goto(frame, OUTCOME)
        ask(turn, frame)
    elif frame.step in OUTCOME_STEPS and (outcome := urges.outcome_from_text(text)):
        await _outcome(turn, frame, outcome)  # "it passed", "still strong", "i texted him"
    elif frame.step == BREATHING and urges.wants_to_stop(text):
        # "can we stop this", "this breathing thing is cringe ngl" (a session-31 chat: "Stay
        # with the line above", then "Questions like that can go round"): stopped, kindly
        turn.say(turn.fresh("urge.breathe_stop_asked"))
        await _stop_breathing(turn, frame)
        ask(turn, frame)
    elif frame.step == BREATHING and urges.said_aside(text):
        # "thanks i guess", "i cant focus" while the line still counts: they stopped following
        # it (a helper's terminal chat: a generic listening line, and the animation went on
        # above it); the counting stops, and how is it now
        turn.say(turn.t("urge.breathe_typed"))
        await _stop_breathing(turn, frame)
        ask(turn, frame)
    elif frame.step == BREATHING:
        turn.say(turn.t("urge.breathe_go_on"))  # "ok", "👍": following along; it goes on
    elif frame.step == OUTCOME and (tool := urges.tool_from_text(text)):
        # "can i still do the breathing thing" at "how is it now?": another tool, as its button
        await _pick_tool(turn, frame, tool)
    elif frame.step == TOOLS and (tool := urges.tool_from_text(text)):
        await _pick_tool(turn, frame, tool)  # "write it here", "breathe"
    elif frame.step == TOOLS and urges.own_plan(text):
        # "i'll go for a walk" offered the tools: their plan is the tool; asked after it how
        # it is (terminal chat: it got a listening reply, and the tools again)
        frame.data["own_plan"] = True
        turn.convo.goto(frame, OUTCOME)
        turn.say(turn.t("urge.tools_own_plan"), outcome_markup(turn.rt.content, frame.nonce))
    elif frame.step == TOOLS and urges.unsure_of_tool(text):
        turn.say(turn.t("urge.tools_unsure"))  # "idk": the simplest one, picked for them
        await _pick_tool(turn, frame, "breathe")
    elif (
        frame.step in (TOOLS, WAIT_LEN, WRITE_CHOICE)
        and (ended := urges.outcome_from_text(text)) in _ENDS_AT_TOOLS
    ):
        # "it passed" or "i texted him" before any tool: the urge ends there
        await _outcome(turn, frame, str(ended))
    elif frame.step in (TOOLS, WAIT_LEN, WRITE_CHOICE) and len(text.split()) >= 2:
        # "he blocked me" while a tap is awaited: someone telling something, heard as such,
        # with the way back to this step kept
        await router.let_go(turn, frame, FLOW, read_text(text, turn.rt.matcher))
    elif frame.step in (TOOLS, WAIT_LEN, WRITE_CHOICE):
        turn.say(turn.t("urge.use_buttons"))
        ask(turn, frame)
    else:
        ask(turn, frame)


# --------------------------------------------------------------------------- buttons


async def on_other_button(turn: Turn, pressed: Button) -> None:
    """The urge offer, "forget the kept message", and the outcome under a check-in."""
    if pressed.nonce == OFFER_NONCE:
        await _on_offer(turn, pressed.action)
    elif pressed.nonce == ANY_NONCE and pressed.action == "forget":
        await _forget(turn, pressed.arg)
    elif pressed.nonce.startswith("k"):
        await _on_checkin_press(turn, pressed)
    else:
        turn.toast(turn.t("core.stale_button"))


async def on_stale(turn: Turn, frame: Frame | None) -> None:
    turn.toast(turn.t("urge.stale_button"))


async def on_button(turn: Turn, frame: Frame, pressed: Button) -> None:
    """A press on a button of the urge flow's current prompt."""
    step, action, arg = frame.step, pressed.action, pressed.arg
    if step == STRENGTH and action == "s" and arg.isdigit() and 1 <= int(arg) <= 10:
        await _take_strength(turn, frame, int(arg))
    elif step == TRIGGER and action == "tr" and arg in urges.TRIGGERS:
        await _take_trigger(turn, frame, arg)
    elif step == TOOLS and action == "tool" and arg in urges.TOOLS:
        await _pick_tool(turn, frame, arg)
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


async def answer_offer_typed(turn: Turn, text: str) -> bool:
    """A typed answer to the offer just made ("like so bad", "just once", "ok", "no im
    fine"): anything short but a clear no starts the flow (the ninth probe's S18: people
    type rather than tap, and "just once" is the urge talking). False when no offer waits."""
    if turn.rt.last_answers.last(turn.user.id, turn.now, OFFER_HEARD_FOR) != OFFERED:
        return False
    if turn.convo.find(NAME) is not None or len(text.split()) > _ANSWER_WORDS:
        return False
    kind = classify_smalltalk(text)
    if kind in ("apology", "thanks", "bye") or told(text) == "sorry_to_me" or tells_a_win(text):
        # "sorry that was a lot" after a long vent, "i made it!! 30 days", "ok. im gonna go to
        # bed": no yes (helpers' chats; the last one began the flow in a session-34 chat)
        if kind == "bye":
            turn.rt.last_answers.note(turn.user.id, OFFER_ANSWERED, turn.now)
        return False
    if urges.decided_not_to(text):
        # "ok. i won't" (a helper's chat: taken for a yes, the flow began): their choice, met
        turn.rt.last_answers.note(turn.user.id, OFFER_ANSWERED, turn.now)
        turn.say(turn.t("urge.offer_wont"))
        return True
    if is_joking(text):
        # "jk jk" after a joke read as an urge (a helper's chat: taken as a yes, the flow began)
        turn.rt.last_answers.note(turn.user.id, OFFER_ANSWERED, turn.now)
        turn.say(turn.t("urge.offer_joking"))
        return True
    if urges.resisted(text) and urges.outcome_from_text(text) == urges.PASSED:
        # "ok i didnt send it": it passed on its own; a win, not a yes (a helper's chat: the
        # flow started and asked how strong it was)
        turn.rt.last_answers.note(turn.user.id, OFFER_ANSWERED, turn.now)
        turn.say(turn.t("urge.offer_passed"))
        return True
    answer = yes_or_no(text)
    if answer is False:
        await _on_offer(turn, "no")
        return True
    if answer is True or _SAYS_THE_PULL.search(text.lower()) or detect_urge(text):
        await _on_offer(turn, "yes")  # "ok", "like so bad", "just once", "idk"
        return True
    # "what would u do", "its not fair tho. hes MY friend", "how do i handle that": what it
    # says, answered; the offer lapses (helpers' chats: each started the flow, then "a number
    # is all I need" for up to ten messages)
    turn.rt.last_answers.note(turn.user.id, OFFER_ANSWERED, turn.now)
    return False


async def _on_offer(turn: Turn, action: str) -> None:
    turn.rt.last_answers.note(turn.user.id, OFFER_ANSWERED, turn.now)  # typed or tapped
    if action == "yes" and turn.convo.find(NAME) is None:
        await start_urge(turn, "text")
    elif action == "no":
        turn.say(turn.t("urge.free_text_declined"))
    else:
        turn.toast(turn.t("urge.stale_button"))


async def _on_checkin_press(turn: Turn, pressed: Button) -> None:
    """An answer under the check-in or the end of breathing: the user's own open urge only."""
    found = CHECKIN_NONCE.match(pressed.nonce)
    if found is None or pressed.action != "o" or pressed.arg not in OUTCOME_ARGS:
        turn.toast(turn.t("core.stale_button"))
        return
    urge_id = row_id(found.group(1))
    urge = (
        None
        if urge_id is None
        else await urges.get(session=turn.session, user_id=turn.user.id, urge_id=urge_id)
    )
    if urge is None:
        turn.toast(turn.t("urge.not_your_button"), alert=True)
        return
    frame = turn.convo.find(NAME)
    current = (
        urges.is_open(urge)
        and urges.round_of(urge) == int(found.group(2))
        and frame is not None
        and UrgeData.of(frame).urge_id == urge.id
        and frame.step in OUTCOME_STEPS
    )
    if not current or frame is None:
        turn.toast(turn.t("urge.stale_button"))
        return
    await _outcome(turn, frame, OUTCOME_ARGS[pressed.arg])


# --------------------------------------------------------------------------- steps


async def _urge_of(turn: Turn, frame: Frame) -> Urge | None:
    urge_id = UrgeData.of(frame).urge_id
    if urge_id is None:
        return None
    return await urges.get(session=turn.session, user_id=turn.user.id, urge_id=urge_id)


async def _take_strength(turn: Turn, frame: Frame, strength: int) -> None:
    urge = await _urge_of(turn, frame)
    if urge is not None:
        await urges.set_strength(session=turn.session, urge=urge, strength=strength)
    turn.say(turn.t(f"urge.strength_{urges.band(strength)}_ack"))
    # the cause, if told already, is not asked about again
    turn.convo.goto(frame, TOOLS if UrgeData.of(frame).told else TRIGGER)
    ask(turn, frame)


async def _save_trigger(turn: Turn, frame: Frame, trigger: str) -> None:
    urge = await _urge_of(turn, frame)
    if urge is not None:
        await urges.set_trigger(session=turn.session, urge=urge, trigger=trigger)


async def _take_cause_first(turn: Turn, frame: Frame, trigger: str) -> None:
    await _save_trigger(turn, frame, trigger)
    frame.data["told"] = trigger
    turn.convo.settle_on(frame, STRENGTH)  # saved; the number buttons above keep working
    turn.say(turn.t(f"urge.trigger_ack_{trigger}"))
    turn.say(turn.t("urge.strength_after_cause"), _strength_markup(frame))


async def _take_trigger(
    turn: Turn, frame: Frame, trigger: str, *, ack: str | None = None
) -> None:
    """Saves what started it and says so: `ack` when the reply is not the trigger's own."""
    await _save_trigger(turn, frame, trigger)
    turn.say(turn.t(ack or f"urge.trigger_ack_{trigger}"))
    turn.convo.goto(frame, TOOLS)
    ask(turn, frame)


async def _pick_tool(turn: Turn, frame: Frame, tool: str) -> None:
    urge = await _urge_of(turn, frame)
    if urge is None or urge.id is None:
        turn.toast(turn.t("urge.stale_button"))
        return
    await urges.use_tool(session=turn.session, urge=urge, tool=tool)
    if tool == "wait":
        turn.convo.goto(frame, WAIT_LEN)
        ask(turn, frame)
    elif tool == "breathe":
        turn.convo.goto(frame, BREATHING)
        turn.say(turn.t("urge.breathe_intro"))
        steps = breath_steps(turn.rt)
        due = await urges.start_breathing(
            session=turn.session,
            urge=urge,
            now=turn.now,
            lasts=timedelta(seconds=sum(length for _, length in steps)),
        )
        job = BreathJob(turn.user.id, turn.chat_id, urge.id, urges.round_of(urge), due)
        turn.background.append(partial(run_breathing, turn.rt, turn.bot, job, steps))
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


async def _start_wait(turn: Turn, frame: Frame, minutes: int) -> None:
    urge = await _urge_of(turn, frame)
    if urge is None:
        turn.toast(turn.t("urge.stale_button"))
        return
    until = await urges.start_wait(session=turn.session, urge=urge, minutes=minutes, now=turn.now)
    turn.convo.goto(frame, WAITING, until=until.isoformat())
    turn.say(
        turn.t("urge.wait_start", minutes=minutes), outcome_markup(turn.rt.content, frame.nonce)
    )


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
    # The urge speaking ("im scared i'll text him") or a skip is heard, not saved as a reason.
    if detect_urge(text):
        turn.say(turn.t("urge.reason_is_urge"), _another_tool_markup(turn, frame))
        return
    if is_skip(text):
        turn.convo.goto(frame, TOOLS)
        ask(turn, frame)
        return
    if (tool := urges.tool_asked_for(text)) is not None and tool != "reasons":
        # "can i do the tape thing instead": that tool, never saved as a reason
        await _pick_tool(turn, frame, tool)
        return
    if reason_service.sounds_like_longing(text):
        turn.say(turn.t("urge.reason_is_longing"), _another_tool_markup(turn, frame))
        return
    if reason_service.none_comes(text):
        # "2" (a button's number), "idk", "i cant think of any": no reason saved; one to borrow
        turn.say(turn.t("urge.reason_none_yet"), _another_tool_markup(turn, frame))
        return
    try:
        await reason_service.add(
            session=turn.session, user_id=turn.user.id, text=text, now=turn.now
        )
    except ReasonRefused as refused:
        turn.say(reasons_handler.refusal_text(turn, refused))
        return
    turn.say(turn.t("urge.reason_saved"))
    turn.convo.goto(frame, OUTCOME)
    ask(turn, frame)


async def _write_choice(turn: Turn, frame: Frame, *, keep: bool) -> None:
    data = UrgeData.of(frame)
    draft, data.draft = data.draft or "", None
    data.into(frame)
    if keep and draft:
        kept = await urges.keep_unsent(
            session=turn.session,
            user_id=turn.user.id,
            urge_id=data.urge_id,
            text=draft,
            now=turn.now,
        )
        turn.say(
            turn.t("urge.write_kept"),
            inline(
                [
                    [
                        (
                            turn.label("urge.forget_label"),
                            pack(NAME, ANY_NONCE, "forget", str(kept.id)),
                        )
                    ]
                ]
            ),
        )
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
    data = UrgeData.of(frame)
    questions = turn.rt.content.variants(f"urge.tape_questions.{data.tape}")
    return questions[data.q % len(questions)]


async def _tape_next(turn: Turn, frame: Frame) -> None:
    asked = UrgeData.of(frame).q + 1
    if asked < urges.TAPE_QUESTIONS:
        turn.convo.goto(frame, TAPE, q=asked)
        ask(turn, frame)
        return
    turn.convo.goto(frame, OUTCOME)
    turn.say(turn.t("urge.tape_done"), outcome_markup(turn.rt.content, frame.nonce))


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
        resume.end_flow(turn, NAME)
    else:
        turn.say(turn.t("urge.outcome_contacted"))
        turn.convo.pop(NAME)
        if turn.user.onboarded:
            slip.begin(turn)
        elif turn.convo.top is not None:
            resume.offer_resume(turn, turn.convo.top)


# --------------------------------------------------------------------------- breathing


async def _stop_breathing(turn: Turn, frame: Frame) -> None:
    """A typed answer ends the exercise: the flow leaves its step (the animation sees it and
    stops), and the question it would have asked at the end is asked now, once."""
    turn.convo.goto(frame, OUTCOME)
    urge = await _urge_of(turn, frame)
    if urge is not None:
        await urges.stop_breathing(session=turn.session, urge=urge)


def breath_steps(rt: Runtime) -> list[tuple[str, float]]:
    """Each phase's text ("Breathe in… 4") and how long it stays: its count's share of
    BREATHE_SECONDS (the length of a 4-count phase), so the out-breath lasts longest."""
    content, seconds = rt.content, rt.settings.breathe_seconds
    return [
        (
            content.text(f"urge.breathe_phases.{phase}", count=counts),
            seconds * counts / BREATH_UNIT_COUNTS,
        )
        for phase, counts in BREATH_PATTERN
    ] * rt.settings.breathe_cycles


async def run_breathing(
    rt: Runtime, bot: Bot, job: BreathJob, steps: list[tuple[str, float]]
) -> None:
    """Pace one message through in 4 / hold 4 / out 6, round after round, then ask how it is.

    Runs as a background task so the chat's other updates are not held up; one edit per
    phase (BREATHE_SECONDS is 1 or more in production, within Telegram's limits). The
    application cancels it when it stops: the question at the end is kept in the store
    (`urges.start_breathing`) and the check-in job asks it instead.
    """
    content = rt.content
    try:
        first, pause = steps[0]
        message = await with_retries(partial(bot.send_message, job.chat_id, first))
        edit = partial(bot.edit_message_text, chat_id=job.chat_id, message_id=message.message_id)
        for text, length in [*steps[1:], (None, 0.0)]:
            await asyncio.sleep(pause)
            if cut := await _cut_short(rt, job):
                # Words of crisis came in while breathing, or an answer was typed: the
                # exercise stops quietly, and never ends with "how is the urge now?" under
                # "are you safe?" or under the same question already asked
                await with_retries(partial(edit, content.text(cut)))
                return
            if text is not None:
                await with_retries(partial(edit, text))
            pause = length
        async with rt.db.session() as session:
            mine = await urges.finish_breathing(session=session, urge_id=job.urge_id, due=job.due)
            urge = await urges.get(session=session, user_id=job.user_id, urge_id=job.urge_id)
        current = (
            mine and urge is not None and urges.is_open(urge) and urges.round_of(urge) == job.round
        )
        markup = outcome_markup(content, checkin_nonce(urge)) if current and urge else None
        await with_retries(partial(edit, content.text("urge.breathe_done"), reply_markup=markup))
    except TelegramError as exc:
        logger.info("breathing exercise stopped: %s", type(exc).__name__)


async def _cut_short(rt: Runtime, job: BreathJob) -> str | None:
    """Why the exercise stops before its end (the text its message becomes), or None."""
    _, convo = await peek(rt, job.user_id)
    if convo.find(SAFETY_TALK) is not None:
        return "urge.breathe_stopped"
    frame = convo.find(NAME)
    if frame is None or frame.step != BREATHING or UrgeData.of(frame).urge_id != job.urge_id:
        return "urge.breathe_left"  # an answer typed meanwhile moved the flow on
    return None


def _pull_again(text: str) -> bool:
    """The urge said again, as strong ("still want to", "i really want to text him")."""
    return urges.outcome_from_text(text) == urges.STILL_STRONG or detect_urge(text)


_NIGHT = re.compile(r"\b(?:night|nite|nyt|gn|goodnight|sleep|bed|tired)\b")


def _leaving(frame: Frame, text: str) -> bool:
    """A goodbye typed at a question of the flow ("ok thanks. night", "bye for now"), not
    their own plan for the urge ("im gonna go to sleep" at the tools is one)."""
    return (
        frame.step in (STRENGTH, TRIGGER, WAIT_LEN)
        and classify_smalltalk(text) == "bye"
        and not urges.own_plan(text)
    )


def accepts(turn: Turn, frame: Frame, text: str) -> bool:
    """Typed text the current step can take as its answer."""
    if _leaving(frame, text):
        return True
    if frame.step in _ENDS_EARLY_AT and urges.outcome_from_text(text) in _ENDS_AT_TOOLS:
        return True
    if frame.step in (TRIGGER, TOOLS, WAIT_LEN) and urges.about_to_send(text):
        return True  # "im doing it": answered in the flow (answer_text)
    if frame.step in (STRENGTH, TRIGGER, TOOLS, WAIT_LEN) and urges.drafted(text):
        # "i have the message typed out already" (a session-34 chat, at 9 of 10, got a topic
        # menu): don't send it, answered in the flow (answer_text)
        return True
    if frame.step == STRENGTH:
        return (
            urges.about_to_send(text)  # "im doing it": don't send, first (answer_text)
            or urges.parse_strength(text) is not None
            or is_skip(text)
            or urges.unsure_of_tool(text)
            or urges.trigger_from_text(text) != "other"  # a cause told first
        )
    if frame.step == WRITE_CHOICE:
        return urges.outcome_from_text(text) in _ENDS_AT_TOOLS
    if frame.step in (TOOLS, OUTCOME) and UrgeData.of(frame).own_plan and urges.back_again(text):
        return True  # "ok im back" from the walk they chose
    if frame.step == TOOLS:
        return (
            urges.own_plan(text)  # "i'll go for a walk": their plan is the tool
            or urges.tool_from_text(text) is not None
            or urges.unsure_of_tool(text)
            or urges.outcome_from_text(text) in _ENDS_AT_TOOLS
        )
    if frame.step == TRIGGER:
        # a cause, or their own plan ("im gonna go to sleep": theirs, not a goodnight), or the
        # pull said again ("still want to": a helper's chat, session 37, left the flow)
        return (
            urges.trigger_from_text(text) != "other"
            or urges.own_plan(text)
            or _pull_again(text)
        )
    if frame.step == BREATHING and (urges.said_aside(text) or urges.wants_to_stop(text)):
        return True  # "thanks i guess" while the line counts: the counting stops, how is it
    if frame.step in OUTCOME_STEPS:
        return urges.outcome_from_text(text) is not None or (
            frame.step == OUTCOME and urges.tool_from_text(text) is not None
        )
    return False


FLOW = Flow(
    name=NAME,
    title_key="urge.flow_names.urge",
    steps=Step,
    reads={
        STRENGTH: Reads.PARSED,
        TRIGGER: Reads.PARSED,
        TOOLS: Reads.BUTTONS,
        WAIT_LEN: Reads.BUTTONS,
        WAITING: Reads.BUTTONS,
        BREATHING: Reads.BUTTONS,
        REASON_ADD: Reads.ANSWER,
        WRITE: Reads.ANSWER,
        WRITE_CHOICE: Reads.BUTTONS,
        TAPE: Reads.ANSWER,
        OUTCOME: Reads.BUTTONS,
    },
    ask=ask,
    accepts=accepts,
    on_text=answer_text,
    on_button=on_button,
    on_other_button=on_other_button,
    on_stale=on_stale,
    on_cancel=cancel_hook,
    cancel_key="urge.cancelled",
    data=UrgeData,
    idle_after=timedelta(hours=2),
    # Wanting to text them is what this flow is about: it never sends the person elsewhere.
    urge_is_answer_at=frozenset(Step),
    holds_at=frozenset({WRITE, TAPE}),
)
