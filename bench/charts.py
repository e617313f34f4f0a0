"""Charts off the critical path: another chat's /help while six people draw /progress.

The bot runs in a child process of its own (as `make run` would), against the emulator in
this process, on a SQLite file in a temporary folder. Seven simulated users are set up; six
get ninety days of history (urges, a slip, moods: a full chart), written straight into the
database between set-up and the run. Then:

1. idle: the seventh user sends /help, waits for the reply, 40 times; the latency of each
   (from sending to the reply arriving) is recorded;
2. loaded: the same, while the six each ask /progress again as soon as their picture arrives.

Printed: /help p50 and p99 idle and loaded, their ratio (issue target: p50 loaded at most
1.5x idle), and how many pictures were drawn while /help was measured. Several rounds; each
round measures idle and loaded back to back, so a busy moment hits both alike.

    .venv/bin/python bench/charts.py              # 3 rounds
    .venv/bin/python bench/charts.py --rounds 5
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.serving import poll_until_parent_goes  # noqa: E402
from bot.emulator.driver import SimUser  # noqa: E402
from bot.emulator.server import BotApiEmulator  # noqa: E402

TOKEN = "5555555555:bench-charts-steadfast-token"
DRAWERS = 6
SAMPLES = 40
DAYS = 90


async def serve(base_url: str, folder: str) -> None:
    """The bot until its parent goes away; READY once it polls."""
    from bot.app import build_application
    from bot.config import Settings

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=TOKEN, telegram_base_url=base_url,
        database_url=f"sqlite+aiosqlite:///{folder}/bench.db",
    )
    app = build_application(settings)
    await poll_until_parent_goes(app, 10)


async def onboard(user: SimUser) -> None:
    await user.send("/start")
    await user.reply(timeout=30)
    await user.send("today")
    await user.replies(2, timeout=30)
    await user.send("Berlin")
    await user.replies(2, timeout=30)
    await user.send("21:00")
    await user.reply(timeout=30)
    await user.press("Skip for now")
    await user.reply(timeout=30)


async def add_history(database_url: str, user_ids: list[int]) -> None:
    """Ninety days each: a slip on day 30, urges most days, a mood on most daily messages."""
    from bot.services.schedule import local_instant
    from bot.store import attempts as attempt_store
    from bot.store import deliveries as delivery_store
    from bot.store import urges as urge_store
    from bot.store.db import Database

    today = datetime.now(UTC).date()
    db = Database(database_url)
    try:
        for user_id in user_ids:
            rng = random.Random(user_id)
            first = today - timedelta(days=DAYS - 1)
            slip_day = first + timedelta(days=30)
            async with db.session() as session:
                now = datetime.now(UTC)
                attempt = await attempt_store.current_attempt(session=session, user_id=user_id)
                assert attempt is not None
                await attempt_store.set_start_date(session=session, attempt=attempt,
                                                   start_date=first)
                await attempt_store.end_attempt(session=session, attempt=attempt,
                                                end_date=slip_day, reason="slip", note=None)
                await attempt_store.start_attempt(session=session, user_id=user_id,
                                                  start_date=slip_day, now=now)
                for offset in range(DAYS - 1):
                    day: date = first + timedelta(days=offset)
                    at = local_instant(day, clock_time(21), "Europe/Berlin")
                    for _ in range(rng.choice((0, 1, 1, 2, 3))):
                        urge = await urge_store.create_urge(session=session, user_id=user_id,
                                                            source="command", now=at)
                        await urge_store.update_urge(
                            session=session, urge=urge, strength=rng.randint(1, 10),
                            trigger=rng.choice(("night", "post", "lonely")),
                            outcome="passed", minutes_to_pass=rng.randint(3, 40),
                            ended_at=at + timedelta(minutes=20),
                        )
                    claim = await delivery_store.insert_claim(
                        session=session, user_id=user_id, kind=delivery_store.DAILY,
                        local_date=day, due_at=at, now=at,
                    )
                    if claim is not None and rng.random() < 0.8:
                        await delivery_store.set_mood(
                            session=session, delivery=claim,
                            mood=rng.choice(("struggling", "okay", "good")), now=at,
                        )
    finally:
        await db.dispose()


async def help_latencies(user: SimUser) -> list[float]:
    out = []
    for _ in range(SAMPLES):
        sent = time.perf_counter()
        await user.send("/help")
        await user.reply(timeout=30)
        out.append(time.perf_counter() - sent)
        await asyncio.sleep(0.02)
    return out


async def draw_forever(user: SimUser, drawn: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        await user.send("/progress")
        reply = await user.reply(timeout=60)
        if reply.photo is None:
            raise RuntimeError(f"no picture: {reply.plain[:80]}")
        drawn[0] += 1


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def one_round(round_no: int) -> tuple[float, float, float, float, int]:
    async with BotApiEmulator(per_chat_rate=1e6, per_chat_burst=10**6) as emu:
        emu.record_calls = False
        emu.add_bot(TOKEN)
        with tempfile.TemporaryDirectory() as folder:
            child = await asyncio.create_subprocess_exec(
                sys.executable, __file__, "--serve", "--base-url", emu.base_url,
                "--folder", folder, stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE, cwd=folder,
            )
            try:
                assert child.stdout is not None
                line = await asyncio.wait_for(child.stdout.readline(), 60)
                if line.strip() != b"READY":
                    raise RuntimeError(f"bot did not start: {line!r}")
                base = 2_000_000 + round_no * 100
                drawers = [emu.user(base + i, token=TOKEN) for i in range(DRAWERS)]
                asker = emu.user(base + DRAWERS, token=TOKEN)
                for user in [*drawers, asker]:
                    await onboard(user)
                await add_history(f"sqlite+aiosqlite:///{folder}/bench.db",
                                  [u.chat_id for u in drawers])
                for user in drawers:  # the first picture of each, outside the measure
                    await user.send("/progress")
                    assert (await user.reply(timeout=60)).photo is not None
                await help_latencies(asker)  # warm-up
                idle = await help_latencies(asker)
                stop, drawn = asyncio.Event(), [0]
                drawing = [asyncio.create_task(draw_forever(u, drawn, stop)) for u in drawers]
                await asyncio.sleep(0.5)
                before = drawn[0]
                loaded = await help_latencies(asker)
                during = drawn[0] - before
                stop.set()
                await asyncio.gather(*drawing)
            finally:
                if child.returncode is None:
                    assert child.stdin is not None
                    child.stdin.close()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(child.wait(), 60)
                if child.returncode is None:
                    child.kill()
                    await child.wait()
    return pct(idle, 0.5), pct(idle, 0.99), pct(loaded, 0.5), pct(loaded, 0.99), during


async def main(rounds: int) -> None:
    print(__doc__.split("\n\n")[0])
    print(f"{DRAWERS} people drawing /progress ({DAYS} days of history each) while another"
          f" chat sends /help {SAMPLES} times; {rounds} rounds.\n")
    print(f"{'round':>5} {'idle p50':>9} {'idle p99':>9} {'loaded p50':>11} {'loaded p99':>11}"
          f" {'p50 ratio':>10} {'pictures':>9}")
    ratios = []
    for i in range(1, rounds + 1):
        i50, i99, l50, l99, drawn = await one_round(i)
        ratios.append(l50 / i50)
        print(f"{i:>5} {i50:>7.1f}ms {i99:>7.1f}ms {l50:>9.1f}ms {l99:>9.1f}ms"
              f" {l50 / i50:>9.2f}x {drawn:>9}")
    print(f"\n/help p50 loaded/idle: median {statistics.median(ratios):.2f}x"
          f" (rounds {min(ratios):.2f}-{max(ratios):.2f}; target <= 1.5)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve:
        asyncio.run(serve(options.base_url, options.folder))
    else:
        asyncio.run(main(options.rounds))
