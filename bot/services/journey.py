"""The user's No Contact journey: starting it, reading its record. Knows no Telegram."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.dates import DateParseError, parse_start_date
from bot.services.progress import Record, Span, local_today, record
from bot.store import attempts as attempt_store
from bot.store import users as user_store
from bot.store.models import User

# The most-ahead zone is UTC+14: before the zone is known, nothing up to that date is "future".
LATEST_OFFSET = timedelta(hours=14)


def provisional_today(now: datetime, zone: str | None) -> date:
    """ "Today" for checking a typed date before the user's zone is known."""
    if zone:
        return local_today(now, zone)
    return (now + LATEST_OFFSET).date()


def resolve_start(raw: str, today: date) -> date:
    """The start date an answer means on the user's own calendar (never after today)."""
    try:
        return parse_start_date(raw, today=today)
    except DateParseError as exc:
        if exc.code == "future":
            return today
        raise


async def begin(*, session: AsyncSession, user: User, start: date, now: datetime) -> None:
    """Open the first attempt (or move the open one) and mark onboarding done."""
    attempts = await attempt_store.list_attempts(session=session, user_id=user.id)
    current = next((a for a in reversed(attempts) if a.end_date is None), None)
    if current is None:
        await attempt_store.start_attempt(
            session=session, user_id=user.id, start_date=start, now=now, existing=attempts
        )
    else:
        await attempt_store.set_start_date(session=session, attempt=current, start_date=start)
    await user_store.update_user(session=session, user=user, now=now, onboarded=True)


async def load_record(*, session: AsyncSession, user_id: int, today: date) -> Record:
    spans = await attempt_store.spans(session=session, user_id=user_id)
    return record([Span(start, end) for start, end in spans], today)


class StartRefused(Exception):
    """A start date that cannot be the current attempt's: `code` says why."""

    def __init__(self, code: str, earliest: date | None = None) -> None:
        super().__init__(code)
        self.code = code  # "future" | "before_restart" | "not_started"
        self.earliest = earliest


async def correct_start(*, session: AsyncSession, user_id: int, start: date, today: date) -> date:
    """Move the current attempt's start to `start`; return the old start.

    History stays consistent: earlier attempts are never touched, and the current one cannot
    start before the day the previous one ended (the restart after a slip)."""
    if start > today:
        raise StartRefused("future")
    attempts = await attempt_store.list_attempts(session=session, user_id=user_id)
    current = next((a for a in attempts if a.end_date is None), None)
    if current is None:
        raise StartRefused("not_started")
    ended = [a.end_date for a in attempts if a.end_date is not None]
    earliest = max(ended) if ended else None
    if earliest is not None and start < earliest:
        raise StartRefused("before_restart", earliest)
    old = current.start_date
    await attempt_store.set_start_date(session=session, attempt=current, start_date=start)
    return old


_CORRECTION_WORDS = 8  # the date is looked for in the last words of a correction


# What follows "not" is the date being corrected ("it started on the 10th, not 2 weeks ago").
_NOT_THAT = re.compile(r"[,;]?\s*\b(?:not|instead of|rather than)\b", re.IGNORECASE)


def date_in(text: str, today: date) -> date | None:
    """A start date stated at the end of `text` ("...it was actually last sunday"), if any;
    the date before a "not ..." that corrects it ("on the 10th not 2 weeks ago")."""
    head, *rest = _NOT_THAT.split(text, maxsplit=1)
    after = rest[0].replace(",", " ").split() if rest else []
    taken_back = _date_among(after, today, 3, at_end=False)
    for part in (head, text) if head.strip() and head != text else (text,):
        words = part.replace(",", " ").split()
        # "...2 weeks ago btw, not today" (a session-42 play-test: Day 1 offered): the words
        # that only trail a date are not part of it
        while words and words[-1].lower().strip(".!?") in _TRAILING:
            words.pop()
        found = _date_among(words, today, _CORRECTION_WORDS, at_end=True)
        if found is not None:
            # a date taken back ("not today") is never the one meant
            return None if found == taken_back else found
    return None


def _date_among(words: list[str], today: date, most: int, *, at_end: bool) -> date | None:
    """The date named by the longest run (up to `most` words) at the end of `words` or, with
    `at_end` false, at their start ("today, it was..." after a "not"), if any."""
    for size in range(min(len(words), most), 0, -1):
        try:
            run = words[-size:] if at_end else words[:size]
            return parse_start_date(" ".join(run), today=today)
        except DateParseError:
            continue
    return None


_TRAILING = frozenset({
    "btw", "lol", "tbh", "fyi", "haha", "actually", "honestly", "though", "tho", "i", "think",
    "ok", "okay", "pls", "please", "sorry", "really",
})


async def current_start(*, session: AsyncSession, user_id: int) -> date | None:
    """The start date of the attempt under way, if any."""
    current = await attempt_store.current_attempt(session=session, user_id=user_id)
    return current.start_date if current is not None else None
