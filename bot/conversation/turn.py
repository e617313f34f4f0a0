"""One unit of work per update (the Turn): load, decide, save, then reply.

A Turn opens a database session, loads the user and their conversation, lets the handler
decide, and queues replies. Replies go out only after the session committed, so a user never
sees an answer whose state was not saved.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from telegram import (
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import BadRequest, Forbidden

from bot.conversation.context import BotContext
from bot.conversation.flow import Registry
from bot.conversation.frames import Conversation
from bot.conversation.keyboards import Row, with_rows
from bot.core.runtime import Runtime
from bot.services import comeback, daily
from bot.services.progress import local_today
from bot.store import flows as flow_store
from bot.store import users as user_store
from bot.store.models import User
from bot.store.turns import load_turn_state
from bot.tg.sending import with_retries

logger = logging.getLogger(__name__)

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None


def runtime(context: BotContext) -> Runtime:
    return context.runtime


@dataclass
class Outgoing:
    text: str
    markup: Markup = None
    edit_message_id: int | None = None
    document: bytes | None = None
    photo: bytes | None = None
    filename: str | None = None


@dataclass
class Turn:
    """One update's unit of work."""

    rt: Runtime
    bot: Any
    flows: Registry
    session: AsyncSession
    user: User
    convo: Conversation
    now: datetime
    created: bool
    chat_id: int
    outbox: list[Outgoing] = field(default_factory=list)
    toast_text: str | None = None
    toast_alert: bool = False
    # Work that runs once the transaction is committed and the database released, before the
    # replies go out, so it may still add to them (drawing the /progress picture).
    after_commit: list[Callable[[], Coroutine[Any, Any, None]]] = field(default_factory=list)
    # Work that runs after the replies, as its own task (the breathing exercise's timed edits).
    background: list[Callable[[], Coroutine[Any, Any, None]]] = field(default_factory=list)

    @property
    def today(self) -> date:
        return local_today(self.now, self.user.tz)

    def t(self, key: str, **params: object) -> str:
        return self.rt.content.text(key, **params)

    def count(self, noun: str, n: int) -> str:
        """ "1 attempt" / "3 attempts": the content keys `progress.<noun>_one` and `_many`."""
        return self.t(f"progress.{noun}_{'one' if n == 1 else 'many'}", n=n)

    def days(self, n: int) -> str:
        """ "1 day" / "7 days", from content."""
        return self.count("days", n)

    def label(self, key: str) -> str:
        return self.rt.content.label(key)

    def say(self, text: str, markup: Markup = None) -> None:
        self.outbox.append(Outgoing(text=text, markup=markup))

    def edit(self, message_id: int, text: str, markup: Markup = None) -> None:
        self.outbox.append(Outgoing(text=text, markup=markup, edit_message_id=message_id))

    def send_photo(self, photo: bytes, caption: str) -> None:
        self.outbox.append(Outgoing(text=caption, photo=photo))

    def send_document(self, document: bytes, filename: str, caption: str) -> None:
        self.outbox.append(Outgoing(text=caption, document=document, filename=filename))

    def add_rows(self, rows: list[Row]) -> None:
        """Add button rows under the last message queued (or send them on their own)."""
        for item in reversed(self.outbox):
            if item.edit_message_id is None and item.photo is None and item.document is None:
                if item.markup is None or isinstance(item.markup, InlineKeyboardMarkup):
                    item.markup = with_rows(item.markup, rows)
                    return
                break
        raise LookupError("no message to put the buttons under")

    def toast(self, text: str | None = None, *, alert: bool = False) -> None:
        self.toast_text = text
        self.toast_alert = alert


