"""The outbox's double-send window: from Telegram accepting a reply to its outbox row settled.

A crash inside that window is the only way a reply goes out twice (bot/conversation/outbox.py).
The real bot runs in this process against the emulator on SQLite (a file) or on PostgreSQL
(`DATABASE_URL=postgresql://...`); simulated users each send /status and a few other commands,
and the bot's own `outbox_window_seconds` observation is printed: how many replies, the mean
and the longest window.

    .venv/bin/python bench/outbox.py [--users 200] [--steps 5]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import build_application  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.core.runtime import runtime_of  # noqa: E402
from bot.emulator.driver import SimUser  # noqa: E402
from bot.emulator.server import BotApiEmulator  # noqa: E402
from bot.store import migrate  # noqa: E402
from bot.store.db import Database  # noqa: E402

TOKEN = "4242424242:bench-outbox-token"
STEPS = ("/status", "/help", "/reasons", "/status", "/about")


async def walk(user: SimUser, steps: int) -> None:
    await user.send("/start")
    await user.replies(3, timeout=60)
    for i in range(steps):
        await user.send(STEPS[i % len(STEPS)])
        await user.replies(1, timeout=60)


async def main(users: int, steps: int) -> None:
    logging.basicConfig(level=logging.WARNING)
    folder = tempfile.mkdtemp()
    url = os.environ.get("DATABASE_URL") or f"sqlite+aiosqlite:///{folder}/bench.db"
    db = Database(url)
    await migrate.upgrade(db)
    await db.dispose()
    async with BotApiEmulator(per_chat_rate=1e6, per_chat_burst=10**6, global_rate=1e6,
                              global_burst=10**6) as emu:
        emu.add_bot(TOKEN)
        settings = Settings(_env_file=None, bot_token=TOKEN,  # type: ignore[call-arg]
                            telegram_base_url=emu.base_url, database_url=url, send_rate=1000)
        app = build_application(settings)
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            started = time.perf_counter()
            await asyncio.gather(*(walk(emu.user(10_000 + i), steps) for i in range(users)))
            took = time.perf_counter() - started
            await app.updater.stop()
            await app.stop()
            count, total, top = runtime_of(app.bot_data).metrics.observed("outbox_window_seconds")
    kind = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(f"outbox window on {kind}: {count} turns with replies settled in {took:.1f} s; "
          f"window mean {total / max(count, 1) * 1000:.2f} ms, max {top * 1000:.2f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.users, args.steps))
