"""Daily fan-out benchmark: the production tick sending to a cohort due in the same minute.

For each database size (1,000 and 100,000 users spread over time zones) a fresh SQLite file
is seeded, then a separate process runs the real Application (its JobQueue tick, the claims,
AIORateLimiter) against the loopback emulator with the clock set to the due minute, and
reports: the due-user query time, the achieved send rate as a ratio of the configured rate,
the emulator's 429s, the process's peak memory, and the time to the first reply of a person
typing /urge every 2.5 seconds during the fan-out (p50, p99), once with the bot's own limiter
(replies ahead of scheduled sends) and once with PTB's AIORateLimiter as configured before.

The bot's configured rate and the emulator's global limit are both SCALE x Telegram's 30
messages a second (default SCALE 1: the real rate; bot and emulator share one process, so a
higher scale measures this machine's CPU rather than the scheduler). The cohort due in the
same minute is COHORT users in both sizes, which keeps a run near 35 s a size.

    .venv/bin/python bench/daily_fanout.py            # both sizes
    .venv/bin/python bench/daily_fanout.py --scale 5 --cohort 3000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bot.store import migrate  # noqa: E402
from bot.store.db import Database  # noqa: E402
from bot.store.models import Attempt, User  # noqa: E402

TOKEN = "5555555555:bench-daily-fanout-token"
DUE_AT = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)
ZONES = [
    "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles",
    "America/Sao_Paulo", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "Africa/Lagos",
    "Europe/Moscow", "Asia/Shanghai", "America/Mexico_City", "Pacific/Auckland", "Asia/Dubai",
]


def seed(path: Path, users: int, cohort: int) -> None:
    """Users spread over zones and minutes; `cohort` of them due exactly at DUE_AT."""

    async def run() -> None:
        db = Database(f"sqlite+aiosqlite:///{path}")
        await migrate.upgrade(db)
        now = DUE_AT - timedelta(hours=12)
        rows, attempts = [], []
        for i in range(users):
            zone = ZONES[i % len(ZONES)]
            due = DUE_AT if i < cohort else DUE_AT + timedelta(minutes=1 + i % 1439)
            rows.append(
                {
                    "id": 10_000_000 + i, "chat_id": 10_000_000 + i, "tz": zone,
                    "daily_time": clock_time(21), "onboarded": True, "active": True,
                    "weekly_summary": True, "created_at": now, "updated_at": now,
                    "next_daily_at": due,
                }
            )
            attempts.append(
                {"user_id": 10_000_000 + i, "number": 1, "start_date": date(2026, 11, 1),
                 "created_at": now}
            )
        async with db.engine.begin() as conn:
            for start in range(0, users, 5000):
                await conn.execute(insert(User), rows[start : start + 5000])
                await conn.execute(insert(Attempt), attempts[start : start + 5000])
        await db.dispose()

    asyncio.run(run())


def fan_out(path: Path, cohort: int, scale: float, limiter: str) -> dict[str, float]:
    """Run in its own process: the production application, the tick, the emulator.

    A person types /urge every 2.5 seconds while the fan-out runs; the time to the bot's
    first reply to each is collected. `limiter` "ptb" swaps in PTB's AIORateLimiter as it was
    configured before (3 per 100 ms), for a side-by-side run."""
    from bot.app import build_application
    from bot.config import Settings
    from bot.core.clock import MovableClock
    from bot.emulator.server import BotApiEmulator
    from bot.store import deliveries as delivery_store

    async def run() -> dict[str, float]:
        rate = 30.0 * scale
        async with BotApiEmulator(global_rate=rate, global_burst=int(rate)) as emu:
            emu.add_bot(TOKEN)
            for i in range(cohort):
                emu.user(10_000_000 + i).start_chat()
            settings = Settings(
                _env_file=None,  # type: ignore[call-arg]
                bot_token=TOKEN, telegram_base_url=emu.base_url,
                database_url=f"sqlite+aiosqlite:///{path}", send_rate=rate, tick_seconds=1.0,
            )
            clock = MovableClock(DUE_AT - timedelta(minutes=5))
            app = build_application(settings, clock=clock)
            if limiter == "ptb":
                from telegram.ext import AIORateLimiter

                class OldLimiter(AIORateLimiter):
                    """PTB's limiter as configured before; it reads `rate_limit_args` as a
                    retry count, so the jobs' {"bulk": True} is dropped."""

                    async def process_request(  # type: ignore[override]
                        self, callback: Any, args: Any, kwargs: Any, endpoint: str,
                        data: dict[str, Any], rate_limit_args: Any,
                    ) -> Any:
                        return await super().process_request(
                            callback, args, kwargs, endpoint, data, None
                        )

                app.bot._rate_limiter = OldLimiter(  # noqa: SLF001 - a bench's swap
                    overall_max_rate=rate / 10, overall_time_period=0.1, max_retries=3
                )
            typist = emu.user(999)
            typist.start_chat()
            latencies: list[float] = []

            replied = asyncio.Event()
            typist.watch(lambda _kind, _message: replied.set())

            async def type_urges() -> None:
                while True:
                    replied.clear()
                    started = time.perf_counter()
                    await typist.send("/urge")
                    await asyncio.wait_for(replied.wait(), 30)  # its first reply
                    latencies.append(time.perf_counter() - started)
                    await asyncio.sleep(2.5)  # within Telegram's 1 a second per chat
            rt = app.bot_data["steadfast.runtime"]
            # The due-user query alone, as the tick runs it (first batch).
            started = time.perf_counter()
            for _ in range(20):
                async with rt.db.session() as session:
                    await delivery_store.due_users(session=session, now=DUE_AT, limit=200)
            query_ms = (time.perf_counter() - started) / 20 * 1000
            await app.initialize()
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            clock.set(DUE_AT)
            begin = time.perf_counter()
            typing = asyncio.create_task(type_urges())
            while emu.stats.messages_sent - len(typist.inbox) < cohort:
                await asyncio.sleep(0.05)
                if time.perf_counter() - begin > cohort / rate * 3 + 60:
                    break
            elapsed = time.perf_counter() - begin
            typing.cancel()
            sent = emu.stats.messages_sent - len(typist.inbox)
            latencies.sort()
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
            return {
                "sent": sent,
                "elapsed_s": elapsed,
                "rate": sent / elapsed,
                "configured": rate,
                "too_many_requests": emu.stats.rate_limited,
                "query_ms": query_ms,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "urge_p50_ms": latencies[len(latencies) // 2] * 1000 if latencies else -1,
                "urge_p99_ms": (latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
                                * 1000 if latencies else -1),
                "urges": len(latencies),
            }

    return asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--cohort", type=int, default=1000)
    parser.add_argument("--scale", type=float, default=1.0, help="x Telegram's 30/s")
    parser.add_argument("--limiters", default="steadfast,ptb",
                        help="steadfast (bot/tg/limiter.py) and/or ptb (the old AIORateLimiter)")
    parser.add_argument("--worker", nargs=3, metavar=("DB", "COHORT", "LIMITER"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        result = fan_out(Path(args.worker[0]), int(args.worker[1]), args.scale, args.worker[2])
        print(json.dumps(result))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"daily fan-out: cohort of {args.cohort} users due in one minute; configured rate "
          f"{30 * args.scale:.0f}/s = {args.scale:g} x Telegram's 30/s (scaled run)")
    results: dict[tuple[int, str], dict[str, float]] = {}
    limiters = args.limiters.split(",")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            for limiter in limiters:
                path = Path(folder) / f"users-{size}-{limiter}.db"
                seed(path, size, min(args.cohort, size))
                worker = subprocess.run(
                    [sys.executable, __file__, "--scale", str(args.scale),
                     "--worker", str(path), str(min(args.cohort, size)), limiter],
                    check=True, capture_output=True, text=True,
                )
                results[size, limiter] = json.loads(worker.stdout.strip().splitlines()[-1])
    print(f"{'users':>8} {'limiter':>9} {'sent':>6} {'rate/s':>8} {'ratio':>6} {'429s':>5} "
          f"{'query ms':>9} {'peak MB':>8} {'/urge p50':>10} {'p99 ms':>7}")
    for (size, limiter), r in results.items():
        print(f"{size:>8} {limiter:>9} {r['sent']:>6.0f} {r['rate']:>8.1f} "
              f"{r['rate'] / r['configured']:>6.3f} {r['too_many_requests']:>5.0f} "
              f"{r['query_ms']:>9.2f} {r['peak_rss_mb']:>8.1f} {r['urge_p50_ms']:>10.0f} "
              f"{r['urge_p99_ms']:>7.0f}")
    for size in sizes:
        if (size, "steadfast") in results and (size, "ptb") in results:
            ours, theirs = results[size, "steadfast"], results[size, "ptb"]
            print(f"{size} users: /urge first reply during the fan-out, steadfast vs ptb limiter: "
                  f"p50 {ours['urge_p50_ms'] / theirs['urge_p50_ms']:.2f}x, "
                  f"p99 {ours['urge_p99_ms'] / theirs['urge_p99_ms']:.2f}x")
    results_by_size = {size: results[size, limiters[0]] for size in sizes}
    if len(sizes) == 2:
        small, large = (results_by_size[s] for s in sizes)
        print(f"peak memory ratio {sizes[1]} vs {sizes[0]} users: "
              f"{large['peak_rss_mb'] / small['peak_rss_mb']:.2f} (target <= 1.3)")
        print(f"due-query time ratio: {large['query_ms'] / small['query_ms']:.2f}")


if __name__ == "__main__":
    main()
