"""Webhook mode as deployed: real processes, a secret token, /healthz, /metrics, and two
instances on one database behind a load balancer (the emulator alternates between them)."""

from __future__ import annotations

import asyncio
import signal
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import httpx
from sqlalchemy import insert

from bot.emulator.server import BotApiEmulator
from bot.store import migrate
from bot.store.db import Database
from bot.store.models import Attempt, User
from tests.harness import TOKEN
from tests.processes import BotProcess, clean_env, free_port

SECRET = "webhook-secret-for-tests-0123456789"


def webhook_env(emu: BotApiEmulator, database_url: str, port: int, **extra: str) -> dict[str, str]:
    return clean_env(
        BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=emu.base_url,
        DATABASE_URL=database_url,
        WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
        LOG_LEVEL="DEBUG",
        **extra,
    )


async def test_webhook_refuses_requests_without_the_secret_and_serves_health_and_metrics(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    bot = BotProcess(env=webhook_env(emu, database_url, port), cwd=tmp_path)
    await bot.start()
    try:
        await bot.wait_healthy(port)
        assert emu.bot(TOKEN).webhook_url == f"http://127.0.0.1:{port}/telegram"
        user = emu.user(6001)
        await user.send("/start")
        # Welcome, explainer and the date question, in one message.
        assert "Today" in (await user.reply(timeout=15)).button_texts()

        forged = {
            "update_id": 999999,
            "message": {
                "message_id": 1, "date": 0, "text": "/start",
                "chat": {"id": 6002, "type": "private"},
                "from": {"id": 6002, "is_bot": False, "first_name": "Mallory"},
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            },
        }
        async with httpx.AsyncClient() as client:
            url = f"http://127.0.0.1:{port}/telegram"
            missing = await client.post(url, json=forged)
            wrong = await client.post(
                url, json=forged, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}
            )
            # The update counts as handled when its handler returns, which can be a moment
            # after its reply has reached the chat (the gate on PostgreSQL once read 0 here)
            deadline = time.monotonic() + 10
            while True:
                metrics = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
                if "steadfast_updates_handled_total 1" in metrics or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.05)
        assert (missing.status_code, wrong.status_code) == (403, 403)
        assert "steadfast_updates_handled_total 1" in metrics
        assert "steadfast_replies_sent_total 1\n" in metrics
        assert "steadfast_send_queue_depth" in metrics
        mallory = emu.user(6002)
        await mallory.silence(0.5)
    finally:
        log = await bot.stop()
    assert bot.process is not None
    assert bot.process.returncode == 0, log[-3000:]
    assert SECRET not in log
    assert TOKEN not in log


async def _seed_due_users(database_url: str, count: int, due: datetime) -> None:
    db = Database(database_url)
    await migrate.upgrade(db)
    now = datetime.now(UTC)
    users = [
        {"id": 700_000 + i, "chat_id": 700_000 + i, "tz": "Europe/Berlin",
         "daily_time": clock_time(20), "onboarded": True, "active": True,
         "weekly_summary": True, "created_at": now, "updated_at": now, "next_daily_at": due}
        for i in range(count)
    ]
    attempts = [
        {"user_id": 700_000 + i, "number": 1, "start_date": date(2026, 1, 1), "created_at": now}
        for i in range(count)
    ]
    if users:
        async with db.engine.begin() as conn:
            await conn.execute(insert(User), users)
            await conn.execute(insert(Attempt), attempts)
    await db.dispose()


