"""Parse a free-text No Contact start date ("since last friday", "20.11", "3 days ago").

Pure functions: "today" is always a parameter, the wall clock is never read.  Errors are
reported as DateParseError with a machine-readable `code`; user-facing texts live in content/.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal

from pydantic import Field
from rapidfuzz.distance import OSA

from bot.services.hedges import hedge_of
from bot.services.textnorm import (
    DATA_DIR,
    NUMBER_WORDS,
    DataModel,
    Regex,
    Words,
    fold,
    load_data,
)

__all__ = ["DateParseError", "DateErrorCode", "days_until", "parse_start_date"]

DateErrorCode = Literal["unrecognised", "future", "too_old", "impossible", "unsure", "question"]

_MAX_INPUT = 200
_MAX_STORY = 800  # a story told at the date question is searched clause by clause


class DateParseError(ValueError):
    """Input could not be turned into a valid start date; see `code`."""

    code: DateErrorCode

    def __init__(self, code: DateErrorCode) -> None:
        super().__init__(code)
        self.code = code


# --------------------------------------------------------------------------------------------
# Vocabulary (data/dates.yaml)


class _AgoOther(DataModel):
    pattern: Regex
    numbers: dict[str, int]
    units: dict[str, Literal["day", "week", "fortnight", "month", "year"]]


class _Vocabulary(DataModel):
    months: tuple[str, ...] = Field(min_length=12, max_length=12)
    month_aliases: dict[str, int]
    weekdays: tuple[str, ...] = Field(min_length=7, max_length=7)
    weekday_aliases: dict[str, int]
    days_ago: dict[str, int]
    future: Words
    number_words: dict[str, int]
    tens: dict[str, int]
    units: dict[str, Literal["day", "week", "fortnight", "month", "year"]]
    filler: Words
    hedge: Regex
    last_contact: Regex
    future_pattern: Regex
    ago_other: _AgoOther


_VOCABULARY = load_data(DATA_DIR / "dates.yaml", _Vocabulary)

_MONTHS: dict[str, int] = {}
for _n, _name in enumerate(_VOCABULARY.months, start=1):
    _MONTHS[_name] = _n
    _MONTHS[_name[:3]] = _n
_MONTHS.update(_VOCABULARY.month_aliases)

_WEEKDAYS: dict[str, int] = {}
for _n, _name in enumerate(_VOCABULARY.weekdays):
    _WEEKDAYS[_name] = _n
    _WEEKDAYS[_name[:3]] = _n
_WEEKDAYS.update(_VOCABULARY.weekday_aliases)

# Whole phrases meaning "N days ago" (after filler removal).
_DAYS_AGO_PHRASES = _VOCABULARY.days_ago
_FUTURE_WORDS = _VOCABULARY.future
_NUMBER_WORDS: dict[str, int] = {**NUMBER_WORDS, **_VOCABULARY.number_words}
_TENS = _VOCABULARY.tens
_UNITS = _VOCABULARY.units
_FILLER = _VOCABULARY.filler
# "not sure", "I don't remember exactly": hedges around a date, not part of it.
_HEDGE_RE = _VOCABULARY.hedge
_LAST_CONTACT_RE = _VOCABULARY.last_contact
_FUTURE_RE = _VOCABULARY.future_pattern

_FUZZY_VOCAB: dict[str, str] = {
    **{name: name for name in _MONTHS if len(name) >= 5},
    **{name: name for name in _WEEKDAYS if len(name) >= 6},
    "yesterday": "yesterday",
    "today": "today",
}

_ISO_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY_RE = re.compile(r"^(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$")
_ORDINAL_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|d)$")
_SPLIT_UNIT_RE = re.compile(
    r"(?<=\d)(?=(?:days?|d|weeks?|wks?|w|months?|mos?|mths?|years?|yrs?|y)\b)"
)
_TIME_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "noon", "midnight"})
_TOKEN_STRIP = ".,;:!?\"'()[]{}«»“”„…"


# --------------------------------------------------------------------------------------------
# Helpers


def _correct(token: str) -> str:
    """Fix typos in month/weekday names ('novmber', 'wendesday'); unique best match only."""
    if token in _MONTHS or token in _WEEKDAYS or len(token) < 5 or not token.isalpha():
        return token
    limit = 1 if len(token) < 7 else 2
    scored = sorted(
        (OSA.distance(token, word), word)
        for word in _FUZZY_VOCAB
        if abs(len(word) - len(token)) <= limit and word[0] == token[0]
    )
    if not scored or scored[0][0] > limit:
        return token
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return token
    return _FUZZY_VOCAB[scored[0][1]]


def _ago_in_english(match: re.Match[str]) -> str:
    """ "hace 5 dias" -> "5 days ago"; left as it was when the number or unit is unknown."""
    ago = _VOCABULARY.ago_other
    said, unit = match.group("n") or match.group("n2"), match.group("unit") or match.group("unit2")
    n = int(said) if said.isdigit() else ago.numbers.get(said)
    english = ago.units.get(unit)
    return match.group(0) if n is None or english is None else f" {n} {english}s ago "


def _tokens(text: str) -> list[str]:
    text = fold(text)
    text = _VOCABULARY.ago_other.pattern.sub(_ago_in_english, text)
    text = re.sub(r"(?<=[a-zа-я])'(?=[a-zа-я])", "", text)  # aujourd'hui -> aujourdhui
    text = _LAST_CONTACT_RE.sub(" ", text)
    text = _HEDGE_RE.sub(" ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # twenty-one, avant-hier
    text = _SPLIT_UNIT_RE.sub(" ", text)
    out: list[str] = []
    for raw in re.split(r"[\s,;]+", text):
        token = raw.strip(_TOKEN_STRIP)
        if not token or token in _FILLER:
            continue
        out.append(_correct(token))
    return out


def _subtract_months(day: date, months: int) -> date:
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    if year < 1:
        raise DateParseError("too_old")
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _number(tokens: list[str]) -> int | None:
    """'3', 'three', 'twenty one', 'a couple' -> int."""
    phrase = " ".join(tokens)
    if len(tokens) == 1 and tokens[0].isdecimal() and len(tokens[0]) <= 12:
        return int(tokens[0])
    if phrase in _NUMBER_WORDS:
        return _NUMBER_WORDS[phrase]
    if len(tokens) == 2 and tokens[0] in _TENS and tokens[1] in _NUMBER_WORDS:
        unit = _NUMBER_WORDS[tokens[1]]
        if 1 <= unit <= 9 and tokens[1] not in {"a", "an"}:
            return _TENS[tokens[0]] + unit
    return None


def _relative(tokens: list[str], today: date, max_years_back: int) -> date | None:
    """'3 days ago', 'a week ago', 'twenty one days', 'couple of weeks ago', 'been 2 weeks now'."""
    if tokens and tokens[-1] in ("ago", "back", "earlier", "now"):
        tokens = tokens[:-1]
    if len(tokens) < 2 or tokens[-1] not in _UNITS:
        return None
    count = _number(tokens[:-1])
    if count is None:
        return None
    unit = _UNITS[tokens[-1]]
    horizon_days = (max_years_back + 1) * 366
    if unit in ("day", "week", "fortnight"):
        days = count * {"day": 1, "week": 7, "fortnight": 14}[unit]
        if days > horizon_days:
            raise DateParseError("too_old")
        return today - timedelta(days=days)
    months = count * (12 if unit == "year" else 1)
    if months > (max_years_back + 1) * 12:
        raise DateParseError("too_old")
    return _subtract_months(today, months)


def _weekdays_ago(tokens: list[str], today: date) -> date | None:
    """'three saturdays ago', 'a couple of sundays ago' (a session-32 chat: not read): the
    Nth last of that weekday before today."""
    if len(tokens) < 3 or tokens[-1] not in ("ago", "back"):
        return None
    day = tokens[-2]  # "saturdays" is already "saturday" (_correct)
    day = day[:-1] if day not in _WEEKDAYS and day.endswith("s") else day
    if day not in _WEEKDAYS:
        return None
    count = _number(tokens[:-2])
    if count is None or not 1 <= count <= 8:
        return None
    back = (today.weekday() - _WEEKDAYS[day]) % 7 or 7
    return today - timedelta(days=back + 7 * (count - 1))


def _weekday(tokens: list[str], today: date) -> date | None:
    strict = False
    if len(tokens) == 2 and tokens[0] in {"last", "past", "previous", "prev"}:
        strict = True
        tokens = tokens[1:]
    if len(tokens) != 1 or tokens[0] not in _WEEKDAYS:
        return None
    back = (today.weekday() - _WEEKDAYS[tokens[0]]) % 7
    if back == 0 and strict:
        back = 7
    return today - timedelta(days=back)


def _before_a_day(tokens: list[str], today: date, max_years_back: int) -> date | None:
    """A length of time before a named day: 'a week last tuesday', 'two weeks ago sunday',
    'a week yesterday', '2 weeks ago today'."""
    for cut in range(2, len(tokens)):
        if tokens[cut - 1] not in _UNITS:
            continue
        rest = tokens[cut:]
        ago = rest[0] in ("ago", "back", "before", "earlier")
        if ago:
            rest = rest[1:]
        phrase = " ".join(rest)
        anchor: date | None = None
        if phrase in _DAYS_AGO_PHRASES:
            anchor = today - timedelta(days=_DAYS_AGO_PHRASES[phrase])
        elif rest and (ago or rest[0] == "last"):
            anchor = _weekday(rest, today)
        if anchor is None:
            return None
        return _relative(tokens[:cut], anchor, max_years_back)
    return None


_AROUND = {"after": 1, "before": -1}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}


def _around(tokens: list[str], today: date, max_years_back: int) -> date | None:
    """A day, or days or weeks, before or after a day said some other way: 'the day after
    valentines', '2 days before christmas', 'a week after new year', 'the day after my
    birthday' (not: a birthday is nobody's date but theirs)."""
    for at, token in enumerate(tokens):
        if token not in _AROUND or at == 0 or at == len(tokens) - 1:
            continue
        count = tokens[:at]
        if count[0] == "the":
            count = count[1:]
        if count in (["day"], ["a", "day"], ["one", "day"]):
            days = 1
        elif len(count) >= 2 and _UNITS.get(count[-1]) in _UNIT_DAYS:
            number = _number(count[:-1])
            if number is None:
                return None
            days = number * _UNIT_DAYS[_UNITS[count[-1]]]
        else:
            return None
        anchor = _interpret(tokens[at + 1 :], today, max_years_back)
        if anchor is None:
            return None
        found = anchor + timedelta(days=days * _AROUND[token])
        if found > today:
            raise DateParseError("future")
        return found
    return None


def _year(token: str, today: date) -> int:
    value = int(token)
    if len(token) == 2:
        value += 2000 if 2000 + value <= today.year + 1 else 1900
    return value


def _build(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError("impossible") from None


def _infer_year(month: int, day: int, today: date) -> date:
    """Most recent (month, day) not after today; invalid combos are 'impossible'."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise DateParseError("impossible")
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    return _build(year, month, day)


