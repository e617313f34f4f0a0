"""Session 46's rules, one by one: pills at hand told beside a plan denied are means at hand;
a request for the law's side of a breakup is declined with where such help is found; the daily
messages and privacy asked about in words; several times named at set-up; a start date's typo
corrected in words; an urge back; his bar; a strength in Spanish; the check's new cues and
vetoes (tuning set r59a, its texts, never round 59's); the session's small talk."""

from __future__ import annotations

from datetime import time

import pytest

from bot.core.content import load_content
from bot.services.clocktime import clock_times_named, find_clock_time
from bot.services.crisis import detect_crisis, mentions_harm
from bot.services.faq import FaqMatcher
from bot.services.listening import asks_streak_reset, dark_words, logistics_asked
from bot.services.message_asks import asks_how, daily_ask
from bot.services.privacy_asks import privacy_asked
from bot.services.reading import read_text
from bot.services.safety_answers import at_the_door
from bot.services.smalltalk import classify_smalltalk
from bot.services.urge_detect import detect_urge
from bot.services.urges import parse_strength, trigger_from_text

_MATCHER = FaqMatcher(list(load_content().faq_entries.values()))


@pytest.mark.parametrize(
    "text",
    [
        "i dont have a plan but i have the pills here",
        "i dont have a plan. but ive got all the pills out on the table",
        "i have the pills here ready",
        "got a whole box here, ready",
    ],
)
def test_pills_at_hand_beside_a_plan_or_a_readiness_are_means_at_hand(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert signal.kind == "self_harm", text
    assert signal.level == "explicit", text


@pytest.mark.parametrize(
    "text",
    [
        "i have the pills here for my headache, ready for bed",
        "i have my pills here, took them as prescribed, ready for bed",
        "i have the pills here but i took them with food as directed",
    ],
)
def test_pills_at_hand_for_a_headache_or_as_prescribed_are_not_means(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is None or signal.level != "explicit", text


def test_a_plan_denied_alone_is_still_only_asked_about_gently() -> None:
    signal = detect_crisis("i dont have a plan")
    assert signal is not None
    assert signal.level == "passive"


@pytest.mark.parametrize(
    "text",
    [
        "can you help me with my divorce papers, what form do I need",
        "what are my legal rights if he wont move out",
        "do i need a lawyer for the custody hearing",
    ],
)
def test_the_laws_side_of_a_breakup_is_declined_as_a_professionals(text: str) -> None:
    reading = read_text(text, _MATCHER)
    assert reading.declined, text
    assert reading.professional, text


@pytest.mark.parametrize(
    "text", ["can you write me a python script", "whats the capital of peru"]
)
def test_other_requests_are_declined_without_a_professional(text: str) -> None:
    reading = read_text(text, _MATCHER)
    assert reading.declined, text
    assert not reading.professional, text


# ----------------------------------------------------------------------- the daily messages


@pytest.mark.parametrize(
    ("text", "kind", "until"),
    [
        (
            "hey can u stop the daily msgs while im away? leaving friday, back on the 20th",
            "pause",
            "until the 20th",
        ),
        ("can you pause the reminders for a week", "pause", "a week"),
        ("no more daily messages till sunday pls", "pause", "until sunday"),
        ("skip the daily tomorrow", "pause", None),
        ("ok wait how do i turn it back on when i land", "resume", None),
        ("turn them back on", "resume", None),
        ("actually will it still count my days tho", "count_kept", None),
        ("do my days still count if i pause", "count_kept", None),
        ("and the time zone is different there does that mess it up", "trip", None),
        ("how do i make the daily msg come earlier", "time", None),
        ("can you send the reminders earlier", "time", None),
    ],
)
def test_the_daily_messages_asked_about_in_words(
    text: str, kind: str, until: str | None
) -> None:
    asked = daily_ask(text)
    assert asked is not None, text
    assert asked.kind == kind, text
    assert asked.until == until, text


@pytest.mark.parametrize(
    "text",
    [
        "i want to stop texting him",
        "the messages from him come later at night",
        "can i text him later",
        "i need to stop checking his texts",
        "i keep checking my messages",
        "stop the pain",
        "will it still hurt later",
    ],
)
def test_the_ex_and_other_messages_are_not_the_daily_ones(text: str) -> None:
    assert daily_ask(text) is None, text


def test_how_to_is_told_from_a_request() -> None:
    assert asks_how("ok wait how do i turn it back on when i land")
    assert not asks_how("turn them back on")


# ------------------------------------------------------------------------------ privacy


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("like every msg i send?? all of them saved somewhere", "kept"),
        ("do you save what i write", "kept"),
        ("is everything i type here kept forever", "kept"),
        ("and if i delete is it actually gone or just hidden", "gone"),
        ("if i /delete is it really erased", "gone"),
    ],
)
def test_what_is_kept_and_whether_delete_erases_asked(text: str, kind: str) -> None:
    assert privacy_asked(text) == kind, text


@pytest.mark.parametrize(
    "text",
    [
        "if i delete his photos are they gone forever",
        "i deleted everything, it is gone",
        "all the messages he sent are saved in my phone",
        "should i delete his number",
    ],
)
def test_their_own_things_and_things_told_are_not_privacy_asked(text: str) -> None:
    assert privacy_asked(text) is None, text


# ------------------------------------------------------------------------ set-up, times


def test_several_times_named_are_all_found_earliest_first() -> None:
    assert clock_times_named("uhh 9pm? or 9am idk whichever is less sad") == [
        time(9, 0),
        time(21, 0),
    ]
    assert clock_times_named("7:30am before the kids wake up") == [time(7, 30)]
    assert find_clock_time("9pm or 9am") is None  # two: not one of them picked


