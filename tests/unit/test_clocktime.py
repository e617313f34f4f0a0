import contextlib
from datetime import time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.clocktime import TimeParseError, other_half, parse_clock_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:30", time(21, 30)),
        ("21.30", time(21, 30)),
        ("9.30", time(9, 30)),
        ("9:30", time(9, 30)),
        ("0930", time(9, 30)),
        ("2130", time(21, 30)),
        ("930", time(9, 30)),
        ("9pm", time(21, 0)),
        ("9 pm", time(21, 0)),
        ("9 PM", time(21, 0)),
        ("9:30pm", time(21, 30)),
        ("9:30 p.m.", time(21, 30)),
        ("9.30am", time(9, 30)),
        ("7am!", time(7, 0)),
        ("21h", time(21, 0)),
        ("21h30", time(21, 30)),
        ("19.00h", time(19, 0)),
        ("21 Uhr", time(21, 0)),
        ("21:30:00", time(21, 30)),
        ("9", time(9, 0)),
        ("09", time(9, 0)),
        ("9 30", time(9, 30)),
        ("noon", time(12, 0)),
        ("midday", time(12, 0)),
        ("midnight", time(0, 0)),
        ("Midnight please", time(0, 0)),
        ("9 in the morning", time(9, 0)),
        ("9 in the evening", time(21, 0)),
        ("9 at night", time(21, 0)),
        ("12 at night", time(0, 0)),
        ("1 at night", time(1, 0)),
        ("3 in the afternoon", time(15, 0)),
        ("10 tonight", time(22, 0)),
        ("half past 9", time(9, 30)),
        ("quarter past 9", time(9, 15)),
        ("quarter to 9", time(8, 45)),
        ("quarter to 9 pm", time(20, 45)),
        ("at 8", time(8, 0)),
        ("around 10 please", time(10, 0)),
        ("about 7.15", time(7, 15)),
        ("nine pm", time(21, 0)),
        ("at nine in the evening", time(21, 0)),
        ("8 o'clock", time(8, 0)),
        ("8ish", time(8, 0)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("0am", time(0, 0)),
        ("24:00", time(0, 0)),
    ],
)
def test_parses(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("25:00", "out_of_range"),
        ("9:75", "out_of_range"),
        ("13pm", "out_of_range"),
        ("0pm", "out_of_range"),
        ("24:30", "out_of_range"),
        ("99", "out_of_range"),
        ("21 in the morning", "out_of_range"),
        ("", "unrecognised"),
        ("asdf", "unrecognised"),
        ("12345", "unrecognised"),
        ("9:5", "unrecognised"),
        ("-5", "unrecognised"),
        ("9am in the evening", "unrecognised"),
        ("tomorrow", "unrecognised"),
    ],
)
def test_errors(text: str, code: str) -> None:
    with pytest.raises(TimeParseError) as info:
        parse_clock_time(text)
    assert info.value.code == code


@settings(max_examples=300, deadline=timedelta(milliseconds=200))
@given(st.text(max_size=5000))
def test_never_raises_anything_else(text: str) -> None:
    code: str = "ok"
    try:
        result = parse_clock_time(text)
    except TimeParseError as exc:
        code = exc.code
    else:
        assert isinstance(result, time)
    assert code in {"ok", "unrecognised", "out_of_range"}


@settings(max_examples=200, deadline=timedelta(milliseconds=200))
@given(
    st.lists(
        st.sampled_from(
            [
                "9",
                "21",
                ":",
                ".",
                "30",
                "pm",
                "am",
                "at",
                "half",
                "past",
                "quarter",
                "to",
                "night",
                "in the evening",
                "noon",
                "h",
                "0",
                "12",
                "o'clock",
                "75",
            ]
        ),
        max_size=6,
    )
)
def test_token_soup(words: list[str]) -> None:
    with contextlib.suppress(TimeParseError):
        parse_clock_time(" ".join(words))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("morning", time(8, 0)), ("in the evening", time(19, 0)), ("tonight", time(19, 0)),
     ("at night", time(21, 0)), ("afternoon", time(15, 0))],
)
def test_a_part_of_the_day_alone_means_a_usual_time_for_it(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the brief's examples
        ("before bed like 11ish", time(23, 0)),
        ("in the morning then", time(8, 0)),
        ("around 10 at night", time(22, 0)),
        ("half 9 in the evening", time(21, 30)),
        ("quarter past 7am", time(7, 15)),
        ("9ish pm", time(21, 0)),
        ("noonish", time(12, 0)),
        ("after work like 6", time(18, 0)),
        ("early morning", time(7, 0)),
        ("late evening", time(21, 0)),
        ("10 pm-ish", time(22, 0)),
        # more of the kind: a moment of the day beside a bare hour, or alone
        ("bedtime", time(22, 0)),
        ("at bedtime, like 10:30", time(22, 30)),
        ("before i go to bed, around 11", time(23, 0)),
        ("tonight before bed like 11", time(23, 0)),
        ("before bed like 1", time(1, 0)),
        ("after work", time(18, 0)),
        ("after the kids are in bed", time(20, 30)),
        ("once the baby is asleep like 9", time(21, 0)),
        ("when i get home from work like 7", time(19, 0)),
        ("at lunch like 1", time(13, 0)),
        ("lunchtime", time(12, 0)),
        ("when i wake up", time(7, 0)),
        ("before work like 7", time(7, 0)),
        ("late afternoon", time(17, 0)),
        ("early evening", time(18, 0)),
        ("late at night", time(23, 0)),
        ("half nine", time(9, 30)),
        ("half 7 pm", time(19, 30)),
        ("9 or so", time(9, 0)),
        ("make it 8:30 pm", time(20, 30)),
        ("every day at 9 then", time(9, 0)),
        ("midnightish", time(0, 0)),
        ("11ish before bed", time(23, 0)),
    ],
)
def test_a_time_said_the_way_people_talk(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("25:99", "out_of_range"),
        ("99pm", "out_of_range"),
        ("before bed like 25", "out_of_range"),
        ("half 24 in the evening", "out_of_range"),
        ("after work like 13:75", "out_of_range"),
        ("9 or 10", "unrecognised"),
        ("9am after work", "unrecognised"),
        ("in the morning before bed", "unrecognised"),
        ("half to 9", "unrecognised"),
        ("whenever", "unrecognised"),
        ("bedtime story", "unrecognised"),
    ],
)
def test_near_misses_are_refused(text: str, code: str) -> None:
    with pytest.raises(TimeParseError) as info:
        parse_clock_time(text)
    assert info.value.code == code


