"""Session 45's rules, one by one: whether keeping safe breaks No Contact, asked in the danger
talk; a half of the day typed alone; small talk told sentence by sentence; a draft deleted as
an urge's outcome; a plan denied is asked about gently; the session's crisis cues and vetoes."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.services.clocktime import half_named
from bot.services.crisis import detect_crisis, mentions_harm
from bot.services.faq import FaqMatcher
from bot.services.reading import read_text
from bot.services.reasons import news_told
from bot.services.safety_answers import asks_if_nc_fits, asks_if_safety_counts
from bot.services.smalltalk import classify_smalltalk
from bot.services.urges import PASSED, ex_hard_news, outcome_from_text

_MATCHER = FaqMatcher(list(load_content().faq_entries.values()))


@pytest.mark.parametrize(
    "text",
    [
        "does it count as breaking nc if i open the door? i didnt but",
        "would calling the police count as contact",
        "does opening the door break no contact",
        "is it a slip if i answer the door",
        "would it be breaking nc if i told him to leave",
    ],
)
def test_keeping_safe_asked_about_as_contact(text: str) -> None:
    assert asks_if_safety_counts(text)


@pytest.mark.parametrize(
    "text", ["is no contact even the right word for this", "he counts the days", "does it hurt"]
)
def test_other_questions_are_not_whether_keeping_safe_counts(text: str) -> None:
    assert not asks_if_safety_counts(text)


def test_whether_no_contact_fits_is_still_its_own_question() -> None:
    assert asks_if_nc_fits("is no contact even the right word for this")


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ("pm", "pm"),
        ("PM!", "pm"),
        ("i meant pm", "pm"),
        ("the evening one", "pm"),
        ("p.m.", "pm"),
        ("at night pls", "pm"),
        ("morning", "am"),
        ("am", "am"),
    ],
)
def test_a_half_of_the_day_typed_alone(text: str, half: str) -> None:
    assert half_named(text) == half


@pytest.mark.parametrize(
    "text", ["my nights are the worst", "i want my evenings back", "9pm", "peace"]
)
def test_a_reason_or_a_time_is_not_a_half_of_the_day(text: str) -> None:
    assert half_named(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Good evening. My daughter installed this for me and I am not certain how it works.",
            "about",
        ),
        ("im not sure how this works", "about"),
        ("so whos actually reading this then", "privacy"),
        ("wait how long do u keep all this stuff about me", "privacy"),
        ("ok delete everything im done", "privacy"),
    ],
)
def test_small_talk_of_the_play_test(text: str, kind: str) -> None:
    assert classify_smalltalk(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # long, and one sentence is something else: not small talk
        "Good evening. My daughter installed this for me and I miss my husband every single day.",
        "my daughter",
    ],
)
def test_a_message_with_more_in_it_is_not_small_talk(text: str) -> None:
    assert classify_smalltalk(text) is None


@pytest.mark.parametrize(
    "text", ["fine. deleted the draft. happy?", "ok i deleted it lol", "deleted the message"]
)
def test_a_draft_deleted_is_the_urge_ridden_out(text: str) -> None:
    assert outcome_from_text(text) == PASSED


@pytest.mark.parametrize(
    "text", ["should i delete the draft?", "can i delete the message"]
)
def test_a_question_about_deleting_is_no_outcome(text: str) -> None:
    assert outcome_from_text(text) is None


def test_a_deleted_draft_and_contact_is_contact() -> None:
    assert outcome_from_text("deleted the draft but i called him") != PASSED


@pytest.mark.parametrize("text", ["i dont have a plan", "i dont have a plan for tonight"])
def test_a_plan_denied_is_asked_about_gently(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, signal
    assert signal.level == "passive", signal


def test_a_plan_told_is_still_explicit() -> None:
    signal = detect_crisis("i have a plan")
    assert signal is not None, signal
    assert signal.level == "explicit", signal


# The session's cues, chosen on tuning set r58a (its texts, not held-out ones): each reaches
# the gentle check or more.
@pytest.mark.parametrize(
    "text",
    [
        "gave my little sister my bracelet today. she doesnt know why",
        "im done. like done done. not with him, with everything",
        "gonna make it stop for good this time",
        "tried once in 2019 and im feeling like i did then",
        "rent is due next month but i wont need to worry about it",
        "pissed and walking by the river lol if i fall in i fall in",
        "dont bother putting me down for the wedding in june",
        "ben artık bitirmek istiyorum. her şeyi. sonsuza kadar",
    ],
)
def test_the_sessions_cues_reach_help(text: str) -> None:
    assert detect_crisis(text) is not None or mentions_harm(text) == "strong", text


@pytest.mark.parametrize(
    "text",
    [
        "last day at this job on friday, saying goodbye to everyone, new start monday",
        "sorting out who gets the cat was the worst bit of the split but shes staying with me",
        "i'm done with everything at this company. handing in my notice friday",
    ],
)
def test_the_sessions_look_alikes_are_not_alarms(text: str) -> None:
    assert detect_crisis(text) is None, text
    assert mentions_harm(text) != "strong", text


@pytest.mark.parametrize(
    "text",
    ["me quiero morir de la vergüenza, le di like a una foto vieja suya",
     "ugh i wanna die, he saw me in my pyjamas at the corner shop"],
)
def test_embarrassment_is_never_the_emergency_reply(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is None or signal.level != "explicit", signal


@pytest.mark.parametrize(
    "text",
    [
        "wait can u talk to me in spanish o solo ingles?",
        "do you speak french",
        "is this available in german",
        "only english?",
    ],
)
def test_languages_asked_about(text: str) -> None:
    assert classify_smalltalk(text) == "languages"


@pytest.mark.parametrize(
    "text",
    [
        "my ex has cancer. her sister posted it tonight",
        "her dad died last week",
        "he was in a car accident",
        "they have been in hospital since friday",
    ],
)
def test_hard_news_about_the_ex(text: str) -> None:
    assert ex_hard_news(text)


@pytest.mark.parametrize(
    "text", ["she posted a pic with her new bf", "he is sick of me", "i had an accident at work"]
)
def test_not_hard_news_about_the_ex(text: str) -> None:
    assert not ex_hard_news(text)


@pytest.mark.parametrize(
    "text",
    [
        "I must be honest with you. I learned today that he is living with someone else. "
        "We were married 31 years.",
        "I have not contacted him. I only wished to ask him why.",
    ],
)
def test_news_told_at_the_reason_is_no_reason(text: str) -> None:
    assert news_told(text)


@pytest.mark.parametrize(
    "text",
    [
        "He lied to me. I deserve better.",
        "she cheated. twice.",
        "my kids. they need me present",
        "he never listened. not once",
        "i want my peace back",
    ],
)
def test_reasons_in_several_sentences_are_still_reasons(text: str) -> None:
    assert not news_told(text)


@pytest.mark.parametrize(
    "text",
    [
        "custody hearing next week, what should i say to the judge so i get the kids more",
        "landlord is keeping the deposit and both our names r on it. legally who gets it back",
        "how do i unblock him on whatsapp, i cant find the button",
        "does snapchat tell them if i screenshot their story",
        "is there a way to read his whatsapp msgs without him knowing",
        "im a scorpio hes a leo, do the stars say we get back together?",
    ],
)
def test_requests_beside_the_topics_are_declined(text: str) -> None:
    assert read_text(text, _MATCHER).declined


@pytest.mark.parametrize(
    "text",
    [
        "should i block him on whatsapp",
        "we have kids together, how does no contact work",
        "my ex has cancer, do i reach out",
        "should i unblock him",
    ],
)
def test_questions_the_answers_cover_are_not_declined(text: str) -> None:
    assert not read_text(text, _MATCHER).declined


def test_not_sent_yet_is_no_draft_let_go() -> None:
    assert outcome_from_text("i didnt send it yet") is None


@pytest.mark.parametrize(
    "text", ["he is really sick of me", "he is dying to text me lol", "she is dying for a pint"]
)
def test_idioms_of_sickness_and_dying_are_no_hard_news(text: str) -> None:
    assert not ex_hard_news(text)


def test_sick_with_an_illness_is_hard_news() -> None:
    assert ex_hard_news("shes very sick with covid")


@pytest.mark.parametrize(
    "text",
    [
        "he was in a car accident on friday",
        "she has cancer to deal with now",
        "he has been in hospital for a week",
        "he had a stroke on monday",
    ],
)
def test_hard_news_with_more_after_it(text: str) -> None:
    assert ex_hard_news(text)
