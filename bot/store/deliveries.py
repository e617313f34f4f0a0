"""Repository functions for scheduled deliveries: who is due, claiming, recording the outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, func, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.db import execute
from bot.store.models import Delivery, User, core_table

DAILY = "daily"
WEEKLY = "weekly"
# Due users claimed per transaction, and how long a claim stays with its sender before
# another process may take it over.
CLAIM_BATCH = 200


@dataclass(frozen=True)
class DueUser:
    id: int
    chat_id: int
    tz: str
    daily_time: time
    paused_until: date | None
    due_at: datetime


async def due_users(*, session: AsyncSession, now: datetime, limit: int) -> list[DueUser]:
    """Active users whose next daily message is due at or before `now` (uses ix_users_due)."""
    result = await session.exec(  # type: ignore[call-overload]
        sa_select(
            col(User.id),
            col(User.chat_id),
            col(User.tz),
            col(User.daily_time),
            col(User.paused_until),
            col(User.next_daily_at),
        )
        .where(col(User.active).is_(True), col(User.next_daily_at) <= now)
        .order_by(col(User.next_daily_at))
        .limit(limit)
    )
    return [
        DueUser(
            id=r[0],
            chat_id=r[1],
            tz=r[2] or "UTC",
            daily_time=r[3] or time(21),
            paused_until=r[4],
            due_at=r[5],
        )
        for r in result.all()
    ]


async def move_next_daily(
    *, session: AsyncSession, user_id: int, expected: datetime, next_at: datetime | None
) -> bool:
    """Move the user's next send from `expected` to `next_at`; False if someone else did."""
    result = await session.exec(
        update(User)
        .where(col(User.id) == user_id, col(User.next_daily_at) == expected)
        .values(next_daily_at=next_at)
    )
    return bool(result.rowcount == 1)


async def insert_claim(
    *,
    session: AsyncSession,
    user_id: int,
    kind: str,
    local_date: date,
    due_at: datetime,
    now: datetime,
) -> Delivery | None:
    """Record the claim; None when this user already has one for that local date."""
    delivery = Delivery(
        user_id=user_id, kind=kind, local_date=local_date, due_at=due_at, claimed_at=now
    )
    try:
        async with session.begin_nested():
            session.add(delivery)
    except IntegrityError:
        return None
    return delivery


async def reclaimable(
    *,
    session: AsyncSession,
    kind: str,
    claimed_before: datetime,
    due_after: datetime,
    limit: int,
) -> list[Delivery]:
    """Claims whose sender vanished (lease expired) while still inside the grace window."""
    result = await session.exec(
        select(Delivery)
        .where(
            Delivery.kind == kind,
            Delivery.status == "claimed",
            col(Delivery.claimed_at) < claimed_before,
            col(Delivery.due_at) >= due_after,
        )
        .limit(limit)
    )
    return list(result.all())


async def renew_claim(
    *, session: AsyncSession, delivery_id: int, expected: datetime, now: datetime
) -> bool:
    result = await session.exec(
        update(Delivery)
        .where(
            col(Delivery.id) == delivery_id,
            col(Delivery.claimed_at) == expected,
            col(Delivery.status) == "claimed",
        )
        .values(claimed_at=now)
    )
    return bool(result.rowcount == 1)


async def take_over_stale(
    *,
    session: AsyncSession,
    kind: str,
    claimed_before: datetime,
    due_after: datetime,
    now: datetime,
    limit: int,
) -> list[tuple[Delivery, User]]:
    """Renew the claims whose sender vanished; return each with its user, if still active."""
    taken = []
    for delivery in await reclaimable(
        session=session,
        kind=kind,
        claimed_before=claimed_before,
        due_after=due_after,
        limit=limit,
    ):
        if delivery.id is None or not await renew_claim(
            session=session, delivery_id=delivery.id, expected=delivery.claimed_at, now=now
        ):
            continue
        user = await session.get(User, delivery.user_id)
        if user is not None and user.active:
            taken.append((delivery, user))
    return taken