@pytest.mark.parametrize(("text", "said"), [
    ("9pm", time(21, 0)), ("after the kids are in bed", time(20, 30)), ("around 10", time(10, 0)),
    ("i want my nights back", None), ("because he cheated in the evening", None),
    ("my kids", None),
])
def test_a_time_and_nothing_more(text: str, said: time | None) -> None:
    from bot.services.clocktime import only_a_time

    assert only_a_time(text) == said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time said in another language (session 35: none of these was read)
        ("a las 10 de la noche", time(22, 0)),
        ("9 y media de la noche", time(21, 30)),
        ("a las 8 de la mañana", time(8, 0)),
        ("a las 5 de la tarde", time(17, 0)),
        ("a las 9 y media", time(9, 30)),
        ("las 10", time(10, 0)),
        ("um 8 Uhr morgens", time(8, 0)),
        ("um 21 Uhr", time(21, 0)),
        ("20 Uhr", time(20, 0)),
        ("8 Uhr abends", time(20, 0)),
        ("halb 9", time(8, 30)),
        ("um halb 9 abends", time(20, 30)),
        ("alle 21", time(21, 0)),
        ("alle 9 di sera", time(21, 0)),
        ("alle 7 di mattina", time(7, 0)),
        ("alle 21:30", time(21, 30)),
        ("jam 9 malam", time(21, 0)),
        ("jam 7 pagi", time(7, 0)),
        ("jam 21.30", time(21, 30)),
        ("raat 10 baje", time(22, 0)),
        ("raat ko 10 baje", time(22, 0)),
        ("subah 8 baje", time(8, 0)),
        ("shaam 7 baje", time(19, 0)),
        ("10 baje", time(10, 0)),  # as a bare "10" is read
        ("à 21h", time(21, 0)),
        ("21h30", time(21, 30)),
        ("à 9h du soir", time(21, 0)),
        ("21 heures", time(21, 0)),
        ("às 22h", time(22, 0)),
        ("às 22h30", time(22, 30)),
        ("9 da noite", time(21, 0)),
        # English as it was
        ("at 9", time(9, 0)),
        ("10", time(10, 0)),
        ("21:00", time(21, 0)),
        ("9pm", time(21, 0)),
        ("2100 hrs", time(21, 0)),
        ("half past 9 in the evening", time(21, 30)),
    ],
)
def test_a_time_said_in_another_language(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the words alone, with no number, say no time
        "alle",
        "jam",
        "baje",
        "a las",
        "de la noche",
        "morgens",
        "abends",
        "raat",
        "subah ko",
        "malam",
        "y media",
        "di sera",
        # look-alikes: a number in a sentence that is not a time
        "traffic jam at 9",
        "a 9 year relationship",
        "las vegas",
        "alle mie amiche",
        "jam 9 malam lagi sama dia",
        "my back is sore at 9",
    ],
)
def test_other_language_words_alone_are_no_time(text: str) -> None:
    with pytest.raises(TimeParseError):
        parse_clock_time(text)


@pytest.mark.parametrize(
    ("text", "evening"),
    [
        ("half 9ish", time(21, 30)),
        ("9", time(21, 0)),
        ("9:30", time(21, 30)),
        ("half past 8", time(20, 30)),
        # the part of the day said, or the hour written the 24-hour way: nothing to offer
        ("09:30", None),
        ("9pm", None),
        ("8am", None),
        ("9 in the morning", None),
        ("9 at night", None),
        ("21:30", None),
        ("12", None),
        ("noon", None),
        ("not a time", None),
    ],
)
def test_the_evening_offered_for_an_hour_said_without_its_half(
    text: str, evening: time | None
) -> None:
    assert other_half(text) == evening
