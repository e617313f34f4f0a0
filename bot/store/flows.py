"""Repository functions for conversation state (one JSON stack of frames per user)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert
from sqlmodel import update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.db import execute
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
        await execute(session, _CREATE, {"p_user_id": user_id, "p_stack": payload, "p_now": now})
        return 0
    result = await execute(
        session,
        _SAVE,
        {
            "p_user_id": user_id,
            "p_old": version,
            "p_stack": payload,
            "p_new": version + 1,
            "p_now": now,
        },
    )
    if result.rowcount != 1:
        raise StaleFlowError(user_id)
    return version + 1


# Core statements (no ORM unit of work to pay for), built once: they run on most updates.
_FLOWS = core_table(FlowState)
_CREATE = insert(_FLOWS).values(
    user_id=bindparam("p_user_id"),
    stack=bindparam("p_stack"),
    version=0,
    updated_at=bindparam("p_now"),
)
_SAVE = (
    update(_FLOWS)
    .where(_FLOWS.c.user_id == bindparam("p_user_id"), _FLOWS.c.version == bindparam("p_old"))
    .values(stack=bindparam("p_stack"), version=bindparam("p_new"), updated_at=bindparam("p_now"))
)
