"""Readings added in session 32, each with the words that must not trigger it."""

from __future__ import annotations

import pytest

from bot.services import listening, reading, slips, urges
from bot.services.safety_answers import (
    not_abuse,
    on_the_way,
    plays_down_danger,
    prepares,
    speaks_of_not_being_around,
)
from bot.services.smalltalk import classify_smalltalk


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he hasn't actually hurt me", True),
        ("he hasnt hurt me yet", True),
        ("its just words", True),
        ("solo son palabras", True),
        ("he's all talk", True),
        ("he never hit me, why did you give me the domestic violence number", False),
        ("he never threatened me", False),
        ("i hurt myself", False),
    ],
)
def test_danger_played_down(text: str, expected: bool) -> None:
    assert plays_down_danger(text) is expected


def test_a_complaint_about_the_danger_path_is_still_not_abuse() -> None:
    assert not_abuse("he never hit me, why did you give me the domestic violence number")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he saw it. he's typing", True),
        ("she just replied", True),
        ("they replied to my story and I answered", False),
        ("hes calling me now", True),
        ("he read it", True),
        ("he saw his friends", False),
        ("i saw his story", False),
        ("they liked my story lol", False),
        ("he left me on read", False),
    ],
)
def test_their_reply_on_its_way(text: str, expected: bool) -> None:
    assert slips.reply_live(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i listened. he says his mom is in the hospital", True),
        ("her dad had a stroke", True),
        ("his mom is really sick", True),
        ("his brother got sick of me", False),
        ("my mom is in the hospital", False),
    ],
)
def test_their_family_ill(text: str, expected: bool) -> None:
    assert listening.their_family_ill(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("should i listen to it", True),
        ("should i read his letter", True),
        ("should i read it or just delete it", True),
        ("should i text him", False),
        ("should i listen to sad music", False),
    ],
)
def test_asks_to_open_theirs(text: str, expected: bool) -> None:
    assert listening.asks_to_open_theirs(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he said i was too much. am i too much?", True),
        ("am i too needy", True),
        ("i ate too much", False),
        ("this is too much", False),
    ],
)
def test_too_much(text: str, expected: bool) -> None:
    assert listening.too_much(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can we stop this", True),
        ("this breathing thing is cringe ngl", True),
        ("not working", True),
        ("stop it please", True),
        ("i want to stop texting him", False),
        ("ok", False),
        ("thanks", False),
    ],
)
def test_wants_the_breathing_to_stop(text: str, expected: bool) -> None:
    assert urges.wants_to_stop(text) is expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("you literally just keep giving me buttons", "too_many_buttons"),
        ("stop with the menus", "too_many_buttons"),
        ("ok. i think i might sleep now", "bye"),
        ("i think i should sleep", "bye"),
        ("i will", None),
        ("i should go", None),
    ],
)
def test_small_talk_added(text: str, kind: str | None) -> None:
    assert classify_smalltalk(text) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "i moved to mexico city last week btw, can u change my timezone",
            ("timezone", "mexico city"),
        ),
        ("i moved to berlin", ("timezone", "berlin")),
        ("i moved on", None),
    ],
)
def test_a_move_told_with_the_request(text: str, expected: tuple[str, str] | None) -> None:
    assert reading.setting_asked(text) == expected


def test_weekly_summary_refused_in_two_words() -> None:
    assert reading.weekly_off("i dont want the sunday summary thing")
    assert not reading.weekly_off("i dont want the sunday to end")


