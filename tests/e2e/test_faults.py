"""When things break: Telegram errors and timeouts, the database away, a kill -9 mid-flow.

A reply or a daily message is never lost to a passing fault, and nothing is half-saved.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from bot.store.db import Database
from tests.e2e.userdata import rows_of, stack_of, steps
from tests.harness import TOKEN, BotRunner, onboard
from tests.processes import BotProcess, clean_env

CONTENT = load_content()
ERROR_TEXTS = CONTENT.variants("core.error")


def is_daily(message: BotMessage) -> bool:
    return message.plain.startswith("Day ") and "I'm okay" in " ".join(message.button_texts())




# --------------------------------------------------------------------------- Telegram


async def test_a_reply_survives_a_few_seconds_of_5xx(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(8001)
    await onboard(user)
    emu.inject_fault("5xx", method="sendMessage", duration=3.0)
    await user.send("/status")
    reply = await user.reply(timeout=15)
    assert "Day 1 of No Contact" in reply.plain
    assert emu.stats.faults_injected >= 2
    await user.send("/help")  # and sending goes on as normal
    assert "/status" in (await user.reply(timeout=2)).plain
    assert bot.runtime.metrics.value("errors") == 0


async def test_a_message_sent_while_telegram_is_down_is_answered_after(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8002)
    await onboard(user)
    emu.inject_fault("5xx", duration=2.0)  # every method, getUpdates too
    await user.send("/status")
    reply = await user.reply(timeout=20)
    assert "Day 1 of No Contact" in reply.plain
    await user.silence(0.3)  # once, not twice


async def test_a_timed_out_send_is_retried(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(8003)
    await onboard(user)
    emu.inject_fault("timeout", method="sendMessage", count=1, hold=30)
    started = time.monotonic()
    await user.send("/status")
    reply = await user.reply(timeout=20)
    assert "Day 1 of No Contact" in reply.plain
    assert time.monotonic() - started >= 4  # the first try waited for the client's timeout
    assert bot.runtime.metrics.value("errors") == 0


async def test_429_for_a_while_delays_replies_without_losing_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8004)
    await onboard(user)
    emu.inject_fault("429", method="sendMessage", duration=2.0, retry_after=1)
    await user.send("/status")
    await user.send("/help")
    first, second = await user.replies(2, timeout=20)
    assert "Day 1 of No Contact" in first.plain
    assert "/status" in second.plain
    assert bot.runtime.metrics.value("errors") == 0


async def test_the_daily_message_outlasts_an_outage_and_goes_out_once(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(8005)
    await onboard(user, zone="Berlin", at="20:00")
    # Longer than the sender's retries: the claim is left and taken over after its lease.
    emu.inject_fault("5xx", method="sendMessage", duration=6.0)
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    await user.silence(6.5)
    clock.set(datetime(2026, 11, 25, 19, 3, tzinfo=UTC))
    message = await user.reply(timeout=10)
    assert is_daily(message)
    assert message.plain.startswith("Day 1\n")
    clock.advance(timedelta(minutes=5))
    await user.silence(0.5)  # never twice
    deliveries = (await rows_of(ticking.runtime.db, 8005))["deliveries"]
    assert [d["status"] for d in deliveries] == ["sent"]


# --------------------------------------------------------------------------- the database

PG = {name: os.environ.get(f"TEST_POSTGRES_{name}", "") for name in (
    "URL", "PG_CTL", "DATA", "RUN_AS", "OPTIONS", "LOG",
)}


async def pg_ctl(*args: str) -> None:
    process = await asyncio.create_subprocess_exec(
        *PG["RUN_AS"].split(), PG["PG_CTL"], "-D", PG["DATA"], *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    assert process.returncode == 0, output.decode(errors="replace")


@pytest.mark.skipif(
    not (PG["URL"] and PG["PG_CTL"] and PG["DATA"]),
    reason="stops and starts a PostgreSQL server: run under scripts/with-postgres",
)
async def test_database_away_for_a_moment_gets_a_kind_retry_and_loses_nothing(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8101)
    await onboard(user)
    await user.send("/urge")
    await user.reply()  # the opener and the strength question, in one message
    db = bot.runtime.db
    rows, stack = await rows_of(db, 8101), await stack_of(db, 8101)
    assert steps(stack) == [("urge", "strength")]

    await pg_ctl("-m", "fast", "-w", "stop")
    try:
        await user.send("7")  # the strength, while the database is away
        sorry = await user.reply(timeout=10)
        assert sorry.text in ERROR_TEXTS
        assert "try again in a moment" in sorry.plain.lower() or "give it a moment" in (
            sorry.plain.lower()
        )
    finally:
        await pg_ctl("-l", PG["LOG"], "-w", "-o", PG["OPTIONS"], "start")

    # Nothing was half-saved: the same rows, the same question.
    assert await rows_of(db, 8101) == rows
    assert await stack_of(db, 8101) == stack
    # The same bot, no restart: the answer is taken as the answer to that question.
    await user.send("7")
    trigger = await user.reply(timeout=10)  # the acknowledgement, then the trigger question
    assert "Feeling lonely" in trigger.button_texts()
    [urge] = (await rows_of(db, 8101))["urges"]
    assert urge["strength"] == 7
    assert steps(await stack_of(db, 8101)) == [("urge", "trigger")]


# --------------------------------------------------------------------------- kill -9


async def settled(emu: BotApiEmulator, within: float = 10.0) -> None:
    """Wait until the bot has confirmed every update it took (its next getUpdates)."""
    deadline = time.monotonic() + within
    while emu.bot(TOKEN).updates:
        assert time.monotonic() < deadline, "updates were never confirmed"
        await asyncio.sleep(0.02)


async def started(emu: BotApiEmulator, database_url: str, cwd: Path) -> BotProcess:
    process = BotProcess(
        env=clean_env(
            BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=emu.base_url.removesuffix("/bot"),
            DATABASE_URL=database_url,
            LOG_LEVEL="INFO",
        ),
        cwd=cwd,
    )
    await process.start()
    return process


async def killed(process: BotProcess) -> str:
    log = await process.stop(signal.SIGKILL)
    assert process.process is not None
    assert process.process.returncode == -signal.SIGKILL
    return log


async def answer(user: SimUser, n: int, act: str, *, press: bool = False) -> list[BotMessage]:
    if press:
        await user.press(act)
    else:
        await user.send(act)
    return await user.replies(n, timeout=40)  # a fresh process takes a few seconds to start


async def test_kill_9_mid_flow_then_restart_continues_at_the_same_question(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    user = emu.user(8201)
    first = await started(emu, database_url, tmp_path)
    try:
        await answer(user, 1, "/start")
        _, tz_question = await answer(user, 2, "yesterday")
        assert tz_question.reply_keyboard is not None  # the time-zone question
        await settled(emu)
    finally:
        await killed(first)

    second = await started(emu, database_url, tmp_path)
    try:
        zone_ok, time_question = await answer(user, 2, "Berlin")
        assert "Berlin" in zone_ok.plain
        assert "21:00" in time_question.button_texts()
        await answer(user, 1, "21:00")
        await answer(user, 1, "Skip for now", press=True)
        await answer(user, 1, "/urge")
        await answer(user, 1, "7", press=True)
        await settled(emu)
    finally:
        await killed(second)

    third = await started(emu, database_url, tmp_path)
    try:
        # A button of the question asked before the kill still answers it.
        [tools] = await answer(user, 1, "Feeling lonely", press=True)  # ack and tools as one
        assert CONTENT.label("urge.tool_labels.breathe") in tools.button_texts()
    finally:
        log = await third.stop()
    assert third.process is not None
    assert third.process.returncode == 0, log[-2000:]
    db = Database(database_url)
    try:
        rows = await rows_of(db, 8201)
    finally:
        await db.dispose()
    assert rows["users"][0]["tz"] == "Europe/Berlin"
    assert rows["users"][0]["onboarded"] is True
    assert len(rows["attempts"]) == 1
    assert rows["attempts"][0]["start_date"] < datetime.now(ZoneInfo("Europe/Berlin")).date()
    [urge] = rows["urges"]
    assert (urge["strength"], urge["trigger"]) == (7, "lonely")


@pytest.mark.skipif(
    not (PG["URL"] and PG["PG_CTL"] and PG["DATA"]),
    reason="stops and starts a PostgreSQL server: run under scripts/with-postgres",
)
async def test_a_database_outage_in_the_middle_of_a_fan_out_doubles_nothing(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> None:
    from tests.e2e.test_webhook import _seed_due_users

    due = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)
    count = 300
    await _seed_due_users(database_url, count, due)
    users = [emu.user(700_000 + i) for i in range(count)]
    for user in users:  # they set the bot up long ago (the rows above)
        emu.bot(TOKEN).users[user.user_id].started = True
    clock.set(due)
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url,
                       extra={"tick_seconds": 0.05})
    await runner.start()
    try:
        await asyncio.sleep(1.5)  # the fan-out is under way (about 10 s at 30 a second)
        await pg_ctl("-m", "fast", "-w", "stop")
        try:
            await asyncio.sleep(8)  # longer than the old recorder's patience (about 6 s)
        finally:
            await pg_ctl("-l", PG["LOG"], "-w", "-o", PG["OPTIONS"], "start")
        deadline = time.monotonic() + 60
        while sum(1 for u in users if u.inbox) < count:
            assert time.monotonic() < deadline, (
                f"the fan-out never finished: {sum(1 for u in users if u.inbox)} of {count}"
            )
            await asyncio.sleep(0.2)
        # Every claim's lease runs out: anything sent but not recorded would go again now.
        clock.advance(timedelta(minutes=5))
        await asyncio.sleep(2)
    finally:
        await runner.stop()
    counts = {len(u.inbox) for u in users}
    assert counts == {1}, f"messages per person: {sorted(counts)}"
    assert emu.stats.rate_limited == 0  # and at Telegram's pace: no 429


async def test_kill_9_in_the_middle_of_a_weekly_batch_doubles_at_most_the_sends_in_flight(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    from datetime import date
    from datetime import time as clock_time

    from sqlalchemy import insert

    from bot.store import migrate
    from bot.store.models import Attempt, User

    count = 150
    now = datetime.now(UTC)
    db = Database(database_url)
    try:
        await migrate.upgrade(db)
        async with db.engine.begin() as conn:
            await conn.execute(insert(User), [
                {"id": 710_000 + i, "chat_id": 710_000 + i, "tz": "Europe/Berlin",
                 "daily_time": clock_time(20), "onboarded": True, "active": True,
                 "weekly_summary": True, "created_at": now, "updated_at": now,
                 "next_daily_at": None, "next_weekly_at": now}
                for i in range(count)
            ])
            await conn.execute(insert(Attempt), [
                {"user_id": 710_000 + i, "number": 1, "start_date": date(2026, 1, 1),
                 "created_at": now}
                for i in range(count)
            ])
    finally:
        await db.dispose()
    users = [emu.user(710_000 + i) for i in range(count)]
    for user in users:
        emu.bot(TOKEN).users[user.user_id].started = True

    def env() -> dict[str, str]:
        return clean_env(
            BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=emu.base_url.removesuffix("/bot"),
            DATABASE_URL=database_url, LOG_LEVEL="INFO", TICK_SECONDS="0.2",
            CLAIM_LEASE_SECONDS="3",
        )

    first = BotProcess(env=env(), cwd=tmp_path)
    await first.start()
    try:
        deadline = time.monotonic() + 40
        while sum(1 for u in users if u.inbox) < 40:  # the batch (about 5 s) is under way
            assert time.monotonic() < deadline, "the weekly batch never started"
            await asyncio.sleep(0.02)
    finally:
        await killed(first)
    sent_before = sum(1 for u in users if u.inbox)
    assert sent_before < count
    second = BotProcess(env=env(), cwd=tmp_path)
    await second.start()
    try:
        deadline = time.monotonic() + 60
        while sum(1 for u in users if u.inbox) < count:
            assert time.monotonic() < deadline, "the rest of the batch never went out"
            await asyncio.sleep(0.1)
        await asyncio.sleep(4)  # past the lease: anything sent but unrecorded would go again
    finally:
        await second.stop()
    doubled = sum(1 for u in users if len(u.inbox) > 1)
    # Only a send Telegram accepted in the instant before its outcome was written can go out
    # twice (the recorder writes each outcome as it comes); before, a whole batch of up to
    # 200 was recorded at its end.
    assert doubled <= 2, f"{doubled} of {sent_before} sent before the kill went out twice"
    assert all(len(u.inbox) >= 1 for u in users)


@pytest.mark.skipif(
    not (PG["URL"] and PG["PG_CTL"] and PG["DATA"]),
    reason="stops and starts a PostgreSQL server: run under scripts/with-postgres",
)
async def test_a_stop_during_a_database_outage_is_quick_and_the_next_start_doubles_nothing(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    """The outcomes of messages already sent cannot be written while the database is away. A
    stop signal then does not wait for it (a process manager gives 10 s): they are kept in a
    local file and written by the next start before it claims anything."""
    from tests.e2e.test_signals import clean, polling_env, stopped
    from tests.e2e.test_webhook import _seed_due_users

    count = 150
    await _seed_due_users(database_url, count, datetime.now(UTC))
    users = [emu.user(700_000 + i) for i in range(count)]
    for user in users:  # they set the bot up long ago (the rows above)
        emu.bot(TOKEN).users[user.user_id].started = True
    first = BotProcess(env=polling_env(emu, database_url, TICK_SECONDS="0.2"), cwd=tmp_path)
    await first.start()
    try:
        deadline = time.monotonic() + 30
        while sum(1 for u in users if u.inbox) < 20:  # the fan-out (about 5 s) is under way
            assert time.monotonic() < deadline, "the fan-out never started"
            await asyncio.sleep(0.05)
        # "fast": the test server runs with synchronous_commit=off, and an immediate stop would
        # lose commits it had already acknowledged (a real server keeps them).
        await pg_ctl("-m", "fast", "-w", "stop")
        await asyncio.sleep(1.0)  # sends go on; their outcomes wait for the database
        code, took, log = await stopped(first, signal.SIGTERM)
    finally:
        await pg_ctl("-l", PG["LOG"], "-w", "-o", PG["OPTIONS"], "start")
    assert code == 0, log[-2000:]
    assert took < 10, log[-2000:]
    assert clean(log) == [], log[-3000:]
    assert "send outcomes kept in" in log  # the case this test is about did happen
    sent_before = sum(1 for u in users if u.inbox)
    assert sent_before < count  # it stopped before the end
    # Claims look stale to the next process at once: anything sent but unrecorded would go
    # again now, unless the kept outcomes are written first.
    second = BotProcess(env=polling_env(emu, database_url, TICK_SECONDS="0.2",
                                        CLAIM_LEASE_SECONDS="1"), cwd=tmp_path)
    await second.start()
    try:
        deadline = time.monotonic() + 60
        while sum(1 for u in users if u.inbox) < count:
            assert time.monotonic() < deadline, "the rest never went out"
            await asyncio.sleep(0.1)
        await asyncio.sleep(3)  # past the lease
    finally:
        code, _, log = await stopped(second, signal.SIGTERM)
    assert code == 0, log[-2000:]
    doubled = sum(1 for u in users if len(u.inbox) > 1)
    assert doubled == 0, f"{doubled} of {sent_before} sent before the stop went out twice"
    assert "kept while the database was away" in log
