"""python -m bot: read settings, build the application, run it.

With BOT_TOKEN: long polling against Telegram (or TELEGRAM_BASE_URL).
Without: the bot runs against the built-in Bot API emulator and this terminal is your chat.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from sqlalchemy.engine.url import make_url
from telegram import Update

from bot.app import LOCAL_TOKEN, build_application
from bot.config import ConfigError, Settings, load_settings
from bot.core.content import ContentError
from bot.core.logs import setup_logging

logger = logging.getLogger("bot")


def main(argv: list[str]) -> int:
    try:
        settings = load_settings()
    except ConfigError as exc:
        sys.stderr.write(f"Configuration error: {exc}\n")
        return 2
    secrets = [s.get_secret_value() for s in (settings.bot_token, settings.webhook_secret) if s]
    secrets.append(make_url(settings.database_url).password or "")  # masked like the others
    setup_logging(settings.log_level, secrets)
    command = argv[0] if argv else "run"
    try:
        if command == "run":
            if settings.bot_token is None:
                asyncio.run(run_local_chat(settings))
            elif settings.webhook_url:
                asyncio.run(run_webhook(settings))
            else:
                run_polling(settings)
            return 0
    except ContentError as exc:
        sys.stderr.write(f"Content error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 0
    if command == "migrate":
        asyncio.run(migrate_only(settings))
        return 0
    sys.stderr.write(f"Unknown command {command!r}. Use: python -m bot [run|migrate]\n")
    return 2


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
    logger.info("starting long polling")
    application.run_polling(allowed_updates=None, drop_pending_updates=False)


async def run_webhook(settings: Settings) -> None:
    """Serve updates over HTTP behind a load balancer; stop cleanly on SIGTERM or SIGINT."""
    from bot.tg.webhook import start_web_server

    assert settings.webhook_url is not None
    assert settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    application = build_application(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with application:
        await application.bot.set_webhook(
            url=settings.webhook_url, secret_token=secret, allowed_updates=Update.ALL_TYPES
        )
        await application.start()
        runner = await start_web_server(
            application, secret=secret, url=settings.webhook_url,
            listen=settings.webhook_listen, port=settings.webhook_port,
        )
        logger.info("webhook mode: serving")
        await stop.wait()
        logger.info("shutting down: finishing in-flight updates and sends")
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


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