async def release_claims(
    *, session: AsyncSession, delivery_ids: list[int], released_at: datetime
) -> None:
    """Give back claims that will not be sent by their claimer (it is stopping): their claim
    time moves back to `released_at`, past the lease, so the next tick takes them over at once.
    """
    if not delivery_ids:
        return
    await session.exec(
        update(Delivery)
        .where(col(Delivery.id).in_(delivery_ids), col(Delivery.status) == "claimed")
        .values(claimed_at=released_at)
    )


@dataclass(frozen=True)
class Outcome:
    delivery_id: int
    status: str
    at: datetime
    message_id: int | None = None


async def record_outcomes(*, session: AsyncSession, outcomes: list[Outcome]) -> None:
    """Write the results of several sends in one statement batch."""
    if not outcomes:
        return
    table = Delivery.metadata.tables[Delivery.__tablename__]  # core executemany
    connection = await session.connection()
    await connection.execute(
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(
            status=bindparam("b_status"),
            sent_at=bindparam("b_sent_at"),
            message_id=bindparam("b_message_id"),
        ),
        [
            {
                "b_id": o.delivery_id,
                "b_status": o.status,
                "b_sent_at": o.at if o.status == "sent" else None,
                "b_message_id": o.message_id,
            }
            for o in outcomes
        ],
    )


async def set_content(
    *, session: AsyncSession, delivery: Delivery, content_id: str, day_number: int
) -> None:
    delivery.content_id = content_id
    delivery.day_number = day_number
    session.add(delivery)


async def used_content(*, session: AsyncSession, user_ids: list[int]) -> dict[int, dict[str, int]]:
    """How often each encouragement was chosen for each of these users."""
    result = await session.exec(
        select(Delivery.user_id, Delivery.content_id, func.count())
        .where(col(Delivery.user_id).in_(user_ids), col(Delivery.content_id).is_not(None))
        .group_by(col(Delivery.user_id), col(Delivery.content_id))
    )
    used: dict[int, dict[str, int]] = {uid: {} for uid in user_ids}
    for uid, cid, n in result.all():
        used[uid][str(cid)] = int(n)
    return used


async def get_delivery(*, session: AsyncSession, delivery_id: int) -> Delivery | None:
    return await session.get(Delivery, delivery_id)


async def delivered_on(
    *, session: AsyncSession, user_id: int, kind: str, local_date: date
) -> bool:
    result = await execute(
        session,
        _DELIVERED_ON,
        {"p_user_id": user_id, "p_kind": kind, "p_local_date": local_date},
    )
    return result.first() is not None


# Built once, on the table: set-up's end and every change of time or zone ask it twice.
_DELIVERIES = core_table(Delivery)
_DELIVERED_ON = (
    sa_select(_DELIVERIES.c.id)
    .where(
        _DELIVERIES.c.user_id == bindparam("p_user_id"),
        _DELIVERIES.c.kind == bindparam("p_kind"),
        _DELIVERIES.c.local_date == bindparam("p_local_date"),
    )
    .limit(1)
)


async def latest_unanswered_daily(
    *, session: AsyncSession, user_id: int, since: datetime
) -> Delivery | None:
    """Their newest daily message sent since `since` that has no mood yet."""
    result = await session.exec(
        select(Delivery)
        .where(
            Delivery.user_id == user_id,
            Delivery.kind == "daily",
            Delivery.status == "sent",
            col(Delivery.mood).is_(None),
            col(Delivery.sent_at) >= since,
        )
        .order_by(col(Delivery.sent_at).desc())
        .limit(1)
    )
    return result.first()


async def set_mood(*, session: AsyncSession, delivery: Delivery, mood: str, now: datetime) -> None:
    delivery.mood = mood
    delivery.mood_at = now
    session.add(delivery)
    await session.flush()
