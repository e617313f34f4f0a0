"""Every message exactly once: a copy of an update is not handled again, an owed reply survives
Telegram being out of reach and a kill, and only a gone chat stops the bot writing to someone.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine.url import make_url
from sqlmodel import func, select

from bot.core.clock import MovableClock
from bot.core.content import load_content, render
from bot.emulator.server import BotApiEmulator
from bot.store.db import Database
from bot.store.models import HandledUpdate, OutboxMessage, Urge, User
from tests.e2e.test_webhook import SECRET, webhook_env
from tests.e2e.userdata import rows_of
from tests.harness import TOKEN, BotRunner, onboard
from tests.processes import BotProcess, clean_env, free_port

CONTENT = load_content()


async def count(database_url: str, model: type, **where: object) -> int:
    db = Database(database_url)
    try:
        async with db.session() as session:
            query = select(func.count()).select_from(model)
            for name, value in where.items():
                query = query.where(getattr(model, name) == value)
            return int((await session.exec(query)).one())
    finally:
        await db.dispose()


def last_update_id(emu: BotApiEmulator) -> int:
    return max(emu.bot(TOKEN).delivered)


# --------------------------------------------------------------------------- each update once


async def test_an_update_fetched_again_after_a_restart_is_not_handled_again(
    emu: BotApiEmulator, bot: BotRunner, database_url: str
) -> None:
    user = emu.user(9301)
    await onboard(user)
    await user.send("/urge")
    first = await user.reply()  # the opener and the strength question, in one message
    urge_update = last_update_id(emu)
    assert await count(database_url, Urge, user_id=9301) == 1
    assert await count(database_url, HandledUpdate, update_id=urge_update) == 1

    # The process stopped before confirming it: the next poller fetches it again.
    await bot.restart()
    emu.bot(TOKEN).deliver_again(urge_update)
    await user.silence(1.0)
    assert await count(database_url, Urge, user_id=9301) == 1
    assert bot.runtime.metrics.value("updates_repeated") == 1
    # And the conversation goes on from where the first copy left it.
    await user.press(first.button_texts()[0])
    assert await user.replies(1, timeout=5)


async def test_webhook_copies_of_one_update_are_handled_once(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    bot = BotProcess(env=webhook_env(emu, database_url, port), cwd=tmp_path)
    await bot.start()
    user = emu.user(9302)
    reason = {
        "message_id": 900, "date": 0, "text": "he never once asked how my day was",
        "chat": {"id": 9302, "type": "private"},
        "from": {"id": 9302, "is_bot": False, "first_name": "Ada"},
    }
    url = f"http://127.0.0.1:{port}/telegram"
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    try:
        await bot.wait_healthy(port)
        await onboard(user)
        await user.send("/reasons")
        menu = (await user.replies(1, timeout=10))[-1]
        await user.press(next(t for t in menu.button_texts() if "Add" in t))
        await user.replies(1, timeout=10)
        update = {"update_id": 777_000_001, "message": reason}
        async with httpx.AsyncClient() as client:
            # Three copies at once (a slow answer makes Telegram send it again), then a
            # fourth a moment later.
            answers = await asyncio.gather(
                *(client.post(url, json=update, headers=headers) for _ in range(3))
            )
            await asyncio.sleep(1.0)
            answers.append(await client.post(url, json=update, headers=headers))
        assert [a.status_code for a in answers] == [200] * 4
        saved = await user.replies(1, timeout=10)
        assert "1" in saved[-1].plain or "reason" in saved[-1].plain.lower()
        await user.silence(1.0)
    finally:
        log = await bot.stop()
    assert bot.process is not None
    assert bot.process.returncode == 0, log[-2000:]
    # After a restart the record in the database still knows it.
    bot = BotProcess(env=webhook_env(emu, database_url, port), cwd=tmp_path)
    await bot.start()
    try:
        await bot.wait_healthy(port)
        async with httpx.AsyncClient() as client:
            again = await client.post(url, json=update, headers=headers)
        assert again.status_code == 200
        await user.silence(1.0)
    finally:
        await bot.stop()
    db = Database(database_url)
    try:
        rows = await rows_of(db, 9302)
    finally:
        await db.dispose()
    assert [r["text"] for r in rows["reasons"]] == [reason["text"]]


# --------------------------------------------------------------------------- the outbox


async def test_a_reply_telegram_would_not_take_is_sent_later_from_the_outbox(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> None:
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url,
                       extra={"tick_seconds": 0.05})
    await runner.start()
    try:
        user = emu.user(9303)
        await onboard(user)
        # Telegram refuses every send for longer than the sender's retries last.
        emu.inject_fault("5xx", method="sendMessage", duration=5.0)
        await user.send("/status")
        await user.silence(5.5)
        assert await count(database_url, OutboxMessage, user_id=9303) == 1
        # Once the sender's claim has run out, the sweep sends it: once.
        clock.advance(timedelta(seconds=61))
        reply = await user.reply(timeout=10)
        assert "Day 1 of No Contact" in reply.plain
        await user.silence(0.5)
        assert await count(database_url, OutboxMessage, user_id=9303) == 0
        assert runner.runtime.metrics.value("outbox_recovered") == 1
    finally:
        await runner.stop()


async def test_a_reply_still_being_sent_is_not_taken_by_the_sweep_when_the_clock_jumps(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock, database_url: str
) -> None:
    user = emu.user(9308)
    await onboard(user)
    # The reply waits out a 429 while the clock jumps past the outbox lease: the row looks
    # abandoned, but its sender is alive, so the sweep must not send it a second time.
    emu.inject_fault("429", method="sendMessage", retry_after=1)
    await user.send("/status")
    await asyncio.sleep(0.3)
    clock.advance(timedelta(hours=2))
    reply = await user.reply(timeout=5)
    assert "of No Contact" in reply.plain
    await user.silence(1.0)
    assert await count(database_url, OutboxMessage, user_id=9308) == 0
    assert ticking.runtime.metrics.value("outbox_recovered") == 0


async def test_a_reply_owed_when_the_process_is_killed_arrives_after_the_restart(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    def env() -> dict[str, str]:
        return clean_env(
            BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=emu.base_url.removesuffix("/bot"),
            DATABASE_URL=database_url, LOG_LEVEL="INFO", OUTBOX_LEASE_SECONDS="2",
        )

    user = emu.user(9304)
    first = BotProcess(env=env(), cwd=tmp_path)
    await first.start()
    try:
        await user.send("/start")
        await user.reply(timeout=30)
        # The turn is saved; Telegram holds the reply's send; the process dies meanwhile.
        emu.inject_fault("timeout", method="sendMessage", count=1, hold=30)
        await user.send("today")
        await asyncio.sleep(2.0)
    finally:
        await first.stop(signal.SIGKILL)
    emu.clear_faults()
    second = BotProcess(env=env(), cwd=tmp_path)
    await second.start()
    try:
        replies = await user.replies(2, timeout=40)
        assert replies[-1].reply_keyboard is not None  # the time-zone question, owed
        await user.silence(1.0)  # once
    finally:
        log = await second.stop()
    assert second.process is not None
    assert second.process.returncode == 0, log[-2000:]
    assert await count(database_url, OutboxMessage) == 0


# --------------------------------------------------------------------------- send rules


async def test_a_refusal_that_is_the_bots_fault_does_not_stop_its_messages(
    emu: BotApiEmulator, bot: BotRunner, database_url: str
) -> None:
    user = emu.user(9305)
    await onboard(user)
    emu.inject_fault("400", method="sendMessage", count=1)
    await user.send("/status")
    await user.silence(0.5)
    assert bot.runtime.metrics.value("send_refused") == 1
    db = Database(database_url)
    try:
        async with db.session() as session:
            person = await session.get(User, 9305)
            assert person is not None
            assert person.active
    finally:
        await db.dispose()
    await user.send("/status")
    assert "Day 1 of No Contact" in (await user.reply(timeout=5)).plain


async def test_a_button_pressed_after_delete_creates_nothing(
    emu: BotApiEmulator, bot: BotRunner, database_url: str
) -> None:
    user = emu.user(9306)
    await onboard(user)
    await user.send("/faq")
    menu = await user.reply()
    await user.send("/delete")
    await user.reply()
    await user.press("Yes, erase everything")
    await user.silence(0.5)
    assert await count(database_url, User, id=9306) == 0
    await user.press(menu.button_texts()[0], message=menu)
    await user.silence(0.5)
    assert await count(database_url, User, id=9306) == 0
    assert user.callback_answers[-1][0]  # told kindly that the button is from before


async def test_handled_updates_are_forgotten_after_two_days(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock, database_url: str
) -> None:
    user = emu.user(9307)
    await user.send("/start")
    await user.reply()
    assert await count(database_url, HandledUpdate) == 1
    clock.advance(timedelta(days=2, minutes=1))
    for _ in range(100):
        if await count(database_url, HandledUpdate) == 0:
            break
        await asyncio.sleep(0.05)
    assert await count(database_url, HandledUpdate) == 0


# --------------------------------------------------------------------------- a held lock


async def test_a_held_sqlite_write_lock_gets_a_quick_try_again_and_never_freezes_the_bot(
    emu: BotApiEmulator, bot: BotRunner, database_url: str
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's one write lock")
    user = emu.user(9308)
    await onboard(user)
    holder = sqlite3.connect(make_url(database_url).database or "", timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # a maintenance script holding the write lock
    try:
        started = time.monotonic()
        await user.send("/status")
        busy = await user.reply(timeout=5)
        assert busy.plain in CONTENT.variants("core.busy")
        assert time.monotonic() - started < 1.5
        # A crisis message is answered at once, before anything is written.
        started = time.monotonic()
        await user.send("i want to kill myself")
        help_reply = await user.reply(timeout=5)
        assert time.monotonic() - started < 1.5
        assert help_reply.plain not in CONTENT.variants("core.busy")
        assert help_reply.button_texts()
        await user.silence(0.8)  # and nothing else after it
        # What /healthz asks (the database answers) is answered at once, truthfully: reads
        # go on while another process holds the write lock.
        await asyncio.wait_for(bot.runtime.db.ping(), timeout=1)
    finally:
        holder.rollback()
        holder.close()
    await user.send("/status")
    assert "Day 1 of No Contact" in (await user.reply(timeout=5)).plain
    assert bot.runtime.metrics.value("errors") == 0


async def test_a_check_in_due_in_the_middle_of_a_fan_out_is_not_held_behind_it(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> None:
    from datetime import UTC, datetime

    from tests.e2e.test_webhook import _seed_due_users

    due = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)
    clock.set(due - timedelta(minutes=5, seconds=30))
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url,
                       extra={"tick_seconds": 0.05})
    await runner.start()
    try:
        user = emu.user(9309)
        await user.send("/urge")
        await user.reply()
        await user.press("7")
        await user.reply()
        await user.press("Feeling lonely")
        await user.reply()
        await user.press("⏳ Wait it out")
        await user.reply()
        await user.press("5 min")  # the check-in is due at 19:00:30
        await user.reply()
        count = 600  # about 20 s at Telegram's 30 a second
        await _seed_due_users(database_url, count, due)
        cohort = [emu.user(700_000 + i) for i in range(count)]
        for person in cohort:
            emu.bot(TOKEN).users[person.user_id].started = True
        clock.set(due)
        deadline = time.monotonic() + 30
        while sum(1 for p in cohort if p.inbox) < 30:
            assert time.monotonic() < deadline, "the fan-out never started"
            await asyncio.sleep(0.05)
        clock.advance(timedelta(seconds=31))
        asked = time.monotonic()
        checkins = [render(v, minutes=5) for v in CONTENT.variants("urge.wait_checkin")]
        await user.wait_for(lambda m: m.text in checkins, timeout=15)
        assert time.monotonic() - asked < 5
        assert sum(1 for p in cohort if p.inbox) < count  # the fan-out is still going
    finally:
        await runner.stop()
