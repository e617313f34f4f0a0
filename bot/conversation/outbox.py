"""Replies owed: kept in the store with the turn that owes them, sent, then settled.

A turn's text messages (and edits) are written to the outbox in the turn's own transaction, as
one row. After the commit they are sent in order; the row records how many Telegram accepted
and is deleted once all have. If the process dies, or Telegram cannot be reached, the row
stays; once its claim runs out (OUTBOX_LEASE_SECONDS, longer than any send with its retries and
the rate limiter's waits) the outbox sweep (bot/jobs/outbox.py) sends what is
left. So an owed reply is never lost to a crash, and is sent twice only if the process dies in
the instant between Telegram accepting a message and the row being updated. An update the database
cannot take (an outage outlasting OUTCOME_PATIENCE, or a stop meanwhile) is kept in a local
file and written back before the next sweep (bot/store/pending.py).

Pictures and files (/progress, /export) are drawn after the commit and are not kept: a crash
while drawing loses them, and the person asks again.

Send rules: a gone chat (bot/tg/sending.chat_gone) marks the person inactive and settles the
row; any other refusal is logged, counted as `send_refused` and skipped; network trouble that
outlasts the retries leaves the row to the sweep.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove
from telegram.error import BadRequest, TelegramError

from bot.core.runtime import Runtime
from bot.store import outbox as outbox_store
from bot.store import users as user_store
from bot.tg.sending import chat_gone, send_text, with_retries

logger = logging.getLogger(__name__)

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None

# How long an outcome write waits for the database to come back before giving up.
OUTCOME_PATIENCE = 45.0


@dataclass
class Outgoing:
    text: str
    markup: Markup = None
    edit_message_id: int | None = None
    document: bytes | None = None
    photo: bytes | None = None
    filename: str | None = None
    # The keyboard as Telegram's JSON, worked out once: the outbox row and the send share it
    # (turning python-telegram-bot's objects into JSON was a twentieth of the bot's CPU).
    _wire: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def markup_data(self) -> dict[str, Any] | None:
        """The keyboard as Telegram takes it (None without one)."""
        if self._wire is None and self.markup is not None:
            self._wire = _wire_of(self.markup)
        return self._wire

    @property
    def kept(self) -> bool:
        """Whether it is kept in the outbox (texts and edits; not pictures or files)."""
        return self.photo is None and self.document is None


# A button's plain fields (strings and flags); a button with anything else (a web app, a login
# URL, a game, fields python-telegram-bot does not know) is left to its own to_dict.
_PLAIN_FIELDS = (
    "text",
    "url",
    "callback_data",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "pay",
    "style",
    "icon_custom_emoji_id",
)
_OTHER_FIELDS = (
    "callback_game",
    "login_url",
    "web_app",
    "switch_inline_query_chosen_chat",
    "copy_text",
)


def _wire_of(
    markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove,
) -> dict[str, Any]:
    """`markup.to_dict()`, done directly for the inline keyboards of plain buttons every
    reply carries (python-telegram-bot's generic to_dict walks every attribute of every
    button; tests/unit/test_outbox_wire.py checks both give the same)."""
    if not isinstance(markup, InlineKeyboardMarkup) or markup.api_kwargs:
        return markup.to_dict()
    rows = []
    for row in markup.inline_keyboard:
        buttons = []
        for button in row:
            other = any(getattr(button, name) is not None for name in _OTHER_FIELDS)
            if other or button.api_kwargs:
                return markup.to_dict()
            buttons.append(
                {
                    name: value
                    for name in _PLAIN_FIELDS
                    if (value := getattr(button, name)) is not None
                }
            )
        rows.append(buttons)
    return {"inline_keyboard": rows}


def to_body(items: list[Outgoing]) -> str | None:
    """The kept messages as the outbox row's JSON; None if there is none."""
    entries = [
        {"text": item.text, "edit": item.edit_message_id, "markup": _markup_json(item)}
        for item in items
        if item.kept
    ]
    return json.dumps(entries, ensure_ascii=False) if entries else None


def from_body(body: str, bot: Any) -> list[Outgoing]:
    items = []
    for entry in json.loads(body):
        item = Outgoing(
            text=entry["text"],
            edit_message_id=entry["edit"],
            markup=_markup_of(entry["markup"], bot),
        )
        if entry["markup"] is not None:
            item._wire = entry["markup"]["data"]  # noqa: SLF001 (its own class's cache)
        items.append(item)
    return items


_KINDS = {
    InlineKeyboardMarkup: "inline",
    ReplyKeyboardMarkup: "reply",
    ReplyKeyboardRemove: "remove",
}


def _markup_json(item: Outgoing) -> dict[str, Any] | None:
    data = item.markup_data()
    if data is None:
        return None
    return {"kind": _KINDS[type(item.markup)], "data": data}