async def test_two_instances_on_one_database_each_message_once_and_onboarding_split(
    database_url: str, tmp_path: Path
) -> None:
    async with BotApiEmulator(per_chat_burst=40, global_rate=2000, global_burst=2000) as emu:
        emu.add_bot(TOKEN)
        ports = [free_port(), free_port()]
        extra = {"TICK_SECONDS": "0.2", "SEND_RATE": "300"}
        bots = [
            BotProcess(env=webhook_env(emu, database_url, port, **extra), cwd=tmp_path)
            for port in ports
        ]
        await _seed_due_users(database_url, 0, datetime.now(UTC))  # schema first
        for bot in bots:
            await bot.start()
        try:
            for bot, port in zip(bots, ports, strict=True):
                await bot.wait_healthy(port)
            # A load balancer in front of both: updates alternate between the instances.
            emu.bot(TOKEN).webhook_targets = [f"http://127.0.0.1:{p}/telegram" for p in ports]

            cohort = [emu.user(700_000 + i) for i in range(1000)]
            for user in cohort:
                user.start_chat()
            await _seed_due_users(database_url, 1000, datetime.now(UTC) + timedelta(seconds=1))

            walker = emu.user(6100)
            await walker.send("/start")
            await walker.reply(timeout=15)
            await walker.press("Yesterday")
            await walker.replies(2, timeout=15)
            await walker.send("Berlin")
            await walker.replies(2, timeout=15)
            await walker.press("21:00")
            await walker.reply(timeout=15)
            await walker.press("Skip for now")
            await walker.reply(timeout=15)
            await walker.send("/status")
            status = await walker.reply(timeout=15)
            assert "Day 2 " in status.plain
            assert "1 attempt in all" in status.plain

            deadline = asyncio.get_running_loop().time() + 90
            while sum(1 for u in cohort if u.inbox) < len(cohort):
                assert asyncio.get_running_loop().time() < deadline, "daily fan-out too slow"
                await asyncio.sleep(0.2)
            await asyncio.sleep(1.5)  # two more ticks on each instance: nothing more may come
            assert [len(u.inbox) for u in cohort] == [1] * len(cohort)
            async with httpx.AsyncClient() as client:
                handled = [
                    (await client.get(f"http://127.0.0.1:{p}/metrics")).text for p in ports
                ]
            assert all("steadfast_updates_handled_total 0\n" not in m for m in handled)
        finally:
            logs = [await bot.stop(signal.SIGTERM) for bot in bots]
        for bot, log in zip(bots, logs, strict=True):
            assert bot.process is not None
            assert bot.process.returncode == 0, log[-3000:]


async def test_sigterm_mid_fan_out_stops_claiming_and_the_next_process_sends_the_rest(
    database_url: str, tmp_path: Path
) -> None:
    """A deploy stops an instance in the middle of the daily fan-out: it finishes what it
    claimed and exits promptly; the next one sends the rest. Nobody is missed or doubled."""
    cohort_size = 1000
    async with BotApiEmulator(per_chat_burst=40, global_rate=2000, global_burst=2000) as emu:
        emu.add_bot(TOKEN)
        extra = {"TICK_SECONDS": "0.2", "SEND_RATE": "100"}
        await _seed_due_users(database_url, 0, datetime.now(UTC))  # schema first
        cohort = [emu.user(700_000 + i) for i in range(cohort_size)]
        for user in cohort:
            user.start_chat()

        def received() -> int:
            return sum(1 for u in cohort if u.inbox)

        port = free_port()
        first = BotProcess(env=webhook_env(emu, database_url, port, **extra), cwd=tmp_path)
        await first.start()
        try:
            await first.wait_healthy(port)
            await _seed_due_users(database_url, cohort_size, datetime.now(UTC))
            deadline = asyncio.get_running_loop().time() + 30
            while received() < 150:
                assert asyncio.get_running_loop().time() < deadline, "fan-out did not start"
                await asyncio.sleep(0.05)
        finally:
            stopped_at = asyncio.get_running_loop().time()
            log = await first.stop(signal.SIGTERM)
        took = asyncio.get_running_loop().time() - stopped_at
        assert first.process is not None
        assert first.process.returncode == 0, log[-3000:]
        # What was claimed (at most two batches) went out; nothing new was claimed.
        assert took < 15, f"shutdown took {took:.1f}s"
        sent_by_first = received()
        assert 150 <= sent_by_first < cohort_size
        assert all(len(u.inbox) <= 1 for u in cohort)

        port = free_port()
        second = BotProcess(env=webhook_env(emu, database_url, port, **extra), cwd=tmp_path)
        await second.start()
        try:
            await second.wait_healthy(port)
            deadline = asyncio.get_running_loop().time() + 60
            while received() < cohort_size:
                assert asyncio.get_running_loop().time() < deadline, "the rest never went out"
                await asyncio.sleep(0.2)
            await asyncio.sleep(1.0)  # a few more ticks: nothing more may come
        finally:
            log = await second.stop(signal.SIGTERM)
        assert second.process is not None
        assert second.process.returncode == 0, log[-3000:]
        assert [len(u.inbox) for u in cohort] == [1] * cohort_size