@asynccontextmanager
async def open_turn(
    update: Update, context: BotContext
) -> AsyncIterator[Turn]:
    """Load the user and their conversation; save and then send replies when the block ends."""
    rt = runtime(context)
    tg_user = update.effective_user
    chat = update.effective_chat
    if tg_user is None or chat is None:
        raise ValueError("update without user or chat")
    now = rt.clock.now()
    async with rt.db.session() as session:
        state = await load_turn_state(
            session=session, user_id=tg_user.id, chat_id=chat.id, now=now
        )
        user = state.user
        away = await daily.reactivate(session=session, user=user, now=now)
        turn = Turn(
            rt=rt,
            bot=context.bot,
            flows=context.flows,
            session=session,
            user=user,
            convo=Conversation.from_json(state.stack, now),
            now=now,
            created=state.created,
            chat_id=chat.id,
        )
        # Back after blocking the bot: one short welcome, then their message is handled
        # (/start says its own welcome back).
        welcome = turn.convo.pop(comeback.WELCOME_FLOW) is not None
        if (welcome or away) and not _is_start(update):
            turn.say(turn.t("privacy.welcome_back"))
        yield turn
        if turn.convo.changed:
            await flow_store.save_stack(
                session=session,
                user_id=user.id,
                stack=turn.convo.to_json(),
                version=state.version,
                now=now,
            )
    for work in turn.after_commit:
        await work()
    await deliver(update, context, turn)
    for job in turn.background:
        context.application.create_task(job(), update=update)


def _is_start(update: Update) -> bool:
    message = update.effective_message
    return bool(message and message.text and message.text.startswith("/start"))


async def deliver(update: Update, context: BotContext, turn: Turn) -> None:
    """Answer the button press, then send or edit the queued messages in order."""
    query = update.callback_query
    if query is not None:
        try:
            await query.answer(turn.toast_text, show_alert=turn.toast_alert)
        except BadRequest as exc:
            logger.info("callback answer refused: %s", exc.message)
    bot = context.bot
    for item in turn.outbox:
        try:
            await with_retries(partial(_send_one, bot, turn.chat_id, item))
            turn.rt.metrics.inc("replies_sent")
        except Forbidden:
            await mark_inactive(context, turn.user.id)
            return


async def _send_one(bot: Any, chat_id: int, item: Outgoing) -> None:
    if item.edit_message_id is not None:
        markup = item.markup if isinstance(item.markup, InlineKeyboardMarkup) else None
        try:
            await bot.edit_message_text(
                chat_id=chat_id, message_id=item.edit_message_id, text=item.text,
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
        await bot.send_photo(chat_id=chat_id, photo=item.photo, caption=item.text,
                             reply_markup=item.markup)
    elif item.document is not None:
        await bot.send_document(chat_id=chat_id, document=item.document, caption=item.text,
                                filename=item.filename, reply_markup=item.markup)
    else:
        await bot.send_message(chat_id=chat_id, text=item.text, reply_markup=item.markup)


async def mark_inactive(context: BotContext, user_id: int) -> None:
    """The user blocked the bot: send nothing more until they write again."""
    rt = runtime(context)
    async with rt.db.session() as session:
        await user_store.set_active(
            session=session, user_id=user_id, active=False, now=rt.clock.now()
        )
    logger.info("user marked inactive after Forbidden")


async def peek(rt: Runtime, user_id: int) -> tuple[str | None, Conversation]:
    """The person's time zone and conversation, read without a turn (nothing is written)."""
    async with rt.db.session() as session:
        user = await user_store.get_user(session=session, user_id=user_id)
        stack, _ = await flow_store.load_stack(session=session, user_id=user_id)
    return (user.tz if user else None), Conversation.from_json(stack, rt.clock.now())


async def change_conversation(
    rt: Runtime, user_id: int, chat_id: int, change: Callable[[Conversation], None]
) -> None:
    """Apply `change` to the person's conversation in a transaction of its own."""
    now = rt.clock.now()
    async with rt.db.session() as session:
        state = await load_turn_state(session=session, user_id=user_id, chat_id=chat_id, now=now)
        convo = Conversation.from_json(state.stack, now)
        change(convo)
        await flow_store.save_stack(session=session, user_id=user_id, stack=convo.to_json(),
                                    version=state.version, now=now)