def _numeric(token: str, today: date) -> date | None:
    m = _ISO_RE.match(token)
    if m:
        return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY_RE.match(token)
    if not m:
        return None
    first, second = int(m.group(1)), int(m.group(3))
    if first > 12:
        day, month = first, second
    elif second > 12:
        month, day = first, second
    else:
        day, month = first, second
    if m.group(4) is None:
        day_first = _infer_year(month, day, today)
        if first <= 12 and second <= 12 and first != second and m.group(2) == "/":
            # Both orders are dates: day first, as most of the world writes it, unless that
            # is most of a year back while the other order is recent ("11/12" on 2 December
            # is 12 November, not Day 357). Dots and dashes are day first only ("11.12.").
            month_first = _infer_year(first, second, today)
            if (today - day_first).days > _PLAUSIBLE_DAYS >= (today - month_first).days:
                return month_first
        return day_first
    return _build(_year(m.group(4), today), month, day)


# How far back a start date typed with both orders possible is still read day first.
_PLAUSIBLE_DAYS = 183


def _day_of(token: str) -> int | None:
    m = _ORDINAL_RE.match(token)
    if m:
        return int(m.group(1))
    if token.isdecimal() and len(token) <= 2:
        return int(token)
    return None


def _named_month(tokens: list[str], today: date) -> date | None:
    """'nov 20', 'november 20th 2026', '20 nov', '20th november 2026', 'fri 20 nov'."""
    tokens = [t for t in tokens if t not in _WEEKDAYS]
    year: int | None = None
    if tokens and len(tokens[-1]) == 4 and tokens[-1].isdecimal():
        year = int(tokens[-1])
        tokens = tokens[:-1]
    if len(tokens) != 2:
        return None
    if tokens[0] in _MONTHS:
        month, day = _MONTHS[tokens[0]], _day_of(tokens[1])
    elif tokens[1] in _MONTHS:
        month, day = _MONTHS[tokens[1]], _day_of(tokens[0])
    else:
        return None
    if day is None:
        return None
    if year is None:
        return _infer_year(month, day, today)
    return _build(year, month, day)


