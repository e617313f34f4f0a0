"""A user's stored data and conversation, read straight from the store, for before/after checks."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from sqlmodel import col, select, update

from bot.conversation.coalesce import JOIN
from bot.emulator.driver import BotMessage, SimUser
from bot.store.db import Database
from bot.store.models import Attempt, Delivery, FlowState, Reason, UnsentMessage, Urge, User
from tests.harness import BotRunner

ROWS: tuple[type[Any], ...] = (User, Attempt, Reason, Urge, UnsentMessage, Delivery)


async def rows_of(db: Database, user_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every stored row about the user except their conversation state, as plain values."""
    found: dict[str, list[dict[str, Any]]] = {}
    async with db.session() as session:
        for model in ROWS:
            owner = model.id if model is User else model.user_id
            result = await session.exec(select(model).where(owner == user_id))
            found[model.__tablename__] = sorted(
                (row.model_dump() for row in result.all()), key=repr
            )
    return found


async def stack_of(db: Database, user_id: int) -> str:
    """The user's conversation stack as stored (JSON), "[]" when there is none."""
    async with db.session() as session:
        state = await session.get(FlowState, user_id)
        return state.stack if state is not None else "[]"


def steps(stack: str) -> list[tuple[str, str]]:
    """(flow, step) of every frame, bottom first."""
    return [(frame["flow"], frame["step"]) for frame in json.loads(stack)]


async def put_stack(db: Database, user_id: int, stack: str) -> None:
    """Put the user back at a question they were at (the stack saved by stack_of)."""
    async with db.session() as session:
        state = await session.get(FlowState, user_id)
        if state is None:
            assert stack == "[]"
            return
        await session.exec(
            update(FlowState)
            .where(col(FlowState.user_id) == user_id)
            .values(stack=stack, version=state.version + 1)
        )


async def idle(runner: BotRunner, within: float = 5.0) -> None:
    """Wait until the bot has finished every update it took (counters included)."""
    assert runner.app is not None
    processor, queue = runner.app.update_processor, runner.app.update_queue
    deadline = time.monotonic() + within
    while processor.current_concurrent_updates or queue.qsize():
        if time.monotonic() > deadline:
            raise AssertionError(f"the bot was still busy after {within}s")
        await asyncio.sleep(0.002)


async def exchange(
    runner: BotRunner, user: SimUser, act: Callable[[], Awaitable[None]], *,
    within: float = 5.0,
) -> tuple[list[BotMessage], float]:
    """Do `act` (one update) and wait until the bot has handled it.

    Returns the new bot messages and the seconds the update took. Everything a handler sends
    goes out before the update counts as handled, so nothing of it is still on its way.
    """
    await idle(runner)
    metrics = runner.runtime.metrics
    handled = metrics.value("updates_handled")
    seen = len(user.inbox)
    started = time.monotonic()
    await act()
    while metrics.value("updates_handled") == handled:
        if time.monotonic() - started > within:
            raise AssertionError(f"the bot did not handle the update within {within}s")
        await asyncio.sleep(0.002)
    elapsed = time.monotonic() - started
    return user.inbox[seen:], elapsed


# A turn's acknowledgement rides on the message that follows it (bot/conversation/coalesce.py):
# these read the parts of such a joined message.


def opens_with(message: BotMessage, variants: list[str]) -> bool:
    """Whether `message` is one of `variants` (as sent) with the turn's next message joined
    after it."""
    return any(message.text.startswith(f"{v}{JOIN}") for v in variants)


def ends_with(message: BotMessage, variants: list[str]) -> bool:
    """Whether `message` ends with one of `variants` (as sent), joined after an earlier part."""
    return any(message.text.endswith(f"{JOIN}{v}") for v in variants)
