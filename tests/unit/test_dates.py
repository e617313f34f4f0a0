from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.dates import DateParseError, find_start_date, parse_start_date
from bot.views.dates import long_date

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 11, 25)),
        # a month with no day: its start, middle or end (set-up says it back, with Change)
        ("november", date(2026, 11, 1)),
        ("since august", date(2026, 8, 1)),
        ("in august i think", date(2026, 8, 1)),
        ("mid august", date(2026, 8, 15)),
        ("mid-september", date(2026, 9, 15)),
        ("around the middle of september", date(2026, 9, 15)),
        ("early october", date(2026, 10, 1)),
        ("late feb", date(2026, 2, 25)),
        ("end of october", date(2026, 10, 31)),
        ("the end of december 2025", date(2025, 12, 31)),
        ("since december", date(2025, 12, 1)),
        ("Yesterday", date(2026, 11, 24)),
        ("YESTERDAY!", date(2026, 11, 24)),
        ("yesterdy", date(2026, 11, 24)),
        ("day before yesterday", date(2026, 11, 23)),
        ("the day before yesterday", date(2026, 11, 23)),
        ("3 days ago", date(2026, 11, 22)),
        ("3days ago", date(2026, 11, 22)),
        ("like 3 days ago", date(2026, 11, 22)),
        ("three days ago", date(2026, 11, 22)),
        ("twenty-one days ago", date(2026, 11, 4)),
        ("thirty days ago", date(2026, 10, 26)),
        ("0 days ago", date(2026, 11, 25)),
        ("a couple of days ago", date(2026, 11, 23)),
        ("a week ago", date(2026, 11, 18)),
        ("it was about a week ago", date(2026, 11, 18)),
        ("2 weeks ago", date(2026, 11, 11)),
        ("two weeks ago", date(2026, 11, 11)),
        ("a fortnight ago", date(2026, 11, 11)),
        ("a month ago", date(2026, 10, 25)),
        ("3 months ago", date(2026, 8, 25)),
        ("last week", date(2026, 11, 18)),
        ("last weekend", date(2026, 11, 21)),
        ("since the weekend", date(2026, 11, 21)),
        ("over the weekend i think", date(2026, 11, 21)),
        ("last friday", date(2026, 11, 20)),
        ("since last friday", date(2026, 11, 20)),
        ("friday", date(2026, 11, 20)),
        ("on friday", date(2026, 11, 20)),
        ("this friday", date(2026, 11, 20)),
        ("Fri", date(2026, 11, 20)),
        ("wednesday", date(2026, 11, 25)),
        ("last wednesday", date(2026, 11, 18)),
        ("wendesday", date(2026, 11, 25)),
        ("2026-11-20", date(2026, 11, 20)),
        ("2026/11/20", date(2026, 11, 20)),
        ("20.11", date(2026, 11, 20)),
        ("20.11.", date(2026, 11, 20)),
        ("20.11.2026", date(2026, 11, 20)),
        ("20.11.26", date(2026, 11, 20)),
        ("20/11/2026", date(2026, 11, 20)),
        ("20/11", date(2026, 11, 20)),
        ("11/20/2026", date(2026, 11, 20)),
        ("3/4/2026", date(2026, 4, 3)),
        ("20-11-2026", date(2026, 11, 20)),
        ("Nov 20", date(2026, 11, 20)),
        ("November 20th", date(2026, 11, 20)),
        ("novmber 20", date(2026, 11, 20)),
        ("20 Nov", date(2026, 11, 20)),
        ("20th of November 2026", date(2026, 11, 20)),
        ("Nov 20, 2026", date(2026, 11, 20)),
        ("friday 20 nov", date(2026, 11, 20)),
        ("it started on the 20th of november", date(2026, 11, 20)),
        ("since 20.11.2026!", date(2026, 11, 20)),
        ("the 20th", date(2026, 11, 20)),
        ("the 26th", date(2026, 10, 26)),
        ("30.11", date(2025, 11, 30)),
        ("Dec 24", date(2025, 12, 24)),
        ("heute", date(2026, 11, 25)),
        ("gestern", date(2026, 11, 24)),
        ("ayer", date(2026, 11, 24)),
        ("aujourd'hui", date(2026, 11, 25)),
        ("hier", date(2026, 11, 24)),
        ("ontem", date(2026, 11, 24)),
        ("вчера", date(2026, 11, 24)),
        ("5 years ago", date(2021, 11, 25)),
    ],
)
def test_parses(text: str, expected: date) -> None:
    assert parse_start_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "unrecognised"),
        ("   ", "unrecognised"),
        ("asdf", "unrecognised"),
        ("20", "unrecognised"),
        ("a few days ago", "unrecognised"),
        ("in 3 days", "unrecognised"),
        ("may", "unrecognised"),  # a month alone is read, but not "may" or "mar"
        ("mar", "unrecognised"),
        ("end of november", "future"),  # today is 25 November
        ("blue friday cat", "unrecognised"),
        ("tomorrow", "future"),
        ("next week", "future"),
        ("2026-12-01", "future"),
        ("1.1.2027", "future"),
        ("31.02", "impossible"),
        ("2026-13-01", "impossible"),
        ("13/13/2026", "impossible"),
        ("Nov 31", "impossible"),
        ("the 45th", "impossible"),
        ("20.12.2020", "too_old"),
        ("6 years ago", "too_old"),
        ("1000000 days ago", "too_old"),
        ("99999999 years ago", "too_old"),
    ],
)
def test_errors(text: str, code: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_start_date(text, today=TODAY)
    assert info.value.code == code


def test_year_inference_across_new_year() -> None:
    assert parse_start_date("20.12", today=date(2026, 1, 3)) == date(2025, 12, 20)
    assert parse_start_date("Dec 31", today=date(2026, 1, 3)) == date(2025, 12, 31)
    assert parse_start_date("3.1", today=date(2026, 1, 3)) == date(2026, 1, 3)


def test_leap_day() -> None:
    with pytest.raises(DateParseError) as info:
        parse_start_date("29.02", today=date(2026, 3, 10))
    assert info.value.code == "impossible"
    assert parse_start_date("29.02", today=date(2025, 1, 3)) == date(2024, 2, 29)
    assert parse_start_date("a month ago", today=date(2026, 3, 31)) == date(2026, 2, 28)


def test_last_friday_on_a_friday() -> None:
    friday = date(2026, 11, 27)
    assert parse_start_date("last friday", today=friday) == date(2026, 11, 20)
    assert parse_start_date("friday", today=friday) == friday
    assert parse_start_date("yesterday", today=friday) == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # a day with no month named: the latest date of that number that exists (session 35:
        # "the 31st" on 6 December was told the calendar has no such day)
        ("the 31st", date(2026, 12, 6), date(2026, 10, 31)),
        ("31st", date(2026, 12, 6), date(2026, 10, 31)),
        ("on the 30th", date(2026, 12, 6), date(2026, 11, 30)),
        ("since the 31st", date(2026, 12, 6), date(2026, 10, 31)),
        ("the 5th", date(2026, 12, 6), date(2026, 12, 5)),
        ("the 6th", date(2026, 12, 6), date(2026, 12, 6)),
        ("the 7th", date(2026, 12, 6), date(2026, 11, 7)),
        ("the 30th", date(2026, 3, 10), date(2026, 1, 30)),
        ("the 29th", date(2026, 3, 10), date(2026, 1, 29)),
        ("the 29th", date(2024, 3, 10), date(2024, 2, 29)),
        ("the 31st", date(2026, 1, 5), date(2025, 12, 31)),
        ("the 31st", date(2026, 5, 30), date(2026, 3, 31)),
        ("the 31st", date(2026, 8, 30), date(2026, 7, 31)),
        ("the 31st", date(2026, 8, 31), date(2026, 8, 31)),
    ],
)
def test_day_only_is_the_latest_such_day_that_exists(
    text: str, today: date, expected: date
) -> None:
    assert parse_start_date(text, today=today) == expected