# A month with no day ("since august", "mid august", "end of october": a helper's chat,
# session 37, "doesn't look like a date to me", and "end of october" left set-up): read as
# its first, middle or last days; set-up says the date back with a button to change it.
_PART_OF_MONTH = {"early": 1, "beginning": 1, "start": 1, "mid": 15, "middle": 15, "late": 25}
_MONTH_END = frozenset({"end"})


def _month_alone(tokens: list[str], today: date) -> date | None:
    """'august', 'in august', 'mid august', 'end of october', 'early aug 2025'."""
    tokens = [t for t in tokens if t != "in"]
    year: int | None = None
    if tokens and len(tokens[-1]) == 4 and tokens[-1].isdecimal():
        year = int(tokens[-1])
        tokens = tokens[:-1]
    part: str | None = None
    if len(tokens) == 2 and (tokens[0] in _PART_OF_MONTH or tokens[0] in _MONTH_END):
        part, tokens = tokens[0], tokens[1:]
    if len(tokens) != 1 or tokens[0] not in _MONTHS:
        return None
    if part is None and (len(tokens[0]) < 4 or tokens[0] == "may") and year is None:
        return None  # "mar", "may" alone are too often not a month
    month = _MONTHS[tokens[0]]
    if year is None:
        year = today.year if month <= today.month else today.year - 1
    if part in _MONTH_END:
        following = date(year + month // 12, month % 12 + 1, 1)
        return following - timedelta(days=1)
    return _build(year, month, _PART_OF_MONTH.get(part or "", 1))


def _day_only(tokens: list[str], today: date) -> date | None:
    """'the 20th': the latest day of that number not after today, this month or an earlier
    one that has it ('the 31st' on 6 December is 31 October: a session-35 chat was told
    that the calendar has no such day). Only a day no month has is 'impossible'."""
    if len(tokens) != 1:
        return None
    m = _ORDINAL_RE.match(tokens[0])
    if not m:
        return None
    day = int(m.group(1))
    if not 1 <= day <= 31:
        raise DateParseError("impossible")
    if day <= today.day:
        return _build(today.year, today.month, day)
    month_start = today.replace(day=1)
    while True:  # at most two months back: no two months running are both short of the 31st
        month_start = (month_start - timedelta(days=1)).replace(day=1)
        if day <= calendar.monthrange(month_start.year, month_start.month)[1]:
            return month_start.replace(day=day)


# Days people date things by ("valentines day", "since halloween", "christmas eve"): the last
# one on or before today. Thanksgiving (the US one) is the fourth Thursday of November.
_HOLIDAY_DATES = {
    "valentines": (2, 14),
    "valentines day": (2, 14),
    "valentine": (2, 14),
    "valentine day": (2, 14),
    "christmas": (12, 25),
    "xmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "xmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year": (1, 1),
    "new years": (1, 1),
    "new years day": (1, 1),
    "new year day": (1, 1),
    "new years eve": (12, 31),
    "new year eve": (12, 31),
    "nye": (12, 31),
    "halloween": (10, 31),
    "bonfire night": (11, 5),
    "guy fawkes": (11, 5),
    "st patricks day": (3, 17),
    "st patricks": (3, 17),
    "paddys day": (3, 17),
    "independence day": (7, 4),
    "july 4th": (7, 4),
    "fourth of july": (7, 4),
}


def _holiday(phrase: str, today: date) -> date | None:
    if phrase == "thanksgiving":
        for year in (today.year, today.year - 1):
            first = date(year, 11, 1)
            fourth_thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
            if fourth_thursday <= today:
                return fourth_thursday
        return None
    if phrase not in _HOLIDAY_DATES:
        return None
    month, day = _HOLIDAY_DATES[phrase]
    found = date(today.year, month, day)
    return found if found <= today else date(today.year - 1, month, day)


# After filler removal: "since the weekend", "this weekend", "on the weekend" -> "weekend".
_WEEKEND_PHRASES = frozenset({"weekend", "over weekend", "last weekend", "past weekend"})


def _weekend(today: date, *, last: bool) -> date:
    """The Saturday meant: the latest one before today, or for "last weekend" said during a
    weekend, the one before that."""
    saturday = today - timedelta(days=(today.weekday() - 5) % 7 or 7)
    if last and today.weekday() == 6:
        saturday -= timedelta(days=7)
    return saturday


def _interpret(tokens: list[str], today: date, max_years_back: int) -> date | None:
    phrase = " ".join(tokens)
    holiday = _holiday(phrase[5:] if phrase.startswith("last ") else phrase, today)
    if holiday is not None:
        return holiday
    if phrase in _DAYS_AGO_PHRASES:
        return today - timedelta(days=_DAYS_AGO_PHRASES[phrase])
    if phrase in _FUTURE_WORDS:
        raise DateParseError("future")
    if phrase in {"last week", "past week", "a week back"}:
        return today - timedelta(days=7)
    if phrase in {"week before last", "the week before last"}:
        return today - timedelta(days=14)
    if len(tokens) == 3 and tokens[1:] == ["before", "last"] and tokens[0] in _WEEKDAYS:
        # "sunday before last" (a session-30 chat: "It sounds like that landed hard"): the one
        # a week before last sunday
        last = _weekday(["last", tokens[0]], today)
        return last - timedelta(days=7) if last is not None else None
    if phrase in {"last month", "past month"}:
        return _subtract_months(today, 1)
    if phrase in _WEEKEND_PHRASES:
        return _weekend(today, last=phrase.startswith(("last", "past")))
    if len(tokens) == 1:
        found = _numeric(tokens[0], today)
        if found is not None:
            return found
    for parser in (_weekday, _day_only, _named_month, _month_alone):
        found = parser(tokens, today)
        if found is not None:
            return found
    found = _weekdays_ago(tokens, today) or _relative(tokens, today, max_years_back)
    if found is None:
        found = _before_a_day(tokens, today, max_years_back)
    if found is None:
        found = _around(tokens, today, max_years_back)
    if found is None and len(tokens) > 1 and tokens[-1] in _TIME_OF_DAY:
        # "last friday night", "the 20th in the evening": the day is what counts.
        rest = tokens[:-1]
        while rest and rest[-1] in {"in", "at", "late", "early"}:
            rest = rest[:-1]
        return _interpret(rest, today, max_years_back) if rest else None
    return found


def parse_start_date(text: str, *, today: date, max_years_back: int = 5) -> date:
    """Free text -> the date No Contact started.

    Raises DateParseError with code "unrecognised", "future", "too_old" or "impossible";
    "unsure" when they say they don't know, "question" when they ask something instead.
    """
    if not isinstance(text, str) or not text.strip() or len(text) > _MAX_INPUT:
        raise DateParseError("unrecognised")
    if _FUTURE_RE.search(fold(text)):
        raise DateParseError("future")
    if _A_LENGTH_TO_DO.search(fold(text)):
        # "i dont think i can do 30 days honestly": the length they doubt they can do, not
        # how long ago it started (a session-44 play-test: "so today is Day 31")
        raise DateParseError("unrecognised")
    # "sunday night, like 11pm": the hour of the day says nothing of the date (a helper's
    # terminal chat: "I couldn't read that"); only times that cannot be a day of the month
    text = _CLOCK_TIME.sub(" ", text)
    tokens = _tokens(text)
    if not tokens:
        raise DateParseError(_why_not(text))
    try:
        found = _interpret(tokens, today, max_years_back)
    except OverflowError:
        raise DateParseError("too_old") from None
    if found is None:
        raise DateParseError(_why_not(text))
    if found > today:
        raise DateParseError("future")
    if found < _years_before(today, max_years_back):
        raise DateParseError("too_old")
    return found


# A length of No Contact to do, doubted, wanted or done before ("i cant do 30 days", "will i
# make it 30 days?", "30 days feels like forever", "i did 30 days last time"): never elapsed
_N_DAYS = (
    r"(?:the |a |all |full |whole )*(?:\d{1,3}|thirty|twenty|ten|fourteen|sixty|ninety)"
    r"\s*-?\s*days?"
)
_A_LENGTH_TO_DO = re.compile(
    r"\b(?:can|cant|can't|can t|cannot|could|couldnt|couldn't|will|wont|won't|gonna|going to"
    r"|able to|want to|wanna|need to|have to|has to|got to|gotta|supposed to|try to|trying to"
    r"|how (?:do|does|can|will) (?:i|you|people|anyone)) (?:i |you |we |u )?(?:really |even |ever "
    r"|actually |just |possibly )?(?:do|make it|make it to|make|last|manage|survive"
    r"|get through|get to|reach|go|hold out|handle|stick to|stick it out for|finish|complete)"
    r"(?: for| through)? " + _N_DAYS
    + r"\b|\b" + _N_DAYS + r" (?:is|seems|feels|sounds|looks) (?:too|so|like|a lot|forever"
    r"|impossible|long|endless|huge)\b|\b" + _N_DAYS + r" (?:last time|once|the last time"
    r"|the first time)\b|\b" + _N_DAYS + r" (?:goal|challenge|rule|thing)\b"
)
_CLOCK_TIME = re.compile(
    r"(?:[,;]\s*)?\b(?:(?:like|around|about|at|maybe|approx|roughly)\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*"
    r"(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|midnight|noon|midday)(?:\s*ish)?\b",
    re.IGNORECASE,
)
_NEGATIONS = frozenset({"not", "never", "no", "nor", "isnt", "wasnt"})
# What may follow a date said first ("2 weeks ago i think", "last friday or so").
_HEDGE_TAIL = frozenset(
    {
        "think",
        "guess",
        "maybe",
        "or",
        "so",
        "ish",
        "roughly",
        "probably",
        "idk",
        "lol",
        "tbh",
        "honestly",
        "about",
        "around",
        "something",
    }
)
# Words that, next to a candidate and left out of it, would change what it means ("in 3 days",
# "a week on tuesday", "next friday"): such a candidate is not taken.
_MEANING_WORDS = frozenset(
    {
        "in",
        "next",
        "after",
        "from",
        "until",
        "till",
        "this",
        "coming",
        "on",
        "week",
        "weeks",
        "month",
        "months",
        "days",
        "year",
        "years",
        "fortnight",
        "since",
        "before",
        "last",
        "ago",
        "the",
        # "a hundred times a day", "twice a week": how often, not when
        "times",
        "per",
        "every",
        "each",
        "once",
        "twice",
    }
)


# The start told by what happened that day ("the day he moved out", "when she left"): an
# answer to "when did it start?", not a question for the FAQ; asked how long ago it was.
_BY_AN_EVENT = re.compile(
    r"^(?:(?:on|since|from|around|about|it was|it started|probably) )*(?:the (?:day|night|week"
    r"|weekend|morning|evening|time)|when|after|since|right after) (?:he|she|they|we|i|my ex"
    r"|the ex|him|her|them)\b"
)


def dated_by_an_event(text: str) -> bool:
    """Whether an answer to "when did it start?" names an event, not a date."""
    return isinstance(text, str) and _BY_AN_EVENT.search(fold(text).strip()) is not None


def find_start_date(text: str, *, today: date, max_years_back: int = 5) -> date | None:
    """The start date in an answer to "when did it start?" that is more than a date ("i dont
    know, like 2 weeks ago", "2 weeks ago i think"); None when there is none, or it is ahead
    or too far back. Only for that question: elsewhere a sentence that names a day ("i saw
    him today") is not a start date."""
    try:
        return parse_start_date(text, today=today, max_years_back=max_years_back)
    except DateParseError:
        pass
    if not isinstance(text, str) or len(text) > _MAX_STORY or _A_LENGTH_TO_DO.search(fold(text)):
        return None
    if len(text) > _MAX_INPUT:
        # a whole story told at the date (a session-32 chat: "...it ended three Saturdays ago,
        # the night of my cousin's wedding..."): only the clause that says the ending
        found = _in_one_clause(text, today, max_years_back)
        if found is None or found > today or found < _years_before(today, max_years_back):
            return None
        return found
    if (kept := _NOT_THAT.sub("", text)) != text and kept.strip():
        # "the 28th not monday", "it was friday, not saturday": the day they mean, not the one
        # they take back (terminal chat: heard as pain at the next question)
        return find_start_date(kept, today=today, max_years_back=max_years_back)
    try:
        found = _inside(_tokens(text), today, max_years_back)
    except OverflowError:
        return None
    if found is None:
        found = _in_one_clause(text, today, max_years_back)
    if found is None or found > today or found < _years_before(today, max_years_back):
        return None
    return found


# A clause told after the date: "well it was the 3rd of November, thats when he moved his
# things out" (a session-31 chat: heard as grief, and set-up lost)
_CLAUSE_BREAK = re.compile(
    r"\s*[,;:.!?]+\s*|\s+(?=(?:that'?s|that is|which is|when|because|cause|cos|coz|after|the"
    r" day)\b)|\s+(?:and|but)\s+(?=(?:it|we|he|she|they|i|then)\b)",
    re.IGNORECASE,
)
# How long they were together ("we were together for six years", "dated 2 years"): a length,
# not a start date
_TOGETHER_FOR = re.compile(
    r"\b(?:together|dated|dating|married|with (?:him|her|them)|relationship)\b(?:\s+\w+){0,2}?"
    r"\s+(?:for\s+)?(?:\w+\s+)?(?:years?|months?|weeks?|yrs?)\b(?!\s+ago)",
    re.IGNORECASE,
)


# A clause that says the ending or the last contact ("it ended three saturdays ago", "we
# broke up on the 3rd", "last time i texted him was friday"): its date is the start even
# when it is not the first clause (a session-32 chat: a long first message at the date)
_ENDED_CUE = re.compile(
    r"\b(?:ended|end|ends|broke up|break up|split|split up|left|dumped|stopped|started|began"
    r"|blocked|last (?:talked|texted|spoke|messaged|saw|contact)|went no contact|moved out)\b",
    re.IGNORECASE,
)
_MAX_CLAUSES = 12


def _in_one_clause(text: str, today: date, max_years_back: int) -> date | None:
    """The date in the first clause of `text`, said before what happened that day, when no
    later clause holds a date of its own; or, in a longer story, the one clause holding a
    date when it says the ending or the last contact."""
    clauses = [c for c in _CLAUSE_BREAK.split(text) if c and c.strip()]
    if len(clauses) < 2 or len(clauses) > _MAX_CLAUSES:
        return None
    dated = [
        (i, found)
        for i, c in enumerate(clauses)
        if not _TOGETHER_FOR.search(c)
        and (found := find_start_date(c, today=today, max_years_back=max_years_back)) is not None
    ]
    if len(dated) != 1:
        return None
    i, found = dated[0]
    return found if i == 0 or _ENDED_CUE.search(clauses[i]) else None


_NOT_THAT = re.compile(
    r"[\s,;.]+(?:and |but )?(?:not|instead of|rather than|as opposed to)\s+(?:on\s+)?(?:the\s+)?"
    r"[\w./-]+(?:\s+[\w./-]+){0,2}?\s*[.!]*\s*$",
    re.IGNORECASE,
)
_NOW_ENDINGS = (["now"], ["right", "now"], ["just", "now"])
# "me siento muy sola hoy", "i feel so alone today": how today is, told in a sentence (a
# session-30 chat: the start date set to today, an earlier one replaced); "it was today"
# (fillers only) and "since today" (a start said) still count
_TODAY_ENDINGS = (["today"], ["tonight"], ["hoy"], ["heute"], ["hoje"], ["oggi"], ["aaj"])
_STARTED_WORDS = frozenset({"started", "start", "starting", "began", "begun", "since", "from"})
# ...and, before "today", words of the last contact ("last contact was today", "i stopped
# texting him today")
_CONTACT_WORDS = frozenset(
    {"stopped", "last", "nc", "contact", "blocked", "texted", "talked", "spoke", "empece",
     "comence", "comecei", "desde"}
)


def _only_now_said(tokens: list[str], i: int) -> bool:
    """ "everything is such a blur right now", "the house is very quiet now": a sentence that
    ends in "now" says how things are, not when No Contact started (seventh probe); "i started
    now" does. The same for "today" after words that are not fillers ("feel alone today")."""
    before = set(tokens[:i])
    if tokens[i:] in _NOW_ENDINGS:
        return not _STARTED_WORDS & before
    return tokens[i:] in _TODAY_ENDINGS and not (_STARTED_WORDS | _CONTACT_WORDS) & before


def _inside(tokens: list[str], today: date, max_years_back: int) -> date | None:
    """A date inside a longer answer: the longest ending that reads as one (not after a
    negation, "not today", or a word that changes it, "in 3 days"), then the longest
    beginning followed only by hedges ("i think"). Never a bare number (a count, not a
    day)."""
    if len(tokens) < 2:
        return None

    def plain(dropped: list[str], next_to: str) -> bool:
        """What is dropped holds no number, and the word next to the candidate does not
        change its meaning."""
        return next_to not in _MEANING_WORDS and not any(c.isdigit() for w in dropped for c in w)

    endings = [
        tokens[i:]
        for i in range(1, len(tokens))
        if tokens[i - 1] not in _NEGATIONS
        and plain(tokens[:i], tokens[i - 1])
        and not _only_now_said(tokens, i)
    ]
    # A beginning is only taken when all that follows it is a hedge ("2 weeks ago i think"),
    # so "a week" is not the answer in "a week on tuesday", nor "today" in "today at the gym".
    beginnings = [
        tokens[:j]
        for j in range(len(tokens) - 1, 0, -1)
        if all(w in _HEDGE_TAIL for w in tokens[j:])
    ]
    for candidate in endings + beginnings:
        if len(candidate) == 1 and candidate[0].isdigit():
            continue
        try:
            found = _interpret(candidate, today, max_years_back)
        except DateParseError:
            continue
        if found is not None:
            return found
    return None


def _why_not(text: str) -> DateErrorCode:
    """Why a text that holds no date is not one: unsure, a question, or just unreadable."""
    return hedge_of(text) or "unrecognised"


def _years_before(today: date, years: int) -> date:
    year = max(1, today.year - max(0, years))
    last = calendar.monthrange(year, today.month)[1]
    return date(year, today.month, min(today.day, last))


_UNTIL_RE = re.compile(
    r"^(?:until|till|til|untill|up to|through|thru|to)\s+(?:next\s+|this\s+)?(\w+)$"
)


_UNTIL_HOLIDAY_RE = re.compile(
    r"^(?:until|till|til|untill|up to|through|thru|to)\s+(after\s+)?(?:the\s+)?"
    r"(christmas|xmas|boxing day|new year'?s?(?: day| eve)?|the new year)$"
)
_HOLIDAYS = {"christmas": (12, 25), "xmas": (12, 25), "boxing day": (12, 26)}


# "until the 10th", "till 10 december", "until dec 10th" (a helper's chat, session 39: "until
# the 10th" got the usage line, with /pause and without)
_UNTIL_DAY_RE = re.compile(
    r"^(?:until|till|til|untill|up to|through|thru|to)\s+(?:the\s+)?"
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<month>[a-z]+))?"
    r"|(?P<month2>[a-z]+)\s+(?:the\s+)?(?P<day2>\d{1,2})(?:st|nd|rd|th)?)$"
)


