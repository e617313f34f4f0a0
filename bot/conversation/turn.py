"""One unit of work per update (the Turn): load, decide, save, then reply.

A Turn opens a database session, loads the user and their conversation, lets the handler
decide, and queues replies. Replies go out only after the session committed, so a user never
sees an answer whose state was not saved.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop

from bot.conversation.coalesce import coalesce
from bot.conversation.context import BotContext
from bot.conversation.flow import Reads, Registry
from bot.conversation.frames import Conversation
from bot.conversation.keyboards import Row, with_rows
from bot.conversation.outbox import Markup, Outgoing, send_owed, to_body
from bot.core.content import render
from bot.core.runtime import Runtime
from bot.services import comeback, daily
from bot.services.progress import local_today
from bot.services.tghtml import split_message
from bot.store import flows as flow_store
from bot.store import handled as handled_store
from bot.store import outbox as outbox_store
from bot.store import users as user_store
from bot.store.models import User
from bot.store.turns import load_turn_state

logger = logging.getLogger(__name__)


def runtime(context: BotContext) -> Runtime:
    return context.runtime


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
    outbox_row: int | None = None  # the row keeping the owed messages (bot/conversation/outbox)
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

    def fresh(self, key: str, **params: object) -> str:
        """A variant of `key` that this person has not read lately (none of their last few
        listening texts; at least never the one just before), filled like `t`."""
        variants = self.rt.content.variants(key)
        recent = self.rt.recent_texts.recent(self.user.id)
        options = [v for v in variants if v not in recent]
        if not options:
            options = [v for v in variants if v != recent[-1]] or variants
        chosen = self.rt.content.rng.choice(options)
        self.rt.recent_texts.note(self.user.id, chosen)
        return render(chosen, **params)

    def count(self, noun: str, n: int) -> str:
        """ "1 attempt" / "3 attempts": the content keys `progress.<noun>_one` and `_many`."""
        return self.t(f"progress.{noun}_{'one' if n == 1 else 'many'}", n=n)

    def days(self, n: int) -> str:
        """ "1 day" / "7 days", from content."""
        return self.count("days", n)

    def label(self, key: str) -> str:
        return self.rt.content.label(key)

    def say(self, text: str, markup: Markup = None) -> None:
        """Queue a message; one too long for Telegram goes as several, the buttons under the
        last (a list of twenty long reasons must still arrive, its buttons working)."""
        *first, last = split_message(text)
        self.outbox.extend(Outgoing(text=piece) for piece in first)
        self.outbox.append(Outgoing(text=last, markup=markup))

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
async def open_turn(update: Update, context: BotContext) -> AsyncIterator[Turn]:
    """Load the user and their conversation; save and then send replies when the block ends."""
    rt = runtime(context)
    tg_user = update.effective_user
    chat = update.effective_chat
    if tg_user is None or chat is None:
        raise ValueError("update without user or chat")
    now = rt.clock.now()
    async with rt.db.session() as session:
        # The handled-record first: a copy is dropped before anything is read, and the write
        # takes SQLite's write lock, so the user need not be inserted to take it.
        recorded = update.update_id not in rt.updates_recorded
        if not await _first_time(rt, session, update, now):
            await session.rollback()
            raise ApplicationHandlerStop
        state = await load_turn_state(
            session=session,
            user_id=tg_user.id,
            chat_id=chat.id,
            now=now,
            write_locked=recorded,
        )
        if state.created and update.callback_query is not None:
            # A button from before /delete (or forged): nothing is created for it.
            await session.rollback()
            await _answer_quietly(update, rt.content.text("core.stale_button"))
            raise ApplicationHandlerStop
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
        if _is_command(update):
            _end_open_menu(turn)
        yield turn
        if turn.convo.changed:
            await flow_store.save_stack(
                session=session,
                user_id=user.id,
                stack=turn.convo.to_json(),
                version=state.version,
                now=now,
            )
        turn.outbox = coalesce(turn.outbox)
        body = to_body(turn.outbox)
        if body is not None:
            turn.outbox_row = await outbox_store.put(
                session=session, user_id=user.id, chat_id=chat.id, body=body, now=now
            )
            if turn.outbox_row is not None:
                rt.sending.add(turn.outbox_row)  # ours from the commit on: not the sweep's
    for work in turn.after_commit:
        await work()
    await deliver(update, context, turn)
    for job in turn.background:
        start_background(rt, job())


def start_background(rt: Runtime, work: Coroutine[Any, Any, None]) -> None:
    """Run `work` as a task the application cancels when it stops (see Runtime.background)."""
    task = asyncio.get_running_loop().create_task(work)
    rt.background.add(task)

    def done(finished: asyncio.Task[None]) -> None:
        rt.background.discard(finished)
        if not finished.cancelled() and finished.exception() is not None:
            logger.error("background work failed", exc_info=finished.exception())
            rt.metrics.inc("errors")

    task.add_done_callback(done)


def _is_command(update: Update) -> bool:
    message = update.effective_message
    return bool(message and message.text and message.text.startswith("/"))


def _end_open_menu(turn: Turn) -> None:
    """A command is a new subject: a menu left open on top (the reasons list) ends quietly,
    so what is typed after the command is not read as the menu's; so does a question asking
    yes or no to a change (an "ok" after /settings is no yes to a new start date). A flow
    waiting for a typed answer stays (its "pick up where we were" still works)."""
    top = turn.convo.top
    flow = turn.flows.get(top.flow) if top is not None else None
    if top is None or flow is None or flow.keeps_everything:
        return
    menu = (
        flow.ends_on_detour
        and flow.reads_at(top.step) is Reads.BUTTONS
        and not flow.waits(top)  # a reason offered is kept through /status
    )
    if menu or top.step in flow.confirms_at:
        turn.convo.pop(top.flow)


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
    await send_owed(
        turn.rt,
        context.bot,
        user_id=turn.user.id,
        chat_id=turn.chat_id,
        items=turn.outbox,
        row_id=turn.outbox_row,
    )


async def _first_time(rt: Runtime, session: AsyncSession, update: Update, now: datetime) -> bool:
    """Record the update as handled in this transaction; False if it was handled before (a
    copy delivered again after a restart). A second turn of the same update is not a copy."""
    if update.update_id in rt.updates_recorded:
        return True
    if not await handled_store.record(session=session, update_id=update.update_id, now=now):
        rt.metrics.inc("updates_repeated")
        logger.info("update handled before a restart; not handled again")
        return False
    rt.updates_recorded.add(update.update_id)
    return True


async def _answer_quietly(update: Update, text: str) -> None:
    query = update.callback_query
    if query is None:
        return
    try:
        await query.answer(text)
    except BadRequest as exc:
        logger.info("callback answer refused: %s", exc.message)


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
        await flow_store.save_stack(
            session=session, user_id=user_id, stack=convo.to_json(), version=state.version, now=now
        )
