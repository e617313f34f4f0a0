"""build_application(settings): the one place where handlers are registered, in order."""

from __future__ import annotations

import asyncio
import logging

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import Settings
from bot.conversation import codec, resume, router
from bot.conversation.context import FLOWS_KEY, BotContext
from bot.conversation.flow import Registry
from bot.core.clock import Clock, SystemClock
from bot.core.content import Content, load_content
from bot.core.drawing import Drawing
from bot.core.runtime import RUNTIME_KEY, Runtime, runtime_of
from bot.handlers import (
    admin,
    daily,
    errors,
    fallback,
    faq,
    info,
    listen,
    membership,
    onboarding,
    once,
    panic,
    privacy,
    progress_chart,
    reasons,
    safety,
    senderless,
    settings,
    slip,
    startdate,
    urge,
)
from bot.jobs.checkins import checkin_tick
from bot.jobs.daily import daily_tick
from bot.jobs.outbox import outbox_tick
from bot.services import language, timezones
from bot.services.faq import FaqMatcher
from bot.store import migrate
from bot.store.db import Database
from bot.store.pending import PendingOutcomes
from bot.tg.client import AiohttpRequest
from bot.tg.limiter import PriorityRateLimiter
from bot.tg.updates import PerChatUpdateProcessor

logger = logging.getLogger(__name__)

# Commands shown in Telegram's menu, in menu order; descriptions come from content.
MENU_COMMANDS = (
    "urge",
    "status",
    "reasons",
    "slip",
    "history",
    "progress",
    "faq",
    "pause",
    "resume",
    "time",
    "timezone",
    "settings",
    "help",
    "about",
    "privacy",
    "export",
    "delete",
    "cancel",
    "start",
)
LOCAL_TOKEN = "1000001:steadfast-local-demo-token"
QUICK_TICK_SECONDS = 10.0
SEND_MARGIN = 0.995


def build_application(
    settings: Settings,
    *,
    clock: Clock | None = None,
    content: Content | None = None,
    token: str | None = None,
) -> Application:
    """Build the bot: settings, clock, database and content wired into one Application."""
    content = content or load_content(settings.content_dir)
    rt = Runtime(
        settings=settings,
        clock=clock or SystemClock(),
        db=Database(settings.database_url),
        content=content,
        matcher=FaqMatcher(list(content.faq_entries.values())),
        pending=PendingOutcomes(settings.pending_outcomes_file),
        drawing=Drawing(settings.chart_processes),
    )
    bot_token = token or (
        settings.bot_token.get_secret_value() if settings.bot_token else LOCAL_TOKEN
    )
    application = (
        ApplicationBuilder()
        .application_class(SteadfastApplication)
        .context_types(ContextTypes(context=BotContext))
        .token(bot_token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.base_file_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        # Replies to someone who just wrote go ahead of scheduled sends (bot/tg/limiter.py,
        # which also holds the limit model and is the one place 429s are retried).
        # Half a percent under the configured rate, with a third of a second's burst: calls
        # reach Telegram with some jitter, and its own bucket must never be met empty (no 429
        # in a fan-out; bench/daily_fanout.py).
        .rate_limiter(
            PriorityRateLimiter(
                rate=settings.send_rate * SEND_MARGIN, burst=max(1.0, settings.send_rate / 3)
            )
        )
        .concurrent_updates(PerChatUpdateProcessor(rt.metrics))
        .request(AiohttpRequest(connection_pool_size=64))
        .get_updates_request(AiohttpRequest(connection_pool_size=1))
        .build()
    )
    application.bot_data[RUNTIME_KEY] = rt
    application.bot_data[FLOWS_KEY] = build_registry()
    rt.metrics.gauge("update_queue_depth", application.update_queue.qsize)
    register_handlers(application)
    # One repeating tick asks the store who is due; never one job per user.
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        daily_tick, interval=settings.tick_seconds, first=settings.tick_seconds, name="daily-tick"
    )
    # Check-ins and the outbox sweep on jobs of their own, so a long fan-out never holds
    # "I'll check back in 10 minutes" (or a reply left by a crash) behind it.
    quick = min(settings.tick_seconds, QUICK_TICK_SECONDS)
    application.job_queue.run_repeating(
        checkin_tick, interval=quick, first=quick, name="checkin-tick"
    )
    application.job_queue.run_repeating(
        outbox_tick, interval=quick, first=quick, name="outbox-tick"
    )
    return application


def build_registry() -> Registry:
    """Every conversation flow, once; and what free text reaches when no flow takes it."""
    return Registry.of(
        [
            onboarding.FLOW,
            urge.FLOW,
            reasons.FLOW,
            slip.FLOW,
            daily.STRUGGLE_FLOW,
            daily.LENGTH_FLOW,
            startdate.FLOW,
            safety.FLOW,
        ],
        free_text=listen.answer,
        first_look=panic.answer,  # a panic attack: grounding before any question
    )


