"""Typed text and flow buttons reach the flow they belong to; text that is not an answer is let go.

The rule (see flow.py for how each step reads text):
1. A crisis is answered first, by the safety check in handler group -1, from any state.
2. The flow on top of the stack reads the text, unless it has been idle longer than its idle
   time: then it ends quietly (or, for onboarding, sleeps until /start) and the text is free text.
3. Text that is clearly something else and is not an answer the step can take is answered as
   what it is, with a button to go back to the flow's question; a menu simply ends instead.
   Clearly something else: an urge, a question the FAQ answers, a feeling, small talk that
   says something, a clear request for something else, and (where the step parses dates,
   times, places or yes/no) a question of three words or more or a message of seven words
   or more. A short miss ("london" at a date, "what?") gets the step's own reply; a bare "ok"
   or "hi" where the step parses gets its question again.
4. A command ends a menu left open (bot/conversation/turn.py); "stop", "cancel" or
   "nevermind" typed stops the flow as /cancel does (not where every text is the answer).
"""

from __future__ import annotations

import logging
import re
import unicodedata

from telegram import Update

from bot.conversation import resume
from bot.conversation.codec import unpack
from bot.conversation.context import BotContext
from bot.conversation.flow import Flow, Idle, Reads
from bot.conversation.frames import Frame
from bot.conversation.turn import Turn, open_turn
from bot.services.corrections import is_cancel
from bot.services.crisis import mentions_harm, strong_by_words_alone
from bot.services.language import unparsed_language
from bot.services.reading import Reading, command_word, is_urge, pause_for, read_text

logger = logging.getLogger(__name__)

_PROMPT_NONCE = re.compile(r"^[0-9a-f]{6}$")
# Words from which text a step cannot take is read as telling something, not a wrong answer.
_TELLING_WORDS = 7
_QUESTION = re.compile(
    r"\?|^\s*(?:how|what|why|when|where|who|which|should|can|could|do|does|did|is|are|will|"
    r"would|am)\b",
    re.IGNORECASE,
)


def looks_empty(text: str) -> bool:
    """Nothing visible: only spaces, zero-width and other format or control characters."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text)


async def active_frame(turn: Turn) -> tuple[Frame, Flow] | None:
    """The frame that reads typed text now, after ending the flows that waited too long."""
    while (frame := turn.convo.top) is not None:
        flow = turn.flows.get(frame.flow)
        if flow is None:  # a frame that takes only its buttons (the delete confirmation)
            return None
        if not flow.is_idle(frame, turn.now):
            return frame, flow
        if flow.idle is Idle.SLEEP:
            return None
        await flow.on_cancel(turn, frame)
        turn.convo.pop(frame.flow)
    return None


# A question of the bot's, asked at a step that could read a date or a time in it
_ASKED_OF_THE_BOT = re.compile(
    r"^\s*(?:do i|does it|did i|how (?:long|do i|can i|many)|should i|can i|will (?:i|he|she|it"
    r"|they)|would (?:i|he|she|they)|is it|are (?:we|they))\b[^?]*\?\s*$",
    re.I,
)


def lets_go(flow: Flow, frame: Frame, reading: Reading, accepts: bool) -> bool:
    """Whether typed text at `frame`'s step is something else rather than its answer."""
    if frame.step in flow.holds_at:
        return False
    if (
        reading.harm == "strong"
        and reading.smalltalk == "confused"
        and flow.reads_at(frame.step) is Reads.PARSED
        and strong_by_words_alone(reading.text)
    ):
        # "I'm sorry I don't understand what you want me to do" at the start date, that only
        # the word model took for harm (a session-31 chat: the safety check, and set-up lost):
        # the step's own question, put simply
        return False
    if reading.harm == "strong":
        # "i dont know if ill still be here in 30 days" is asked about at any step, even where
        # the step could read it ("i dont know" at the start date, "in 30 days" as a date).
        return frame.step not in flow.harm_is_answer_at
    if reading.urge:  # wanting to text them: the urge flow's, unless this step is about that
        return frame.step not in flow.urge_is_answer_at
    if flow.reads_at(frame.step) is Reads.ANSWER:
        # A question the step answers itself ("why do you need that?") stays with it
        return not accepts and reading.match.answered and bool(_QUESTION.search(reading.text))
    if accepts and _ASKED_OF_THE_BOT.match(reading.text) and reading.match.kind != "none":
        # "do i have to do 30 days?" at the start date (a helper's chat, session 36: read as
        # 30 days ago, "today is Day 31"): a question about No Contact, asked of the bot
        return True
    if accepts:
        return False
    # Small talk that says something ("thanks", "who are you", "i love you") leaves; a bare
    # "hi" or "ok" gets the step's question again. A question the step cannot take ("is it
    # normal to feel relieved" at a date) is asked of the bot, not answered to it, but "what?"
    # is about the step's own question. A long message it cannot take is someone telling
    # something ("i saw him today at the gym and he ignored me"), not a date typed wrong.
    words = len(reading.text.split())
    return (
        reading.wants_its_own_reply
        or reading.declined
        or (reading.asks and words >= 3)
        or words >= _TELLING_WORDS
        # "what?" ("confused") is about the step's own question, asked again by the step
        or (
            reading.smalltalk not in (None, "greeting", "ok", "confused")
            and not (reading.smalltalk == "thanks" and frame.step in flow.thanks_stays_at)
        )
        or (
            frame.step in flow.talk_at
            and words >= 3
            and not any(ch.isdigit() for ch in reading.text)
            and unparsed_language(reading.text) is None  # the step says "English for now"
        )
    )


