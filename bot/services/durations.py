"""Parse a typed length of time for /pause ("a week", "2 weeks", "a couple of days", "10").

Pure function; the words live in data/durations.yaml. Only lengths: a day to pause until
("till monday", "next friday") is not one, nor a time ago ("2 weeks ago").
"""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from bot.services.textnorm import (
    DATA_DIR,
    NUMBER_WORDS,
    DataModel,
    Words,
    fold,
    load_data,
    normalize,
)

__all__ = ["MAX_DAYS", "asks_to_resume", "is_indefinite", "parse_pause_days"]

# The longest pause, as bot.services.daily.MAX_PAUSE_DAYS (a test keeps them equal).
MAX_DAYS = 365
_MAX_INPUT = 80


class _Words(DataModel):
    units: dict[str, int] = Field(min_length=1)
    unit_counts: dict[str, int]
    number_words: dict[str, int]
    tens: dict[str, int]
    named: dict[str, int]
    filler: Words
    indefinite: Words  # "forever", "for good": no length, until /resume

    @model_validator(mode="after")
    def _in_range(self) -> _Words:
        bad = {k: v for k, v in {**self.units, **self.named}.items() if not 1 <= v <= MAX_DAYS}
        if bad:
            raise ValueError(f"units and named lengths go from 1 to {MAX_DAYS} days: {bad}")
        counts = set(self.unit_counts) | set(self.number_words)
        clash = set(self.filler) & (set(self.units) | counts)
        if clash:
            raise ValueError(f"filler: {sorted(clash)} are units or numbers")
        return self


_WORDS = load_data(DATA_DIR / "durations.yaml", _Words)

_UNITS = _WORDS.units
_NAMED = _WORDS.named
_TENS = _WORDS.tens
# A number alone is a number of days: "10", "ten", "fourteen".
_NUMBERS: dict[str, int] = {**NUMBER_WORDS, **_WORDS.number_words}
# Before a unit, "a", "a couple" and "few" count too.
_COUNTS: dict[str, int] = {**_NUMBERS, **_WORDS.unit_counts}
_FILLER_PHRASES = sorted((tuple(f.split()) for f in _WORDS.filler), key=len, reverse=True)
_SPLIT_UNIT = re.compile(
    r"(?<=\d)(?=(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\b)"
)
_RANGE = re.compile(r"(?<![\d.,])(\d{1,3})\s*(?:-|\u2013|\u2014|to|or)\s*(\d{1,3})(?![\d.,])")
_TOKEN_STRIP = ".,;:!?\"'()[]{}"


def _tokens(text: str) -> list[str] | None:
    text = fold(text)
    wide = False

    def higher(match: re.Match[str]) -> str:
        nonlocal wide
        low, high = int(match.group(1)), int(match.group(2))
        # "2-3 days", "10-14 days" are a length, read as the longer; "2-30 days" is not.
        wide = wide or not (low < high and (high - low <= 2 or high <= 2 * low))
        return f" {high} "

    text = _RANGE.sub(higher, text)
    if wide:
        return None
    text = _SPLIT_UNIT.sub(" ", text)
    words = [w.strip(_TOKEN_STRIP) for w in text.split()]
    words = [w for w in words if w]
    out: list[str] = []
    at = 0
    while at < len(words):
        for phrase in _FILLER_PHRASES:
            if tuple(words[at : at + len(phrase)]) == phrase:
                at += len(phrase)
                break
        else:
            out.append(words[at])
            at += 1
    return out


def _count(tokens: list[str]) -> int | None:
    """'3', 'three', 'twenty one', 'a couple', 'few' -> int."""
    if len(tokens) == 1 and tokens[0].isdecimal() and len(tokens[0]) <= 4:
        return int(tokens[0])
    phrase = " ".join(tokens)
    if phrase in _COUNTS:
        return _COUNTS[phrase]
    if len(tokens) == 2 and tokens[0] in _TENS and NUMBER_WORDS.get(tokens[1], 0) in range(1, 10):
        return _TENS[tokens[0]] + NUMBER_WORDS[tokens[1]]
    return None


