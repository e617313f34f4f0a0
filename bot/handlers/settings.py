"""/settings: one inline menu for the daily time, time zone, pause, weekly summary and data.

Menu buttons are "set:m:<action>[:<arg>]". A toggle carries the state it asks for, so a tap
on an old menu that no longer matches is recognised as stale, and the menu is redrawn.
Time and time zone hand over to onboarding's single-step questions.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.conversation.codec import Button, pack, unpack
from bot.conversation.context import BotContext
from bot.conversation.keyboards import inline
from bot.conversation.turn import Turn, open_turn
from bot.handlers import onboarding, privacy, startdate
from bot.services import daily, journey, weekly
from bot.services.schedule import PAUSED_INDEFINITELY, resumes_on
from bot.services.timezones import zone_name
from bot.views.dates import long_date

FLOW = "set"
MENU = "m"  # the menu's buttons are stateless: their "nonce" is fixed
ON, OFF = "on", "off"


def _data(action: str, arg: str = "") -> str:
    return pack(FLOW, MENU, action, arg)


async def show_settings(update: Update, context: BotContext) -> None:
    """Show the settings menu."""
    async with open_turn(update, context) as turn:
        turn.say(*await render_menu(turn))


def _paused(turn: Turn) -> bool:
    until = turn.user.paused_until
    return until is not None and until >= turn.today


async def render_menu(turn: Turn) -> tuple[str, InlineKeyboardMarkup]:
    """The menu text (current values) and its buttons."""
    user = turn.user
    data_row = [
        (turn.label("settings.btn_privacy"), _data("privacy")),
        (turn.label("settings.btn_export"), _data("export")),
        (turn.label("settings.btn_delete"), _data("delete")),
    ]
    if not user.onboarded:
        return turn.t("settings.not_started"), inline([data_row])
    not_set = turn.t("settings.not_set")
    if not _paused(turn):
        daily_state = turn.t("settings.daily_on")
    elif user.paused_until == PAUSED_INDEFINITELY:
        daily_state = turn.t("settings.daily_paused")
    else:
        assert user.paused_until is not None
        resumes = resumes_on(user.paused_until)
        daily_state = turn.t("settings.daily_paused_until", resumes=long_date(resumes))
    text = turn.t(
        "settings.menu",
        start=await _started(turn, not_set),
        time=user.daily_time.strftime("%H:%M") if user.daily_time else not_set,
        zone=zone_name(user.tz) if user.tz else not_set,
        daily=daily_state,
        weekly=turn.t("settings.weekly_on" if user.weekly_summary else "settings.weekly_off"),
    )
    pause_button = (
        (turn.label("settings.btn_resume"), _data("pause", OFF))
        if _paused(turn)
        else (turn.label("settings.btn_pause"), _data("pause", ON))
    )
    weekly_button = (
        (turn.label("settings.btn_weekly_off"), _data("weekly", OFF))
        if user.weekly_summary
        else (turn.label("settings.btn_weekly_on"), _data("weekly", ON))
    )
    rows = [
        [
            (turn.label("settings.btn_time"), _data("time")),
            (turn.label("settings.btn_zone"), _data("tz")),
        ],
        [(turn.label("settings.btn_start"), _data("start"))],
        [pause_button],
        [weekly_button],
        data_row,
    ]
    return text, inline(rows)


async def on_button(update: Update, context: BotContext) -> None:
    """Handle a press on the settings menu or on the delete confirmation."""
    query = update.callback_query
    pressed = unpack(query.data if query else None)
    message = query.message if query else None
    message_id = message.message_id if message is not None else None
    if pressed is not None and pressed.nonce == MENU and not pressed.arg:
        # The single-step questions of /time and /timezone, exactly as those commands ask.
        if pressed.action == "time":
            await onboarding.change_time(update, context)
            return
        if pressed.action == "tz":
            await onboarding.change_timezone(update, context)
            return
    async with open_turn(update, context) as turn:
        if pressed is None or pressed.flow != FLOW:
            turn.toast(turn.t("core.stale_button"))
        elif pressed.nonce == MENU:
            await _menu_action(turn, pressed, message_id)
        else:
            await privacy.answer_delete(turn, pressed, message_id)


async def _menu_action(turn: Turn, pressed: Button, message_id: int | None) -> None:
    action, arg = pressed.action, pressed.arg
    if action == "start" and not arg:
        startdate.begin(turn)
    elif action == "privacy" and not arg:
        privacy.render_privacy(turn)
    elif action == "export" and not arg:
        await privacy.send_export(turn)
    elif action == "delete" and not arg:
        privacy.ask_delete(turn)
    elif action == "pause" and turn.user.onboarded and arg == (OFF if _paused(turn) else ON):
        until = daily.pause_until(turn.today, None) if arg == ON else None
        await daily.set_pause(session=turn.session, user=turn.user, until=until, now=turn.now)
        turn.toast(turn.t("settings.toast_paused" if arg == ON else "settings.toast_resumed"))
        await _redraw(turn, message_id)
    elif (
        action == "weekly"
        and turn.user.onboarded
        and arg == (OFF if turn.user.weekly_summary else ON)
    ):
        await weekly.set_weekly(session=turn.session, user=turn.user, on=arg == ON, now=turn.now)
        key = "settings.toast_weekly_on" if arg == ON else "settings.toast_weekly_off"
        turn.toast(turn.t(key))
        await _redraw(turn, message_id)
    else:
        # Forged, or from a menu that no longer matches: refuse kindly, show the real state.
        turn.toast(turn.t("core.stale_button"))
        await _redraw(turn, message_id)


async def _redraw(turn: Turn, message_id: int | None) -> None:
    text, markup = await render_menu(turn)
    if message_id is None:
        turn.say(text, markup)
    else:
        turn.edit(message_id, text, markup)


async def _started(turn: Turn, not_set: str) -> str:
    start = await journey.current_start(session=turn.session, user_id=turn.user.id)
    return long_date(start) if start is not None else not_set