def register_handlers(app: Application) -> None:
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    # At the door: an update with no sender has no one to answer (group -3); a copy delivered
    # again goes no further (group -2). Both before all else.
    app.add_handler(TypeHandler(Update, senderless.drop), group=-3)
    app.add_handler(TypeHandler(Update, once.drop_repeat), group=-2)
    # Safety first (group -1): a message about suicide, self-harm or danger is answered
    # before anything else, whatever flow the user is in, and goes no further.
    app.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE
            & (filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE)
            & (filters.TEXT | filters.CAPTION),
            safety.check_message,
        ),
        group=-1,
    )
    # Group chats first: the bot works in private chats only, so nothing below may see them.
    app.add_handler(
        MessageHandler(~filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE, fallback.group_chat)
    )
    # Commands before free text, so "/status" is never read as an answer to a question.
    commands = {
        "start": onboarding.start,
        "status": onboarding.status_command,
        # what people guess for it (a session-30 chat: "/today" got "I don't know that
        # command"); not in the menu
        "today": onboarding.status_command,
        "streak": onboarding.status_command,
        "count": onboarding.status_command,
        "help": info.show_help,
        "about": info.show_about,
        "cancel": info.cancel,
        "time": onboarding.change_time,
        "timezone": onboarding.change_timezone,
        "faq": faq.show_menu,
        "stats": admin.show_stats,  # admins only; not in the menu
        "pause": daily.pause,
        "resume": daily.resume,
        "progress": progress_chart.show_progress,
        "settings": settings.show_settings,
        "privacy": privacy.show_privacy,
        "export": privacy.export,
        "delete": privacy.delete,
        "urge": urge.start_command,
        "reasons": reasons.show,
        "slip": slip.start,
        "history": slip.show_history,
        # reached for in a crisis at 2 a.m.: as the "I'm not safe" button (not in the menu)
        "sos": safety.sos_command,
        "crisis": safety.sos_command,
        "panic": safety.sos_command,
        "emergency": safety.sos_command,
        "helpme": safety.sos_command,
    }
    for name, callback in commands.items():
        app.add_handler(CommandHandler(name, callback, filters=private))
    # Buttons by prefix (one codec, bot/conversation/codec.py); anything else (forged or
    # stale) falls to unknown_button below. Stateless buttons first, then every registered
    # flow's prompt buttons through one dispatcher.
    app.add_handler(CallbackQueryHandler(safety.on_button, pattern=codec.pattern(safety.NAME)))
    app.add_handler(CallbackQueryHandler(daily.on_mood, pattern=codec.pattern("day")))
    app.add_handler(CallbackQueryHandler(settings.on_button, pattern=codec.pattern(settings.FLOW)))
    app.add_handler(CallbackQueryHandler(faq.on_button, pattern=codec.pattern(faq.FLOW)))
    app.add_handler(CallbackQueryHandler(resume.on_button, pattern=codec.pattern(resume.PREFIX)))
    flows = [name for name in build_registry().names() if name != safety.NAME]
    app.add_handler(
        CallbackQueryHandler(router.on_flow_button, pattern=router.button_flows_pattern(flows))
    )
    # Typed answers and free text; a location only means something as a time-zone answer.
    app.add_handler(MessageHandler(private & filters.LOCATION, onboarding.on_location))
    app.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, router.on_text))
    # What is left: unknown commands, then stickers, photos, voice notes and the like.
    app.add_handler(MessageHandler(private & filters.COMMAND, fallback.unknown_command))
    app.add_handler(MessageHandler(private, fallback.non_text))
    app.add_handler(CallbackQueryHandler(fallback.unknown_button))
    app.add_handler(
        ChatMemberHandler(membership.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    # Edited messages and channel posts are ignored by design.
    app.add_error_handler(errors.on_error)


class SteadfastApplication(Application):
    """PTB's Application whose initialize() and shutdown() also bring the bot's own state up
    and down, so run_polling(), `async with application:` and the tests start it the same way
    (nothing calls a post_init hook by hand)."""

    async def initialize(self) -> None:
        await super().initialize()
        await _start_up(self)

    async def stop(self) -> None:
        # Timed work (the breathing exercise) would hold the stop for up to a minute; what it
        # owes the person is kept in the store and sent by the next process.
        rt = runtime_of(self.bot_data)
        rt.stopping = True  # outcome writers waiting for the database stop waiting
        # No tick starts from now on: PTB waits for the running ones, but one begun while it
        # waits would be cancelled by APScheduler's shutdown and logged as a failed job.
        if self.job_queue is not None and self.job_queue.scheduler.running:
            self.job_queue.scheduler.pause()
        background = rt.background
        for task in list(background):
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        await super().stop()

    async def shutdown(self) -> None:
        try:
            await super().shutdown()
        finally:
            runtime_of(self.bot_data).drawing.close()
            await runtime_of(self.bot_data).db.dispose()


async def _start_up(app: Application) -> None:
    rt = runtime_of(app.bot_data)
    if rt.settings.migrate_on_start:
        await migrate.upgrade(rt.db)
    # Outcomes an earlier process kept through a database outage, before anything is claimed.
    await rt.pending.write_back(rt.db)
    # Off the event loop and before the first update: built lazily, the first time-zone
    # answer after a start would hold every chat up for over a second.
    await asyncio.to_thread(timezones.preload)
    await asyncio.to_thread(language.preload)
    descriptions = rt.content.mapping("core.commands")
    try:
        await app.bot.set_my_commands(
            [BotCommand(name, descriptions[name]) for name in MENU_COMMANDS]
        )
    except TelegramError as exc:
        logger.warning("could not register the command menu: %s", exc)
    try:
        await app.bot.set_my_description(rt.content.label("core.description"))
        await app.bot.set_my_short_description(rt.content.label("core.short_description"))
    except TelegramError as exc:
        logger.warning("could not set the bot's description: %s", exc)