@pytest.mark.parametrize("text", ["the 32nd", "32nd", "the 0th", "on the 45th"])
def test_day_only_no_month_has_is_impossible(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_start_date(text, today=date(2026, 12, 6))
    assert info.value.code == "impossible"


def test_a_bare_number_is_still_no_day() -> None:
    with pytest.raises(DateParseError) as info:
        parse_start_date("31", today=date(2026, 12, 6))
    assert info.value.code == "unrecognised"


def test_max_years_back() -> None:
    assert parse_start_date("2 years ago", today=TODAY, max_years_back=2) == date(2024, 11, 25)
    with pytest.raises(DateParseError) as info:
        parse_start_date("2 years ago", today=TODAY, max_years_back=1)
    assert info.value.code == "too_old"


@settings(max_examples=300, deadline=timedelta(milliseconds=200))
@given(
    st.text(max_size=5000),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
)
def test_never_raises_anything_else(text: str, today: date) -> None:
    code: str = "ok"
    try:
        result = parse_start_date(text, today=today)
    except DateParseError as exc:
        code = exc.code
    else:
        assert result <= today
    assert code in {"ok", "unrecognised", "future", "too_old", "impossible", "unsure", "question"}


@settings(max_examples=200, deadline=timedelta(milliseconds=200))
@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "20th",
                "of",
                "nov",
                "last",
                "friday",
                "3",
                "days",
                "ago",
                "a",
                "week",
                "20.11",
                "2026",
                "since",
                "yesterday",
                "31.02",
                "twenty",
                "one",
                "month",
                "-",
                "/",
                ".",
            ]
        ),
        max_size=8,
    )
)
def test_token_soup(words: list[str]) -> None:
    try:
        result = parse_start_date(" ".join(words), today=TODAY)
    except DateParseError:
        return
    assert TODAY - timedelta(days=5 * 366) <= result <= TODAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last friday night", date(2026, 11, 20)),
        ("monday morning", date(2026, 11, 23)),
        ("sunday late at night", date(2026, 11, 22)),
        ("the 20th in the evening", date(2026, 11, 20)),
        ("2 days back", date(2026, 11, 23)),
        ("3 weeks earlier", date(2026, 11, 4)),
    ],
)
def test_a_time_of_day_or_back_after_the_day(text: str, expected: date) -> None:
    assert parse_start_date(text, today=date(2026, 11, 25)) == expected


