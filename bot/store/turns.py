"""What every update reads first, in two statements: the user (created on first contact and
locked for the transaction) and where they are in a conversation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import FlowState, User
from bot.store.users import insert_if_missing

# Built once: it runs on every update (the compiled SQL is cached, the statement was not).
_LOAD = (
    select(User, FlowState.stack, FlowState.version)
    .outerjoin(FlowState, col(FlowState.user_id) == col(User.id))
    .where(col(User.id) == bindparam("p_user_id"))
    .with_for_update(of=User)
    .execution_options(populate_existing=True)
)


@dataclass(frozen=True)
class TurnState:
    user: User
    created: bool
    stack: list[dict[str, Any]]
    version: int  # of the conversation row; -1 when the user has none yet


async def load_turn_state(
    *, session: AsyncSession, user_id: int, chat_id: int, now: datetime
) -> TurnState:
    created = await insert_if_missing(session=session, user_id=user_id, chat_id=chat_id, now=now)
    result = await session.exec(_LOAD, params={"p_user_id": user_id})
    user, stack, version = result.one()
    if stack is None:
        return TurnState(user=user, created=created, stack=[], version=-1)
    return TurnState(user=user, created=created, stack=json.loads(stack), version=version)
