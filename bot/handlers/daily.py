"""/pause, /resume and the mood buttons under the daily message."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from telegram import Update

from bot.conversation.codec import STATELESS, Button, pack
from bot.conversation.context import BotContext
from bot.conversation.flow import Flow, Reads
from bot.conversation.frames import Frame
from bot.conversation.keyboards import inline
from bot.conversation.turn import Turn, open_turn
from bot.handlers import onboarding, urge
from bot.services import daily
from bot.services.dates import days_until
from bot.services.durations import asks_to_resume, is_indefinite, parse_pause_days
from bot.services.message_asks import DailyAsk, asks_how
from bot.services.reading import read_text, struggle_kind
from bot.services.schedule import PAUSED_INDEFINITELY
from bot.services.slips import told_a_slip
from bot.views.daily import pressed_mood
from bot.views.next_daily import describe_next


async def pause(update: Update, context: BotContext) -> None:
    """Silence daily messages, for N days or until /resume; the count never stops."""
    async with open_turn(update, context) as turn:
        await pause_typed(turn, " ".join(context.args or []))


async def pause_typed(turn: Turn, typed: str) -> None:
    """/pause with what followed it ("3", "a week", "until friday", "forever", or nothing),
    also for "pause for a week" typed without the slash."""
    if not turn.user.onboarded:
        if not onboarding.setup_first(turn, "/pause"):
            turn.say(turn.t("progress.not_started"))
        return
    days: int | None = None
    if typed and is_indefinite(typed):
        # "/pause forever": until /resume, and no "for how long?" after it
        await _pause_for(turn, None)
        turn.say(turn.t("daily.pause_open"))
        return
    if typed:  # "/pause 3", "/pause a week", "/pause the weekend", "/pause until friday"
        days = _pause_days(typed, turn)
        if days is None:
            turn.say(turn.t("daily.pause_usage", max=daily.MAX_PAUSE_DAYS))
            return
    await _pause_for(turn, days, typed or None)
    if days is None:
        # Until /resume, unless they say how long next ("for a week", "till sunday").
        frame = turn.convo.push(PAUSE_LENGTH, LengthStep.LENGTH)
        ask_length(turn, frame)


def _pause_days(typed: str, turn: Turn) -> int | None:
    days = days_until(typed, turn.today) or parse_pause_days(typed)
    return days if days is not None and days <= daily.MAX_PAUSE_DAYS else None


async def _pause_for(turn: Turn, days: int | None, typed: str | None = None) -> None:
    first = turn.today
    if typed is None or (
        days_until(typed, turn.today) is None and parse_pause_days(typed) is not None
    ):
        # N days from the first day not already messaged; "until friday", "the weekend" are
        # days counted to a named day, from today as they say
        user = turn.user
        first = daily.first_silent_day(
            today=turn.today, now=turn.now, zone=user.tz, at=user.daily_time
        )
    until = daily.pause_until(first, days)
    await daily.set_pause(session=turn.session, user=turn.user, until=until, now=turn.now)
    if days is not None:
        turn.say(turn.t("daily.paused_days", days=turn.days(days), next=describe_next(turn)))


async def answer_ask(turn: Turn, ask: DailyAsk, typed: str) -> None:
    """The daily messages asked about in words ("can u stop the daily msgs while im away?
    back on the 20th", "how do i turn it back on when i land"): done, or answered plainly."""
    if ask.kind == "pause":
        await pause_typed(turn, ask.until or "")
    elif ask.kind == "resume" and asks_how(typed):
        paused = turn.user.paused_until is not None
        turn.say(turn.fresh("daily.resume_how" if paused else "daily.resume_how_unpaused"))
    elif ask.kind == "resume":
        await resume_now(turn)
    elif ask.kind == "time":
        await onboarding.ask_single(turn, onboarding.TIME, None)
    elif ask.kind == "trip":
        turn.say(turn.fresh("daily.trip_asked"))
    else:
        turn.say(turn.fresh("daily.count_kept"))


async def resume(update: Update, context: BotContext) -> None:
    """Start daily messages again."""
    async with open_turn(update, context) as turn:
        await resume_now(turn)


async def resume_now(turn: Turn) -> None:
    """/resume, also typed without the slash."""
    if not turn.user.onboarded:
        if not onboarding.setup_first(turn, "/resume"):
            turn.say(turn.t("progress.not_started"))
        return
    was_paused = turn.user.paused_until is not None
    await daily.set_pause(session=turn.session, user=turn.user, until=None, now=turn.now)
    key = "daily.resumed" if was_paused else "daily.not_paused"
    turn.say(turn.t(key, next=describe_next(turn)))


async def on_mood(update: Update, context: BotContext) -> None:
    """Store the day's mood from a button on the user's own daily message."""
    query = update.callback_query
    pressed = pressed_mood(query.data if query else None)
    async with open_turn(update, context) as turn:
        logged = pressed is not None and await daily.log_mood(
            session=turn.session,
            user_id=turn.user.id,
            delivery_id=pressed[0],
            mood=pressed[1],
            now=turn.now,
        )
        if not logged or pressed is None:
            turn.toast(turn.t("core.stale_button"))
            return
        turn.toast(turn.t("daily.mood_saved"))
        answer_mood(turn, pressed[1])


def answer_mood(turn: Turn, mood: str) -> None:
    """The reply to the day's mood, tapped or typed: "struggling" asks what kind of hard it
    is; the others get their reply."""
    if mood == "struggling":  # the mood is logged; ask what kind of hard it is
        ask_struggle(turn, turn.convo.push(STRUGGLE, StruggleStep.KIND))
        return
    if turn.rt.content.daily is not None and mood in turn.rt.content.daily.mood_replies:
        variants = turn.rt.content.daily.mood_replies[mood]
        turn.say(turn.rt.content.rng.choice(variants))


# ------------------------------------------------------------ how long a bare /pause lasts

PAUSE_LENGTH = "pauselen"


class LengthStep(StrEnum):
    LENGTH = "length"


def ask_length(turn: Turn, frame: Frame) -> None:
    """Paused until /resume; or for a week or two, tapped or typed ("till sunday"). The
    lengths are buttons of their own, not of this prompt: tapped after something typed in
    between ("why would i pause", then "For a week": a helper's chat, session 38, got "out of
    date" and the pause stayed open-ended), they still set the length while the pause is."""
    rows = [
        [
            (
                turn.label("daily.pause_length_labels.week"),
                pack(PAUSE_LENGTH, STATELESS, "d", "7"),
            ),
            (
                turn.label("daily.pause_length_labels.fortnight"),
                pack(PAUSE_LENGTH, STATELESS, "d", "14"),
            ),
        ],
        [(turn.label("daily.pause_length_labels.open"), LENGTH_FLOW.button(frame, "open"))],
    ]
    turn.say(turn.t("daily.paused_forever"), inline(rows))


async def on_length_tapped(turn: Turn, pressed: Button) -> None:
    """A length tapped, whenever: set while the pause is still until /resume."""
    if pressed.action != "d" or pressed.arg not in ("7", "14"):
        turn.toast(turn.t("core.stale_button"))
        return
    if turn.user.paused_until != PAUSED_INDEFINITELY:  # resumed, or a length set since
        turn.toast(turn.t("core.stale_button"))
        return
    turn.convo.pop(PAUSE_LENGTH)
    await _pause_for(turn, int(pressed.arg))


def accepts_length(turn: Turn, frame: Frame, text: str) -> bool:
    return _pause_days(text, turn) is not None or asks_to_resume(text)


async def on_length_text(turn: Turn, frame: Frame, text: str) -> None:
    if asks_to_resume(text):
        turn.convo.pop(PAUSE_LENGTH)
        await resume_now(turn)
        return
    days = _pause_days(text, turn)
    if days is None:  # not reached: the router lets text it does not accept go
        ask_length(turn, frame)
        return
    turn.convo.pop(PAUSE_LENGTH)
    await _pause_for(turn, days, text)


async def on_length_button(turn: Turn, frame: Frame, pressed: Button) -> None:
    if pressed.action == "d" and pressed.arg in ("7", "14"):
        turn.convo.pop(PAUSE_LENGTH)
        if turn.user.paused_until is None:  # resumed since: the button is from before
            turn.toast(turn.t("core.stale_button"))
            return
        await _pause_for(turn, int(pressed.arg))
    elif pressed.action == "open":
        turn.convo.pop(PAUSE_LENGTH)
        turn.say(turn.t("daily.pause_open"))
    else:
        turn.toast(turn.t("core.stale_button"))


LENGTH_FLOW = Flow(
    name=PAUSE_LENGTH,
    title_key="daily.pause_length_title",
    steps=LengthStep,
    reads={LengthStep.LENGTH: Reads.PARSED},
    ask=ask_length,
    accepts=accepts_length,
    on_text=on_length_text,
    on_button=on_length_button,
    on_other_button=on_length_tapped,
    idle_after=timedelta(minutes=30),
    resumable=False,
    ends_on_detour=True,
)


# --------------------------------------------------------------------------- "I'm struggling"

STRUGGLE = "hard"


class StruggleStep(StrEnum):
    KIND = "kind"


def ask_struggle(turn: Turn, frame: Frame) -> None:
    """What kind of hard: missing them, wanting to reach out, or just a heavy day."""
    labels = [("miss", "miss"), ("reach", "reach"), ("heavy", "heavy")]
    rows = [
        [(turn.label(f"daily.struggle_labels.{key}"), STRUGGLE_FLOW.button(frame, action))]
        for key, action in labels
    ]
    turn.say(turn.t("daily.struggle_ask"), inline(rows))


async def _struggle(turn: Turn, kind: str) -> None:
    turn.convo.pop(STRUGGLE)
    if kind == "reach":
        await urge.start_urge(turn, "daily")
    else:
        turn.say(turn.t(f"daily.struggle_{kind}"))


async def on_struggle_text(turn: Turn, frame: Frame, text: str) -> None:
    """Their own words are the answer: an urge starts the urge flow, a slip told is met as a
    slip (a helper's chat: "i txtd her last nite after all" got "heavy days pass"), the rest
    is heard."""
    if told_a_slip(text):
        turn.convo.pop(STRUGGLE)
        await turn.flows.free_text(turn, read_text(text, turn.rt.matcher))
        return
    await _struggle(turn, struggle_kind(text))


async def on_struggle_button(turn: Turn, frame: Frame, pressed: Button) -> None:
    if pressed.action in ("miss", "reach", "heavy"):
        await _struggle(turn, pressed.action)
    else:
        turn.toast(turn.t("core.stale_button"))


STRUGGLE_FLOW = Flow(
    name=STRUGGLE,
    title_key="daily.struggle_title",
    steps=StruggleStep,
    reads={StruggleStep.KIND: Reads.ANSWER},
    ask=ask_struggle,
    on_text=on_struggle_text,
    on_button=on_struggle_button,
    idle_after=timedelta(minutes=30),
    resumable=False,
    ends_on_detour=True,
    urge_is_answer_at=frozenset(StruggleStep),
)
