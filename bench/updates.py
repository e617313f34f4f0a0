"""Per-update cost: the real bot against a bare python-telegram-bot echo bot, one emulator.

Simulated users (100, then 1,000 at once) each go through the same script over loopback
HTTP: onboarding (/start, a date, a city, a time, skip), /status, two free-text questions
with a button press on each answer, and the urge flow (/urge, a strength, a trigger, "write
it here instead", a typed sentence, "let it go", the outcome). Every user waits for the
bot's replies to a step before taking the next one, like a person would; they all start at
once, so the bot is saturated for most of a run.

Both bots run in a child process of their own (the same layout for both), started from this
file: `python bench/updates.py --serve real|echo ...`. Both use python-telegram-bot's
polling with the same parameters (poll_interval 0, timeout 10), the same connection pool
(64) and at most 64 updates handled at once (the real bot: 64 running, more waiting on their
chat's turn; the echo bot: concurrent_updates(64)). The echo bot has one MessageHandler
that echoes the text and one CallbackQueryHandler that answers the query and echoes its data
as a new message.
A third bot, "echo-aiohttp", is the same echo bot on the HTTP client the real bot uses
(bot/telegram_http.py, aiohttp) instead of PTB's default httpx: the ratio against it shows
what the bot's own work costs, apart from the choice of client.
The emulator and the simulated users run in this (parent) process.

Cost per update = CPU seconds (user + system) the bot's process spent while the users ran,
read from /proc/<pid>/stat, divided by the updates it was given. CPU time rather than wall
time, because the emulator and 1,000 simulated users share this machine's cores with the
bot: wall time would measure the parent as much as the bot, and the echo bot is fast enough
that the parent is its bottleneck. Ratio = real bot's cost / echo bot's cost (target <= 1.5).
The bots take turns, three rounds by default; each row is the median round, with the
lowest and highest cost of the rounds beside it.

The emulator's flood limits are opened wide (per-chat and global rates 10^6 a second) so
that Telegram's limits do not dominate; the real bot's own send limiter is set to its
maximum (SEND_RATE=1000). Latency is from a user's action to the bot's first reply (a new or
edited message) to it.

    .venv/bin/python bench/updates.py                  # 100 and 1,000 users, all bots
    .venv/bin/python bench/updates.py --users 100      # one size
    .venv/bin/python bench/updates.py --profile real   # cProfile the real bot's process
    .venv/bin/python bench/updates.py --limited        # at Telegram's 30/s, bursty (below)

--limited: both bots at their default sending limits instead (the real bot's SEND_RATE, the
echo bot with PTB's AIORateLimiter at its defaults), the emulator enforcing 30 messages a
second across chats, 20 users each waiting 0.3 s after the bot's replies before the next
step; prints first-reply p50 and p99 per round, their ratios, messages per update and 429s.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import logging
import os
import pstats
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.serving import poll_until_parent_goes  # noqa: E402
from bot.emulator.driver import BotMessage, SimUser  # noqa: E402
from bot.emulator.server import BotApiEmulator  # noqa: E402

TOKENS = {
    "real": "6666666666:bench-updates-steadfast-token",
    "echo": "7777777777:bench-updates-echo-token",
    "echo-aiohttp": "8888888888:bench-updates-echo-aiohttp-token",
}
BOTS = ("echo", "real", "echo-aiohttp")
RUNNING = 64  # updates handled at once: the real bot's PerChatUpdateProcessor default
POOL = 64
POLL_TIMEOUT = 10
CLK_TCK = os.sysconf("SC_CLK_TCK")

# (action, argument, replies from the real bot). The echo bot answers every step once.
ONBOARDING = [
    ("send", "/start", 1),
    ("send", "today", 2),  # the date said back (with its Change button), then the zone question
    ("send", "Berlin", 2),  # the zone said back (removing the location keyboard), the time
    ("send", "{hour}", 1),
    ("press", "Skip for now", 1),
]
ROUND = [
    ("send", "/status", 1),
    ("send", "how long should no contact last", 1),
    ("press", "📚 Other questions", 1),  # edits the answer into the topic menu
    ("send", "he texted me", 1),
    ("press", "➡️ Should I reply?", 1),
    ("send", "/urge", 1),
    ("press", "7", 1),
    ("press", "Feeling lonely", 1),
    ("press", "✍️ Write it here instead", 1),
    ("send", "I miss you and I am sorry", 1),
    ("press", "Let it go", 1),
    ("press", "It passed", 1),
]
SCRIPT = ONBOARDING + ROUND
# 1,000 users take the first steps only (onboarding, /status, a question), to keep a run of
# both sizes and both bots under three minutes on a two-core machine.
SHORT = 7


def steps_for(users: int) -> int:
    return len(SCRIPT) if users <= 100 else SHORT


# -- the bots (child process) ---------------------------------------------------------------
async def serve(
    kind: str, base_url: str, folder: str, limited: bool = False,
    profiler: cProfile.Profile | None = None,
) -> None:
    """Run one bot until SIGTERM; print READY once it polls. `limited`: each bot at its
    default sending limit (the real bot's SEND_RATE, the echo bot with PTB's AIORateLimiter
    at its defaults) instead of unlimited. `profiler` is started once the bot polls, so the
    profile shows the load, not the imports and start-up."""
    from telegram import Update
    from telegram.ext import (
        Application,
        ApplicationBuilder,
        CallbackQueryHandler,
        ContextTypes,
        MessageHandler,
        filters,
    )

    from bot.app import build_application
    from bot.config import Settings

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app: Application  # type: ignore[type-arg]
    if kind == "real":
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            bot_token=TOKENS["real"],
            telegram_base_url=base_url,
            database_url=f"sqlite+aiosqlite:///{folder}/bench.db",
            **({} if limited else {"send_rate": 1000}),
        )
        app = build_application(settings)
    else:

        async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            assert update.effective_message is not None
            await update.effective_message.reply_text(update.effective_message.text or "")

        async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            query = update.callback_query
            assert query is not None
            assert query.message is not None
            await query.answer()
            await context.bot.send_message(query.message.chat.id, query.data or "")

        builder = ApplicationBuilder().token(TOKENS[kind]).base_url(base_url)
        if kind == "echo-aiohttp":  # the echo bot on the real bot's HTTP client
            from bot.tg.client import AiohttpRequest

            builder = builder.request(AiohttpRequest(connection_pool_size=POOL))
            builder = builder.get_updates_request(AiohttpRequest(connection_pool_size=1))
        else:
            builder = builder.connection_pool_size(POOL)
        if limited:
            from telegram.ext import AIORateLimiter

            builder = builder.rate_limiter(AIORateLimiter())
        app = builder.concurrent_updates(RUNNING).build()
        app.add_handler(MessageHandler(filters.TEXT, echo))
        app.add_handler(CallbackQueryHandler(answer))

    await poll_until_parent_goes(
        app, POLL_TIMEOUT, on_ready=profiler.enable if profiler is not None else None
    )


def serve_main(
    kind: str, base_url: str, folder: str, profile: str | None, limited: bool
) -> None:
    if profile is None:
        asyncio.run(serve(kind, base_url, folder, limited))
        return
    profiler = cProfile.Profile()
    try:
        asyncio.run(serve(kind, base_url, folder, limited, profiler))
    finally:
        profiler.disable()
        profiler.dump_stats(profile)


# -- the users (parent process) -------------------------------------------------------------
@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    stalls: int = 0
    first_sent: float = 0.0
    last_reply: float = 0.0


async def walk(
    user: SimUser, kind: str, hour: str, steps: int, tally: Tally, think: float = 0.0
) -> None:
    """Take every step of the script, waiting for the bot's replies to each (and `think`
    seconds more, as a quick typist would)."""
    events: list[float] = []
    arrived = asyncio.Event()

    def on_message(_kind: str, _msg: BotMessage) -> None:
        events.append(time.perf_counter())
        arrived.set()

    user.watch(on_message)
    for action, arg, real_replies in SCRIPT[:steps]:
        expected = real_replies if kind == "real" else 1
        text = arg.format(hour=hour)
        seen = len(events)
        sent = time.perf_counter()
        if action == "send":
            await user.send(text)
        elif kind == "real":
            await user.press(text)
        else:
            await user.press_data(text, message_id=user.last().message_id)
        while len(events) - seen < expected:
            arrived.clear()
            try:
                await asyncio.wait_for(arrived.wait(), 30)
            except TimeoutError:
                tally.stalls += 1
                break
        if len(events) > seen:
            tally.latencies.append(events[seen] - sent)
            tally.last_reply = max(tally.last_reply, events[-1])
        if think:
            await asyncio.sleep(think)
    user.unwatch(on_message)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime


@dataclass
class Result:
    kind: str
    users: int
    updates: int
    wall: float
    cpu: float
    latencies: list[float]
    stalls: int
    sends: int = 0  # messages sent or edited by the bot (the Bot API calls a person sees)
    refused: int = 0  # 429s from the emulator's flood limits

    @property
    def cost_ms(self) -> float:
        return self.cpu / self.updates * 1000

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def run_one(
    kind: str, users: int, profile: str | None, limited: bool = False
) -> Result:
    # Limited: Telegram's 30 messages a second across chats (the emulator's default global
    # limit); the per-chat limit stays open, as a private chat answering its own person is
    # not what Telegram throttles at these rates.
    global_rate, global_burst = (30.0, 30) if limited else (1e6, 10**6)
    async with BotApiEmulator(
        per_chat_rate=1e6, per_chat_burst=10**6, global_rate=global_rate,
        global_burst=global_burst,
    ) as emu:
        emu.record_calls = False  # keep memory flat over thousands of calls
        emu.add_bot(TOKENS[kind])
        with tempfile.TemporaryDirectory() as folder:
            args = [sys.executable, __file__, "--serve", kind, "--base-url", emu.base_url,
                    "--folder", folder]
            if profile:
                args += ["--profile-out", profile]
            if limited:
                args += ["--limited"]
            child = await asyncio.create_subprocess_exec(
                *args, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, cwd=folder
            )
            try:
                assert child.stdout is not None
                line = await asyncio.wait_for(child.stdout.readline(), 60)
                if line.strip() != b"READY":
                    raise RuntimeError(f"{kind} bot did not start: {line!r}")
                await asyncio.sleep(0.5)  # let start-up calls settle
                # A daily hour far from now, so no daily message lands in the run.
                hour = f"{(time.gmtime().tm_hour + 12) % 24:02d}:00"
                sims = [emu.user(1_000_000 + i, token=TOKENS[kind]) for i in range(users)]
                tally = Tally()
                cpu_before = cpu_seconds(child.pid)
                tally.first_sent = time.perf_counter()
                steps = len(SCRIPT) if limited else steps_for(users)
                think = BURSTY_THINK if limited else 0.0
                await asyncio.gather(*(walk(u, kind, hour, steps, tally, think) for u in sims))
                cpu = cpu_seconds(child.pid) - cpu_before
                wall = tally.last_reply - tally.first_sent
                updates = users * steps
                sends = sum(emu.stats.requests[m] for m in SEND_METHODS)
                refused = emu.stats.rate_limited
            finally:
                if child.returncode is None:
                    assert child.stdin is not None
                    child.stdin.close()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(child.wait(), 60)
                if child.returncode is None:
                    child.kill()
                    await child.wait()
    return Result(kind, users, updates, wall, cpu, tally.latencies, tally.stalls, sends,
                  refused)


SEND_METHODS = ("sendMessage", "editMessageText", "sendPhoto", "sendDocument")

# The bursty mix at the real limit: this many quick typists, each waiting this long after the
# bot's replies before the next step (more steps a second than 30 messages a second can
# answer, so the send budget decides).
BURSTY_USERS = 20
BURSTY_THINK = 0.3


async def main_limited(rounds: int) -> None:
    """Both bots at their default sending limits, Telegram's 30/s global limit enforced."""
    print(__doc__.split("\n\n")[0])
    print(f"At the real limit: {BURSTY_USERS} users, {BURSTY_THINK} s between the bot's reply"
          f" and their next step, the whole {len(SCRIPT)}-step script; emulator global limit"
          " 30/s (burst 30);\nthe real bot at its default SEND_RATE, the echo bot with PTB's"
          f" AIORateLimiter at its defaults. {rounds} rounds, bots alternating.")
    runs: dict[str, list[Result]] = {"echo": [], "real": []}
    for _ in range(rounds):
        for kind in runs:
            runs[kind].append(await run_one(kind, BURSTY_USERS, None, limited=True))
    print(f"\n{'round':>5} {'bot':>6} {'p50 ms':>8} {'p99 ms':>8} {'msgs/upd':>9} {'429s':>5}"
          f" {'stalls':>6}")
    p50s, p99s = [], []
    for i, (echo, real) in enumerate(zip(runs["echo"], runs["real"], strict=True), 1):
        for r in (echo, real):
            print(f"{i:>5} {r.kind:>6} {r.pct(0.5):>8.1f} {r.pct(0.99):>8.1f}"
                  f" {r.sends / r.updates:>9.2f} {r.refused:>5} {r.stalls:>6}")
        p50s.append(real.pct(0.5) / echo.pct(0.5))
        p99s.append(real.pct(0.99) / echo.pct(0.99))
    p50s.sort()
    p99s.sort()
    print(f"p50 ratio real/echo+AIORateLimiter: median {p50s[len(p50s) // 2]:.2f}x"
          f" (runs {p50s[0]:.2f}-{p50s[-1]:.2f}; target <= 1.5)")
    print(f"p99 ratio real/echo+AIORateLimiter: median {p99s[len(p99s) // 2]:.2f}x"
          f" (runs {p99s[0]:.2f}-{p99s[-1]:.2f})")


