"""Flood limits (429) and injected faults, seen by PTB and on the wire."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from bot.emulator import BotApiEmulator
from bot.emulator.ratelimit import FloodLimiter, TokenBucket

TOKEN = "444444:limits-token"

# PTB 22's RetryAfter.__init__ itself reads the deprecated int-valued `retry_after`.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        emu.add_bot(TOKEN)
        yield emu


@pytest.fixture
async def tg(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=emulator.base_url) as bot:
        yield bot


async def send_until_limited(tg: Bot, chat_ids: list[int]) -> int:
    """Send one message per entry until a 429; returns how many passed."""
    for passed, chat_id in enumerate(chat_ids):
        try:
            await tg.send_message(chat_id, f"message {passed}")
        except RetryAfter:
            return passed
    raise AssertionError(f"{len(chat_ids)} messages passed without a 429")


def test_token_bucket_burst_then_refill() -> None:
    bucket = TokenBucket(rate=1000.0, capacity=3)
    assert [bucket.try_take() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.try_take() > 0.0
    time.sleep(0.01)
    assert bucket.try_take() == 0.0


def test_flood_limiter_needs_both_buckets() -> None:
    limiter = FloodLimiter(per_key_rate=1.0, per_key_burst=2, global_rate=1.0, global_burst=3)
    assert limiter.acquire("a") is None
    assert limiter.acquire("a") is None
    assert limiter.acquire("a") == 1
    assert limiter.acquire("b") is None
    assert limiter.acquire("c") == 1  # global bucket empty; "c" keeps its tokens
    assert limiter.bucket("c").wait_time() == 0.0


async def test_short_burst_passes_sustained_gets_429(tg: Bot, emulator: BotApiEmulator) -> None:
    user = emulator.user(1)
    await user.send("hi")
    for i in range(5):
        await tg.send_message(1, f"burst {i}")
    assert emulator.stats.rate_limited == 0
    passed = await send_until_limited(tg, [1] * 30)
    assert 5 <= passed <= 8  # burst capacity 10 (plus a refill at 1/s while sending)
    assert emulator.stats.rate_limited == 1
    # edits count too
    with pytest.raises(RetryAfter):
        await tg.edit_message_text("edited", chat_id=1, message_id=2)


async def test_429_wire_shape(emulator: BotApiEmulator) -> None:
    emulator.user(1).start_chat()
    async with httpx.AsyncClient() as client:
        url = f"{emulator.base_url}{TOKEN}/sendMessage"
        statuses = []
        for i in range(12):
            response = await client.post(url, json={"chat_id": 1, "text": f"m{i}"})
            statuses.append(response.status_code)
        body = response.json()
    assert statuses[:10] == [200] * 10
    assert statuses[-1] == 429
    assert body["ok"] is False
    assert body["error_code"] == 429
    assert body["description"].startswith("Too Many Requests: retry after ")
    assert body["parameters"]["retry_after"] >= 1


async def test_global_limit(tg: Bot, emulator: BotApiEmulator) -> None:
    for uid in range(1, 41):
        emulator.user(uid).start_chat()
    passed = await send_until_limited(tg, list(range(1, 41)))
    assert 30 <= passed < 40  # global burst 30, refilled at 30/s while sending
    assert emulator.stats.rate_limited == 1


async def test_chat_action_and_callback_answers_are_not_limited(
    tg: Bot, emulator: BotApiEmulator
) -> None:
    emulator.user(1).start_chat()
    for _ in range(15):
        await tg.send_chat_action(1, "typing")
    assert emulator.stats.rate_limited == 0


async def test_fault_5xx_count(tg: Bot, emulator: BotApiEmulator) -> None:
    emulator.inject_fault("5xx", method="getMe", count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await tg.get_me()
    assert (await tg.get_me()).username == "SteadfastBot"
    assert emulator.stats.faults_injected == 2


async def test_fault_429_and_clear(tg: Bot, emulator: BotApiEmulator) -> None:
    emulator.inject_fault("429", duration=10, retry_after=7)
    with pytest.raises(RetryAfter, match="7"):
        await tg.get_me()
    with pytest.raises(RetryAfter):
        await tg.get_my_commands()
    emulator.clear_faults()
    await tg.get_me()


async def test_fault_only_matching_method(tg: Bot, emulator: BotApiEmulator) -> None:
    emulator.user(1).start_chat()
    emulator.inject_fault("5xx", method="sendMessage")
    await tg.get_me()
    with pytest.raises(NetworkError):
        await tg.send_message(1, "x")
    await tg.send_message(1, "x")


async def test_fault_duration_expires(tg: Bot, emulator: BotApiEmulator) -> None:
    emulator.inject_fault("5xx", duration=0.2)
    with pytest.raises(NetworkError):
        await tg.get_me()
    await asyncio.sleep(0.25)
    await tg.get_me()


async def test_fault_timeout(emulator: BotApiEmulator) -> None:
    request = HTTPXRequest(read_timeout=0.3)
    async with Bot(TOKEN, base_url=emulator.base_url, request=request) as bot:
        emulator.inject_fault("timeout", method="getMe", hold=1.0)
        with pytest.raises(TimedOut):
            await bot.get_me()
        await bot.get_me()