def test_a_time_of_day_alone_is_not_a_date() -> None:
    with pytest.raises(DateParseError):
        parse_start_date("night", today=date(2026, 11, 25))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("idk like a month ago maybe?", date(2026, 10, 25)),
        ("dunno, 2 weeks ago i guess", date(2026, 11, 11)),
        ("honestly not sure, around the 10th", date(2026, 11, 10)),
        ("i don't remember exactly, last monday", date(2026, 11, 23)),
        ("can't remember, the 3rd", date(2026, 11, 3)),
    ],
)
def test_hedges_around_a_date_are_ignored(text: str, expected: date) -> None:
    assert parse_start_date(text, today=date(2026, 11, 25)) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("i dont know", "unsure"),
        ("no idea honestly", "unsure"),
        ("idk", "unsure"),
        ("why do you need this?", "question"),
        ("not today", "unrecognised"),  # "not" is never dropped: it would turn into today
        ("whenever", "unsure"),
        ("banana", "unrecognised"),
    ],
)
def test_why_a_text_is_not_a_date(text: str, code: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_start_date(text, today=date(2026, 11, 25))
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the brief's examples (today is Wednesday 25 November 2026)
        ("idk like 2 weeks ago", date(2026, 11, 11)),
        ("the 20th", date(2026, 11, 20)),
        ("sunday just gone", date(2026, 11, 22)),
        ("a week last tuesday", date(2026, 11, 17)),
        ("on 3/11", date(2026, 11, 3)),
        # more of the kind
        ("the sunday just gone", date(2026, 11, 22)),
        ("two weeks last friday", date(2026, 11, 6)),
        ("a fortnight last sunday", date(2026, 11, 8)),
        ("a week yesterday", date(2026, 11, 17)),
        ("2 weeks ago today", date(2026, 11, 11)),
        ("two weeks ago sunday", date(2026, 11, 8)),
        ("this time last week", date(2026, 11, 18)),
        ("the night before last", date(2026, 11, 23)),
        ("it's been 2 weeks now", date(2026, 11, 11)),
        ("a couple weeks ago", date(2026, 11, 11)),
        ("like 2 wks ago", date(2026, 11, 11)),
        ("3/11/26", date(2026, 11, 3)),
        ("on the 2nd", date(2026, 11, 2)),
    ],
)
def test_a_date_said_the_way_people_talk(text: str, expected: date) -> None:
    assert parse_start_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2 weeks from now", "future"),
        ("next tuesday", "future"),
        ("on 3/12/2026", "future"),
        ("the 32nd", "impossible"),
        ("6 years last tuesday", "too_old"),
        ("a week on tuesday", "unrecognised"),  # "tuesday week": still to come
        ("a week last", "unrecognised"),
        ("a few weeks ago", "unrecognised"),
    ],
)
def test_near_miss_dates_are_refused(text: str, code: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_start_date(text, today=TODAY)
    assert info.value.code == code


def test_the_20th_in_the_future_is_last_month() -> None:
    assert parse_start_date("the 20th", today=date(2026, 11, 10)) == date(2026, 10, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i dont know what day it was, like 2 weeks ago?", date(2026, 11, 11)),
        ("2 weeks ago i think", date(2026, 11, 11)),
        ("hmm maybe last friday", date(2026, 11, 20)),
        ("he left me 3 days ago", date(2026, 11, 22)),
        ("idk like 5 days", date(2026, 11, 20)),
        ("about a month ago maybe", date(2026, 10, 25)),
        ("yesterday", date(2026, 11, 24)),  # a plain date too
    ],
)
def test_a_start_date_said_inside_an_answer_is_found(text: str, expected: date) -> None:
    assert find_start_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["not today", "i think it was 2", "i dont know", "honestly no idea", "in 3 days",
     "a week on tuesday", "tomorrow", "i saw him today at the gym and he ignored me"],
)
def test_what_holds_no_start_date_is_not_one(text: str) -> None:
    assert find_start_date(text, today=TODAY) is None