# "idk like until the 10th?" at /pause's "how long?" (the terminal chat, session 39: "I can't
# answer that one"): the length, said unsurely
_UNSURE_OPENING = re.compile(r"^(?:(?:idk|i dunno|dunno|like|um|uh|erm|hmm|maybe|ok|okay|so|just"
                             r"|probably)\s+)+")


_WEEKEND_RE = re.compile(
    r"^(?:(?:for|over|during|through|thru|until after|till after|until the end of) )?"
    r"(?:this |the |this coming |the whole )?weekend$"
)


def _next_day_of_month(today: date, day: int, month: int | None) -> date | None:
    """The first date after `today` that is `day` (of `month`, when named)."""
    for ahead in range(0, 13):
        year, m = divmod(today.month - 1 + ahead, 12)
        year, m = today.year + year, m + 1
        if month is not None and m != month:
            continue
        if day <= calendar.monthrange(year, m)[1]:
            when = date(year, m, day)
            if when > today:
                return when
    return None


def days_until(text: str, today: date) -> int | None:
    """Days from `today` to the day a pause ends on: "until friday" -> the next Friday
    (7 when today is Friday), "till tomorrow" -> 1, "until after christmas" -> 26 December,
    "till new year" -> 1 January, "until the 10th" -> the next 10th, "this weekend" -> the
    next Monday. None for anything else."""
    said = _UNSURE_OPENING.sub("", " ".join(text.lower().split()).rstrip(".!?"))
    if _WEEKEND_RE.match(said):
        # "this weekend" asked on a Wednesday: the pause runs to Monday (it can only begin
        # today), never two days from now (a helper's chat, session 39: back on Friday)
        return 7 - today.weekday()
    on_day = _UNTIL_DAY_RE.match(said)
    if on_day is not None:
        day = int(on_day.group("day") or on_day.group("day2"))
        month_word = on_day.group("month") or on_day.group("month2")
        month = _MONTHS.get(month_word) if month_word else None
        if (month_word and month is None) or not 1 <= day <= 31:
            return None
        when = _next_day_of_month(today, day, month)
        return None if when is None else (when - today).days
    holiday = _UNTIL_HOLIDAY_RE.match(said)
    if holiday is not None:
        name = holiday.group(2)
        month, day = _HOLIDAYS.get(name, (12, 31) if name.endswith("eve") else (1, 1))
        when = date(today.year, month, day)
        if when <= today:
            when = date(today.year + 1, month, day)
        return (when - today).days + (1 if holiday.group(1) else 0)
    match = _UNTIL_RE.match(said)
    if match is None:
        return None
    word = match.group(1)
    if word in ("tomorrow", "tmrw", "tmr", "tomoz"):
        return 1
    weekday = _WEEKDAYS.get(word)
    if weekday is None:
        return None
    return (weekday - today.weekday() - 1) % 7 + 1
