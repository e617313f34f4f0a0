"""Parse a free-text wall-clock time ("21:30", "9pm", "half past 9", "9 in the evening",
"before bed like 11ish", "half 9", "after work").

Pure function; errors are TimeParseError with a machine-readable `code`.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, model_validator

from bot.services.textnorm import (
    DATA_DIR,
    NUMBER_WORDS,
    DataModel,
    Regex,
    Words,
    fold,
    load_data,
)

__all__ = [
    "TimeErrorCode",
    "TimeParseError",
    "half_named",
    "only_a_time",
    "other_half",
    "parse_clock_time",
]

TimeErrorCode = Literal["unrecognised", "out_of_range"]

_MAX_INPUT = 100


class TimeParseError(ValueError):
    """Input could not be turned into a time of day; see `code`."""

    code: TimeErrorCode

    def __init__(self, code: TimeErrorCode) -> None:
        super().__init__(code)
        self.code = code


_Part = Literal["am", "pm", "morning", "afternoon", "evening", "night"]


def _clock(value: object) -> object:
    return time.fromisoformat(value) if isinstance(value, str) else value


_Clock = Annotated[time, BeforeValidator(_clock)]


class _Period(DataModel):
    part: _Part
    pattern: str
    # The time meant when the phrase comes alone ("early morning"); else the part's default.
    usual: _Clock | None = None


class _Rewrite(DataModel):
    pattern: Regex
    english: str


class _Words(DataModel):
    periods: tuple[_Period, ...] = Field(min_length=1)
    part_defaults: dict[_Part, _Clock]
    named_times: dict[str, _Clock]
    filler_phrases: Words
    filler: Words
    other_languages: tuple[_Rewrite, ...]

    @model_validator(mode="after")
    def _every_part_has_a_default(self) -> _Words:
        missing = set(get_args(_Part)) - set(self.part_defaults)
        if missing:
            raise ValueError(f"part_defaults misses {sorted(missing)}")
        return self


_WORDS = load_data(DATA_DIR / "clocktime.yaml", _Words)

_PERIOD_PHRASES: tuple[tuple[re.Pattern[str], _Part, time], ...] = tuple(
    (
        re.compile(rf"(?:^|\s)(?:{p.pattern})(?=\s|$)"),
        p.part,
        p.usual or _WORDS.part_defaults[p.part],
    )
    for p in _WORDS.periods
)
# "tonight before bed like 11": the evening and the night together are the night.
_COMPATIBLE_PARTS: dict[frozenset[_Part], _Part] = {frozenset({"evening", "night"}): "night"}
_FILLER_PHRASES_RE = re.compile(
    r"(?:^|(?<=\s))(?:"
    + "|".join(re.escape(p) for p in sorted(_WORDS.filler_phrases, key=len, reverse=True))
    + r")(?=\s|$)"
)
_AMPM_RE = re.compile(r"(?<![a-z])([ap])\s*\.?\s*m\b\.?")
_FILLER = _WORDS.filler
_SPECIAL = _WORDS.named_times

_HM_RE = re.compile(
    r"^(\d{1,2})(?:\s*[:.h]\s*(\d{2})(?:\s*:\s*(\d{2}))?)?\s*h?\s*(am|pm)?$", re.ASCII
)
_HM_SPACE_RE = re.compile(r"^(\d{1,2})\s(\d{2})\s*(am|pm)?$", re.ASCII)
_COMPACT_RE = re.compile(r"^(\d{3,4})\s*h?\s*(am|pm)?$", re.ASCII)
# "half 9": half past nine, as said in Britain and Ireland.
_HALF_RE = re.compile(r"^half\s+(\d{1,2})(?:\s*(am|pm))?$", re.ASCII)
_PAST_RE = re.compile(
    r"^(half|quarter|\d{1,2})\s+(past|after|to|before)\s+(\d{1,2})(?:\s*(am|pm))?$", re.ASCII
)


def _in_english(text: str) -> str:
    """ "a las 10 de la noche" -> "at 10  at night": a time said in another language, in the
    words read below; only when it holds a number (alone, "alle" or "morgens" is no time)."""
    if not any(c.isdigit() for c in text):
        return text
    for rewrite in _WORDS.other_languages:
        text = rewrite.pattern.sub(rewrite.english, text)
    return text


def _normalise(text: str) -> tuple[str, _Part | None, time | None]:
    """The time's own words, the part of the day named, and the time that part means alone."""
    text = _in_english(fold(text).strip())
    text = re.sub(r"o\s*'?\s*clock", " ", text)
    text = _AMPM_RE.sub(lambda m: f" {m.group(1)}m ", text)
    text = re.sub(r"[!?,;~()]+|\.(?=\s|$)|\s-+\s|(?<=[a-z])-(?=[a-z])", " ", text)
    text = re.sub(r"-?ish\b", " ", text)
    text = " ".join(text.split())
    period: _Part | None = None
    usual: time | None = None
    for pattern, name, alone in _PERIOD_PHRASES:
        if pattern.search(text):
            if period is None:
                period, usual = name, alone
            elif period != name:
                merged = _COMPATIBLE_PARTS.get(frozenset({period, name}))
                if merged is None:
                    raise TimeParseError("unrecognised")
                if merged != period:
                    period, usual = merged, alone
            text = pattern.sub(" ", text)
    text = _FILLER_PHRASES_RE.sub(" ", " ".join(text.split()))
    words = [w for w in text.split() if w not in _FILLER]
    words = [str(NUMBER_WORDS[w]) if w in NUMBER_WORDS else w for w in words]
    joined = " ".join(words)
    joined = re.sub(r"(?<=\d) (?=[:.h]\s*\d)|(?<=[:.h]) (?=\d)", "", joined)
    joined = re.sub(r"(?<=\d)(am|pm)$", r" \1", joined)
    return joined, period, usual