def show_profile(path: str) -> None:
    stats = pstats.Stats(path)
    stats.sort_stats("cumulative").print_stats(r"/bot/|sqlalchemy|telegram/_|aiosqlite", 45)
    stats.sort_stats("tottime").print_stats(30)


async def main(sizes: list[int], profile: str | None, bots: list[str], rounds: int) -> None:
    print(__doc__.split("\n\n")[0])
    print(
        "Cost = bot process CPU seconds (user+system) per update while the users ran; ratio ="
        " real / echo (target <= 1.5).\nEmulator flood limits opened wide (per-chat and"
        " global 10^6/s); real bot SEND_RATE=1000; both bots: polling timeout 10 s,\n"
        f"{RUNNING} updates handled at once, pool {POOL}; each in its own child process;"
        f" median of {rounds} rounds.\n"
        f"Script: {len(SCRIPT)} steps a user at 100 users; at 1,000 the first {SHORT}"
        " (onboarding, /status, a question)."
    )
    if profile:
        out = str(Path(tempfile.gettempdir()) / f"steadfast-bench-{profile}.prof")
        result = await run_one(profile, sizes[0], out)
        print(f"{profile} bot, {sizes[0]} users under cProfile: {result.cost_ms:.2f} ms CPU "
              f"an update (inflated by the profiler); stats in {out}")
        show_profile(out)
        return
    header = (f"{'users':>6} {'bot':>12} {'updates':>8} {'upd/s':>8} {'p50 ms':>8} "
              f"{'p99 ms':>8} {'CPU ms/upd':>11} {'(min-max)':>13} {'stalls':>6}")
    for users in sizes:
        runs: dict[str, list[Result]] = {kind: [] for kind in bots}
        for _ in range(rounds):  # alternate the bots, so a busy moment hits them alike
            for kind in bots:
                runs[kind].append(await run_one(kind, users, None))
        print()
        print(header)
        median: dict[str, Result] = {}
        for kind, results in runs.items():
            ordered = sorted(results, key=lambda r: r.cost_ms)
            r = median[kind] = ordered[len(ordered) // 2]
            spread = f"{ordered[0].cost_ms:.2f}-{ordered[-1].cost_ms:.2f}"
            print(f"{r.users:>6} {r.kind:>12} {r.updates:>8} {r.updates / r.wall:>8.0f} "
                  f"{r.pct(0.5):>8.1f} {r.pct(0.99):>8.1f} {r.cost_ms:>11.3f} {spread:>13} "
                  f"{sum(x.stalls for x in results):>6}")
        if "real" in median:
            r = median["real"]
            print(f"{users:>6} users: the real bot sent or edited {r.sends / r.updates:.2f} "
                  f"messages per update on this mix (issue target <= 1.3)")
        if "real" in median and "echo" in median:
            ratio = median["real"].cost_ms / median["echo"].cost_ms
            verdict = "OK" if ratio <= 1.5 else "over target"
            print(f"{users:>6} users: cost ratio real/echo = {ratio:.2f}x ({verdict})")
        if "real" in median and "echo-aiohttp" in median:
            ratio = median["real"].cost_ms / median["echo-aiohttp"].cost_ms
            print(f"{users:>6} users: cost ratio real/echo-aiohttp (same HTTP client) = "
                  f"{ratio:.2f}x")
        for other in ("echo", "echo-aiohttp"):
            if "real" in runs and other in runs:
                # Each round's own ratio: the bots of one round ran back to back, so a busy
                # moment on the machine weighs on both alike.
                ratios = sorted(real.cost_ms / echo.cost_ms
                                for real, echo in zip(runs["real"], runs[other], strict=True))
                listed = ", ".join(f"{x:.2f}" for x in ratios)
                print(f"{users:>6} users: per-round ratio real/{other}: min/median/max "
                      f"{ratios[0]:.2f}/{ratios[len(ratios) // 2]:.2f}/{ratios[-1]:.2f}x"
                      f" ({listed})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, action="append", help="users at once (repeat)")
    parser.add_argument("--profile", choices=BOTS, help="cProfile one bot")
    parser.add_argument("--only", choices=BOTS, help="run one bot (no ratio)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per bot; median shown")
    parser.add_argument("--serve", choices=BOTS, help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", help=argparse.SUPPRESS)
    parser.add_argument("--limited", action="store_true",
                        help="the bursty mix at the real limit (30/s), against an echo bot"
                             " with PTB's AIORateLimiter")
    options = parser.parse_args()
    if options.serve:
        serve_main(options.serve, options.base_url, options.folder, options.profile_out,
                   options.limited)
    elif options.limited:
        asyncio.run(main_limited(options.rounds))
    else:
        bots = [options.only] if options.only else list(BOTS)
        asyncio.run(main(options.users or [100, 1000], options.profile, bots, options.rounds))
