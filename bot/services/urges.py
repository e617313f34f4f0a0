"""The urge flow's rules: strength, triggers, tools, timers, outcomes and the urge log.

Knows no Telegram. Every urge gets a row when the flow starts; each answer is written to it
as it comes, so the log is right even when the user walks away halfway.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Literal

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import urges as urge_store
from bot.store.models import UnsentMessage, Urge

Source = Literal["command", "daily", "text"]
Band = Literal["low", "mid", "high"]

TRIGGERS: tuple[str, ...] = (
    "post", "lonely", "night", "date_place", "they_contacted", "alcohol", "other",
)
TOOLS: tuple[str, ...] = ("wait", "breathe", "reasons", "write", "tape")
# The wait-it-out lengths, the default first.
WAIT_MINUTES: tuple[int, ...] = (15, 5, 30)
DEFAULT_WAIT = 15
TAPE_QUESTIONS = 3
MAX_UNSENT_CHARS = 4096

PASSED, STILL_STRONG, CONTACTED, CANCELLED = "passed", "still_strong", "contacted", "cancelled"
OUTCOMES: tuple[str, ...] = (PASSED, STILL_STRONG, CONTACTED)
# Outcomes that close the urge: no further check-in, no further outcome.
FINAL = frozenset({PASSED, CONTACTED, CANCELLED})

_STRENGTH = re.compile(r"^\s*(\d{1,2})\s*(?:(?:/|out of|of)\s*10)?\s*[.!]*\s*$", re.IGNORECASE)


def parse_strength(text: str) -> int | None:
    """A typed strength: "7", "7/10", "8 out of 10"; None unless it is 1 to 10."""
    found = _STRENGTH.match(text)
    if found is None:
        return None
    value = int(found.group(1))
    return value if 1 <= value <= 10 else None


def band(strength: int) -> Band:
    if strength >= 8:
        return "high"
    if strength >= 4:
        return "mid"
    return "low"


def tools_of(urge: Urge) -> list[str]:
    return [t for t in urge.tools.split(",") if t]


def round_of(urge: Urge) -> int:
    """Which outcome question this is: one per tool used. Buttons sent outside a reply
    (the check-in, the end of breathing) carry it, so an older one is recognised as stale."""
    return len(tools_of(urge))


def is_open(urge: Urge) -> bool:
    return urge.outcome not in FINAL


async def begin(
    *, session: AsyncSession, user_id: int, source: Source, now: datetime
) -> Urge:
    return await urge_store.create_urge(session=session, user_id=user_id, source=source, now=now)


async def get(*, session: AsyncSession, user_id: int, urge_id: int) -> Urge | None:
    """The user's own urge, or None (unknown, or someone else's)."""
    return await urge_store.get_urge(session=session, user_id=user_id, urge_id=urge_id)


async def set_strength(*, session: AsyncSession, urge: Urge, strength: int) -> None:
    if not 1 <= strength <= 10:
        raise ValueError("strength must be 1 to 10")
    await urge_store.update_urge(session=session, urge=urge, strength=strength)


async def set_trigger(*, session: AsyncSession, urge: Urge, trigger: str) -> None:
    if trigger not in TRIGGERS:
        raise ValueError(f"unknown trigger {trigger!r}")
    await urge_store.update_urge(session=session, urge=urge, trigger=trigger)


async def use_tool(*, session: AsyncSession, urge: Urge, tool: str) -> None:
    """Log that a tool was picked (in order; a tool tried twice is logged twice)."""
    if tool not in TOOLS:
        raise ValueError(f"unknown tool {tool!r}")
    tools = [*tools_of(urge), tool][-20:]
    await urge_store.update_urge(session=session, urge=urge, tools=",".join(tools))


async def start_wait(
    *, session: AsyncSession, urge: Urge, minutes: int, now: datetime
) -> datetime:
    """Start the wait-it-out timer; the tick checks back at the returned instant."""
    if minutes not in WAIT_MINUTES:
        raise ValueError("unsupported wait length")
    checkin_at = now + timedelta(minutes=minutes)
    await urge_store.update_urge(
        session=session, urge=urge, wait_minutes=minutes, checkin_at=checkin_at
    )
    return checkin_at


def minutes_left(checkin_at: datetime | None, now: datetime) -> int:
    if checkin_at is None:
        return 0
    return max(0, -(-int((checkin_at - now).total_seconds()) // 60))


def minutes_since_start(urge: Urge, now: datetime) -> int:
    return max(0, round((now - urge.started_at).total_seconds() / 60))


async def record_outcome(
    *, session: AsyncSession, urge: Urge, outcome: str, now: datetime
) -> None:
    """Log an answer to "how is it now?" (or cancelled); a final one closes the urge.

    Any answer cancels a pending check-in: the user is here, there is nothing to check.
    """
    if outcome not in (*OUTCOMES, CANCELLED):
        raise ValueError(f"unknown outcome {outcome!r}")
    fields: dict[str, object] = {"outcome": outcome, "checkin_at": None}
    if outcome in FINAL:
        fields["ended_at"] = now
    if outcome == PASSED:
        fields["minutes_to_pass"] = minutes_since_start(urge, now)
    await urge_store.update_urge(session=session, urge=urge, **fields)


async def keep_unsent(
    *, session: AsyncSession, user_id: int, urge_id: int | None, text: str, now: datetime
) -> UnsentMessage:
    """Keep what the user wrote instead of sending it: private, and deletable."""
    return await urge_store.add_unsent(
        session=session, user_id=user_id, urge_id=urge_id, text=text[:MAX_UNSENT_CHARS], now=now
    )


async def forget_unsent(*, session: AsyncSession, user_id: int, unsent_id: int) -> bool:
    return await urge_store.delete_unsent(session=session, user_id=user_id, unsent_id=unsent_id)
