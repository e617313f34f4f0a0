"""Read settings, build the application, run it (what `python -m bot` runs).

With BOT_TOKEN: long polling against Telegram (or TELEGRAM_BASE_URL).
Without: the bot runs against the built-in Bot API emulator and this terminal is your chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from urllib.parse import urlsplit

from sqlalchemy.engine.url import make_url
from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import Application

from bot.app import LOCAL_TOKEN, build_application
from bot.config import ConfigError, Settings, load_settings
from bot.core.content import ContentError
from bot.core.logs import RedactingFilter, install_exception_hooks, one_line, setup_logging
from bot.core.stopping import (
    Stopping,
    check,
    ignore_from_now,
    install_early,
    stop_on_signals,
    was_asked,
)

logger = logging.getLogger("bot")


def main(argv: list[str]) -> int:
    install_early()
    try:
        return _main(argv)
    except Stopping:
        if argv[:1] == ["migrate"]:  # a script must not go on as if the schema were ready
            sys.stderr.write("Start-up failed: migration interrupted by a stop signal\n")
            return 130
        sys.stderr.write("Stopped before start-up finished (stop signal)\n")
        return 0
    finally:
        # The event loop is closed by now and asyncio put the default handlers back: a signal
        # arriving while the interpreter exits is ignored, not fatal.
        ignore_from_now()


def _main(argv: list[str]) -> int:
    redactor = RedactingFilter([])
    install_exception_hooks(redactor)
    try:
        settings = load_settings()
    except ConfigError as exc:
        sys.stderr.write(redactor.clean(f"Configuration error: {exc}") + "\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - one masked line, never a traceback
        sys.stderr.write(redactor.clean(f"Start-up failed: reading settings: {one_line(exc)}\n"))
        return 1
    secrets = [s.get_secret_value() for s in (settings.bot_token, settings.webhook_secret) if s]
    with contextlib.suppress(Exception):  # a URL SQLAlchemy cannot parse names no password
        secrets.append(make_url(settings.database_url).password or "")  # masked like the others
    redactor = setup_logging(settings.log_level, secrets)
    install_exception_hooks(redactor)
    command = argv[0] if argv else "run"
    if command not in ("run", "migrate"):
        sys.stderr.write(f"Unknown command {command!r}. Use: python -m bot [run|migrate]\n")
        return 2
    try:
        check()  # a signal swallowed so far stops start-up here
        if command == "migrate":
            asyncio.run(migrate_only(settings))
        elif settings.bot_token is None:
            asyncio.run(run_local_chat(settings))
        elif settings.webhook_url:
            asyncio.run(run_webhook(settings))
        else:
            run_polling(settings)
        return 0
    except ContentError as exc:
        sys.stderr.write(redactor.clean(f"Content error: {exc}") + "\n")
        return 2
    except Stopping:
        return _stopped(command, local=settings.bot_token is None)
    except KeyboardInterrupt:
        if command == "run" and settings.bot_token is None:
            return 0  # Ctrl-C is how one leaves the local chat
        _quiet_leftovers()
        sys.stderr.write(f"{_stage()}: interrupted (Ctrl-C)\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - one masked line, never a traceback
        if was_asked() and not _serving:  # the stop's exception, back as a library's own error
            return _stopped(command, local=settings.bot_token is None)
        _quiet_leftovers()
        sys.stderr.write(redactor.clean(f"{_stage()}: {describe_failure(exc, settings)}") + "\n")
        return 1


def _stopped(command: str, *, local: bool) -> int:
    """A stop signal ended start-up: say so in one line; only "migrate" fails for it."""
    if command == "run" and local:
        return 0  # Ctrl-C is how one leaves the local chat
    _quiet_leftovers()
    if command == "migrate":  # a script must not go on as if the schema were ready
        sys.stderr.write("Start-up failed: migration interrupted by a stop signal\n")
        return 130
    sys.stderr.write(f"{_stage()}: stopped by a stop signal\n")
    return 0


_serving = False  # set once the bot takes updates: a failure after that is not start-up's


def _stage() -> str:
    return "Stopped" if _serving else "Start-up failed"


def _quiet_leftovers() -> None:
    """After a failure, connections a half-started application still holds are closed by the
    garbage collector; asyncio would log each at ERROR, repeating what the one line says."""
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)


def describe_failure(exc: BaseException, settings: Settings) -> str:
    """What failed, in one line, without a token (PTB's InvalidToken message names it)."""
    api = urlsplit(settings.telegram_base_url).netloc or settings.telegram_base_url
    if isinstance(exc, InvalidToken):
        return f"the Bot API at {api} refused BOT_TOKEN (401 Unauthorized); check the token"
    if isinstance(exc, TimedOut):
        return f"the Bot API at {api} did not answer in time"
    if isinstance(exc, BadRequest):  # a NetworkError in PTB's hierarchy, but an answer
        return f"the Bot API at {api} refused a request: {exc.message}"
    if isinstance(exc, NetworkError):
        return f"cannot reach the Bot API at {api}: {exc.message}"
    if isinstance(exc, TelegramError):
        return f"the Bot API at {api} answered with an error: {exc.message}"
    if isinstance(exc, TimeoutError):
        return "timed out: " + one_line(exc)
    return one_line(exc)


async def migrate_only(settings: Settings) -> None:
    """Upgrade the database schema to the newest revision and stop."""
    from bot.store import migrate
    from bot.store.db import Database

    db = Database(settings.database_url)
    try:
        await migrate.upgrade(db)
    finally:
        await db.dispose()


def run_polling(settings: Settings) -> None:
    application = build_application(settings)

    async def serving(_application: Application) -> None:
        global _serving
        _serving = True

    application.post_init = serving
    # The loop is made here so that stop signals are taken by it from the start: during
    # initialize() a signal makes PTB stop as soon as start-up finishes (stop_running), after
    # it the loop stops and PTB's own shutdown runs; a second signal is ignored.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def stop() -> None:
        # PTB looks at stop_running() only once post_init is done, and again once it runs:
        # a signal in between (while polling starts) is passed on when it is running.
        application.stop_running()
        if not application.running:
            loop.call_later(0.1, again)

    def again() -> None:
        if application.running:
            application.stop_running()
        else:
            loop.call_later(0.1, again)

    stop_on_signals(loop, stop)
    logger.info("starting long polling")
    application.run_polling(allowed_updates=None, drop_pending_updates=False, stop_signals=None)


async def run_webhook(settings: Settings) -> None:
    """Serve updates over HTTP behind a load balancer; stop cleanly on SIGTERM or SIGINT."""
    global _serving
    from bot.tg.webhook import start_web_server

    assert settings.webhook_url is not None
    assert settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    application = build_application(settings)
    stop = asyncio.Event()
    stop_on_signals(asyncio.get_running_loop(), stop.set)
    async with application:
        await application.start()
        # Listen first, register second: an instance that cannot take its port (in use) fails
        # here without pointing Telegram at itself.
        try:
            runner = await start_web_server(
                application,
                secret=secret,
                url=settings.webhook_url,
                listen=settings.webhook_listen,
                port=settings.webhook_port,
            )
        except BaseException:
            await application.stop()
            raise
        try:
            if not stop.is_set():
                await application.bot.set_webhook(
                    url=settings.webhook_url,
                    secret_token=secret,
                    allowed_updates=Update.ALL_TYPES,
                )
                _serving = True
                logger.info("webhook mode: serving")
                await stop.wait()
            logger.info("shutting down: finishing in-flight updates and sends")
        finally:
            await runner.cleanup()  # stop taking updates first
            await application.stop()  # then let queued updates and running jobs finish


async def run_local_chat(settings: Settings) -> None:
    """Run the real application against the local emulator; the terminal is the user's chat."""
    from bot.emulator.server import BotApiEmulator
    from bot.emulator.terminal import run_terminal_chat

    # One person typing cannot flood a chat; a roomy per-chat burst keeps replies instant.
    async with BotApiEmulator(per_chat_burst=30) as emu:
        emu.add_bot(LOCAL_TOKEN, username="SteadfastLocalBot")
        local = settings.model_copy(update={"telegram_base_url": emu.base_url})
        application = build_application(local, token=LOCAL_TOKEN)
        # The terminal is the chat: only warnings and errors may interrupt it.
        setup_logging("WARNING", [])
        async with application:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(poll_interval=0.0, timeout=10)
            try:
                await run_terminal_chat(
                    emu, emu.user(1, first_name="You"), stdin=sys.stdin, stdout=sys.stdout
                )
            finally:
                await application.updater.stop()
                await application.stop()
