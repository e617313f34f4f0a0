"""Safety first: a message about suicide, self-harm or danger gets the safety reply.

The check runs in handler group -1, before every other handler and whatever flow the user is
in; it replies and stops the update there (the flow is left as it was). It needs no database:
the country's lines come from the user's time zone when it can be read, else the worldwide
fallback.
"""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.handlers.common import inline, runtime
from bot.runtime import Runtime
from bot.sending import with_retries
from bot.services.crisis import CountryLines, SafetyContent, detect_crisis, fill, lines_for
from bot.services.timezones import country_for_zone
from bot.store import users as user_store

logger = logging.getLogger(__name__)

FLOW = "sos"
SOS_DATA = re.compile(r"^sos:(yes|no|lines|ground|plan):([sd])$")
KINDS = {"self_harm": "s", "danger_from_other": "d"}


async def check_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with care and stop here if the message speaks of crisis or danger."""
    message = update.effective_message
    if message is None or update.effective_chat is None:
        return
    signal = detect_crisis(message.text or message.caption or "")
    if signal is None:
        return
    rt = runtime(context)
    safety = _safety(rt)
    lines = await _lines(rt, update.effective_chat.id)
    kind = KINDS[signal.kind]
    logger.info("safety reply sent (kind %s)", signal.kind)
    if kind == "d":
        text = fill(rt.content.pick(safety.danger_reply), lines)
        await _send(context, update.effective_chat.id, text, _buttons(safety, kind, asked=False))
        await _send(context, update.effective_chat.id, _lines_text(rt, lines, kind), None)
    else:
        text = rt.content.pick(safety.crisis_reply)
        await _send(context, update.effective_chat.id, text, _buttons(safety, kind, asked=True))
    raise ApplicationHandlerStop


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Follow up a safety reply: safe or not, lines, grounding, a safety plan."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None:
        return
    match = SOS_DATA.match(query.data or "")
    rt = runtime(context)
    if match is None:
        await query.answer(rt.content.text("core.stale_button"))
        return
    await query.answer()
    action, kind = match.groups()
    safety = _safety(rt)
    lines = await _lines(rt, chat.id)
    texts: list[str]
    if action == "yes":
        texts = [rt.content.pick(safety.safe_reply)]
    elif action == "no":
        texts = [fill(rt.content.pick(safety.unsafe_reply), lines), _lines_text(rt, lines, kind)]
    elif action == "lines":
        texts = [_lines_text(rt, lines, kind)]
    elif action == "ground":
        texts = list(safety.grounding)
    else:
        texts = list(safety.safety_plan)
    for i, text in enumerate(texts):
        last = i == len(texts) - 1
        markup = _buttons(safety, kind, asked=False) if last else None
        await _send(context, chat.id, fill(text, lines), markup)


def _safety(rt: Runtime) -> SafetyContent:
    if rt.content.safety is None:
        raise RuntimeError("content/safety.yaml is missing")
    return rt.content.safety


def ask_if_safe_markup(rt: Runtime) -> InlineKeyboardMarkup:
    """The crisis reply's buttons (safe or not, lines, grounding, a plan), for other replies
    that ask whether the person is safe."""
    return _buttons(_safety(rt), "s", asked=True)


def _buttons(safety: SafetyContent, kind: str, asked: bool) -> InlineKeyboardMarkup:
    labels = safety.buttons
    rows = []
    if asked:
        rows.append([(labels.safe_yes, f"sos:yes:{kind}"), (labels.safe_no, f"sos:no:{kind}")])
    rows += [
        [(labels.lines, f"sos:lines:{kind}")],
        [(labels.grounding, f"sos:ground:{kind}")],
        [(labels.plan, f"sos:plan:{kind}")],
    ]
    return inline(rows)


def _lines_text(rt: Runtime, lines: CountryLines, kind: str) -> str:
    safety = _safety(rt)
    numbers = [*lines.abuse, *lines.crisis] if kind == "d" else [*lines.crisis, *lines.abuse]
    intro = fill(safety.lines_intro, lines)
    emergency = fill("🚨 <b>{emergency}</b>", lines)
    return "\n".join([intro, "", emergency, *(f"• {n}" for n in numbers)])


async def _lines(rt: Runtime, user_id: int) -> CountryLines:
    """The user's country lines from their time zone; the fallback if anything fails."""
    zone = None
    try:
        async with asyncio.timeout(2):
            async with rt.db.session() as session:
                user = await user_store.get_user(session=session, user_id=user_id)
                zone = user.tz if user else None
    except Exception:  # noqa: BLE001 - safety replies must never depend on the database
        logger.warning("safety reply without the user's country (database unavailable)")
    country = country_for_zone(zone) if zone else None
    return lines_for(_safety(rt), country)[0]


async def _send(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str,
    markup: InlineKeyboardMarkup | None,
) -> None:
    try:
        await with_retries(lambda: context.bot.send_message(chat_id, text, reply_markup=markup))
    except TelegramError as exc:
        logger.error("could not send a safety reply: %s", type(exc).__name__)
