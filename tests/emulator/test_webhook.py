"""Webhook delivery: secret header, retries, per-chat order, round-robin targets."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, Update

from bot.emulator import BotApiEmulator

TOKEN = "333333:webhook-token"


@dataclass
class Receiver:
    """A tiny webhook endpoint that records what it gets."""

    name: str
    fail_first: int = 0
    delay_first: float = 0.0
    received: list[dict[str, Any]] = field(default_factory=list)
    secrets: list[str | None] = field(default_factory=list)
    attempts: int = 0
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    url: str = ""

    async def handle(self, request: web.Request) -> web.Response:
        self.attempts += 1
        attempt = self.attempts
        if attempt <= self.fail_first:
            return web.Response(status=500)
        body = await request.json()
        if attempt == self.fail_first + 1 and self.delay_first:
            await asyncio.sleep(self.delay_first)
        self.received.append(body)
        self.secrets.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        self.changed.set()
        return web.Response(text="ok")

    async def wait(self, n: int) -> None:
        async with asyncio.timeout(5.0):
            while len(self.received) < n:
                self.changed.clear()
                await self.changed.wait()


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        emu.add_bot(TOKEN)
        emu.webhook_retry_base = 0.05
        yield emu


@pytest.fixture
async def tg(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=emulator.base_url) as bot:
        yield bot


async def serve(receiver: Receiver) -> web.AppRunner:
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    receiver.url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    return runner


@pytest.fixture
async def make_receiver() -> AsyncIterator[Any]:
    runners: list[web.AppRunner] = []

    async def make(**kwargs: Any) -> Receiver:
        receiver = Receiver(name=f"r{len(runners)}", **kwargs)
        runners.append(await serve(receiver))
        return receiver

    yield make
    for runner in runners:
        await runner.cleanup()


async def test_delivery_with_secret(tg: Bot, emulator: BotApiEmulator, make_receiver: Any
                                    ) -> None:
    receiver: Receiver = await make_receiver()
    assert await tg.set_webhook(receiver.url, secret_token="s3cr3t-Token_1")
    user = emulator.user(10)
    await user.send("hello")
    await receiver.wait(1)
    update = Update.de_json(receiver.received[0], tg)
    assert update.message is not None
    assert update.message.text == "hello"
    assert receiver.secrets == ["s3cr3t-Token_1"]
    info = await tg.get_webhook_info()
    assert info.pending_update_count == 0
    assert emulator.stats.webhook_deliveries == 1


async def test_bad_secret_rejected(tg: Bot) -> None:
    from telegram.error import BadRequest

    with pytest.raises(BadRequest, match="(?i)secret token"):
        await tg.set_webhook("https://example.com/hook", secret_token="not allowed!")
    with pytest.raises(BadRequest, match="(?i)bad webhook"):
        await tg.set_webhook("ftp://example.com/hook")


async def test_retry_until_2xx_keeps_chat_order(
    tg: Bot, emulator: BotApiEmulator, make_receiver: Any
) -> None:
    receiver: Receiver = await make_receiver(fail_first=2)
    await tg.set_webhook(receiver.url)
    user = emulator.user(10)
    for text in ("one", "two", "three"):
        await user.send(text)
    await receiver.wait(3)
    assert [u["message"]["text"] for u in receiver.received] == ["one", "two", "three"]
    assert emulator.stats.webhook_failures == 2
    info = await tg.get_webhook_info()
    assert info.last_error_message is not None
    assert "500" in info.last_error_message


async def test_chats_are_delivered_in_parallel_but_each_in_order(
    tg: Bot, emulator: BotApiEmulator, make_receiver: Any
) -> None:
    receiver: Receiver = await make_receiver(delay_first=0.5)
    await tg.set_webhook(receiver.url, max_connections=5)
    slow, fast = emulator.user(10), emulator.user(11)
    await slow.send("slow-1")
    await asyncio.sleep(0.1)
    await slow.send("slow-2")
    await fast.send("fast-1")
    await receiver.wait(3)
    texts = [u["message"]["text"] for u in receiver.received]
    assert texts.index("fast-1") < texts.index("slow-1") < texts.index("slow-2")


async def test_round_robin_targets(tg: Bot, emulator: BotApiEmulator, make_receiver: Any
                                   ) -> None:
    first: Receiver = await make_receiver()
    second: Receiver = await make_receiver()
    await tg.set_webhook(first.url)
    emulator.bot().webhook_targets = [first.url, second.url]
    for uid in range(20, 24):
        await emulator.user(uid).send("hi")
    await first.wait(2)
    await second.wait(2)
    assert len(first.received) == len(second.received) == 2


async def test_delete_webhook_drop_pending(tg: Bot, emulator: BotApiEmulator) -> None:
    await tg.set_webhook("http://127.0.0.1:9/unreachable")
    await emulator.user(10).send("queued")
    await asyncio.sleep(0.1)
    assert (await tg.get_webhook_info()).pending_update_count == 1
    await tg.delete_webhook(drop_pending_updates=True)
    assert await tg.get_updates() == ()


async def test_delete_webhook_keeps_pending_for_polling(tg: Bot, emulator: BotApiEmulator
                                                        ) -> None:
    await tg.set_webhook("http://127.0.0.1:9/unreachable")
    await emulator.user(10).send("queued")
    await asyncio.sleep(0.1)
    await tg.delete_webhook()
    updates = await tg.get_updates()
    assert [u.message.text for u in updates if u.message] == ["queued"]