def _markup_of(raw: dict[str, Any] | None, bot: Any) -> Markup:
    if raw is None:
        return None
    data = raw["data"]
    if raw["kind"] == "inline":
        return InlineKeyboardMarkup.de_json(data, bot)
    if raw["kind"] == "reply":
        return ReplyKeyboardMarkup.de_json(data, bot)
    return ReplyKeyboardRemove.de_json(data, bot)


async def send_owed(
    rt: Runtime,
    bot: Any,
    *,
    user_id: int,
    chat_id: int,
    items: list[Outgoing],
    row_id: int | None,
    done: int = 0,
) -> bool:
    """Send `items` in order and keep the row's count; False if Telegram could not be reached
    (the row stays for the sweep) or the chat is gone."""
    if row_id is not None:
        rt.sending.add(row_id)  # this process's own sweep leaves it alone meanwhile
    try:
        return await _send_owed(
            rt, bot, user_id=user_id, chat_id=chat_id, items=items, row_id=row_id, done=done
        )
    finally:
        if row_id is not None:
            rt.sending.discard(row_id)


async def _send_owed(
    rt: Runtime,
    bot: Any,
    *,
    user_id: int,
    chat_id: int,
    items: list[Outgoing],
    row_id: int | None,
    done: int,
) -> bool:
    kept = done + sum(1 for item in items if item.kept)
    accepted = 0.0
    for item in items:
        try:
            await with_retries(partial(send_one, bot, chat_id, item))
            accepted = time.perf_counter()
            rt.metrics.inc("replies_sent")
        except TelegramError as exc:
            if chat_gone(exc):
                logger.info("chat gone (%s); user marked inactive", type(exc).__name__)
                await _write(rt, partial(_gone, rt, user_id, row_id), row_id, None, orm=True)
                return False
            if not isinstance(exc, BadRequest):
                logger.warning("reply not sent yet (%s); the outbox keeps it", type(exc).__name__)
                return False
            logger.warning("reply refused by Telegram: %s", exc.message)
            rt.metrics.inc("send_refused")
        if item.kept:
            done += 1
            if row_id is not None and done < kept:
                await _write(
                    rt, partial(outbox_store.progress_on, row_id=row_id, done=done), row_id, done
                )
    if row_id is not None:
        await _write(rt, partial(outbox_store.settle_on, row_id=row_id), row_id, None)
        if accepted:
            # The one window in which a crash would send the last message again.
            rt.metrics.observe("outbox_window_seconds", time.perf_counter() - accepted)
    return True


async def send_one(bot: Any, chat_id: int, item: Outgoing) -> None:
    if item.edit_message_id is not None:
        markup = item.markup if isinstance(item.markup, InlineKeyboardMarkup) else None
        try:
            await bot.edit_message_text(
                chat_id=chat_id,
                message_id=item.edit_message_id,
                text=item.text,
                reply_markup=markup,
            )
            return
        except BadRequest as exc:
            if "not modified" in exc.message:
                return
            if "not found" not in exc.message and "can't be edited" not in exc.message:
                raise
        # The message is gone: send the text as a new one instead.
    if item.photo is not None:
        await bot.send_photo(
            chat_id=chat_id, photo=item.photo, caption=item.text, reply_markup=item.markup
        )
    elif item.document is not None:
        await bot.send_document(
            chat_id=chat_id,
            document=item.document,
            caption=item.text,
            filename=item.filename,
            reply_markup=item.markup,
        )
    else:
        await send_text(bot, chat_id, item.text, item.markup_data())


async def _gone(rt: Runtime, user_id: int, row_id: int | None, session: Any) -> None:
    await user_store.set_active(session=session, user_id=user_id, active=False, now=rt.clock.now())
    if row_id is not None:
        await outbox_store.settle(session=session, row_id=row_id)


async def _write(
    rt: Runtime,
    change: Callable[..., Any],
    row_id: int | None,
    done: int | None,
    *,
    orm: bool = False,
) -> None:
    """Write an outcome, waiting out a database outage (up to OUTCOME_PATIENCE seconds, or
    until the process stops); then keep it in the local file of pending outcomes, written
    back before the outbox is swept again. `done`: the row's count (None: settled).
    `change`: the outbox's own write, given a Core connection (the cheaper way); or, when
    `orm`, a coroutine function given a session (it reads or writes ORM objects)."""

    async def write() -> None:
        if orm:
            async with rt.db.session(urgent=True) as session:
                await change(session=session)
        else:
            await rt.db.write(change, urgent=True)

    def keep() -> None:
        if row_id is not None:
            rt.pending.keep_reply(row_id, done=done)

    await rt.pending.write_or_keep(
        write,
        keep,
        what="a reply's outcome",
        patience=OUTCOME_PATIENCE,
        stopping=lambda: rt.stopping,
    )
