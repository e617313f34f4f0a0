"""Repository functions for conversation state (one JSON stack of frames per user)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel import update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import FlowState, core_table


class StaleFlowError(Exception):
    """Another update changed this user's conversation first."""


async def load_stack(*, session: AsyncSession, user_id: int) -> tuple[list[dict[str, Any]], int]:
    state = await session.get(FlowState, user_id)
    if state is None:
        return [], -1
    return json.loads(state.stack), state.version


async def save_stack(
    *,
    session: AsyncSession,
    user_id: int,
    stack: list[dict[str, Any]],
    version: int,
    now: datetime,
) -> int:
    """Write the stack if nobody else did since `version` was read; return the new version."""
    payload = json.dumps(stack, ensure_ascii=False, separators=(",", ":"))
    if version < 0:
        session.add(FlowState(user_id=user_id, stack=payload, version=0, updated_at=now))
        await session.flush()
        return 0
    table = core_table(FlowState)  # Core UPDATE: no ORM session synchronisation to pay for
    result = await session.exec(
        update(table)
        .where(table.c.user_id == user_id, table.c.version == version)
        .values(stack=payload, version=version + 1, updated_at=now)
    )
    if result.rowcount != 1:
        raise StaleFlowError(user_id)
    return version + 1