def test_a_sentence_is_not_a_date_for_the_strict_parser() -> None:
    with pytest.raises(DateParseError):
        parse_start_date("i saw him today at the gym and he ignored me", today=TODAY)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("until friday", 2), ("till tomorrow", 1), ("until wednesday", 7),
        # a pause until a holiday ends on it; "after" it, the day after
        ("until christmas", 30), ("until after christmas", 31), ("till xmas", 30),
        ("until new year", 37), ("until after new year's", 38), ("till boxing day", 31),
        ("until soon", None), ("over christmas", None), ("christmas", None),
        # session 39: a day of the month, the weekend, and said unsurely (TODAY: Wed 25 Nov)
        ("until the 10th", 15), ("this weekend", 5), ("idk like until the 10th?", 15),
        ("maybe till friday?", 2), ("idk", None),
    ],
)
def test_days_until_a_named_day(text: str, days: int | None) -> None:
    from bot.services.dates import days_until

    assert days_until(text, TODAY) == days


@pytest.mark.parametrize(("text", "expected"), [
    ("valentines day", date(2026, 2, 14)),
    ("since halloween", date(2026, 10, 31)),
    ("christmas eve", date(2025, 12, 24)),  # this year's is still ahead
    ("new years eve", date(2025, 12, 31)),
    ("thanksgiving", date(2026, 11, 26)),  # the fourth Thursday of November
    ("last christmas", date(2025, 12, 25)),
    # a day or a length on either side of one
    ("the day after valentines", date(2026, 2, 15)),
    ("2 days before christmas", date(2025, 12, 23)),
    ("a week after new year", date(2026, 1, 8)),
    ("2 days after last friday", date(2026, 11, 29)),
])
def test_days_people_date_things_by(text: str, expected: date) -> None:
    assert find_start_date(text, today=date(2026, 12, 1)) == expected