async def test_refused_requests_are_counted_and_logged_once_and_bad_bodies_get_400(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    bot = BotProcess(env=webhook_env(emu, database_url, port), cwd=tmp_path)
    await bot.start()
    url = f"http://127.0.0.1:{port}/telegram"
    ok = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    message = {
        "message_id": 1, "date": 0, "text": "Zephyrquill",
        "chat": {"id": 6050, "type": "private"},
        "from": {"id": 6050, "is_bot": False, "first_name": "Eve"},
    }
    bad_bodies = [
        b"[1, 2, 3]",
        b'"an update"',
        b"42",
        b"null",
        b'{"message": {"text": "no update_id"}}',
        b'{"update_id": "7"}',
        b'{"update_id": true}',
        b'{"update_id": -5}',
        b'{"update_id": 100000000000000000000000000000}',
        b'{"update_id": 12.5}',
        b'{"update_id": 8, "message": "not a message"}',
        b'{"update_id": 9, "message": [1]}',
        b'{"update_id": 10, "message": {"message_id": "x"}}',
        b'{"update_id": 11, "callback_query": 5}',
    ]
    malformed = [b"{not json", b"", b'{"update_id": 1', b"\xff\xfe\x00"]
    try:
        await bot.wait_healthy(port)
        async with httpx.AsyncClient() as client:
            refused = [
                await client.post(url, json={"update_id": 1, "message": message})
                for _ in range(4)
            ]
            refused.append(await client.post(
                url, json={"update_id": 2, "message": message},
                headers={"X-Telegram-Bot-Api-Secret-Token": "wrong-secret-value-0000"},
            ))
            bad = [await client.post(url, content=body, headers=ok) for body in bad_bodies]
            broken = [await client.post(url, content=body, headers=ok) for body in malformed]
            metrics = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
            healthy = await client.get(f"http://127.0.0.1:{port}/healthz")
        await emu.user(6050).silence(0.3)  # nothing reached the application
    finally:
        log = await bot.stop()
    assert bot.process is not None
    assert bot.process.returncode == 0, log[-3000:]
    assert [r.status_code for r in refused] == [403] * 5
    assert [(body, r.status_code) for body, r in zip(bad_bodies, bad, strict=True)] == [
        (body, 400) for body in bad_bodies
    ]
    assert [r.status_code for r in broken] == [400] * len(malformed)
    assert healthy.status_code == 200
    assert "steadfast_webhook_refused_total 5\n" in metrics
    assert "# TYPE steadfast_webhook_refused_total counter" in metrics
    assert "steadfast_updates_handled_total 0\n" in metrics
    assert "steadfast_errors_total 0\n" in metrics
    refusal_lines = [line for line in log.splitlines() if "refused" in line]
    assert len(refusal_lines) == 1, refusal_lines  # at most one line a minute
    assert "Traceback" not in log
    assert " ERROR " not in log
    assert "Zephyrquill" not in log
    assert SECRET not in log


async def test_updates_without_a_sender_or_a_message_are_handled_quietly(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    bot = BotProcess(env=webhook_env(emu, database_url, port), cwd=tmp_path)
    await bot.start()
    url = f"http://127.0.0.1:{port}/telegram"
    ok = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    chat = {"id": 6060, "type": "private"}
    user = emu.user(6060)  # a chat the bot could write to, had it anything to say
    emu.bot(TOKEN).users[user.user_id].started = True
    bodies = [
        {"update_id": 30},  # nothing in it
        {"update_id": 31, "message": {"message_id": 1, "date": 0, "chat": chat, "text": "hi"}},
        {"update_id": 32, "message": {"message_id": 2, "date": 0, "chat": chat,
                                      "text": "/start", "entities": [
                                          {"type": "bot_command", "offset": 0, "length": 6}]}},
        {"update_id": 33, "channel_post": {"message_id": 3, "date": 0, "text": "hello",
                                           "chat": {"id": -100123, "type": "channel"}}},
        {"update_id": 34, "message": {"message_id": 4, "date": 0, "text": "hi",
                                      "chat": {"id": -100124, "type": "supergroup"},
                                      "sender_chat": {"id": -100124, "type": "supergroup"}}},
        {"update_id": 35, "edited_message": {"message_id": 1, "date": 0, "edit_date": 1,
                                             "chat": chat, "text": "i want to die"}},
    ]
    try:
        await bot.wait_healthy(port)
        async with httpx.AsyncClient() as client:
            answers = [await client.post(url, json=body, headers=ok) for body in bodies]
            await asyncio.sleep(1.0)
            metrics = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
        await user.silence(0.3)  # no "something broke", nothing at all
    finally:
        log = await bot.stop()
    assert bot.process is not None
    assert bot.process.returncode == 0, log[-3000:]
    assert [r.status_code for r in answers] == [200] * len(bodies)
    assert "steadfast_errors_total 0\n" in metrics
    assert "Traceback" not in log
    assert " ERROR " not in log
