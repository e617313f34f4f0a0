"""Session 44's rules, one by one: a length of No Contact doubted or done before is no start
date; "no i dont have a plan" is no plan yet; "idk. alone." is no one to reach; the FAQ word
model's pick joins a told message's placing only with ground under it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.services.dates import DateParseError, find_start_date, parse_start_date
from bot.services.faq import FaqMatcher
from bot.services.reading import setting_asked
from bot.services.safety_answers import (
    has_no_plan_yet,
    is_no_one,
    is_unreachable,
    threat_repeated,
)
from bot.services.smalltalk import classify_smalltalk

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    "text",
    [
        "i dont think i can do 30 days honestly",
        "i can't do 30 days",
        "can i really do 30 days?",
        "will i make it 30 days",
        "i did 30 days last time",
        "30 days feels like forever",
        "how do i last 30 days without him",
    ],
)
def test_a_length_to_do_is_no_start_date(text: str) -> None:
    assert find_start_date(text, today=TODAY) is None
    with pytest.raises(DateParseError):
        parse_start_date(text, today=TODAY)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("30 days ago", date(2026, 10, 26)),
        ("its been 30 days", date(2026, 10, 26)),
        ("i've done 3 days", date(2026, 11, 22)),
        ("i made it 12 days", date(2026, 11, 13)),
        ("i cant believe its been 10 days", date(2026, 11, 15)),
    ],
)
def test_days_gone_by_still_date_the_start(text: str, start: date) -> None:
    assert find_start_date(text, today=TODAY) == start


@pytest.mark.parametrize(
    "text", ["no i dont have a plan", "dont have one", "no plan", "nope no plan yet",
             "i never made one"]
)
def test_no_plan_yet(text: str) -> None:
    assert has_no_plan_yet(text)


@pytest.mark.parametrize(
    "text", ["no", "no im not safe", "i have a plan", "i dont have a plan to kill myself",
             "no i dont have a plan. i just want it to stop"]
)
def test_not_just_no_plan_yet(text: str) -> None:
    assert not has_no_plan_yet(text)


@pytest.mark.parametrize(
    "text", ["idk. alone. my roommate is away", "idk alone", "nobody here. my flatmate is away"]
)
def test_alone_told_in_a_sentence_of_its_own_is_no_one(text: str) -> None:
    assert is_no_one(text)


def test_a_call_unanswered_is_still_that_and_not_no_one() -> None:
    text = "i called and nobody picked up. alone"
    assert not is_no_one(text)
    assert is_unreachable(text)


CONTENT = load_content()
MATCHER = FaqMatcher(list(CONTENT.faq_entries.values()))


@pytest.mark.parametrize(
    "text", ["day 12 and i miss him so much", "i miss her so much today", "i miss her"]
)
def test_missing_them_told_is_not_offered_the_answer_about_pets(text: str) -> None:
    match = MATCHER.match(text)
    assert "pets" not in match.ids, match
    assert "loneliness" in match.ids, match


def test_a_question_about_the_dog_still_reaches_pets() -> None:
    assert "pets" in MATCHER.match("who keeps the dog after we split up?").ids


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("day 28!! almost there", "good_news"),
        ("day 15, halfway there", "good_news"),
        ("sorry i keep doing this", "apology"),
        ("sorry for all the questions", "apology"),
        ("are you even real", "about"),
        ("what model are you. chatgpt?", "about"),
        ("still day 9 right? i didnt mess it up", "status"),
    ],
)
def test_small_talk_of_a_blind_play_test(text: str, kind: str) -> None:
    assert classify_smalltalk(text) == kind


@pytest.mark.parametrize(
    "text", ["sorry i keep thinking about him", "what model should i use for my essay"]
)
def test_more_than_small_talk(text: str) -> None:
    assert classify_smalltalk(text) is None


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("also the reminders come at like 8am and im asleep. remind me at 9pm instead",
         ("time", "9pm")),
        ("8am is too early!! change my reminder to 10am", ("time", "10am")),
    ],
)
def test_a_setting_asked_after_saying_why_is_asked(
    text: str, asked: tuple[str, str | None]
) -> None:
    assert setting_asked(text) == asked


@pytest.mark.parametrize(
    "text", ["i miss him so much. make time for myself", "he texted me at 9. i didnt reply"]
)
def test_a_last_sentence_that_asks_no_setting(text: str) -> None:
    assert setting_asked(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "he's said it again. third time tonight",
        "he said it once before when i tried to leave and i went back",
        "he keeps texting that he will do it",
        "every time i try to leave he says this",
    ],
)
def test_the_threat_again(text: str) -> None:
    assert threat_repeated(text)


@pytest.mark.parametrize("text", ["he said he would", "i said it before", "im scared"])
def test_not_the_threat_again(text: str) -> None:
    assert not threat_repeated(text)
