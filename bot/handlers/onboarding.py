"""Onboarding (/start): start date, time zone, daily hour, a first reason. Also /time, /timezone.

The steps of the "ob" flow are named constants; the state lives in the database (see
services.conversation), so a restart resumes at the same question.
"""

from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.ext import ContextTypes

from bot.handlers.common import Turn, callback_data, inline, open_turn, parse_callback
from bot.handlers.daily import describe_next
from bot.handlers.progress import render_status
from bot.services import daily, journey
from bot.services.clocktime import TimeParseError, parse_clock_time
from bot.services.conversation import Frame
from bot.services.dates import DateParseError, parse_start_date
from bot.services.hedges import hedge_of
from bot.services.progress import day_number
from bot.services.timezones import (
    TzCandidate,
    resolve_timezone,
    timezone_from_location,
    utc_offset_label,
)
from bot.store import reasons as reason_store
from bot.store import users as user_store

FLOW = "ob"
# Steps, in order. DATE_TYPED waits for a typed date after "Another day".
DATE, DATE_TYPED, TZ, TZ_PICK, TIME, REASON = (
    "date", "date_typed", "tz", "tz_pick", "time", "reason",
)
# "single" frames change one setting (/time, /timezone) and end; "full" ones are onboarding.
MODE_FULL, MODE_SINGLE = "full", "single"
TIME_CHOICES = ("08:00", "09:00", "12:00", "18:00", "21:00", "22:00")
REASON_MAX_CHARS = 300


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome a newcomer, resume an unfinished set-up, or show a returning user where they are."""
    async with open_turn(update, context) as turn:
        frame = turn.convo.find(FLOW)
        if turn.user.onboarded and (frame is None or frame.data.get("mode") != MODE_FULL):
            turn.say(turn.t("onboarding.welcome_back"))
            await render_status(turn)
            return
        if frame is not None:
            turn.say(turn.t("onboarding.resume"))
            ask(turn, frame)
            return
        turn.say(turn.t("onboarding.welcome"))
        turn.say(turn.t("onboarding.what_is_nc"))
        ask(turn, turn.convo.push(FLOW, DATE, mode=MODE_FULL))


async def change_time(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for a new daily message time."""
    await _single(update, context, TIME)


