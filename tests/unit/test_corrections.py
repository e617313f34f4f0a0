"""Changes of mind during set-up: "back", and corrections carried by a cue."""

from __future__ import annotations

from datetime import time

import pytest

from bot.services.clocktime import TimeParseError, parse_clock_time
from bot.services.corrections import corrected_answer, is_back


@pytest.mark.parametrize(
    "text",
    ["back", "Back", "go back", "wait go back", "back please", "can i go back", "oops, back one",
     "previous question", "undo", "back to the date", "hang on go back"],
)
def test_back_in_words(text: str) -> None:
    assert is_back(text)


@pytest.mark.parametrize(
    "text",
    ["i want him back", "take me back to him", "back pain", "feedback", "he came back",
     "go back to him?", "my back hurts", "backstreet boys"],
)
def test_back_inside_a_sentence_is_not_a_step_back(text: str) -> None:
    assert not is_back(text)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("wait actually it was 20.11", "20.11"),
        ("actually it was last sunday", "last sunday"),
        ("sorry it's 2 weeks ago", "2 weeks ago"),
        ("no wait, 20.11", "20.11"),
        ("actually im in london", "london"),
        ("I’m in Tokyo actually", "tokyo"),
        ("wrong timezone, manila", "manila"),
        ("actually make it 9pm", "9pm"),
        ("change the time to 8am", "8am"),
        ("wait 22:00 instead", "22:00"),
    ],
)
def test_the_answer_inside_a_correction(text: str, answer: str) -> None:
    assert corrected_answer(text) == answer


@pytest.mark.parametrize("text", ["9pm", "my mum", "20.11", "london", "i want my peace back"])
def test_no_cue_no_correction(text: str) -> None:
    assert corrected_answer(text) is None


@pytest.mark.parametrize(("text", "cancels"), [
    ("stop", True), ("Stop!", True), ("nevermind", True), ("never mind", True),
    ("ok forget it", True), ("cancel please", True), ("nvm", True),
    ("stop texting me", False), ("i want to stop texting him", False), ("no", False),
    ("stop him", False),
])
def test_stop_in_words(text: str, cancels: bool) -> None:
    from bot.services.corrections import is_cancel

    assert is_cancel(text) is cancels


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a time said back at the zone question (session 35): what the onboarding reads as
        # the next question's answer
        ("no make it 9pm", time(21, 0)),
        ("no, 21:00 please", time(21, 0)),
        ("nah make it 9pm", time(21, 0)),
        ("no make it berlin", None),
        ("no", None),
        ("no i live in berlin", None),
    ],
)
def test_a_time_inside_a_correction(text: str, said: time | None) -> None:
    fix = corrected_answer(text)
    try:
        found = parse_clock_time(fix) if fix is not None else None
    except TimeParseError:
        found = None
    assert found == said
