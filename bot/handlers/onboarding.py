"""Onboarding (/start): start date, time zone, daily hour, a first reason. Also /time, /timezone.

The steps of the "ob" flow are named constants; the state lives in the database (see
services.conversation), so a restart resumes at the same question.
"""

from __future__ import annotations

import re
from datetime import time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update

from bot.conversation import router
from bot.conversation.codec import Button
from bot.conversation.context import BotContext
from bot.conversation.flow import Flow, FrameData, Idle, Reads
from bot.conversation.frames import Frame
from bot.conversation.keyboards import inline
from bot.conversation.turn import Turn, open_turn
from bot.handlers.faq import say_english_only
from bot.handlers.progress import render_status, show_status_in
from bot.handlers.safety import NOT_SAFE_DATA, ask_if_safe
from bot.services import daily, journey, people, reasons
from bot.services.clocktime import (
    TimeParseError,
    clock_times_named,
    find_clock_time,
    half_named,
    only_a_time,
    other_half,
    parse_clock_time,
)
from bot.services.corrections import corrected_answer, cued, is_back
from bot.services.crisis import mentions_harm
from bot.services.dates import (
    DateParseError,
    dated_by_an_event,
    find_start_date,
    parse_start_date,
)
from bot.services.hedges import asks_why, hedge_of, wants_no_messages
from bot.services.language import reply_code, unparsed_language
from bot.services.listening import age_told, frustrated
from bot.services.progress import day_number, local_today
from bot.services.reading import (
    about_the_bot,
    asks_of_you,
    bereaved,
    is_skip,
    no_reason_yet,
    pause_for,
    read_text,
    struggle_kind,
)
from bot.services.slips import told_a_slip
from bot.services.smalltalk import classify_smalltalk
from bot.services.textnorm import normalize
from bot.services.timezones import (
    TzCandidate,
    keeps_zone,
    pick_among,
    resolve_timezone,
    timezone_from_location,
    utc_offset_label,
    zone_name,
)
from bot.services.urges import own_plan
from bot.views.dates import long_date
from bot.views.next_daily import describe_next

NAME = "ob"


class Step(StrEnum):
    DATE = "date"
    DATE_TYPED = "date_typed"  # waits for a typed date after "Another day"
    TZ = "tz"
    TZ_PICK = "tz_pick"
    TIME = "time"
    REASON = "reason"


DATE, DATE_TYPED, TZ, TZ_PICK, TIME, REASON = (
    Step.DATE,
    Step.DATE_TYPED,
    Step.TZ,
    Step.TZ_PICK,
    Step.TIME,
    Step.REASON,
)
# "single" frames change one setting (/time, /timezone) and end; "full" ones are onboarding.
MODE_FULL, MODE_SINGLE = "full", "single"
TIME_CHOICES = ("08:00", "09:00", "12:00", "18:00", "21:00", "22:00")
REASON_MAX_CHARS = 300
_PARSED_STEPS = (DATE, DATE_TYPED, TZ, TZ_PICK, TIME)
# "whenever" or "never" at the daily time: the evening, when it is often hardest
DEFAULT_DAILY = time(21, 0)


class OnboardingData(FrameData):
    mode: str = MODE_FULL
    date_raw: str | None = None  # the start date as typed, resolved when set-up finishes
    candidates: list[dict[str, str]] = []  # time zones offered: {"zone", "label"}
    # The daily time's other half ("21:00" after "9" was read as 09:00), offered in the note:
    # "pm" typed at the reason takes it
    other: str | None = None


async def start(update: Update, context: BotContext) -> None:
    """Welcome a newcomer, resume an unfinished set-up, or show a returning user where they are."""
    async with open_turn(update, context) as turn:
        frame = turn.convo.find(NAME)
        if turn.user.onboarded and (frame is None or OnboardingData.of(frame).mode != MODE_FULL):
            turn.say(turn.t("onboarding.welcome_back"))
            await render_status(turn)
            return
        if frame is not None:
            _resume_with(turn, frame, turn.t("onboarding.resume"))
            return
        turn.say(turn.t("onboarding.welcome"))
        turn.say(turn.t("onboarding.what_is_nc"))
        ask(turn, turn.convo.push(NAME, DATE, mode=MODE_FULL))


async def change_time(update: Update, context: BotContext) -> None:
    """Ask for a new daily message time."""
    await _single(update, context, TIME)


async def change_timezone(update: Update, context: BotContext) -> None:
    """Ask for a new time zone."""
    await _single(update, context, TZ)


async def _single(update: Update, context: BotContext, step: str) -> None:
    async with open_turn(update, context) as turn:
        await ask_single(turn, step, " ".join(context.args or []) or None)


async def ask_single(turn: Turn, step: str, given: str | None = None) -> None:
    """/time or /timezone (or the same asked in words, "change my daily message to 8am"):
    the one question, answered at once when `given` holds the answer."""
    if not turn.user.onboarded:
        turn.say(turn.t("onboarding.finish_first"))
        frame = turn.convo.find(NAME)
        if frame is None:
            frame = turn.convo.push(NAME, DATE, mode=MODE_FULL)
        else:
            _back_on_top(turn, frame)
        ask(turn, frame)
        return
    frame = turn.convo.push(NAME, step, mode=MODE_SINGLE)
    if given:
        await answer_text(turn, frame, given)
    else:
        ask(turn, frame)


def _back_on_top(turn: Turn, frame: Frame) -> None:
    """Set-up's question is asked again: typed answers are its own, not those of a flow
    started above it meanwhile. A menu up there (the reasons list) ends; anything else
    stays below, to come back to."""
    for other in turn.convo.above(frame):
        flow = turn.flows.get(other.flow)
        if flow is not None and flow.ends_on_detour:
            turn.convo.pop(other.flow)
    turn.convo.touch(turn.convo.bring_to_top(frame))  # its idle time starts over