def _length(tokens: list[str]) -> int | None:
    """'2 weeks', 'a couple of days', 'ten', '10' -> days."""
    if len(tokens) == 1 and tokens[0].isdecimal() and len(tokens[0]) <= 4:
        return int(tokens[0])
    if len(tokens) == 1 and tokens[0] in _NUMBERS:
        return _NUMBERS[tokens[0]]
    if len(tokens) == 2 and tokens[0] in _TENS and tokens[1] in NUMBER_WORDS:
        return _count(tokens)
    if len(tokens) < 2 or tokens[-1] not in _UNITS:
        return None
    count = _count(tokens[:-1])
    return None if count is None else count * _UNITS[tokens[-1]]


def parse_pause_days(text: str) -> int | None:
    """A typed pause length in days, 1 to MAX_DAYS: "a week" -> 7, "2 weeks" -> 14,
    "a fortnight" -> 14, "a month" -> 30, "a couple of days" -> 2, "few days" -> 3,
    "the weekend" -> 2, "10" -> 10, "2-3 days" -> 3, "a week and 2 days" -> 9.

    None for anything else: a day rather than a length ("till monday"), a time ago, zero,
    negative or fractional numbers, more than MAX_DAYS, or other words."""
    if not isinstance(text, str) or not text.strip() or len(text) > _MAX_INPUT:
        return None
    tokens = _tokens(text)
    if not tokens:
        return None
    phrase = " ".join(tokens)
    days: int | None
    if phrase in _NAMED:
        days = _NAMED[phrase]
    else:
        parts = phrase.split(" and ")
        lengths = [_length(part.split()) for part in parts]
        if any(n is None for n in lengths):
            return None
        if len(parts) > 1 and any(len(p.split()) < 2 for p in parts):
            return None  # "3 and 4": two answers, not one length
        days = sum(n for n in lengths if n is not None)
    return days if 1 <= days <= MAX_DAYS else None


def is_indefinite(text: str) -> bool:
    """Whether a typed length says "no end" ("forever", "until i say", "for good")."""
    words = fold(text).strip(" .!").split()
    return bool(words) and " ".join(words) in _WORDS.indefinite


# "im back", "unpause", "turn them back on" under "until /resume, or for how long?": resumed
# (a helper's chat: paused again, "Paused. Your days still count")
_BACK_ON = re.compile(
    r"^(?:(?:ok|okay|actually|no|nah|wait|hey|hi)\W* )*(?:i am back|i m back|back"
    r"|resume|unpause|un pause|turn (?:them|it|the messages|messages) (?:back )?on"
    r"|(?:i )?changed my mind|do not pause)(?: (?:now|please|pls|lol))*"
    # "actually im back, changed my mind" (a session-28 chat: "Paused")
    r"(?:\W* (?:i am back|i m back|back|(?:i )?changed my mind|unpause|resume)(?: now)?)?$"
)


# "turn daily back on", "switch my daily messages on again": said in so many words, so it is
# answered even when nothing is paused (a session-32 chat: a listening line)
_DAILY_ON = re.compile(
    r"^(?:(?:ok|okay|actually|please|pls|can you|could you|can u|hey|and)\W* )*(?:turn|switch"
    r"|put|start) (?:the |my |your )?(?:daily(?: (?:messages?|reminders?|check ins?))?"
    r"|(?:messages|reminders|check ins|notifications))(?: back)? on(?: again)?"
    r"(?: (?:now|please|pls|thanks))*$"
    r"|^(?:(?:ok|okay|actually|please|pls|can you|could you|can u|hey|and)\W* )*(?:turn|switch"
    r"|put) (?:the |my |your )?(?:daily(?: (?:messages?|reminders?|check ins?))?"
    r"|(?:messages|reminders|check ins|notifications)) back(?: on)?(?: (?:now|please|pls))*$"
)


def asks_to_resume(text: str) -> bool:
    """ "im back", "unpause", "changed my mind": daily messages wanted back on."""
    norm = normalize(text)
    return _BACK_ON.search(norm) is not None or _DAILY_ON.search(norm) is not None


def asks_daily_on(text: str) -> bool:
    """ "turn daily back on": the daily messages asked for by name, paused or not."""
    return _DAILY_ON.search(normalize(text)) is not None
