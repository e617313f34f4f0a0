"""Starts and stops a process manager can trust: SIGTERM or SIGINT at any moment ends the bot
with exit code 0 within 10 s, with no error in its log; a breathing exercise cut short by the
stop is finished from the store by the next process."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import TOKEN, BotRunner
from tests.processes import ROOT, BotProcess, clean_env

CONTENT = load_content()
BAD = ("ERROR", "Traceback", "Unclosed", "Task was destroyed", "Event loop is closed",
       "never awaited", "CRITICAL")


def polling_env(emu: BotApiEmulator, database_url: str, **extra: str) -> dict[str, str]:
    return clean_env(
        BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=emu.base_url.removesuffix("/bot"),
        DATABASE_URL=database_url, LOG_LEVEL="INFO", **extra,
    )


async def stopped(process: BotProcess, sig: int, *, twice: bool = False) -> tuple[int, float, str]:
    """Signal the process (twice, 0.2 s apart, if asked); its exit code, seconds taken, log."""
    assert process.process is not None
    started = time.monotonic()
    process.process.send_signal(sig)
    if twice:
        await asyncio.sleep(0.2)
        if process.process.returncode is None:
            process.process.send_signal(sig)
    log = await process.stop()  # waits (a no-op signal if it already ended)
    return process.process.returncode or 0, time.monotonic() - started, log


def clean(log: str) -> list[str]:
    return [line for line in log.splitlines() if any(word in line for word in BAD)]


@pytest.mark.parametrize("delay", [0.2, 0.5, 1.0, 2.0])
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_a_stop_signal_during_start_up_ends_cleanly(
    emu: BotApiEmulator, database_url: str, tmp_path: Path, delay: float, sig: int
) -> None:
    process = BotProcess(env=polling_env(emu, database_url), cwd=tmp_path)
    await process.start()
    await asyncio.sleep(delay)
    code, took, log = await stopped(process, sig)
    assert code == 0, log[-2000:]
    assert took < 10
    assert clean(log) == []
    assert TOKEN not in log


async def test_two_stop_signals_while_serving_end_cleanly(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    process = BotProcess(env=polling_env(emu, database_url), cwd=tmp_path)
    await process.start()
    user = emu.user(9401)
    await user.send("/start")
    await user.replies(1, timeout=30)
    code, took, log = await stopped(process, signal.SIGTERM, twice=True)
    assert code == 0, log[-2000:]
    assert took < 10
    assert clean(log) == []


async def test_a_stop_mid_breathing_is_quick_and_the_next_process_asks_how_it_went(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    env = polling_env(emu, database_url, BREATHE_SECONDS="2", TICK_SECONDS="0.2")
    first = BotProcess(env=env, cwd=tmp_path)
    await first.start()
    user = emu.user(9402)
    try:
        await user.send("/start")
        await user.replies(1, timeout=30)
        # The date (with a button to change it) and the zone (taking the location keyboard
        # away) are said back in a message of their own before the next question.
        for answer, messages in (("today", 2), ("Berlin", 2), ("21:00", 1)):
            await user.send(answer)
            await user.replies(messages, timeout=10)
        await user.press("Skip for now")
        await user.reply()
        await user.send("/urge")
        await user.reply()
        await user.press("7")
        await user.reply()
        await user.press("Feeling lonely")
        tools = await user.reply()
        await user.press(next(t for t in tools.button_texts() if "reath" in t))
        await user.replies(2, timeout=10)  # the intro and the first phase
    finally:
        code, took, log = await stopped(first, signal.SIGTERM)
    assert code == 0, log[-2000:]
    assert took < 10  # the exercise (about 20 s here) is cut short, not waited for
    assert clean(log) == []
    second = BotProcess(env=env, cwd=tmp_path)
    await second.start()
    try:
        done = CONTENT.variants("urge.breathe_done")
        question = await user.wait_for(lambda m: m.plain in done, timeout=40)
        assert question.button_texts()  # the outcome buttons, from the store
        await user.press(question.button_texts()[0], message=question)
        assert await user.replies(1, timeout=10)
    finally:
        code, _, log = await stopped(second, signal.SIGTERM)
    assert code == 0, log[-2000:]


async def test_a_stop_signal_to_the_whole_group_under_make_run(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    if not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("make run needs the project's .venv")
    env = polling_env(emu, database_url)
    make = await asyncio.create_subprocess_exec(
        "make", "--no-print-directory", "-C", str(ROOT), "run",
        env={**env, "PYTHON": sys.executable}, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,
    )
    user = emu.user(9403)
    await user.send("/start")
    await user.replies(1, timeout=60)
    started = time.monotonic()
    os.killpg(make.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    await asyncio.sleep(0.2)
    os.killpg(make.pid, signal.SIGTERM)  # and a process manager after it
    assert make.stdout is not None
    out = (await asyncio.wait_for(make.stdout.read(), timeout=30)).decode(errors="replace")
    await make.wait()
    assert time.monotonic() - started < 10
    assert clean(out) == [], out[-2000:]
    assert "stopping gracefully" in out
    # The bot itself ended with 0: make names a failing recipe's exit code ("Error N").
    assert "Error" not in out, out[-2000:]


async def test_a_stop_in_the_middle_of_a_fan_out_hands_back_the_rest_and_nothing_is_doubled(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from tests.e2e.test_webhook import _seed_due_users

    count = 150
    await _seed_due_users(database_url, count, datetime.now(UTC))
    users = [emu.user(700_000 + i) for i in range(count)]
    for user in users:  # they set the bot up long ago (the rows above)
        emu.bot(TOKEN).users[user.user_id].started = True
    env = polling_env(emu, database_url, TICK_SECONDS="0.2")
    first = BotProcess(env=env, cwd=tmp_path)
    await first.start()
    deadline = time.monotonic() + 30
    while sum(1 for u in users if u.inbox) < 20:  # the fan-out (about 5 s) is under way
        assert time.monotonic() < deadline, "the fan-out never started"
        await asyncio.sleep(0.05)
    code, took, log = await stopped(first, signal.SIGTERM)
    assert code == 0, log[-2000:]
    assert took < 10
    assert clean(log) == []
    assert sum(1 for u in users if u.inbox) < count  # it stopped before the end
    second = BotProcess(env=env, cwd=tmp_path)
    await second.start()
    try:
        deadline = time.monotonic() + 60
        while sum(1 for u in users if u.inbox) < count:
            assert time.monotonic() < deadline, "the rest never went out"
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)
    finally:
        code, _, log = await stopped(second, signal.SIGTERM)
    assert code == 0, log[-2000:]
    assert {len(u.inbox) for u in users} == {1}


async def test_no_tick_starts_while_the_stop_waits_for_a_running_one(
    emu: BotApiEmulator, database_url: str, clock: MovableClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The stop waits for a running job (a fan-out); a tick that began during that wait used to
    # be cancelled by APScheduler's shutdown and logged as "Error running job" (seen in CI).
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url)
    await runner.start()
    app = runner.app
    assert app is not None
    assert app.job_queue is not None
    started: list[str] = []

    async def long_job(_: object) -> None:
        started.append("long")
        await asyncio.sleep(0.6)

    async def quick_tick(_: object) -> None:
        started.append("tick")
        await asyncio.sleep(0.2)

    app.job_queue.run_once(long_job, 0.01)
    app.job_queue.run_repeating(quick_tick, interval=0.05, first=0.3)
    await asyncio.sleep(0.1)
    assert started == ["long"]
    with caplog.at_level(logging.ERROR, logger="apscheduler"):
        ticks_before_stop = started.count("tick")
        await runner.stop()
    assert started.count("tick") == ticks_before_stop  # nothing began while it waited
    assert not [r for r in caplog.records if "Error running job" in r.getMessage()]
