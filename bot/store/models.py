"""SQLModel tables. Instants are aware UTC; local days are computed from `User.tz`."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import cast

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Table, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime


def _user_fk() -> Column[int]:
    return Column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )


class UserBase(SQLModel):
    chat_id: int = Field(sa_type=BigInteger)
    tz: str | None = Field(default=None, max_length=64)
    daily_time: time | None = None
    onboarded: bool = False
    active: bool = True
    paused_until: date | None = None
    weekly_summary: bool = True


class User(UserBase, table=True):
    """A person using the bot, keyed by their Telegram user id."""

    __tablename__ = "users"
    __table_args__ = (Index("ix_users_due", "active", "next_daily_at"),)

    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)
    next_daily_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    next_weekly_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)


class Attempt(SQLModel, table=True):
    """One run of No Contact: from its first day to the day it ended (open while current)."""

    __tablename__ = "attempts"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    number: int = Field(ge=1)
    start_date: date
    end_date: date | None = None
    end_reason: str | None = Field(default=None, max_length=32)
    note: str | None = Field(default=None, max_length=1000)
    created_at: datetime = Field(sa_type=UTCDateTime)


class FlowState(SQLModel, table=True):
    """Where a user is in a conversation: a stack of frames, read and written per update."""

    __tablename__ = "flow_states"

    user_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    )
    stack: str = Field(default="[]", sa_type=Text)
    version: int = 0
    updated_at: datetime = Field(sa_type=UTCDateTime)


class Reason(SQLModel, table=True):
    """One of the user's own reasons for No Contact."""

    __tablename__ = "reasons"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    text: str = Field(max_length=300)
    created_at: datetime = Field(sa_type=UTCDateTime)


class Delivery(SQLModel, table=True):
    """A scheduled message (daily or weekly) for one local date: the claim that makes it once.

    status: claimed (being sent; reclaimable after its lease), sent, failed, skipped.
    """

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("user_id", "kind", "local_date", name="uq_delivery_user_kind_date"),
        Index("ix_deliveries_reclaim", "status", "claimed_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    kind: str = Field(max_length=16)
    local_date: date
    due_at: datetime = Field(sa_type=UTCDateTime)
    claimed_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    status: str = Field(default="claimed", max_length=16)
    day_number: int = 0
    content_id: str | None = Field(default=None, max_length=32)
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    mood: str | None = Field(default=None, max_length=16)
    mood_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Urge(SQLModel, table=True):
    """One urge to contact the ex, from /urge, the daily "I'm struggling" or free text.

    tools: the tools used, in order, comma-separated. outcome: the last answer given
    (passed, still_strong, contacted) or cancelled; NULL while none was given.
    checkin_at: when the "wait it out" timer ends and the tick should check back (UTC).
    """

    __tablename__ = "urges"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    started_at: datetime = Field(sa_type=UTCDateTime)
    source: str = Field(default="command", max_length=16)
    strength: int | None = Field(default=None, ge=1, le=10)
    trigger: str | None = Field(default=None, max_length=16)
    tools: str = Field(default="", max_length=200)
    outcome: str | None = Field(default=None, max_length=16)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    minutes_to_pass: int | None = None
    wait_minutes: int | None = None
    checkin_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)


class UnsentMessage(SQLModel, table=True):
    """A message written to the ex in the urge flow and kept, at the user's wish, unsent."""

    __tablename__ = "unsent_messages"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    urge_id: int | None = None
    text: str = Field(sa_type=Text)
    created_at: datetime = Field(sa_type=UTCDateTime)


class HandledUpdate(SQLModel, table=True):
    """A Telegram update whose turn was committed: a redelivered copy is not handled again.

    Written in the turn's own transaction; rows older than two days are pruned (Telegram keeps
    an unconfirmed update for 24 hours)."""

    __tablename__ = "handled_updates"

    update_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    handled_at: datetime = Field(sa_type=UTCDateTime, index=True)


class OutboxMessage(SQLModel, table=True):
    """A reply owed to someone, written in the same transaction as the turn that owes it.

    Deleted once Telegram has accepted it. A row still here after its claim ran out belongs to
    a sender that died (or could not reach Telegram): the outbox sweep sends it again.
    body: the turn's messages as JSON (text, buttons, the message to edit), built by the
    conversation layer; the store does not read it."""

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    chat_id: int = Field(sa_type=BigInteger)
    body: str = Field(sa_type=Text)
    done: int = 0  # how many of its messages Telegram has accepted
    created_at: datetime = Field(sa_type=UTCDateTime)
    claimed_at: datetime = Field(sa_type=UTCDateTime, index=True)


def core_table(model: type[SQLModel]) -> Table:
    """The Core table behind a model, for hot statements that need none of the ORM's work."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]