async def change_timezone(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for a new time zone."""
    await _single(update, context, TZ)


async def _single(update: Update, context: ContextTypes.DEFAULT_TYPE, step: str) -> None:
    async with open_turn(update, context) as turn:
        if not turn.user.onboarded:
            turn.say(turn.t("onboarding.finish_first"))
            frame = turn.convo.find(FLOW)
            if frame is None:
                frame = turn.convo.push(FLOW, DATE, mode=MODE_FULL)
            ask(turn, frame)
            return
        args = context.args or []
        frame = turn.convo.push(FLOW, step, mode=MODE_SINGLE)
        if args:
            await answer_text(turn, frame, " ".join(args))
        else:
            ask(turn, frame)


def ask(turn: Turn, frame: Frame) -> None:
    """Send the question of the frame's current step."""
    if frame.step == DATE:
        turn.say(
            turn.t("onboarding.ask_date"),
            inline(
                [
                    [
                        (turn.label("onboarding.btn_today"), callback_data(frame, "d", "0")),
                        (turn.label("onboarding.btn_yesterday"), callback_data(frame, "d", "1")),
                    ],
                    [(turn.label("onboarding.btn_other_day"), callback_data(frame, "other"))],
                ]
            ),
        )
    elif frame.step == DATE_TYPED:
        turn.say(turn.t("onboarding.ask_date_typed"))
    elif frame.step == TZ:
        turn.say(
            turn.t("onboarding.ask_tz"),
            ReplyKeyboardMarkup(
                [[KeyboardButton(turn.label("onboarding.btn_location"), request_location=True)]],
                resize_keyboard=True,
                one_time_keyboard=True,
                input_field_placeholder=turn.label("onboarding.tz_placeholder"),
            ),
        )
    elif frame.step == TZ_PICK:
        labels = [str(c["label"]) for c in frame.data.get("candidates", [])]
        rows = [[(label, callback_data(frame, "tz", str(i)))] for i, label in enumerate(labels)]
        rows.append([(turn.label("onboarding.btn_none_of_these"), callback_data(frame, "tzno"))])
        turn.say(turn.t("onboarding.ask_tz_pick"), inline(rows))
    elif frame.step == TIME:
        buttons = [(t, callback_data(frame, "t", t.replace(":", ""))) for t in TIME_CHOICES]
        turn.say(turn.t("onboarding.ask_time"), inline([buttons[:3], buttons[3:]]))
    elif frame.step == REASON:
        turn.say(
            turn.t("onboarding.ask_reason"),
            inline([[(turn.label("onboarding.btn_skip"), callback_data(frame, "skip"))]]),
        )


async def answer_text(turn: Turn, frame: Frame, text: str) -> None:
    """Take a typed answer to the frame's current question."""
    if frame.step in (DATE, DATE_TYPED):
        await _take_date(turn, frame, text)
    elif frame.step in (TZ, TZ_PICK):
        candidates = resolve_timezone(text)
        if not candidates:
            hedge = hedge_of(text)
            turn.say(turn.t(f"onboarding.tz_{hedge}") if hedge
                     else turn.t("onboarding.tz_unknown", text=text[:60]))
        elif len(candidates) == 1:
            await _take_zone(turn, frame, candidates[0].zone)
        else:
            turn.convo.goto(frame, TZ_PICK, candidates=[_cand(c) for c in candidates])
            ask(turn, frame)
    elif frame.step == TIME:
        try:
            await _take_time(turn, frame, parse_clock_time(text))
        except TimeParseError as exc:
            hedge = hedge_of(text) if exc.code == "unrecognised" else None
            turn.say(turn.t(f"onboarding.time_{hedge}") if hedge
                     else turn.t(f"onboarding.time_{exc.code}", text=text[:40]))
    elif frame.step == REASON:
        await _take_reason(turn, frame, text)


async def answer_location(turn: Turn, frame: Frame, latitude: float, longitude: float) -> None:
    """Take a shared location as the answer to the time-zone question."""
    zone = timezone_from_location(latitude, longitude)
    if zone is None:
        turn.say(turn.t("onboarding.tz_location_failed"))
        return
    await _take_zone(turn, frame, zone)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Handle a press on one of onboarding's buttons."""
    pressed = parse_callback(update.callback_query.data if update.callback_query else None)
    async with open_turn(update, context) as turn:
        frame = turn.convo.find(FLOW)
        if pressed is None or frame is None or pressed.nonce != frame.nonce:
            stale(turn, frame)
            return
        if pressed.action == "d" and frame.step == DATE and pressed.arg in ("0", "1"):
            await _take_date(turn, frame, "today" if pressed.arg == "0" else "yesterday")
        elif pressed.action == "other" and frame.step == DATE:
            turn.convo.goto(frame, DATE_TYPED)
            ask(turn, frame)
        elif pressed.action == "tz" and frame.step == TZ_PICK:
            candidates = frame.data.get("candidates", [])
            index = int(pressed.arg) if pressed.arg.isdigit() else -1
            if not 0 <= index < len(candidates):
                stale(turn, frame)
                return
            await _take_zone(turn, frame, str(candidates[index]["zone"]))
        elif pressed.action == "tzno" and frame.step == TZ_PICK:
            turn.convo.goto(frame, TZ)
            turn.say(turn.t("onboarding.tz_try_again"))
        elif pressed.action == "t" and frame.step == TIME and pressed.arg.isdigit():
            hhmm = pressed.arg.zfill(4)
            hour, minute = int(hhmm[:2]), int(hhmm[2:])
            if hour > 23 or minute > 59:
                stale(turn, frame)
                return
            await _take_time(turn, frame, time(hour, minute))
        elif pressed.action == "skip" and frame.step == REASON:
            await _finish(turn, frame)
        else:
            stale(turn, frame)


def stale(turn: Turn, frame: Frame | None) -> None:
    """An old or forged button: say so kindly and repeat the current question."""
    turn.toast(turn.t("core.stale_button"))
    if frame is not None:
        turn.convo.touch(frame)
        ask(turn, frame)


async def _take_date(turn: Turn, frame: Frame, raw: str) -> None:
    today = journey.provisional_today(turn.now, turn.user.tz)
    try:
        parse_start_date(raw, today=today)
    except DateParseError as exc:
        turn.say(turn.t(f"onboarding.date_{exc.code}", text=raw[:60]))
        if frame.step != DATE_TYPED:
            turn.convo.goto(frame, DATE_TYPED)
        return
    frame.data["date_raw"] = raw[:100]
    turn.say(turn.t("onboarding.date_ok"))
    if turn.user.tz and frame.data.get("mode") == MODE_FULL:
        turn.convo.goto(frame, TIME if turn.user.daily_time is None else REASON)
    else:
        turn.convo.goto(frame, TZ)
    ask(turn, frame)


async def _take_zone(turn: Turn, frame: Frame, zone: str) -> None:
    await user_store.update_user(session=turn.session, user=turn.user, now=turn.now, tz=zone)
    local = turn.now.astimezone(ZoneInfo(zone))
    turn.say(
        turn.t(
            "onboarding.tz_ok",
            zone=zone.replace("_", " "),
            offset=utc_offset_label(zone, turn.now),
            local_time=local.strftime("%H:%M"),
        ),
        ReplyKeyboardRemove(),
    )
    if frame.data.get("mode") == MODE_SINGLE:
        turn.convo.pop(FLOW)
        await _settled(turn)
        return
    turn.convo.goto(frame, TIME, candidates=[])
    ask(turn, frame)


async def _take_time(turn: Turn, frame: Frame, at: time) -> None:
    await user_store.update_user(
        session=turn.session, user=turn.user, now=turn.now, daily_time=at
    )
    turn.say(turn.t("onboarding.time_ok", time=at.strftime("%H:%M")))
    if frame.data.get("mode") == MODE_SINGLE:
        turn.convo.pop(FLOW)
        await _settled(turn)
        return
    turn.convo.goto(frame, REASON)
    ask(turn, frame)


async def _take_reason(turn: Turn, frame: Frame, text: str) -> None:
    reason = " ".join(text.split())
    if len(reason) > REASON_MAX_CHARS:
        turn.say(turn.t("onboarding.reason_too_long", max=REASON_MAX_CHARS))
        return
    if reason:
        await reason_store.add_reason(
            session=turn.session, user_id=turn.user.id, text=reason, now=turn.now
        )
        turn.say(turn.t("onboarding.reason_saved"))
    await _finish(turn, frame)


async def _finish(turn: Turn, frame: Frame) -> None:
    start = journey.resolve_start(str(frame.data.get("date_raw", "today")), turn.today)
    await journey.begin(session=turn.session, user=turn.user, start=start, now=turn.now)
    await daily.refresh_next_daily(session=turn.session, user=turn.user, now=turn.now)
    turn.convo.pop(FLOW)
    time_text = turn.user.daily_time.strftime("%H:%M") if turn.user.daily_time else "—"
    turn.say(turn.t("onboarding.done", day=day_number(start, turn.today), time=time_text))
    turn.say(turn.t("onboarding.done_next"))


async def _settled(turn: Turn) -> None:
    """A setting changed after onboarding: reschedule and say when the next message comes."""
    await daily.refresh_next_daily(session=turn.session, user=turn.user, now=turn.now)
    turn.say(turn.t("daily.time_changed", next=describe_next(turn)))


def _cand(candidate: TzCandidate) -> dict[str, str]:
    return {"zone": candidate.zone, "label": candidate.label}
