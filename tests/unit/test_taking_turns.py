"""SQLite's one-session-at-a-time turns: first come first served, urgent waiters first."""

from __future__ import annotations

import asyncio

from bot.store.db import TakingTurns


async def test_urgent_waiters_go_before_the_others_and_order_is_kept() -> None:
    turns = TakingTurns()
    order: list[str] = []
    await turns.acquire()

    async def take(name: str, urgent: bool) -> None:
        await turns.acquire(urgent=urgent)
        order.append(name)
        turns.release()

    tasks = [asyncio.create_task(take(n, u)) for n, u in
             [("a", False), ("b", False), ("x", True), ("c", False), ("y", True)]]
    await asyncio.sleep(0)
    turns.release()
    await asyncio.gather(*tasks)
    assert order == ["x", "y", "a", "b", "c"]


async def test_a_cancelled_waiter_never_keeps_the_turn() -> None:
    turns = TakingTurns()
    await turns.acquire()
    waiting = asyncio.create_task(turns.acquire())
    later = asyncio.create_task(turns.acquire(urgent=True))
    await asyncio.sleep(0)
    waiting.cancel()
    turns.release()  # handed to `later` (urgent), never to the cancelled one
    await asyncio.wait_for(later, 1)
    turns.release()
    await asyncio.wait_for(turns.acquire(), 1)  # free again
    assert waiting.cancelled()
