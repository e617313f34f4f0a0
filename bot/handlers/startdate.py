"""Correcting the start date after set-up: from /settings or typed ("it was actually last
sunday"). The current attempt moves; earlier attempts, streaks and history stay consistent."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from bot.conversation.codec import Button
from bot.conversation.flow import Flow, FrameData, Reads
from bot.conversation.frames import Frame
from bot.conversation.keyboards import inline
from bot.conversation.resume import end_flow
from bot.conversation.turn import Turn
from bot.services import journey
from bot.services.dates import DateParseError, parse_start_date
from bot.services.progress import day_number
from bot.services.yesno import yes_or_no
from bot.views.dates import long_date

NAME = "redate"


class Step(StrEnum):
    ASK = "ask"
    CONFIRM = "confirm"


class RedateData(FrameData):
    start: date | None = None


def begin(turn: Turn, start: date | None = None) -> None:
    """Ask for the right date, or (when it was already said) confirm it."""
    if not turn.user.onboarded:
        turn.say(turn.t("startdate.not_started"))
        return
    frame = turn.convo.push(NAME, Step.ASK)
    if start is None:
        ask(turn, frame)
        return
    _confirm(turn, frame, start)


def ask(turn: Turn, frame: Frame) -> None:
    data = RedateData.of(frame)
    if frame.step == Step.CONFIRM and data.start is not None:
        _confirm(turn, frame, data.start)
        return
    turn.say(turn.t("startdate.ask"))


def _confirm(turn: Turn, frame: Frame, start: date) -> None:
    if start > turn.today:
        turn.say(turn.t("startdate.future"))
        return
    turn.convo.goto(frame, Step.CONFIRM)
    RedateData(start=start).into(frame)
    turn.say(
        turn.t("startdate.confirm", date=long_date(start), day=day_number(start, turn.today)),
        inline(
            [
                [(turn.label("startdate.btn_yes"), FLOW.button(frame, "yes"))],
                [(turn.label("startdate.btn_no"), FLOW.button(frame, "no"))],
            ]
        ),
    )


def accepts(turn: Turn, frame: Frame, text: str) -> bool:
    if frame.step == Step.CONFIRM:
        return yes_or_no(text) is not None or journey.date_in(text, turn.today) is not None
    return journey.date_in(text, turn.today) is not None


async def on_text(turn: Turn, frame: Frame, text: str) -> None:
    """A typed date (or, at the confirmation, a yes, a no, or another date)."""
    if frame.step == Step.CONFIRM:
        answer = yes_or_no(text)
        if answer is not None:
            await _decide(turn, frame, answer)
            return
    try:
        start = parse_start_date(text, today=turn.today)
    except DateParseError as exc:
        found = journey.date_in(text, turn.today)
        if found is None:
            turn.say(turn.t(f"onboarding.date_{exc.code}", text=text[:60]))
            return
        start = found
    _confirm(turn, frame, start)


async def on_button(turn: Turn, frame: Frame, pressed: Button) -> None:
    if frame.step == Step.CONFIRM and pressed.action in ("yes", "no"):
        await _decide(turn, frame, pressed.action == "yes")
    else:
        turn.toast(turn.t("core.stale_button"))


async def _decide(turn: Turn, frame: Frame, change: bool) -> None:
    start = RedateData.of(frame).start
    if not change or start is None:
        turn.say(turn.t("startdate.kept"))
        end_flow(turn, NAME)
        return
    try:
        await journey.correct_start(
            session=turn.session, user_id=turn.user.id, start=start, today=turn.today
        )
    except journey.StartRefused as refused:
        earliest = long_date(refused.earliest) if refused.earliest else ""
        turn.say(turn.t(f"startdate.{refused.code}", date=earliest))
        turn.convo.goto(frame, Step.ASK)
        return
    turn.say(turn.t("startdate.changed", date=long_date(start), day=day_number(start, turn.today)))
    end_flow(turn, NAME)


FLOW = Flow(
    name=NAME,
    title_key="startdate.title",
    steps=Step,
    reads={Step.ASK: Reads.PARSED, Step.CONFIRM: Reads.PARSED},
    ask=ask,
    accepts=accepts,
    on_text=on_text,
    on_button=on_button,
    data=RedateData,
    idle_after=timedelta(minutes=30),
    confirms_at=frozenset({Step.CONFIRM}),
)
