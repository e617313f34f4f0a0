"""An update processor that handles chats concurrently while keeping each chat's order."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.core.metrics import Metrics

logger = logging.getLogger(__name__)


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Updates of one chat run one after another, in arrival order; chats run side by side.

    PTB starts one task per update in arrival order; each takes a concurrency slot and then
    its chat's lock, both first-in first-out, so a chat's updates keep their order. The slot
    count is generous so that one chat's queue cannot hold the others up.

    Only `max_running` updates that hold their chat's lock run at once (as many as the HTTP
    connection pool has connections): a burst of a thousand chats otherwise queues a thousand
    requests in httpcore's pool, whose scheduling grows with the square of the queue.
    """

    def __init__(
        self, metrics: Metrics, max_concurrent_updates: int = 1024, max_running: int = 64
    ) -> None:
        super().__init__(max_concurrent_updates)
        self._metrics = metrics
        self._running = asyncio.Semaphore(max_running)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[object]) -> None:
        key = _chat_key(update)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock, self._running:
                started = time.perf_counter()
                await coroutine
                self._metrics.inc("updates_handled")
                logger.debug("update processed in %.1f ms", (time.perf_counter() - started) * 1000)
        finally:
            self._waiting[key] -= 1
            if self._waiting[key] == 0:
                del self._waiting[key]
                del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def _chat_key(update: object) -> int:
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return update.effective_user.id
    return 0
