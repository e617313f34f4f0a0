"""Slips: the count restarts today, nothing is erased. Knows no Telegram.

A slip ends the open attempt today (its last day is the day of the slip) and opens a new
one starting today. Every attempt is kept, so the longest streak and the total days stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.progress import Record, Span, full_days, record
from bot.services.textnorm import DATA_DIR, DataModel, Regex, load_data, normalize
from bot.services.urges import CONTACTED, outcome_from_text
from bot.store import attempts as attempt_store

SLIP = "slip"
MAX_NOTE_CHARS = 500
# A slip told as an earlier day's ("yesterday") can be taken back this long after it was told
UNDO_WITHIN = timedelta(hours=12)
HISTORY_LINES = 15


class _SlipData(DataModel):
    as_a_reason: Regex
    undo: Regex
    to_them: Regex
    reply_live: Regex
    days_lost: Regex
    logistics_only: Regex
    logistics_reply: Regex


_DATA = load_data(DATA_DIR / "slips.yaml", _SlipData)


@dataclass(frozen=True)
class Restart:
    ended_attempt_id: int | None  # the attempt a note goes on (None: none ended to note)
    previous_days: int
    longest: int
    already_today: bool = False  # the count already starts today: nothing was reset
    start: date | None = None  # the day the new count starts (the slip's day)


@dataclass(frozen=True)
class AttemptLine:
    number: int
    start: date
    end: date | None
    days: int
    note: str | None


@dataclass(frozen=True)
class History:
    lines: list[AttemptLine]  # the most recent HISTORY_LINES, oldest first
    record: Record


async def restart(
    *, session: AsyncSession, user_id: int, today: date, now: datetime, on: date | None = None
) -> Restart | None:
    """End the open attempt and start a new one on the day of the slip (`on`, "yesterday";
    today when it is not given, or not a day inside the attempt under way); None if there is
    no count yet."""
    current = await attempt_store.current_attempt(session=session, user_id=user_id)
    if current is None or current.id is None:
        return None
    # the new count starts the day it happened ("yesterday"): the days held end there
    end = on if on is not None and current.start_date < on < today else today
    if current.start_date >= end:
        # A second slip today (or the count began today): no zero-day attempt is added; a
        # note goes on the attempt that ended today, if one did.
        attempts = await attempt_store.list_attempts(session=session, user_id=user_id)
        ended = [a for a in attempts if a.end_date is not None and a.end_date >= end]
        summary = await history(session=session, user_id=user_id, today=today)
        return Restart(
            ended_attempt_id=ended[-1].id if ended else None,
            previous_days=0,
            longest=summary.record.longest,
            already_today=True,
        )
    await attempt_store.end_attempt(
        session=session, attempt=current, end_date=end, reason=SLIP, note=None
    )
    await attempt_store.start_attempt(session=session, user_id=user_id, start_date=end, now=now)
    summary = await history(session=session, user_id=user_id, today=today)
    return Restart(
        ended_attempt_id=current.id,
        previous_days=full_days(current.start_date, end),
        longest=summary.record.longest,
        start=end,
    )


async def undo(
    *, session: AsyncSession, user_id: int, today: date, now: datetime
) -> date | None:
    """Take back today's slip ("i pressed that by accident"), or one told today as
    yesterday's: the attempt it ended runs on, the one it started is removed. The new start
    date, or None when there is no such slip to take back."""
    attempts = await attempt_store.list_attempts(session=session, user_id=user_id)
    if len(attempts) < 2:
        return None
    previous, current = attempts[-2], attempts[-1]
    told_today = current.start_date == today or now - current.created_at < UNDO_WITHIN
    if (
        current.end_date is not None
        or not told_today
        or previous.end_date != current.start_date
        or previous.end_reason != SLIP
    ):
        return None
    await attempt_store.remove_attempt(session=session, attempt=current)
    await attempt_store.reopen_attempt(session=session, attempt=previous)
    return previous.start_date


def takes_back_a_slip(text: str) -> bool:
    """ "undo", "i pressed that by accident", "i didnt actually contact him"."""
    return _DATA.undo.search(normalize(text)) is not None


def clean_note(text: str) -> str:
    return " ".join(text.split())


async def add_note(*, session: AsyncSession, user_id: int, attempt_id: int, note: str) -> bool:
    """Store the note on the user's own ended attempt; False if it is not theirs or not ended."""
    if not note or len(note) > MAX_NOTE_CHARS:
        raise ValueError("note empty or too long")
    attempts = await attempt_store.list_attempts(session=session, user_id=user_id)
    attempt = next((a for a in attempts if a.id == attempt_id), None)
    if attempt is None or attempt.end_date is None:
        return False
    if attempt.note:  # a second slip the same day: both notes kept, the first never lost
        note = f"{attempt.note} · {note}"[: 2 * MAX_NOTE_CHARS]
    await attempt_store.end_attempt(
        session=session,
        attempt=attempt,
        end_date=attempt.end_date,
        reason=attempt.end_reason or SLIP,
        note=note,
    )
    return True


async def history(*, session: AsyncSession, user_id: int, today: date) -> History:
    attempts = await attempt_store.list_attempts(session=session, user_id=user_id)
    lines = [
        AttemptLine(
            number=a.number,
            start=a.start_date,
            end=a.end_date,
            days=full_days(a.start_date, a.end_date or today),
            note=a.note,
        )
        for a in attempts
    ]
    spans = [Span(a.start_date, a.end_date) for a in attempts]
    return History(lines=lines[-HISTORY_LINES:], record=record(spans, today))


def told_a_slip(text: str) -> bool:
    """A slip already made, told ("i texted him last night. im so ashamed", "i broke nc", "i
    caved"): contact as an urge's outcome reads it, not a habit or a wish told as a reason
    ("because i called him every day and he never answered")."""
    if outcome_from_text(text) != CONTACTED:
        return False
    return _DATA.as_a_reason.search(normalize(text)) is None



def told_a_slip_to_them(text: str) -> bool:
    """A slip told, and the one contacted is the ex ("i texted him again. day 2 and i already
    failed"), not a line or a friend reached ("ok i called lifeline")."""
    return told_a_slip(text) and _DATA.to_them.search(normalize(text)) is not None


def told_a_logistics_reply(text: str) -> bool:
    """ "i replied ok about the keys": a practical reply told, not a slip."""
    return _DATA.logistics_reply.search(normalize(text)) is not None


def kept_to_logistics(text: str) -> bool:
    """ "ok i replied yes saturday works. and nothing else": a reply kept to what had to be
    sorted, told as such."""
    return _DATA.logistics_only.search(normalize(text)) is not None


def fears_days_lost(text: str) -> bool:
    """ "so 14 days just gone??", "all that for nothing": the days held feared lost."""
    return _DATA.days_lost.search(normalize(text)) is not None


def reply_live(text: str) -> bool:
    """Their answer on its way, told at the note ("he saw it. he's typing", "she replied"):
    a live moment to meet, not a note to keep."""
    return _DATA.reply_live.search(normalize(text)) is not None