def _parsed_despite_the_model(flow: Flow, frame: Frame, text: str) -> bool:
    """A time or a date the step reads, that only the word model takes for harm ("can it be
    after the kids are asleep like 21:30" at /time: a helper's chat got "are you safe?" and
    the time was never set): the answer, taken. Words of harm the net knows still let go."""
    return flow.reads_at(frame.step) is Reads.PARSED and strong_by_words_alone(text)


def urge_lets_go(flow: Flow, frame: Frame, text: str) -> bool:
    """Whether `text` is an urge that takes the person away from `frame`'s step: what
    lets_go decides first for text the step takes (read alone, without the whole reading)."""
    return frame.step not in flow.urge_is_answer_at and is_urge(text)


def says_nothing(flow: Flow, frame: Frame, reading: Reading, accepts: bool) -> bool:
    """A bare "ok" or "hi" where the step wants something it parses (a date, a place, a
    time): the step's question again, not "I couldn't read 'ok' as a date"."""
    return (
        not accepts
        and flow.reads_at(frame.step) is Reads.PARSED
        and frame.step not in flow.holds_at
        and reading.smalltalk in ("greeting", "ok")
    )


async def on_text(update: Update, context: BotContext) -> None:
    """Route a typed message to the current flow, or answer it as what it is."""
    message = update.effective_message
    # NUL never reaches a user's screen, and PostgreSQL cannot store it in text.
    text = (message.text or "").replace("\x00", "") if message else ""
    async with open_turn(update, context) as turn:
        await route(turn, text)


async def route(turn: Turn, text: str) -> None:
    """Give `text` to the flow that reads typed text now, or answer it as what it is (also
    for a flow that hands a message on: the safety talk, once settled)."""
    if looks_empty(text):
        turn.say(turn.t("core.empty_text"))
        return
    text = text.strip()
    active = await active_frame(turn)
    if active is None:
        if not await turn.flows.first_look(turn, text):  # a panic attack: grounding at once
            await turn.flows.free_text(turn, read_text(text, turn.rt.matcher))
        return
    frame, flow = active
    if flow.keeps_everything or frame.step in flow.holds_at:
        # Every text is its answer (see lets_go): the reading would change nothing.
        await flow.on_text(turn, frame, text)
        return
    if await turn.flows.first_look(turn, text):
        await back_to(turn, frame, flow)
        return
    if is_cancel(text):
        await resume.cancel_top(turn)  # "stop", "nevermind": as /cancel
        return
    if turn.user.onboarded and (command_word(text) is not None or pause_for(text) is not None):
        # "pause for a week" while a start date waits to be confirmed: the command, not a date
        # ("a week" ago) proposed in its place (seventh probe)
        await let_go(turn, frame, flow, read_text(text, turn.rt.matcher))
        return
    # Cheap checks first: text the step takes (a date at "when did it start?") lets go
    # only for an urge or words of harm, so the rest of the reading (the FAQ match above all)
    # is skipped.
    accepts = flow.accepts(turn, frame, text)
    if (
        accepts
        and flow.reads_at(frame.step) is not Reads.ANSWER
        and not urge_lets_go(flow, frame, text)
        and (mentions_harm(text) != "strong" or _parsed_despite_the_model(flow, frame, text))
        and not _ASKED_OF_THE_BOT.match(text)  # read whole below: maybe a question of ours
    ):
        await flow.on_text(turn, frame, text)
        return
    reading = read_text(text, turn.rt.matcher)
    if not lets_go(flow, frame, reading, accepts):
        if says_nothing(flow, frame, reading, accepts):
            flow.ask(turn, frame)
            return
        await flow.on_text(turn, frame, text)
        return
    await let_go(turn, frame, flow, reading)


async def let_go(turn: Turn, frame: Frame, flow: Flow, reading: Reading) -> None:
    """Answer `reading` as what it is; offer the way back to the flow, or end a menu."""
    logger.debug("flow %s let go of a message at step %s", flow.name, frame.step)
    await turn.flows.free_text(turn, reading)
    await back_to(turn, frame, flow)


async def back_to(turn: Turn, frame: Frame, flow: Flow) -> None:
    """After a detour from `frame`'s question: offer the way back to it, or end a menu."""
    if flow.ends_on_detour and not flow.waits(frame):
        await flow.on_cancel(turn, frame)
        turn.convo.pop(flow.name)
        return
    if turn.convo.top is frame:  # the answer did not start another flow on top
        turn.convo.keep_alive(frame)  # its prompt's buttons still work after the detour
        resume.add_back_button(turn, frame, flow)


async def on_flow_button(update: Update, context: BotContext) -> None:
    """A button of a registered flow: its current prompt's, or one of its own kinds."""
    query = update.callback_query
    button = unpack(query.data if query else None)
    async with open_turn(update, context) as turn:
        flow = turn.flows.get(button.flow) if button else None
        if button is None or flow is None:
            turn.toast(turn.t("core.stale_button"))
            return
        if not _PROMPT_NONCE.match(button.nonce):
            if flow.on_other_button is None:
                turn.toast(turn.t("core.stale_button"))
                return
            await flow.on_other_button(turn, button)
            return
        frame = turn.convo.find(flow.name)
        if frame is None or frame.nonce != button.nonce:
            await flow.on_stale(turn, frame)
            return
        await flow.on_button(turn, frame, button)


def button_flows_pattern(names: list[str]) -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(re.escape(n) for n in names) + "):")