def _apply_period(hour: int, minute: int, period: _Part | None) -> time:
    if not 0 <= minute <= 59:
        raise TimeParseError("out_of_range")
    if period is None:
        if hour == 24 and minute == 0:
            return time(0, 0)
        if not 0 <= hour <= 23:
            raise TimeParseError("out_of_range")
        return time(hour, minute)
    if period in ("am", "pm"):
        if hour == 0 and period == "am":
            return time(0, minute)
        if not 1 <= hour <= 12:
            raise TimeParseError("out_of_range")
        base = 0 if period == "am" else 12
        return time(hour % 12 + base, minute)
    if period == "morning":
        if hour == 12:
            return time(0, minute)
        if not 0 <= hour <= 11:
            raise TimeParseError("out_of_range")
        return time(hour, minute)
    if period == "afternoon":
        if 1 <= hour <= 11:
            return time(hour + 12, minute)
        if 12 <= hour <= 18:
            return time(hour, minute)
        raise TimeParseError("out_of_range")
    if period == "evening":
        if 1 <= hour <= 11:
            return time(hour + 12, minute)
        if 13 <= hour <= 23:
            return time(hour, minute)
        raise TimeParseError("out_of_range")
    # night: "9 at night" = 21:00, "1 at night" = 01:00, "12 at night" = midnight
    if hour == 12:
        return time(0, minute)
    if 6 <= hour <= 11:
        return time(hour + 12, minute)
    if 0 <= hour <= 5 or 18 <= hour <= 23:
        return time(hour, minute)
    raise TimeParseError("out_of_range")


def _merge(period: _Part | None, ampm: str | None) -> _Part | None:
    if ampm is None:
        return period
    compatible = {
        "am": {None, "am", "morning", "night"},
        "pm": {None, "pm", "afternoon", "evening", "night"},
    }
    if period not in compatible[ampm]:
        raise TimeParseError("unrecognised")
    return "am" if ampm == "am" else "pm"


def parse_clock_time(text: str) -> time:
    """Free text -> naive wall-clock time (the user's local time of day).

    Raises TimeParseError with code "unrecognised" or "out_of_range".
    """
    if not isinstance(text, str) or not text.strip() or len(text) > _MAX_INPUT:
        raise TimeParseError("unrecognised")
    s, period, usual = _normalise(text)
    if not s and usual is not None:
        return usual  # "in the evening", "before bed": a usual time for it
    if not s:
        raise TimeParseError("unrecognised")
    if s in _SPECIAL:
        if period is not None:
            raise TimeParseError("unrecognised")
        return _SPECIAL[s]

    m = _HALF_RE.match(s)
    if m:
        return _apply_period(int(m.group(1)), 30, _merge(period, m.group(2)))

    m = _PAST_RE.match(s)
    if m:
        amount, direction, hour = m.group(1), m.group(2), int(m.group(3))
        minutes = {"half": 30, "quarter": 15}.get(amount)
        if minutes is None:
            minutes = int(amount)
        if amount == "half" and direction in ("to", "before"):
            raise TimeParseError("unrecognised")
        if not 0 <= minutes <= 59 or not 0 <= hour <= 23:
            raise TimeParseError("out_of_range")
        if direction in ("to", "before"):
            if minutes == 0:
                raise TimeParseError("unrecognised")
            hour, minutes = (hour - 1) % 24, 60 - minutes
            if hour == 0 and m.group(4) == "pm":  # "quarter to 1 pm" = 12:45
                hour = 12
        return _apply_period(hour, minutes, _merge(period, m.group(4)))

    ampm: str | None = None
    m = _HM_RE.match(s)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) is not None and int(m.group(3)) > 59:
            raise TimeParseError("out_of_range")
        ampm = m.group(4)
    else:
        m = _HM_SPACE_RE.match(s) or None
        if m:
            hour, minute, ampm = int(m.group(1)), int(m.group(2)), m.group(3)
        else:
            m = _COMPACT_RE.match(s)
            if not m:
                raise TimeParseError("unrecognised")
            digits = m.group(1)
            hour, minute, ampm = int(digits[:-2]), int(digits[-2:]), m.group(2)
    return _apply_period(hour, minute, _merge(period, ampm))


