"""What every update reads first, in two statements: the user (created on first contact and
locked for the transaction) and where they are in a conversation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import Session, configure_mappers, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.db import execute
from bot.store.models import FlowState, User, core_table
from bot.store.users import insert_if_missing

_USERS = core_table(User)
_FLOWS = core_table(FlowState)
_COLUMNS = tuple(column.key for column in _USERS.columns)
_MAPPER = inspect(User)

# Built once: it runs on every update (the compiled SQL is cached, the statement was not).
# A Core statement, the user turned into an object below: the ORM's loading of one row cost
# more than the statement itself (bench/updates.py --profile real).
_LOAD = (
    select(_USERS, _FLOWS.c.stack, _FLOWS.c.version)
    .select_from(_USERS.outerjoin(_FLOWS, _FLOWS.c.user_id == _USERS.c.id))
    .where(_USERS.c.id == bindparam("p_user_id"))
    .with_for_update(of=_USERS)
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
        row = (await execute(session, _LOAD, {"p_user_id": user_id})).one_or_none()
        if row is not None:
            return _state(session.sync_session, row, created=False)
    created = await insert_if_missing(session=session, user_id=user_id, chat_id=chat_id, now=now)
    row = (await execute(session, _LOAD, {"p_user_id": user_id})).one()
    return _state(session.sync_session, row, created=created)


def _state(session: Session, row: Any, *, created: bool) -> TurnState:
    user = _persistent_user(session, dict(zip(_COLUMNS, row[: len(_COLUMNS)], strict=True)))
    stack, version = row[len(_COLUMNS)], row[len(_COLUMNS) + 1]
    if stack is None:
        return TurnState(user=user, created=created, stack=[], version=-1)
    return TurnState(user=user, created=created, stack=json.loads(stack), version=version)


def _persistent_user(session: Session, values: dict[str, Any]) -> User:
    """The row as the session's own User, as if the ORM had loaded it: one already in the
    session is refreshed with these values (as populate_existing would); otherwise a new one
    is made without validation (the values come from the database) and attached."""
    if not _MAPPER.configured:
        configure_mappers()  # what the ORM's first query would do
    key = _MAPPER.identity_key_from_primary_key((values["id"],))
    known = session.identity_map.get(key)
    if known is not None:
        for name, value in values.items():
            set_committed_value(known, name, value)
        return known
    user: User = _MAPPER.class_manager.new_instance()
    user.__dict__.update(values)
    make_transient_to_detached(user)
    session.add(user)
    return user
