"""python -m bot: read settings, build the application, run it.

With BOT_TOKEN: long polling against Telegram (or TELEGRAM_BASE_URL).
Without: the bot runs against the built-in Bot API emulator and this terminal is your chat.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from bot.app import LOCAL_TOKEN, build_application
from bot.config import ConfigError, Settings, load_settings
from bot.content import ContentError
from bot.logs import setup_logging

logger = logging.getLogger("bot")


def main(argv: list[str]) -> int:
    try:
        settings = load_settings()
    except ConfigError as exc:
        sys.stderr.write(f"Configuration error: {exc}\n")
        return 2
    secrets = [s.get_secret_value() for s in (settings.bot_token, settings.webhook_secret) if s]
    setup_logging(settings.log_level, secrets)
    command = argv[0] if argv else "run"
    try:
        if command == "run":
            if settings.bot_token is None:
                asyncio.run(run_local_chat(settings))
            else:
                run_polling(settings)
            return 0
    except ContentError as exc:
        sys.stderr.write(f"Content error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 0
    sys.stderr.write(f"Unknown command {command!r}. Use: python -m bot [run]\n")
    return 2


def run_polling(settings: Settings) -> None:
    application = build_application(settings)
    logger.info("starting long polling")
    application.run_polling(allowed_updates=None, drop_pending_updates=False)


async def run_local_chat(settings: Settings) -> None:
    """Run the real application against the local emulator; the terminal is the user's chat."""
    from bot.emulator.server import BotApiEmulator
    from bot.emulator.terminal import run_terminal_chat

    async with BotApiEmulator() as emu:
        emu.add_bot(LOCAL_TOKEN, username="SteadfastLocalBot")
        local = settings.model_copy(update={"telegram_base_url": emu.base_url})
        application = build_application(local, token=LOCAL_TOKEN)
        logging.getLogger().setLevel(logging.WARNING)
        async with application:
            assert application.post_init is not None
            await application.post_init(application)
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
                assert application.post_shutdown is not None
                await application.post_shutdown(application)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
