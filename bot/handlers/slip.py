"""Slips (/slip, or "I contacted them" in the urge flow) and /history.

No shame: confirm the restart, restart the count today, then an optional note that is kept
on the attempt that just ended.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum

from telegram import Update

from bot.conversation.codec import Button
from bot.conversation.context import BotContext
from bot.conversation.flow import Flow, FrameData, Reads
from bot.conversation.frames import Frame
from bot.conversation.keyboards import inline
from bot.conversation.resume import end_flow
from bot.conversation.turn import Turn, open_turn
from bot.handlers.progress import full_days
from bot.services import journey, slips
from bot.services.hedges import hedge_of
from bot.services.listening import my_fault, self_blame, self_hate
from bot.services.progress import day_number
from bot.services.reading import is_skip
from bot.services.smalltalk import classify_smalltalk
from bot.services.yesno import yes_or_no
from bot.views.dates import long_date

NAME = "slip"
NOTE_SHOWN_CHARS = 120


# Puzzled at the restart question, in a few words
_PUZZLED = re.compile(
    r"^\W*(?:wait\W*)?(?:what|huh|wdym|what do you mean|what does (?:that|this) mean|i do ?n.?t"
    r" get it|confused|im confused|i am confused|which one|what happens)\W*$",
    re.IGNORECASE,
)


class Step(StrEnum):
    CONFIRM = "confirm"
    NOTE = "note"


class SlipData(FrameData):
    ended: int = 0  # the attempt that just ended, which the note is kept on
    # A second slip told the same day: nothing was restarted by it, so "undo" must not take
    # back the first one (a helper's chat: the real slip and its notes were erased)
    again: bool = False


async def start(update: Update, context: BotContext) -> None:
    """Meet a slip without shame and offer to restart the count today."""
    async with open_turn(update, context) as turn:
        turn.say(turn.t("slip.slip_intro"))
        begin(turn)


def begin(turn: Turn) -> None:
    """Ask to confirm the restart (the urge flow says its own words first)."""
    if not turn.user.onboarded:
        turn.say(turn.t("slip.not_started"))
        return
    ask(turn, turn.convo.push(NAME, Step.CONFIRM))


def ask(turn: Turn, frame: Frame) -> None:
    if frame.step == Step.NOTE:
        rows = [[(turn.label("slip.skip_label"), FLOW.button(frame, "skip"))]]
        if not SlipData.of(frame).again:
            rows.append([(turn.label("slip.undo_label"), FLOW.button(frame, "undo"))])
        turn.say(turn.t("slip.ask_note"), inline(rows))
        return
    turn.say(
        turn.t("slip.confirm_slip"),
        inline(
            [
                [(turn.label("slip.confirm_labels.restart"), FLOW.button(frame, "restart"))],
                [(turn.label("slip.confirm_labels.keep"), FLOW.button(frame, "keep"))],
            ]
        ),
    )


async def answer_text(turn: Turn, frame: Frame, text: str) -> None:
    """A typed yes/no to the restart question, or a typed note after the restart."""
    if slips.takes_back_a_slip(text):
        # "wait no i didnt actually send it" before the restart keeps the count; "i pressed
        # that by accident" after it takes the restart back
        if frame.step == Step.CONFIRM:
            turn.say(turn.t("slip.slip_cancelled"))
            end_flow(turn, NAME)
        elif SlipData.of(frame).again:
            turn.say(turn.t("slip.undo_second"))  # the earlier slip today stays as told
            end_flow(turn, NAME)
        elif not await undo(turn):
            turn.say(turn.t("slip.undo_none"))
            end_flow(turn, NAME)
        return
    if frame.step == Step.CONFIRM:
        answer = yes_or_no(text)
        if answer is True:
            await _restart(turn, frame)
            return
        if answer is False:
            turn.say(turn.t("slip.slip_cancelled"))
            end_flow(turn, NAME)
            return
        if (day := _slip_day(turn, text)) is not None:
            # "yesterday", "last night": when it happened; the count restarts from that day
            # (a helper's terminal chat: "Tap one of the buttons below")
            await _restart(turn, frame, on=day)
            return
        if slips.fears_days_lost(text):
            # "so 14 days just gone?? thats so unfair" (a session-32 chat: a topic menu): the
            # days stay, said plainly, and the choice again
            turn.say(turn.fresh("slip.days_not_lost"))
            ask(turn, frame)
            return
        if hedge_of(text) is not None or _PUZZLED.search(text):
            # "wait what", "what does that mean", "do i start over at day 1??" (a session-29
            # chat: "Tap one of the buttons below"): what each choice does, the buttons again
            turn.say(turn.t("slip.confirm_explained"))
            ask(turn, frame)
            return
    if frame.step != Step.NOTE:
        turn.say(turn.t("slip.use_buttons"))
        ask(turn, frame)
        return
    if is_skip(text) or classify_smalltalk(text) in ("bye", "thanks", "ok", "greeting"):
        # "skip", "no", "not now" typed at the optional note: skipped, never kept as the note;
        # nor "goodnight" or "thanks" (a session-32 chat: "goodnight" kept as the note)
        turn.say(turn.t("slip.note_skipped"))
        end_flow(turn, NAME)
        return
    if slips.reply_live(text):
        # "he saw it. he's typing" at the note (a session-31 chat: "Saved, just for you. Put
        # the kettle on"): the moment met, nothing kept
        turn.say(turn.fresh("slip.reply_live"))
        end_flow(turn, NAME)
        return
    if self_hate(text) or self_blame(text) or my_fault(text):
        # "i hate myself for this" at the note (a session-29 chat: "Saved, just for you"):
        # answered, never kept to be read back
        turn.say(turn.t("slip.note_is_self_blame"))
        end_flow(turn, NAME)
        return
    note = slips.clean_note(text)
    if len(note) > slips.MAX_NOTE_CHARS:
        turn.say(turn.t("slip.note_too_long", max=slips.MAX_NOTE_CHARS))
        return
    saved = bool(note) and await slips.add_note(
        session=turn.session,
        user_id=turn.user.id,
        attempt_id=SlipData.of(frame).ended,
        note=note,
    )
    turn.say(turn.t("slip.note_saved" if saved else "slip.note_skipped"))
    end_flow(turn, NAME)


async def on_button(turn: Turn, frame: Frame, pressed: Button) -> None:
    """Restart, keep the count, or skip the note."""
    if frame.step == Step.CONFIRM and pressed.action == "restart":
        await _restart(turn, frame)
    elif frame.step == Step.CONFIRM and pressed.action == "keep":
        turn.say(turn.t("slip.slip_cancelled"))
        end_flow(turn, NAME)
    elif frame.step == Step.NOTE and pressed.action == "skip":
        turn.say(turn.t("slip.note_skipped"))
        end_flow(turn, NAME)
    elif frame.step == Step.NOTE and pressed.action == "undo" and SlipData.of(frame).again:
        turn.say(turn.t("slip.undo_second"))  # a stale Undo under a second slip of the day
        end_flow(turn, NAME)
    elif frame.step == Step.NOTE and pressed.action == "undo":
        if not await undo(turn):
            turn.say(turn.t("slip.undo_none"))
            end_flow(turn, NAME)
    else:
        turn.toast(turn.t("core.stale_button"))


def _slip_day(turn: Turn, text: str) -> date | None:
    """The day a slip happened, typed at "restart your count?" ("yesterday", "last night"):
    a day before today ("not now" is no day, and today's slip is the plain yes)."""
    day = journey.date_in(text, turn.today)
    return day if day is not None and day < turn.today else None


async def _restart(turn: Turn, frame: Frame, on: date | None = None) -> None:
    done = await slips.restart(
        session=turn.session, user_id=turn.user.id, today=turn.today, now=turn.now, on=on
    )
    if done is None:
        turn.say(turn.t("slip.not_started"))
        end_flow(turn, NAME)
        return
    if done.already_today:
        # Already Day 1 today: nothing to reset, and no empty attempt added to the history
        turn.say(turn.t("slip.already_today"))
        if done.ended_attempt_id is None:
            end_flow(turn, NAME)
            return
        turn.convo.goto(frame, Step.NOTE)
        SlipData(ended=done.ended_attempt_id, again=True).into(frame)
        ask(turn, frame)
        return
    start = done.start or turn.today
    since = start < turn.today
    turn.say(
        turn.t(
            "slip.restarted_since" if since else "slip.restarted",
            previous_days=turn.days(done.previous_days),
            longest_days=turn.days(done.longest),
            date=long_date(start),
            day=day_number(start, turn.today),
        )
    )
    turn.convo.goto(frame, Step.NOTE)
    assert done.ended_attempt_id is not None  # a restart always ends an attempt
    SlipData(ended=done.ended_attempt_id).into(frame)
    ask(turn, frame)


async def undo(turn: Turn) -> bool:
    """Take back today's slip: the count runs on from its start. False (and nothing said)
    when there is no slip from today to take back."""
    start = await slips.undo(
        session=turn.session, user_id=turn.user.id, today=turn.today, now=turn.now
    )
    if start is None:
        return False
    if turn.convo.find(NAME) is not None:
        end_flow(turn, NAME)
    turn.say(turn.t("slip.undone", day=day_number(start, turn.today)))
    return True


async def show_history(update: Update, context: BotContext) -> None:
    """List every attempt with its length, then the totals."""
    async with open_turn(update, context) as turn:
        summary = await slips.history(session=turn.session, user_id=turn.user.id, today=turn.today)
        if not summary.lines:
            turn.say(turn.t("slip.history_empty"))
            return
        lines = [_line(turn, line) for line in summary.lines]
        rec = summary.record
        totals = turn.t(
            "slip.history_totals",
            attempts=turn.count("attempts", rec.attempts),
            longest=full_days(turn, rec.longest),
            total=full_days(turn, rec.total),
        )
        turn.say("\n\n".join((turn.t("slip.history_header"), "\n".join(lines), totals)))


def _line(turn: Turn, line: slips.AttemptLine) -> str:
    start = _date(line.start, turn.today)
    if line.end is None:
        return turn.t(
            "slip.history_current", n=line.number, start=start, days=full_days(turn, line.days)
        )
    end = _date(line.end, turn.today)
    if line.note:
        note = (
            line.note
            if len(line.note) <= NOTE_SHOWN_CHARS
            else (line.note[: NOTE_SHOWN_CHARS - 1] + "…")
        )
        return turn.t(
            "slip.history_line",
            n=line.number,
            start=start,
            end=end,
            days=full_days(turn, line.days),
            reason=note,
        )
    return turn.t(
        "slip.history_line_no_reason",
        n=line.number,
        start=start,
        end=end,
        days=full_days(turn, line.days),
    )


def _date(day: date, today: date) -> str:
    shown = f"{day.day} {day:%b}"
    return shown if day.year == today.year else f"{shown} {day.year}"


def accepts(turn: Turn, frame: Frame, text: str) -> bool:
    """A typed yes or no answers "restart today?", and so does "wait no i didnt actually send
    it" (keep the count), and "so 14 days just gone??" (the days stay)."""
    return frame.step == Step.CONFIRM and (
        yes_or_no(text) is not None
        or slips.takes_back_a_slip(text)
        or slips.fears_days_lost(text)
        or _slip_day(turn, text) is not None
    )


FLOW = Flow(
    name=NAME,
    title_key="urge.flow_names.slip",
    steps=Step,
    reads={Step.CONFIRM: Reads.PARSED, Step.NOTE: Reads.ANSWER},
    ask=ask,
    accepts=accepts,
    on_text=answer_text,
    on_button=on_button,
    data=SlipData,
    idle_after=timedelta(minutes=30),
)