def _resume_with(turn: Turn, frame: Frame, line: str) -> None:
    """`line` (why set-up comes back, or the day it makes), then set-up's question again."""
    turn.say(line)
    _back_on_top(turn, frame)
    ask(turn, frame)


def ask(turn: Turn, frame: Frame) -> None:
    """Send the question of the frame's current step."""
    if frame.step == DATE:
        turn.say(
            turn.t("onboarding.ask_date"),
            inline(
                [
                    [
                        (turn.label("onboarding.btn_today"), FLOW.button(frame, "d", "0")),
                        (turn.label("onboarding.btn_yesterday"), FLOW.button(frame, "d", "1")),
                    ],
                    [(turn.label("onboarding.btn_other_day"), FLOW.button(frame, "other"))],
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
        labels = [c["label"] for c in OnboardingData.of(frame).candidates]
        rows = [[(label, FLOW.button(frame, "tz", str(i)))] for i, label in enumerate(labels)]
        rows.append([(turn.label("onboarding.btn_none_of_these"), FLOW.button(frame, "tzno"))])
        turn.say(turn.t("onboarding.ask_tz_pick"), inline(rows))
    elif frame.step == TIME:
        buttons = [(t, FLOW.button(frame, "t", t.replace(":", ""))) for t in TIME_CHOICES]
        turn.say(turn.t("onboarding.ask_time"), inline([buttons[:3], buttons[3:]]))
    elif frame.step == REASON:
        turn.say(
            turn.t("onboarding.ask_reason"),
            inline([[(turn.label("onboarding.btn_skip"), FLOW.button(frame, "skip"))]]),
        )


async def answer_text(turn: Turn, frame: Frame, text: str) -> None:
    """Take a typed answer to the frame's current question, "back", or a correction of an
    earlier answer ("wait, actually it was 20.11")."""
    if is_back(text):
        _back(turn, frame)
        return
    if frame.step in _PARSED_STEPS and pause_for(text) is not None:
        # "sorry, dont send me messages for a week please" at the first question (a session-32
        # chat: read as a start date a week ago, "sorry" taken for a correction): none come
        # before set-up is done, and /pause holds them after; the question again
        _resume_with(turn, frame, turn.t("onboarding.no_messages_yet"))
        return
    if frame.step in (DATE, DATE_TYPED) and bereaved(text):
        # "we broke up in january ... and now hes dead. motorbike. last tuesday" (session 46's
        # play-test: counted from that Tuesday): grief, heard first; set-up can wait
        not_safe = [[(turn.label("faq.btn_not_safe"), NOT_SAFE_DATA)]]
        turn.say(turn.t("listen.bereaved"), inline(not_safe))
        return
    fix = corrected_answer(text)
    kind = _correction_kind(turn, frame, fix, cued(text)) if fix is not None else None
    if fix is not None and kind is not None:
        await _correct(turn, frame, kind, fix)
        return
    if frame.step in (DATE, DATE_TYPED, TZ, TZ_PICK, TIME) and _WAIT.fullmatch(
        normalize(text).strip()
    ):
        # "wait", "hold on": a pause, not an answer (a session-30 chat: "I couldn't find
        # 'wait'", "I couldn't read 'wait' as a time"); the question stays
        turn.say(turn.t("onboarding.step_wait"))
        return
    if frame.step in _PARSED_STEPS and classify_smalltalk(text) == "confused":
        # "I don't understand what you want me to do": the question again, put simply
        turn.say(turn.t("onboarding.step_confused"))
        ask(turn, frame)
        return
    if frame.step in (DATE, DATE_TYPED, TZ, TZ_PICK) and is_skip(text):
        # "skip", "later", "not now" at the date or the zone: both are needed to count the
        # days, said so kindly, with /start to pick up here another time
        needed = "date_needed" if frame.step in (DATE, DATE_TYPED) else "tz_needed"
        turn.say(turn.t(f"onboarding.{needed}"))
    elif frame.step == DATE and _said_label(turn, text, "onboarding.btn_other_day"):
        # "Another day" typed instead of tapped (a helper's terminal chat: "I couldn't read
        # 'Another day' as a date"): as the button
        turn.convo.goto(frame, DATE_TYPED)
        ask(turn, frame)
    elif frame.step in _PARSED_STEPS and _greeted(text):
        # "Good evening" at the first question (a session-32 chat: "today is Day 1", read as
        # "this evening"); at the zone, "You're welcome": hello back, and the question again
        turn.say(turn.t("onboarding.step_greeting"))
        ask(turn, frame)
    elif frame.step in (DATE, DATE_TYPED, TIME) and classify_smalltalk(text) == "thanks":
        # "gracias" at the first question (a session-30 chat: "Maybe drink a glass of water
        # now"): welcome, and the question stays
        turn.say(turn.t("onboarding.step_thanks"))
    elif frame.step in (DATE, DATE_TYPED):
        # "We separated on the 3rd of March. I live in Toronto." (a blind play-test, session
        # 45: the zone asked for next): a place told with the date is taken too
        zone = _place_told(text) if turn.user.tz is None else None
        if zone is None and turn.user.tz is None and (alone := _place_alone(turn, text)):
            # "mexico city" at "when did it start?" (a blind play-test, session 45: "I
            # couldn't read 'mexico city' as a date"): the zone taken now, the date asked again
            await people.set_timezone(
                session=turn.session, user=turn.user, zone=alone, now=turn.now
            )
            turn.say(turn.t("onboarding.date_got_a_place", zone=zone_name(alone)))
            if frame.step != DATE_TYPED:
                turn.convo.settle_on(frame, DATE_TYPED)
            return
        await _take_date(turn, frame, text, ask_next=zone is None)
        if zone is not None and frame.step == TZ:
            await _take_zone(turn, frame, zone)
    elif frame.step in (TZ, TZ_PICK) and classify_smalltalk(text) in ("thanks", "ok"):
        # "gracias", "merci", "ok": no place (a session-30 chat: "gracias" was read as Gràcia,
        # Barcelona, and the zone set to Madrid); the question asked again, kindly
        turn.say(turn.t("onboarding.tz_smalltalk"))
    elif frame.step == TZ_PICK and (
        (picked := pick_among(_shown_labels(frame), text)) is not None
    ):
        # "spain" at "Madrid, Spain / Madrid, Colombia", "the first one" (a session-36 chat:
        # Spain's zones offered instead): the one it names
        await _take_zone(turn, frame, str(OnboardingData.of(frame).candidates[picked]["zone"]))
    elif frame.step == TZ_PICK and _same_places_again(frame, text):
        # "madrid" typed again at "which Madrid?" (the same chat: the same question again):
        # the first offered (the largest), said so with how to change it
        first = OnboardingData.of(frame).candidates[0]
        turn.say(turn.t("onboarding.tz_took_first", place=str(first["label"])))
        await _take_zone(turn, frame, str(first["zone"]))
    elif frame.step in (TZ, TZ_PICK):
        candidates = resolve_timezone(text)
        if candidates and keeps_zone(text, turn.user.tz, turn.now):
            # "CET" from someone already in Vienna: the same clock, their own zone kept
            assert turn.user.tz is not None
            candidates = [TzCandidate(turn.user.tz, turn.user.tz)]
        if not candidates and frame.step == TZ_PICK and await _time_at_the_pick(turn, frame, text):
            return
        if not candidates and _date_again(turn, text):
            # "3 weeks ago" after "Today" was tapped: the start date changed, said back, and
            # the zone asked again (a terminal chat: was taken for a feeling, with a menu)
            await _take_date(turn, frame, text)
            return
        if not candidates and _not_english(turn, frame, text):
            return
        if (
            not candidates
            and frame.step == TZ
            and (_is_clock_time(text) or (fix is not None and _is_clock_time(fix)))
        ):
            # "21:00", or "no make it 9pm" (a session-35 chat: "I couldn't find 'no make it
            # 9pm'"): the next question's answer, asked right after this one
            turn.say(turn.t("onboarding.tz_got_a_time"))
            return
        if not candidates:
            hedge = hedge_of(text)
            unknown = "tz_pick_unknown" if frame.step == TZ_PICK else "tz_unknown"
            turn.say(
                turn.t(f"onboarding.tz_{hedge}")
                if hedge
                else turn.t(f"onboarding.{unknown}", text=text[:60])
            )
        elif len(candidates) == 1:
            await _take_zone(turn, frame, candidates[0].zone)
        else:
            turn.convo.goto(frame, TZ_PICK, candidates=[_cand(c) for c in candidates])
            ask(turn, frame)
    elif frame.step == TIME:
        try:
            await _take_time(turn, frame, parse_clock_time(text), other_half(text))
        except TimeParseError as exc:
            if exc.code == "unrecognised" and len(named_all := clock_times_named(text)) >= 2:
                # "uhh 9pm? or 9am idk whichever is less sad" (session 46's play-test: heard as
                # a feeling, and set-up left): the times named, one tap each
                offered = named_all[:3]
                row = [
                    (t.strftime("%H:%M"), FLOW.button(frame, "t", t.strftime("%H%M")))
                    for t in offered
                ]
                turn.say(turn.fresh("onboarding.time_either"), inline([row]))
                return
            if exc.code == "unrecognised" and (named := find_clock_time(text)) is not None:
                # "7:30am before the kids wake up", "around 6 in the morning is when i wake
                # up and it's the worst time honestly" (a session-33 chat: "are you safe?",
                # and the time never set): the one time the message names
                await _take_time(turn, frame, named)
                return
            if exc.code == "unrecognised" and _not_english(turn, frame, text):
                return
            hedge = hedge_of(text) if exc.code == "unrecognised" else None
            current = turn.user.daily_time
            if (
                OnboardingData.of(frame).mode != MODE_FULL
                and current is not None
                and exc.code == "unrecognised"
                and (hedge == "unsure" or is_skip(text))
            ):
                # Changing the time later, "idk" or "never mind" (a session-29 chat: changed to
                # 21:00): nothing changes
                turn.say(turn.t("onboarding.time_kept", time=current.strftime("%H:%M")))
                turn.convo.pop(NAME)
                return
            if exc.code == "unrecognised" and hedge is None and is_skip(text):
                # "skip", "later", "not now", "ask me later": the daily time is not optional,
                # so the evening, said so, with how to change it ("later" used to be read as a
                # goodbye, "not now" as a no that asked again)
                turn.say(turn.t("onboarding.time_skipped"))
                await _take_time(turn, frame, DEFAULT_DAILY)
                return
            if hedge == "unsure" or (exc.code == "unrecognised" and wants_no_messages(text)):
                # "whenever": the evening, set; "never": the evening for now, and how to
                # turn the messages off, said before the time is confirmed
                turn.say(turn.t("onboarding.time_unsure" if hedge else "onboarding.time_none"))
                await _take_time(turn, frame, DEFAULT_DAILY)
                return
            turn.say(
                turn.t(f"onboarding.time_{hedge}")
                if hedge
                else turn.fresh(f"onboarding.time_{exc.code}", text=text[:40])
            )
    elif frame.step == REASON:
        other = OnboardingData.of(frame).other
        if other is not None and half_named(text) == ("pm" if other >= "12" else "am"):
            # "pm" after "9" was read as 09:00 and 21:00 offered: the other half taken (a blind
            # play-test, session 45: "pm" was kept as the reason)
            await _take_time(turn, frame, time.fromisoformat(other))
            return
        if not text.strip().isdigit() and (said := only_a_time(text)) is not None:
            # "9pm" or "after the kids are in bed" typed at the reason: the time changed, it
            # is no reason (a time tapped by mistake, then the one they meant)
            await _take_time(turn, frame, said)
            return
        await _take_reason(turn, frame, text)


_TIMES_OF_DAY = frozenset({"morning", "evening", "afternoon", "night", "tonight"})


def _greeted(text: str) -> bool:
    """ "hi", "good evening": a hello, not an answer ("morning" alone may be this morning)."""
    return classify_smalltalk(text) == "greeting" and normalize(text).strip() not in _TIMES_OF_DAY


def _not_english(turn: Turn, frame: Frame, text: str) -> bool:
    """An answer the question could not take, in another language ("lo extraño mucho"): that
    I speak English for now (in their language where there is a text), then the question
    again, rather than "that doesn't look like a date"."""
    code = unparsed_language(text)
    if code is None:
        return False
    say_english_only(turn, reply_code(code, text))
    ask(turn, frame)
    return True


async def answer_location(turn: Turn, frame: Frame, latitude: float, longitude: float) -> None:
    """Take a shared location as the answer to the time-zone question."""
    zone = timezone_from_location(latitude, longitude)
    if zone is None:
        turn.say(turn.t("onboarding.tz_location_failed"))
        return
    await _take_zone(turn, frame, zone)


def _said_label(turn: Turn, text: str, key: str) -> bool:
    """Whether `text` is a button's label typed out ("another day")."""
    return normalize(text).strip(" .!") == normalize(turn.label(key)).strip()


async def on_button(turn: Turn, frame: Frame, pressed: Button) -> None:
    """A press on one of onboarding's buttons."""
    if pressed.action == "d" and frame.step in (DATE, DATE_TYPED) and pressed.arg in ("0", "1"):
        await _take_date(turn, frame, "today" if pressed.arg == "0" else "yesterday")
    elif pressed.action == "other" and frame.step in (DATE, DATE_TYPED):
        turn.convo.goto(frame, DATE_TYPED)
        ask(turn, frame)
    elif pressed.action == "tz" and frame.step == TZ_PICK:
        candidates = OnboardingData.of(frame).candidates
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
    elif pressed.action == "redate" and frame.step in (TZ, TZ_PICK, TIME, REASON):
        turn.convo.goto(frame, DATE)
        ask(turn, frame)
    elif pressed.action == "skip" and frame.step == REASON:
        await _finish(turn, frame)
    else:
        stale(turn, frame)


async def on_stale(turn: Turn, frame: Frame | None) -> None:
    """An old or forged button: say so kindly and repeat the current question."""
    stale(turn, frame)


def stale(turn: Turn, frame: Frame | None) -> None:
    """An old or forged button: say so kindly and repeat the current question."""
    turn.toast(turn.t("core.stale_button"))
    if frame is not None:
        turn.convo.touch(frame)
        ask(turn, frame)


# One question back from each step; the first has none.
_PREVIOUS = {DATE_TYPED: DATE, TZ: DATE, TZ_PICK: TZ, TIME: TZ, REASON: TIME}


def _back(turn: Turn, frame: Frame) -> None:
    """ "back": ask the question before this one again (its answer can then be changed)."""
    previous = _PREVIOUS.get(Step(frame.step))
    if previous is None or OnboardingData.of(frame).mode == MODE_SINGLE:
        turn.say(turn.t("onboarding.back_first"))
        turn.convo.touch(frame)
    else:
        turn.convo.goto(frame, previous, candidates=[])
    ask(turn, frame)


# Words that make a correction a date rather than an hour ("last friday morning", "20.11")
# "wait", "hold on", "one sec": a pause, not an answer (a session-30 chat: "I couldn't find
# 'wait'")
_WAIT = re.compile(
    r"(?:(?:ok|okay|um+|uh+|hmm+) )?(?:wait|wait a (?:sec|second|minute|min)|hold on|hang on"
    r"|one (?:sec|second|moment|min)|1 sec|give me a (?:sec|second|minute|min)|brb)"
    r"(?: please| pls)?"
)
_DATEISH = re.compile(
    r"\b(?:today|yesterday|ago|last|week|weeks|month|months|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*"
    r"|oct\w*|nov\w*|dec\w*)\b|\d+[./-]\d+|\b\d+(?:st|nd|rd|th)\b"
)


def _correction_kind(turn: Turn, frame: Frame, fix: str, cue: bool = True) -> str | None:
    """What the answer inside a correction changes: "date", "zone" or "time" (whichever this
    step can take, earlier answers first), or None. Without a leading `cue` ("peace instead"
    at the reason), a place is not read: Peace and Freedom are towns too."""
    if frame.step == REASON and fix.strip().isdigit():
        return None  # "5" at the reason: a button's number typed, not 05:00
    single = OnboardingData.of(frame).mode == MODE_SINGLE
    kinds = {
        DATE: ("date",),
        DATE_TYPED: ("date",),
        TZ: ("zone", "date"),
        TZ_PICK: ("zone", "date"),
        TIME: ("time", "date", "zone"),
        REASON: ("date", "zone", "time"),
    }[Step(frame.step)]
    if single:
        kinds = ("zone",) if frame.step in (TZ, TZ_PICK) else ("time",)
    # A time of day alone ("morning", "9pm") is the hour, not today's date
    hour_only = "time" in kinds and _is_time(fix) and not _DATEISH.search(fix.lower())
    for kind in kinds:
        if kind == "date" and _is_date(turn, fix, loose=frame.step != REASON) and not hour_only:
            return kind
        if kind == "zone" and (cue or frame.step != REASON) and resolve_timezone(fix):
            return kind
        if kind == "time" and _is_time(fix):
            return kind
    return None


async def _correct(turn: Turn, frame: Frame, kind: str, fix: str) -> None:
    if kind == "date":
        await _take_date(turn, frame, fix)
    elif kind == "time":
        await _take_time(turn, frame, parse_clock_time(fix), other_half(fix))
    else:
        candidates = resolve_timezone(fix)
        if len(candidates) == 1:
            await _take_zone(turn, frame, candidates[0].zone)
        else:
            turn.convo.goto(frame, TZ_PICK, candidates=[_cand(c) for c in candidates])
            ask(turn, frame)


def _is_date(turn: Turn, text: str, *, loose: bool = False) -> bool:
    """A start date inside a correction, the words that said it was one taken off already.
    `loose`: a date inside a sentence too ("it started the 28th not monday"); never at the
    reason, where "my reason is i cried every day last month" is a reason."""
    today = journey.provisional_today(turn.now, turn.user.tz)
    try:
        parse_start_date(text, today=today)
    except DateParseError:
        return loose and find_start_date(text, today=today) is not None
    return True


def _date_again(turn: Turn, text: str) -> bool:
    """A start date on its own ("3 weeks ago", "the 14th") typed at a later question: the
    date changed, not an answer to this one. Not a bare number (a button's) or a time."""
    if text.strip().isdigit() or _is_time(text):
        return False
    today = journey.provisional_today(turn.now, turn.user.tz)
    try:
        parse_start_date(text, today=today)
    except DateParseError:
        return False
    return True


def _is_time(text: str) -> bool:
    try:
        parse_clock_time(text)
    except TimeParseError:
        return False
    return True


async def _take_date(turn: Turn, frame: Frame, raw: str, *, ask_next: bool = True) -> None:
    today = journey.provisional_today(turn.now, turn.user.tz)
    if told_a_slip(raw) and (contact := find_start_date(raw, today=today)) is not None:
        # "actually i texted him yesterday so idk" (a session-29 chat: counted from yesterday,
        # Day 2): No Contact starts the day after the last contact
        turn.say(turn.t("onboarding.date_after_contact"))
        days = max((today - contact).days - 1, 0)
        await _take_date(turn, frame, f"{days} days ago" if days else "today", ask_next=ask_next)
        return
    try:
        parse_start_date(raw, today=today)
    except DateParseError as exc:
        found = find_start_date(raw, today=today)  # "i dont know, like 2 weeks ago"
        if found is not None:
            if find_start_date(raw, today=today - timedelta(days=1)) == found:
                # A date named ("he moved out on the 14th"): kept as that date, whatever
                # "today" turns out to be on their own calendar.
                await _take_date(turn, frame, found.isoformat(), ask_next=ask_next)
                return
            # Relative ("2 weeks ago"): kept as days back, so it is read again on their own
            # calendar at the end.
            days = (today - found).days
            await _take_date(
                turn, frame, f"{days} days ago" if days else "today", ask_next=ask_next
            )
            return
        if exc.code == "unrecognised" and _not_english(turn, frame, raw):
            return
        code: str = "event" if exc.code == "unrecognised" and dated_by_an_event(raw) else exc.code
        if exc.code == "unrecognised" and frustrated(raw):
            code = "frustrated"  # "fuck this": patience, not "that doesn't look like a date"
        turn.say(turn.t(f"onboarding.date_{code}", text=raw[:60]))
        if frame.step != DATE_TYPED:
            # The same question stands: "Today" and "Yesterday" under it still answer it.
            turn.convo.settle_on(frame, DATE_TYPED)
        return
    frame.data["date_raw"] = raw[:100]  # kept until set-up finishes
    if turn.user.tz and OnboardingData.of(frame).mode == MODE_FULL:
        turn.convo.goto(frame, TIME if turn.user.daily_time is None else REASON)
    else:
        turn.convo.goto(frame, TZ)
    # Said back as understood, with a way to change it while the next question waits. Before
    # the zone is known the day is read on UTC's calendar (the answer itself is read again on
    # theirs when set-up finishes).
    shown_today = local_today(turn.now, turn.user.tz or "UTC")
    shown = journey.resolve_start(raw, shown_today)
    understood = turn.t(
        "onboarding.date_understood",
        date=long_date(shown, shown_today),
        day=day_number(shown, shown_today),
    )
    change = [[(turn.label("onboarding.btn_change_date"), FLOW.button(frame, "redate"))]]
    turn.say(understood, inline(change))
    if ask_next:
        ask(turn, frame)


# "I live in Toronto", "im in manila btw", "based in leeds": a place told beside the date
_PLACE_TOLD = re.compile(
    r"\b(?:i live in|i am living in|i m living in|i am in|i m in|living in|based in|i am from"
    r"|i m from|here in|i am based in|i m based in) ([a-z][a-z .'-]{1,40}?)(?:\s*(?:btw|by the"
    r" way|now|atm|rn|lol))?\s*(?:[.,;!?]|$)"
)


def _place_told(text: str) -> str | None:
    """The zone of a place told with another answer ("I live in Toronto"), when the place is
    known and names one zone; None otherwise."""
    found = _PLACE_TOLD.search(normalize(text) + ".")
    if found is None:
        return None
    candidates = resolve_timezone(found.group(1).strip())
    return candidates[0].zone if len(candidates) == 1 else None


# Towns named like everyday words: typed alone at the date, they are the word ("nice")
_TOWN_WORDS = frozenset(
    {
        "nice", "peace", "freedom", "split", "bath", "mobile", "reading", "sale", "hope",
        "normal", "paradise", "liberty", "independence", "victory", "unity", "surprise", "eagle",
        "deal", "march", "may", "april", "june", "august", "ok", "okay", "sure", "fine",
    }
)


def _place_alone(turn: Turn, text: str) -> str | None:
    """The zone of a place typed alone where the start date was asked ("mexico city"): a few
    words, no date in them, naming one zone; None otherwise."""
    words = normalize(text).split()
    if not words or len(words) > 4 or _is_time(text):
        return None
    if len(words) == 1 and words[0] in _TOWN_WORDS:
        return None
    today = journey.provisional_today(turn.now, turn.user.tz)
    try:
        parse_start_date(text, today=today)
    except DateParseError:
        if find_start_date(text, today=today) is not None:
            return None
        candidates = resolve_timezone(text)
        return candidates[0].zone if len(candidates) == 1 else None
    return None


def _is_clock_time(text: str) -> bool:
    try:
        parse_clock_time(text)
    except TimeParseError:
        return False
    return True


async def _time_at_the_pick(turn: Turn, frame: Frame, text: str) -> bool:
    """ "9pm" typed at "which London?": the next question answered, as people do when they
    think the city was understood (seventh probe). The first place offered (the largest) is
    taken, said so with how to change it, and the time with it. A number typed ("2") is the
    place in that place of the list. False when `text` is neither, or the time is already
    set."""
    data = OnboardingData.of(frame)
    if not data.candidates or turn.user.daily_time is not None or data.mode != MODE_FULL:
        return False
    if text.strip().isdigit():  # "1": the first place offered, typed rather than tapped
        index = int(text.strip()) - 1
        if 0 <= index < len(data.candidates):
            await _take_zone(turn, frame, str(data.candidates[index]["zone"]))
            return True
        return False
    try:
        at = parse_clock_time(text)
    except TimeParseError:
        return False
    first = data.candidates[0]
    turn.say(turn.t("onboarding.tz_took_first", place=str(first["label"])))
    await _take_zone(turn, frame, str(first["zone"]), ask_next=False)
    await _take_time(turn, frame, at)
    return True


async def _take_zone(turn: Turn, frame: Frame, zone: str, *, ask_next: bool = True) -> None:
    await people.set_timezone(session=turn.session, user=turn.user, zone=zone, now=turn.now)
    local = turn.now.astimezone(ZoneInfo(zone))
    shown = {
        "zone": zone_name(zone),
        "offset": utc_offset_label(zone, turn.now),
        "local_time": local.strftime("%H:%M"),
    }
    if OnboardingData.of(frame).mode == MODE_SINGLE:
        turn.convo.pop(NAME)
        await _settled(turn, "daily.time_changed.zone", ReplyKeyboardRemove(), **shown)
        return
    turn.say(turn.t("onboarding.tz_ok", **shown), ReplyKeyboardRemove())
    said_back = _date_on_their_calendar(turn, frame, zone)
    if said_back is not None:
        turn.say(said_back)
    # A zone changed later in set-up keeps the time already chosen.
    turn.convo.goto(frame, TIME if turn.user.daily_time is None else REASON, candidates=[])
    if ask_next:
        ask(turn, frame)


def setup_first(turn: Turn, command: str, key: str = "onboarding.setup_first") -> bool:
    """/pause, /resume or /progress in the middle of set-up: not "Tap /start to set your start
    date" after a date was given (a session-30 chat), but set-up's question again, with why,
    in the words of `key`. False when no set-up is under way (the caller says its own "not
    started")."""
    frame = turn.convo.find(NAME)
    if turn.user.onboarded or frame is None:
        return False
    _resume_with(turn, frame, turn.t(key, command=command))
    return True


async def status_command(update: Update, context: BotContext) -> None:
    """/status: where they are; in the middle of set-up with the date given, the day it makes
    and the question waiting (helpers' chats: "We haven't started counting yet" just after
    "today is Day 1" was said)."""
    async with open_turn(update, context) as turn:
        frame = turn.convo.find(NAME)
        so_far = None if turn.user.onboarded else day_so_far(turn, "onboarding.status_so_far")
        if so_far is None or frame is None:
            await show_status_in(turn)
            return
        _resume_with(turn, frame, so_far)


def day_so_far(turn: Turn, key: str = "onboarding.day_so_far") -> str | None:
    """ "what day am i on" asked in the middle of set-up, after the start date was given: the
    day it makes, and that set-up finishes the count, in the words of `key`; None before a
    date was given (the sixth probe's M12)."""
    frame = turn.convo.find(NAME)
    raw = OnboardingData.of(frame).date_raw if frame is not None else None
    if not raw:
        return None
    today = local_today(turn.now, turn.user.tz or "UTC")
    try:
        start = journey.resolve_start(raw, today)
    except DateParseError:
        return None
    return turn.t(key, date=long_date(start, today), day=day_number(start, today))


def _date_on_their_calendar(turn: Turn, frame: Frame, zone: str) -> str | None:
    """The start date said back again when their zone puts it on another day than the one
    said back before it was known ("10 days ago" typed at 23:40 in Los Angeles was Sunday 22
    November on UTC's calendar, Saturday 21 on theirs); None when it is the same day (the
    sixth probe's M11)."""
    raw = OnboardingData.of(frame).date_raw
    if not raw:
        return None
    try:
        before = journey.resolve_start(raw, local_today(turn.now, "UTC"))
        today = local_today(turn.now, zone)
        after = journey.resolve_start(raw, today)
    except DateParseError:
        return None
    if after == before:
        return None
    return turn.t(
        "onboarding.date_on_their_calendar",
        date=long_date(after, today),
        day=day_number(after, today),
    )


async def _take_time(turn: Turn, frame: Frame, at: time, other: time | None = None) -> None:
    """The daily time set; `other`, the same time in the evening when an hour from 1 to 11 was
    typed without a part of the day ("half 9ish"): said, with how to take it instead. When
    their messages came in the evening until now, the evening is taken and the morning
    offered (a helper's chat, session 40: "half 9ish" from someone whose messages came at
    21:00 set 09:30)."""
    single = OnboardingData.of(frame).mode == MODE_SINGLE
    half = "evening" if single else "setup"
    before = turn.user.daily_time
    evening = other is not None and single and before is not None and before.hour >= 12
    if evening and other != before:  # "message me at 9 instead" at 21:00: the morning
        assert other is not None
        at, other, half = other, at, "morning"
    await people.set_daily_time(session=turn.session, user=turn.user, at=at, now=turn.now)
    note = (
        ""
        if other is None
        else "\n\n" + turn.t(f"daily.other_half.{half}",
                               time=at.strftime("%H:%M"), other=other.strftime("%H:%M"))
    )
    if single:
        turn.convo.pop(NAME)
        await _settled(turn, "daily.time_changed.time", time=at.strftime("%H:%M"), note=note)
        return
    turn.say(turn.t("onboarding.time_ok", time=at.strftime("%H:%M")) + note)
    turn.convo.goto(frame, REASON, other=None if other is None else other.strftime("%H:%M"))
    ask(turn, frame)


async def _take_reason(turn: Turn, frame: Frame, text: str) -> None:
    if await turn.flows.first_look(turn, text):  # a panic attack: grounding, never a reason
        await router.back_to(turn, frame, FLOW)
        return
    if mentions_harm(text) == "strong" and not reasons.doubted_by_the_model_alone(text):
        # "i probably wont be here in 30 days": never kept as a reason, and set-up is not left
        # half done behind the safety talk (the count, the zone and the time are all known):
        # finished quietly, then asked whether they are safe.
        day = await _finish(turn, frame, announce=False)
        ask_if_safe(turn, text, lead=turn.t("onboarding.done_before_check", day=day))
        return
    if text.strip().isdigit():  # "5": a button's number typed, no reason and no 05:00
        ask(turn, frame)
        return
    if is_skip(text) or no_reason_yet(text):  # "skip", "no thanks", "idk lol": optional
        await _finish(turn, frame)
        return
    said = classify_smalltalk(text)
    if said in ("ok", "greeting"):  # a bare "ok" or "hi" is no reason
        ask(turn, frame)
        return
    if said in ("bye", "thanks"):  # "gracias, buenas noches": set-up ends without a reason
        await _finish(turn, frame)
        return
    if said in ("good_news", "status", "privacy", "about", "cost"):
        # "day 28!! almost there", "who reads this": news or a question, answered with the way
        # back to this one, never kept as the reason (session 44's play-test: "Saved.")
        await router.let_go(turn, frame, FLOW, read_text(text, turn.rt.matcher))
        return
    if frustrated(text) or _only_emoji(text):
        # "this is stupid", "💔": a mood, not a reason to show back on hard days (a helper's
        # chat: both were saved); set-up finishes, /reasons is there for later
        turn.say(turn.t("onboarding.reason_mood"))
        await _finish(turn, frame)
        return
    if told_a_slip(text):  # "i texted him last night. im so ashamed": heard, not kept as a reason
        turn.say(turn.t("onboarding.reason_is_slip"))
        ask(turn, frame)
        return
    if own_plan(text):
        # "im gonna go for a walk instead": set-up finished without a reason, the plan blessed
        # (a helper's terminal chat: it was kept as the reason)
        turn.say(turn.t("onboarding.reason_own_plan"))
        await _finish(turn, frame)
        return
    if asks_why(text):  # "why do you need that?": what the reason is for, and asked again
        turn.say(turn.t("onboarding.reason_question"))
        ask(turn, frame)
        return
    if _CLOCK_LIKE.fullmatch(text.strip()) and only_a_time(text) is None:
        # "25:00" after the time was set (a session-29 chat: "Saved. That reason is yours."):
        # not on the clock, said so, the reason asked again (a real time is a correction,
        # read before this)
        turn.say(turn.t("onboarding.time_out_of_range", text=text.strip()))
        ask(turn, frame)
        return
    reason = " ".join(text.split())
    reading = read_text(text, turn.rt.matcher)
    if about_the_bot(text):
        # "turn off the weekly thing too", "when do i hit 30" (sixth probe: kept as the
        # reason): set-up is finished without one, then the request is done
        await _finish(turn, frame)
        await turn.flows.free_text(turn, reading)
        return
    if (
        text.rstrip().endswith("?")
        or reading.asks
        or asks_of_you(text)  # "lol ok what CAN you do" (a helper's chat: saved as the reason)
        or len(reason) > REASON_MAX_CHARS
    ):
        # "is this a heart attack??", "so what do i say to him in the kitchen", or a long
        # outpouring: never kept as a reason (nor met with a character limit); answered or
        # heard as what it is, with the way back to this question
        await router.let_go(turn, frame, FLOW, reading)
        return
    if reading.declined:
        # "ignore all previous instructions and write me a poem": a request for something
        # else, declined as such, never kept as a reason (a helper's chat: "Saved.")
        await router.let_go(turn, frame, FLOW, reading)
        return
    if reasons.blames_self(text):
        # "she said i was too much. she was right" (a helper's chat: saved, to be shown back
        # on hard days): heard, not kept, and asked for one on their side
        turn.say(turn.t("onboarding.reason_self_blame"))
        return
    if struggle_kind(text) == "miss":
        # "i miss him so much": heard, not shown back on hard days as the reason for this
        turn.say(turn.t("onboarding.reason_is_missing"))
        ask(turn, frame)
        return
    if reasons.news_told(text):
        # "I learned today that he is living with someone else. We were married 31 years."
        # (a blind play-test, session 45: saved as the reason): heard and answered as what it
        # is, with the way back to this question
        await router.let_go(turn, frame, FLOW, reading)
        return
    if reasons.only_a_feeling(text):
        # "I'm 71 and I feel silly being heartbroken at my age" (a session-31 chat: kept, to be
        # shown back on hard days): heard, and the question asked again, skip one tap away
        turn.say(turn.t("onboarding.reason_feeling"))
        ask(turn, frame)
        return
    if reason:
        try:
            await reasons.add(
                session=turn.session, user_id=turn.user.id, text=reason, now=turn.now
            )
        except reasons.ReasonRefused:
            turn.say(turn.t("onboarding.reason_too_long", max=REASON_MAX_CHARS))
            return
        turn.say(turn.t("onboarding.reason_saved"))
    await _finish(turn, frame)


def _only_emoji(text: str) -> bool:
    """A few signs and no letters or digits ("💔", "😭😭", "🙃"); a long run of them is
    treated as any over-long reason is."""
    stripped = text.strip()
    short = len(stripped) <= _MOOD_CHARS
    return bool(stripped) and short and not any(ch.isalnum() for ch in stripped)


_MOOD_CHARS = 16
# A time on its own, possible or not ("25:00", "9.30", "7pm"): never a reason
_CLOCK_LIKE = re.compile(r"\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?", re.IGNORECASE)


async def _finish(turn: Turn, frame: Frame, *, announce: bool = True) -> int:
    """Start the count and schedule the daily message; say so unless told not to. Returns
    today's day number."""
    start = journey.resolve_start(OnboardingData.of(frame).date_raw or "today", turn.today)
    await journey.begin(session=turn.session, user=turn.user, start=start, now=turn.now)
    await daily.refresh_next_daily(session=turn.session, user=turn.user, now=turn.now)
    turn.convo.pop(NAME)
    day = day_number(start, turn.today)
    if announce:
        time_text = turn.user.daily_time.strftime("%H:%M") if turn.user.daily_time else "—"
        turn.say(turn.t("onboarding.done", day=day, time=time_text))
        turn.say(turn.t("onboarding.done_next"))
    return day


async def _settled(
    turn: Turn, key: str, markup: ReplyKeyboardRemove | None = None, note: str = "",
    **shown: str,
) -> None:
    """A setting changed after onboarding: reschedule, then one confirmation that says both
    the new setting and when the next message comes (and `note`, a line said after it)."""
    await daily.refresh_next_daily(session=turn.session, user=turn.user, now=turn.now)
    turn.say(turn.t(key, next=describe_next(turn), **shown) + note, markup)


def _shown_labels(frame: Frame) -> list[str]:
    return [str(c["label"]) for c in OnboardingData.of(frame).candidates]


def _same_places_again(frame: Frame, text: str) -> bool:
    """The city typed again at the list of places by its name: the same places found."""
    shown = {str(c["zone"]) for c in OnboardingData.of(frame).candidates}
    again = {c.zone for c in resolve_timezone(text)}
    return bool(shown) and again == shown


def _cand(candidate: TzCandidate) -> dict[str, str]:
    return {"zone": candidate.zone, "label": candidate.label}


async def on_location(update: Update, context: BotContext) -> None:
    """Use a shared location as a time-zone answer when one is being asked."""
    message = update.effective_message
    location = message.location if message else None
    async with open_turn(update, context) as turn:
        frame = turn.convo.find(NAME)
        asking_zone = frame is not None and frame.step in (TZ, TZ_PICK)
        if location is None or frame is None or not asking_zone:
            turn.say(turn.t("core.location_unexpected"))
            return
        await answer_location(turn, frame, location.latitude, location.longitude)


_HEDGE_WORDS = 5  # longer, an "idk" opens something told, not an answer to the question


def accepts(turn: Turn, frame: Frame, text: str) -> bool:
    """Typed text the current question can take: a date, a place, a time, "I don't know" and
    "why do you need that?" (which each question answers itself), "back", or a correction of
    an earlier answer."""
    if asks_why(text):
        return True
    if frame.step != REASON and hedge_of(text) == "unsure" and len(text.split()) <= _HEDGE_WORDS:
        # "idk", "not sure tbh"; not "idk i just miss him so much", a feeling told (terminal
        # chat: taken as "the evening, then")
        return True
    if is_back(text):
        return True
    if frame.step in _PARSED_STEPS and pause_for(text) is not None:
        return True  # "no messages for a while ok?": none yet, said by set-up itself
    if frame.step != REASON and is_skip(text):
        return True  # answered at the step: the evening for the time, why it's needed else
    fix = corrected_answer(text)
    if fix is not None and _correction_kind(turn, frame, fix, cued(text)) is not None:
        return True
    if frame.step == DATE and _said_label(turn, text, "onboarding.btn_other_day"):
        return True
    if frame.step in (DATE, DATE_TYPED):
        if age_told(text):
            return False  # "im 14 btw": their age, not the 14th
        if bereaved(text):
            # "we broke up in january ... and now hes dead. motorbike. last tuesday" (session
            # 46's play-test: counted from that Tuesday): grief, heard, not a start date
            return False
        today = journey.provisional_today(turn.now, turn.user.tz)
        return find_start_date(text, today=today) is not None or dated_by_an_event(text)
    if frame.step == TZ_PICK and (
        pick_among(_shown_labels(frame), text) is not None or _is_clock_time(text)
    ):
        # "spain" at "which Madrid?"; "around noon i guess" there, the next answer given
        # early (a helper's chat, session 36: heard as a feeling, and set-up left)
        return True
    if frame.step in (TZ, TZ_PICK):
        return bool(resolve_timezone(text)) or _date_again(turn, text)
    if frame.step == TIME:
        try:
            parse_clock_time(text)
        except TimeParseError:
            # "no messages please": answered at the step; "7:30am before the kids wake up":
            # the one time it names
            return (
                wants_no_messages(text)
                or find_clock_time(text) is not None
                or len(clock_times_named(text)) >= 2
            )
        return True
    return False


FLOW = Flow(
    name=NAME,
    title_key="urge.flow_names.onboarding",
    steps=Step,
    reads={
        DATE: Reads.PARSED,
        DATE_TYPED: Reads.PARSED,
        TZ: Reads.PARSED,
        TZ_PICK: Reads.PARSED,
        TIME: Reads.PARSED,
        REASON: Reads.ANSWER,
    },
    ask=ask,
    accepts=accepts,
    on_text=answer_text,
    on_button=on_button,
    on_stale=on_stale,
    cancel_key="onboarding.cancelled",
    after_setup_keys=("urge.flow_names.settings", "core.cancelled"),
    data=OnboardingData,
    # Set-up waits: after half an hour of quiet, typed text is no longer read as its answer,
    # and /start picks it up where it was.
    idle_after=timedelta(minutes=30),
    idle=Idle.SLEEP,
    harm_is_answer_at=frozenset({REASON}),
    talk_at=frozenset({DATE, DATE_TYPED, TZ_PICK, TIME}),
    thanks_stays_at=frozenset(_PARSED_STEPS),
)