def test_a_start_told_again_needs_a_day_in_it() -> None:
    pattern = reading._DATA.start_correction
    norm = reading.normalize
    assert pattern.search(norm("wait actually i started on nov 28 not dec 1"))
    assert pattern.search(norm("actually i started the 3rd"))
    assert not pattern.search(norm("i actually started therapy on monday"))
    assert not pattern.search(norm("actually i started crying"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he has a knife and he texted that hes coming over. im scared", True),
        ("she is on her way here", True),
        ("he keeps coming over", False),
        ("he is coming to terms with it", False),
        ("my mum is coming over", False),
        ("my ex is driving to my flat rn", True),
        ("he is coming tonight", True),
        ("hes coming to the wedding next month", False),
        ("he is coming home from his trip", False),
    ],
)
def test_on_the_way(text: str, expected: bool) -> None:
    assert on_the_way(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i wont be around to bother anyone soon", True),
        ("doesnt matter much, i wont be around to see day 30 anyway", True),
        ("i wont be around this weekend, im at my mums", False),
    ],
)
def test_not_being_around(text: str, expected: bool) -> None:
    assert speaks_of_not_being_around(text) is expected


def test_affairs_sorted_and_a_pet_placed_are_preparations() -> None:
    assert prepares("ive sorted out my affairs this week. the dog goes to my brother")
    assert not prepares("the dog goes to my brother when i travel")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can we stop, i dont want to do this right now", True),
        ("can we stop now", True),
        ("i'd rather not talk about it actually", True),
        ("can we stop talking about him", False),
        ("i dont want to do this anymore", False),  # may be about life: never a cancel
    ],
)
def test_asked_to_stop_is_a_cancel(text: str, expected: bool) -> None:
    from bot.services.corrections import is_cancel

    assert is_cancel(text) is expected


def test_a_breathing_complaint_is_not_a_panic_attack() -> None:
    from bot.services.panic import is_panic

    assert urges.wants_to_stop("this is stupid i cant breathe like that")
    assert not is_panic("this is stupid i cant breathe like that")
    assert is_panic("i cant breathe")


def test_someone_elses_death_is_not_the_exs() -> None:
    ring = "he still has my grandmother's ring, the one she gave me before she died"
    assert not reading._bereaved(reading.normalize(ring))
    assert reading._bereaved(reading.normalize("my ex passed away last night"))
    assert reading._bereaved(reading.normalize("he died in a car crash yesterday"))


def test_a_story_told_at_the_date_gives_the_clause_that_says_the_ending() -> None:
    from datetime import date

    from bot.services.dates import find_start_date

    today = date(2026, 12, 6)  # a Sunday
    story = (
        "Okay so this is going to be long, sorry. We were together for six years and it ended"
        " three Saturdays ago, the night of my cousin's wedding actually, which is a whole other"
        " story. I haven't messaged him since that night even though I've wanted to about a"
        " hundred times a day."
    )
    assert find_start_date(story, today=today) == date(2026, 11, 21)
    together = "we were together 2 years, i saw him yesterday at the gym"
    assert find_start_date(together, today=today) is None
    assert find_start_date("i text him like 5 times a day", today=today) is None
    assert find_start_date("a couple of sundays ago", today=today) == date(2026, 11, 22)


def test_crying_asked_about_and_waking_up_as_a_time() -> None:
    from bot.services.clocktime import parse_clock_time

    assert listening.asks_if_crying_is_normal("is it normal to still cry on day 20")
    assert not listening.asks_if_crying_is_normal("is it normal that i miss him")
    assert not listening.asks_if_crying_is_normal("i cried all day")
    assert parse_clock_time("whenever i wake up").hour == 7
    assert parse_clock_time("as soon as i wake up").hour == 7


def test_the_word_models_threshold_rises_with_length() -> None:
    from bot.services.crisis_words import WordModel, load_model

    model = WordModel({"x": 60.0}, threshold=56.1, max_words=80, length_slope=2.0, length_from=30)
    assert model.threshold_for(10) == 56.1
    assert model.threshold_for(30) == 56.1
    assert model.threshold_for(40) == 76.1
    assert model.says_crisis(["x"] * 1)
    assert not model.says_crisis(["x"] + ["y"] * 39)  # 60 is under 76.1 at 40 words
    shipped = load_model()
    assert shipped.length_slope > 0
    assert shipped.length_from > 0