def other_half(text: str) -> time | None:
    """ "half 9ish", "9", "9:30": an hour from 1 to 11 said without a part of the day, read as
    the morning: the same time in the evening, to offer (a helper's chat, session 39: "half
    9ish" set 09:30 for someone whose messages came at 21:00, silently). None when the part
    was said ("9pm", "9 in the morning", "at night") or the hour written the 24-hour way
    ("09:30")."""
    try:
        at = parse_clock_time(text)
    except TimeParseError:
        return None
    said, period, _ = _normalise(text)
    if period is not None or not 1 <= at.hour <= 11 or re.search(r"\b(?:am|pm)\b", said):
        return None
    if re.search(r"(?<!\d)0\d", said):
        return None
    return time(at.hour + 12, at.minute)


# Only a half of the day, said after a time was read as one half ("pm", "i meant pm", "the
# evening one", "at night pls"): the other half wanted (a blind play-test, session 45: "9",
# read as 09:00, then "pm", kept as the reason)
_HALF_ONLY = re.compile(
    r"^(?:(?:no|oh|oops|sorry|i meant|i mean|meant|make it|it is|its|in the|at|the|i said) )*"
    r"(?:(?P<pm>pm|p m|evening|the evening|night|the night|at night|tonight)"
    r"|(?P<am>am|a m|morning|the morning|in the morning))"
    r"(?: one| time| please| pls| sorry| then)*$"
)


def half_named(text: str) -> Literal["am", "pm"] | None:
    """ "pm", "i meant pm", "the evening one": only a half of the day, "am" or "pm"; None
    when the message says anything more (a reason about "my nights")."""
    said = re.sub(r"[^a-z0-9 ]+", " ", text.lower())
    said = " ".join(said.split())
    found = _HALF_ONLY.match(said)
    if found is None:
        return None
    return "pm" if found.group("pm") else "am"


# How a time said in words opens ("after the kids are in bed", "around 10", "once im home").
_TIME_LEAD_RE = re.compile(r"^(?:after|before|around|about|at|once|when|by|like|maybe|\d)")


def only_a_time(text: str) -> time | None:
    """The time of day `text` says when it says that and nothing more: short ("9pm", "half
    9") or opening like one ("after the kids are in bed"); None otherwise. A reason that
    mentions a part of the day ("i want my nights back") is not one."""
    words = text.lower().split()
    if not words or len(words) > 8 or (len(words) > 3 and not _TIME_LEAD_RE.match(words[0])):
        return None
    try:
        return parse_clock_time(text)
    except TimeParseError:
        return None


# A time inside a sentence, said with its minutes or its part of the day ("7:30am before the
# kids wake up", "8ish pm my time", "around 6 in the morning is when i wake up"); a bare "9"
# in a sentence is not one.
_IN_TEXT_RE = re.compile(
    r"(?<![\d:.])(\d{1,2}(?:[:.]\d{2})?\s*(?:-?ish)?\s*(?:[ap]\.?\s?m\b\.?"
    r"|(?:in the )?(?:morning|evening|afternoon)\b|at night\b|tonight\b)"
    r"|\d{1,2}[:.]\d{2})(?![\d:.])"
)


# A part of the day said to be better, with no hour ("actually mornings are better, like after
# chai"; a session-34 chat at /time got "That's a lot to carry")
_PART_PREFERRED_RE = re.compile(
    r"\b(?:the )?(mornings?|evenings?|afternoons?|lunch ?time|after work|before work|before bed"
    r"|bedtime|night)\b(?= (?:are|is|would be|work|works|might be|feel|feels|seem|seems|sounds?"
    r"|is probably|are probably)(?: \w+)? (?:better|best|easier|good|fine|nicer)\b)"
    r"|\b(?:prefer|rather have it in|rather do|rather|better in) (?:the )?(mornings?|evenings?"
    r"|afternoons?)\b"
)


def clock_times_named(text: str) -> list[time]:
    """Every time of day a message names with its minutes or its part of the day, earliest
    first ("uhh 9pm? or 9am idk whichever is less sad" -> 09:00, 21:00)."""
    if not isinstance(text, str) or len(text) > 4 * _MAX_INPUT:
        return []
    found: set[time] = set()
    for m in _IN_TEXT_RE.finditer(fold(text)):
        try:
            found.add(parse_clock_time(m.group(1)))
        except TimeParseError:
            continue
    return sorted(found)


def find_clock_time(text: str) -> time | None:
    """The one time of day a longer message names, or None when it names none or several; a
    part of the day said to suit better ("mornings are better") when it names no hour."""
    if not isinstance(text, str) or len(text) > 4 * _MAX_INPUT:
        return None
    found = set(clock_times_named(text))
    folded = fold(text)
    if not found and (part := _PART_PREFERRED_RE.search(folded)) is not None:
        try:
            found.add(parse_clock_time(part.group(1) or part.group(2)))
        except TimeParseError:
            return None
    return found.pop() if len(found) == 1 else None
