"""Repository functions for logged urges, their wait-it-out check-ins and unsent messages.

Every read and write that a button can reach is filtered by the user id, so a forged
button cannot touch another user's rows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import col, delete, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import UnsentMessage, Urge, User


async def create_urge(*, session: AsyncSession, user_id: int, source: str, now: datetime) -> Urge:
    urge = Urge(user_id=user_id, source=source, started_at=now)
    session.add(urge)
    await session.flush()
    return urge


async def get_urge(*, session: AsyncSession, user_id: int, urge_id: int) -> Urge | None:
    """The urge with this id if it belongs to this user."""
    result = await session.exec(
        select(Urge).where(col(Urge.id) == urge_id, col(Urge.user_id) == user_id)
    )
    return result.first()


async def update_urge(*, session: AsyncSession, urge: Urge, **fields: Any) -> Urge:
    for name, value in fields.items():
        if not hasattr(urge, name):
            raise AttributeError(name)
        setattr(urge, name, value)
    session.add(urge)
    await session.flush()
    return urge


async def list_urges(*, session: AsyncSession, user_id: int) -> list[Urge]:
    result = await session.exec(
        select(Urge).where(col(Urge.user_id) == user_id).order_by(col(Urge.id))
    )
    return list(result.all())


async def urges_since(*, session: AsyncSession, user_id: int, since: datetime) -> list[Urge]:
    result = await session.exec(
        select(Urge)
        .where(col(Urge.user_id) == user_id, col(Urge.started_at) >= since)
        .order_by(col(Urge.started_at))
    )
    return list(result.all())


async def due_checkins(
    *, session: AsyncSession, now: datetime, limit: int
) -> list[tuple[Urge, int]]:
    """Urges whose timer has ended, with the chat to check back in (active users only)."""
    result = await session.exec(
        select(Urge, User.chat_id)
        .join(User, col(User.id) == col(Urge.user_id))
        .where(col(Urge.checkin_at).is_not(None), col(Urge.checkin_at) <= now, col(User.active))
        .order_by(col(Urge.checkin_at))
        .limit(limit)
    )
    return [(urge, int(chat_id)) for urge, chat_id in result.all()]


async def claim_checkin(
    *, session: AsyncSession, urge_id: int, expected: datetime, lease_until: datetime | None
) -> bool:
    """Take the check-in for sending; False if another process (or an answer) took it first.

    Its due instant moves from `expected` to `lease_until`: if the sender dies before
    settling it, it falls due again then. None drops it.
    """
    return await _move_checkin(session=session, urge_id=urge_id, expected=expected, to=lease_until)


async def settle_checkin(*, session: AsyncSession, urge_id: int, lease_until: datetime) -> None:
    """The check-in was sent (or cannot be): clear it, unless the urge moved on meanwhile."""
    await _move_checkin(session=session, urge_id=urge_id, expected=lease_until, to=None)


async def _move_checkin(
    *, session: AsyncSession, urge_id: int, expected: datetime, to: datetime | None
) -> bool:
    result = await session.exec(
        update(Urge)
        .where(col(Urge.id) == urge_id, col(Urge.checkin_at) == expected)
        .values(checkin_at=to)
    )
    return bool(result.rowcount == 1)


async def add_unsent(
    *, session: AsyncSession, user_id: int, urge_id: int | None, text: str, now: datetime
) -> UnsentMessage:
    message = UnsentMessage(user_id=user_id, urge_id=urge_id, text=text, created_at=now)
    session.add(message)
    await session.flush()
    return message


async def list_unsent(*, session: AsyncSession, user_id: int) -> list[UnsentMessage]:
    result = await session.exec(
        select(UnsentMessage)
        .where(col(UnsentMessage.user_id) == user_id)
        .order_by(col(UnsentMessage.id))
    )
    return list(result.all())


async def delete_unsent(*, session: AsyncSession, user_id: int, unsent_id: int) -> bool:
    """Delete the kept message only if it belongs to this user."""
    result = await session.exec(
        delete(UnsentMessage).where(
            col(UnsentMessage.id) == unsent_id, col(UnsentMessage.user_id) == user_id
        )
    )
    return bool(result.rowcount == 1)
