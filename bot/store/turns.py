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
    *,
    session: AsyncSession,
    user_id: int,
    chat_id: int,
    now: datetime,
    write_locked: bool = False,
) -> TurnState:
    """The user (created if missing, locked) and their conversation.

    `write_locked`: this transaction has already written (the update's handled-record), so it
    holds SQLite's write lock; the user is then read first and inserted only when missing,
    which saves the insert on every update but a person's first. Otherwise the insert goes
    first, to take that lock (see users.insert_if_missing)."""
    if write_locked:
        row = (await session.exec(_LOAD, params={"p_user_id": user_id})).one_or_none()
        if row is not None:
            return _state(row, created=False)
    created = await insert_if_missing(session=session, user_id=user_id, chat_id=chat_id, now=now)
    result = await session.exec(_LOAD, params={"p_user_id": user_id})
    return _state(result.one(), created=created)


def _state(row: Any, *, created: bool) -> TurnState:
    user, stack, version = row
    if stack is None:
        return TurnState(user=user, created=created, stack=[], version=-1)
    return TurnState(user=user, created=created, stack=json.loads(stack), version=version)