@pytest.mark.parametrize(
    "text",
    [
        "i stopped on the 3rd of march not the 30th, typo",
        "can u just change it to march 3",
        "start date = 3 march pls",
        "change it to the 3rd pls",
    ],
)
def test_a_start_dates_typo_corrected_in_words(text: str) -> None:
    assert read_text(text, _MATCHER).start_correction, text


@pytest.mark.parametrize(
    "text",
    ["i stopped drinking on the 3rd of march", "change it to 9pm", "set my alarm to march 3"],
)
def test_other_dates_and_times_are_no_start_correction(text: str) -> None:
    assert not read_text(text, _MATCHER).start_correction, text


# --------------------------------------------------------------------- urges and triggers


@pytest.mark.parametrize(
    "text",
    [
        "no its back. worse. i already typed the whole thing its sitting in my drafts",
        "the urge is back",
        "the craving came back",
        "i typed a whole message to him, its in my drafts",
        "what if i text him",
        "what if i just send hey",
    ],
)
def test_an_urge_back_or_a_draft_waiting_is_an_urge(text: str) -> None:
    assert detect_urge(text), text


@pytest.mark.parametrize(
    "text",
    ["the pain is back", "my ex is back in town", "i deleted the draft", "what if he texts me"],
)
def test_other_things_back_are_no_urge(text: str) -> None:
    assert not detect_urge(text), text


def test_his_bar_is_his_and_my_bar_is_a_drink() -> None:
    assert trigger_from_text("his story just popped up, hes at the bar we go to") == "post"
    assert trigger_from_text("im at the bar") == "alcohol"


@pytest.mark.parametrize(("text", "strength"), [("un 7 creo", 7), ("ich denke 5", 5)])
def test_a_strength_said_in_another_language(text: str, strength: int) -> None:
    assert parse_strength(text) == strength


# ------------------------------------------------------------------ the check's new cues


@pytest.mark.parametrize(
    "text",
    [
        "its not like i have it figured out or anything",
        "i dont have it figured out",
    ],
)
def test_having_it_figured_out_denied_is_asked_about_gently(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert signal.level == "passive", text


def test_having_it_figured_out_is_still_a_plan() -> None:
    signal = detect_crisis("i have it all figured out")
    assert signal is not None
    assert signal.level == "explicit"


@pytest.mark.parametrize(
    "text",
    [
        "exs sister rang me, says he swallowed a load of pills and they cant find him",
        "his mate says hes been talking about ending it since we split",
        "broke nc bc he sent 'i cant do this anymore, bye'. hes not picking up",
    ],
)
def test_the_ex_at_risk_told_by_others_or_in_passing(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert signal.kind == "other_at_risk", text


@pytest.mark.parametrize(
    "text",
    [
        "he took something for his migraine and went to bed",
        "he swallowed his pride and apologised",
        "he took all his stuff last night",
    ],
)
def test_the_ex_taking_something_ordinary_is_no_danger(text: str) -> None:
    assert detect_crisis(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "ready to check out for good. cant start over again",
        "on the edge at the lookout. phones on 4%. bye",
        "after my sisters wedding next week. i wont ruin her day but after that im out",
    ],
)
def test_the_tuning_sets_cues_are_asked_about(text: str) -> None:
    assert mentions_harm(text) == "strong", text


@pytest.mark.parametrize(
    "text",
    [
        "we sat on the edge of the pier watching the sunset",
        "checked out of the hotel early",
        "after that im out of here lol",
        "going to sleep early, dont want to wake up groggy for the interview",
    ],
)
def test_their_look_alikes_are_not(text: str) -> None:
    assert mentions_harm(text) != "strong", text
    assert detect_crisis(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "theres blood everywhere and im kind of scared now",
        "took my whole months prescription an hour ago",
    ],
)
def test_an_attempt_told_plainly_gets_the_lines_at_once(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert signal.level == "explicit", text


@pytest.mark.parametrize(
    "text",
    [
        "cut my finger chopping onions theres blood everywhere lol",
        "took my whole prescription to the pharmacy",
        "the garage rang, car will be ready friday. costing me a fortune",
    ],
)
def test_blood_a_prescription_and_a_garage_in_everyday_use_are_not(text: str) -> None:
    assert detect_crisis(text) is None, text


# ------------------------------------------------------------------------------ smalltalk


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("anyway whats the longest anyones gone no contact on here lol", "others"),
        ("how many people use this", "others"),
        ("am i the only one awake", "others"),
        ("are u even a real person or some script", "about"),
        ("nvm ignore that", "ok"),
        ("fine thats good", "ok"),
    ],
)
def test_the_sessions_small_talk(text: str, kind: str) -> None:
    assert classify_smalltalk(text) == kind, text


def test_a_streak_reset_asked_after_a_slip() -> None:
    assert asks_streak_reset("does that mean i go back to zero?? be honest w me")
    assert not asks_streak_reset("does that mean he is coming back")


def test_a_laugh_is_met_lightly_only_beside_dark_words() -> None:
    assert dark_words("this song is killing me lol")
    assert not dark_words("lol day 12 huh")


def test_kids_logistics_asked_as_a_slip() -> None:
    told = logistics_asked(
        "she just texted asking if i can take them thursday. if i say yes is that a slip"
    )
    assert told is not None
    assert told.kind == "kids"


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("he was outside my building an hour ago. i saw his car", False),
        ("he was outside my door last night and hes back now", True),
        ("hes outside my door right now", True),
    ],
)
def test_seen_at_the_door_hours_ago_is_not_at_the_door_now(text: str, now: bool) -> None:
    assert at_the_door(text) is now, text