@pytest.mark.parametrize("text", ["the day after tomorrow", "a week after yesterday"])
def test_a_day_around_one_still_ahead_is_refused_as_future(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_start_date(text, today=date(2026, 12, 1))


@pytest.mark.parametrize(("text", "expected"), [
    ("11/12", date(2026, 11, 12)),  # day first is 11 December 2025, Day 357: month first
    ("11/10", date(2026, 10, 11)),  # both recent enough: day first, as most of the world
    ("3/4", date(2026, 4, 3)),  # both far back: day first
    ("11.12.", date(2025, 12, 11)),  # dots and dashes are only ever day first
    ("11-12", date(2025, 12, 11)),
])
def test_a_slash_date_readable_both_ways_is_the_plausible_one(text: str, expected: date) -> None:
    assert parse_start_date(text, today=date(2026, 12, 2)) == expected


def test_a_date_from_another_year_is_said_with_its_year() -> None:
    today = date(2026, 12, 2)
    assert long_date(date(2025, 12, 11), today) == "Thursday 11 December 2025"
    assert long_date(date(2026, 11, 12), today) == "Thursday 12 November"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("it started the 28th not monday", date(2026, 11, 28)),
     ("it was the 28th, not monday", date(2026, 11, 28)),
     ("not monday", None), ("i did not", None)],
)
def test_a_day_taken_back_with_not(typed: str, expected: date | None) -> None:
    assert find_start_date(typed, today=date(2026, 12, 4)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a helper's terminal chat: the hour of the day made the date unreadable
        ("actually it was sunday night, like 11pm", date(2026, 11, 22)),
        ("sunday at 11pm", date(2026, 11, 22)),
        ("monday 23:30", date(2026, 11, 23)),
        ("the 20th around midnight", date(2026, 11, 20)),
        ("oh wait it was 3 days ago", date(2026, 11, 22)),
        # a date written with a dot is not an hour
        ("20.11", date(2026, 11, 20)),
    ],
)
def test_an_hour_and_a_correction_word_beside_the_date_are_let_be(
    text: str, expected: date
) -> None:
    assert parse_start_date(text, today=TODAY) == expected


def test_an_hour_alone_is_no_date() -> None:
    with pytest.raises(DateParseError):
        parse_start_date("11pm", today=TODAY)


def test_last_weekend_said_on_a_sunday_is_the_one_before() -> None:
    sunday = date(2026, 11, 29)
    assert parse_start_date("last weekend", today=sunday) == date(2026, 11, 21)
    assert parse_start_date("the weekend", today=sunday) == date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a feeling told with "today" is no start date (a session-30 chat: the count reset)
        ("me siento muy sola hoy", None),
        ("i feel so alone today", None),
        # ... but the last contact told with it is, and "now" at the end of a sentence is not
        ("last contact was today", TODAY),
        ("i stopped talking to him today", TODAY),
        ("it was today", TODAY),
        ("the last thing i need right now", None),
        # "sunday before last": the Sunday a week before last Sunday (TODAY is a Wednesday)
        ("sunday before last", date(2026, 11, 15)),
        ("week before last", TODAY - timedelta(days=14)),
    ],
)
def test_a_day_said_inside_a_sentence(text: str, expected: date | None) -> None:
    assert find_start_date(text, today=TODAY) == expected


def test_a_start_date_said_before_what_happened_that_day_is_read() -> None:
    from datetime import date

    from bot.services.dates import find_start_date

    today = date(2026, 12, 5)
    told = "well it was the 3rd of November, thats when he moved his things out"
    assert find_start_date(told, today=today) == date(2026, 11, 3)
    # a date in a later clause as well: not guessed between them
    assert find_start_date("the 3rd of November, or maybe the 10th", today=today) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Session 33's chats in other languages: each got "I couldn't read that as a date"
        ("hace 5 dias", date(2026, 12, 1)),
        ("hace dos semanas", date(2026, 11, 22)),
        ("há 10 dias", date(2026, 11, 26)),
        ("il y a 3 semaines", date(2026, 11, 15)),
        ("vor einer woche", date(2026, 11, 29)),
        ("5 giorni fa", date(2026, 12, 1)),
        ("7 hari yang lalu", date(2026, 11, 29)),
        ("seminggu yang lalu", date(2026, 11, 29)),
        ("2 din pehle", date(2026, 12, 4)),
        ("3 araw na ang nakalipas", date(2026, 12, 3)),
        ("kahapon lang", date(2026, 12, 5)),
        ("1 de diciembre", date(2026, 12, 1)),
        ("dia 2 de novembro", date(2026, 11, 2)),
        ("am 1. dezember", date(2026, 12, 1)),
    ],
)
def test_dates_in_other_languages_are_read(text: str, expected: date) -> None:
    assert parse_start_date(text, today=date(2026, 12, 6)) == expected


def test_an_unknown_word_before_ago_in_another_language_is_not_guessed() -> None:
    with pytest.raises(DateParseError):
        parse_start_date("hace muchos dias", today=date(2026, 12, 6))
