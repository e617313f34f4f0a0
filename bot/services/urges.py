"""The urge flow's rules: strength, triggers, tools, timers, outcomes and the urge log.

Knows no Telegram. Every urge gets a row when the flow starts; each answer is written to it
as it comes, so the log is right even when the user walks away halfway.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Literal

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.textnorm import NUMBER_WORDS
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

# Words that may come with a typed strength without changing it ("like an 8 honestly").
_FILLER_WORDS = """like an a maybe about around solid prob probably prolly its it is im i am would
    say id honestly um uh hmm definitely def easily at least rn now right tbh lol ish kinda
    think guess feel feels feeling pull urge the level strength just so"""
_STRENGTH_FILLER = frozenset(_FILLER_WORDS.split())
# A strength in words, when no number is given: the whole answer must be one of these.
_STRENGTH_WORDS: tuple[tuple[int, frozenset[str]], ...] = (
    (10, frozenset({"unbearable", "worst", "max", "maximum", "extreme", "about to send",
                    "about to text", "about to call", "off the charts", "worst ever"})),
    (8, frozenset({"very strong", "really strong", "so strong", "super strong", "intense",
                   "really bad", "very bad", "so bad", "terrible", "awful", "overwhelming",
                   "very high", "really high"})),
    (7, frozenset({"strong", "bad", "high", "pretty strong", "quite strong", "pretty bad",
                   "quite bad", "pretty high"})),
    (5, frozenset({"medium", "moderate", "middle", "mid", "so so", "manageable",
                   "not too bad", "in between", "halfway"})),
    (2, frozenset({"mild", "weak", "low", "a little", "a bit", "slight", "faint", "barely",
                   "not much", "not strong", "little", "small", "tiny", "very low"})),
)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(NUMBER_WORDS) + r")\b")
_OUT_OF_TEN = re.compile(r"(\d{1,2})\s*(?:/|out of|of)\s*10\b")
_TOKEN = re.compile(r"-?\d+(?:[.,]\d+)?|[a-z']+")


def parse_strength(text: str) -> int | None:
    """A typed strength from 1 to 10: "7", "8/10", "like an 8", "eight", "very strong".

    None when it is not one: out of range, a fraction, two different numbers, or words
    beside the number that say something else ("I texted him 3 times")."""
    folded = text.casefold().replace("’", "'").strip()
    if not folded or len(folded) > 80:
        return None
    folded = _NUMBER_WORD.sub(lambda m: str(NUMBER_WORDS[m.group(0)]), folded)
    numbers: list[int] = []
    out_of = _OUT_OF_TEN.search(folded)
    if out_of:
        numbers.append(int(out_of.group(1)))
        folded = folded[: out_of.start()] + " " + folded[out_of.end():]
    words: list[str] = []
    for token in _TOKEN.findall(folded):
        if token[0] in "-0123456789":
            if not token.isdigit():
                return None  # "-3", "7.5"
            numbers.append(int(token))
        elif token.replace("'", "") not in _STRENGTH_FILLER:
            words.append(token)
    phrase = " ".join(words)
    if numbers:
        if len(set(numbers)) != 1 or not 1 <= numbers[0] <= 10:
            return None
        named = not words or any(phrase in group for _, group in _STRENGTH_WORDS)
        return numbers[0] if named else None
    return next((value for value, group in _STRENGTH_WORDS if phrase in group), None)


# A typed trigger, by its words (first match wins; the order puts the most specific first).
_TRIGGER_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (trigger, re.compile(pattern)) for trigger, pattern in (
        ("they_contacted", r"\b(?:texted|messaged|called|dm'?e?d|emailed|snapped|wrote|reached"
                           r" out|liked|viewed|watched) (?:me|my)\b|\breached out\b"),
        ("alcohol", r"\b(?:drunk|drinking|drinks?|wine|beers?|vodka|tipsy|alcohol|shots"
                    r"|hungover|bar)\b"),
        ("post", r"\b(?:posts?|posted|story|stories|insta|instagram|ig|facebook|fb|tiktok"
                 r"|snap|snapchat|photos?|pics?|pictures?|profile|feed|online|twitter|x"
                 r"|linkedin|social media)\b"),
        ("night", r"\b(?:night|late|tonight|midnight|[1-5] ?am|can'?t sleep|cannot sleep"
                  r"|insomnia|in bed)\b"),
        ("date_place", r"\b(?:anniversary|birthday|date|place|song|restaurant|street|memory"
                       r"|memories|remind\w*|smell|holiday|christmas|valentine'?s?|trip|cafe"
                       r"|our spot)\b"),
        ("lonely", r"\b(?:lonely|alone|loneliness|isolated|nobody|no one|empty|bored"
                   r"|boredom|miss (?:him|her|them))\b"),
    )
)


def trigger_from_text(text: str) -> str:
    """The trigger a typed answer names ("his instagram story" -> post), else "other"."""
    folded = text.casefold().replace("’", "'")
    return next((t for t, pattern in _TRIGGER_WORDS if pattern.search(folded)), "other")


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
