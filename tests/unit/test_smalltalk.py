"""Ordinary chat gets a natural reply; anything more goes on to the FAQ or the urge flow."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
import yaml

from bot.services.faq import validate_faq_content
from bot.services.smalltalk import SmalltalkKind, classify_smalltalk

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hi", "greeting"),
        ("Hey there", "greeting"),
        ("hello!!", "greeting"),
        ("good morning", "greeting"),
        ("yo", "greeting"),
        ("thanks!!", "thanks"),
        ("ty", "thanks"),
        ("thank you so much", "thanks"),
        ("thx 🙏", "thanks"),
        ("that helped, thanks", "thanks"),
        ("ok", "ok"),
        ("okay", "ok"),
        ("cool", "ok"),
        ("got it", "ok"),
        ("k", "ok"),
        ("good night", "bye"),
        ("gn", "bye"),
        ("bye!", "bye"),
        ("see u later", "bye"),
        ("thanks, bye", "bye"),
        ("how are you", "how_are_you"),
        ("how r u?", "how_are_you"),
        ("hey, how are you doing?", "how_are_you"),
        ("what's up", "how_are_you"),
        ("ok thanks", "thanks"),
        ("lol", "ok"),
        ("haha ok", "ok"),
        ("what can you do?", "about"),
        ("hi, what can you do", "about"),
        ("how does this work", "about"),
        ("are you a real person?", "about"),
        ("is this a bot", "about"),
        ("who are you", "about"),
        ("help", "about"),
        ("what's this bot for", "about"),
    ],
)
def test_small_talk_is_recognised(text: str, kind: str) -> None:
    assert classify_smalltalk(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hi, my ex texted me",
        "ok but what if he texts",
        "thanks for nothing, this doesn't help at all",
        "I want to die",
        "good night, I'm going to text him",
        "what can you do if he texts first",
        "help me stop checking his instagram",
        "how long is no contact",
        "im fine but i miss him",
        "i'm not fine",
        "hey " * 40,
    ],
)
def test_anything_more_is_not_small_talk(text: str) -> None:
    assert classify_smalltalk(text) is None


def test_every_kind_has_reply_variants() -> None:
    content = validate_faq_content(yaml.safe_load((ROOT / "content" / "faq.yaml").read_text()))
    assert set(content.smalltalk) == set(get_args(SmalltalkKind))
    assert all(len(v) >= 3 for v in content.smalltalk.values())
    assert len(content.out_of_scope) >= 2
    assert len(content.did_you_mean) >= 2
    assert len(content.menu_intro) >= 2


@pytest.mark.parametrize(
    "text",
    ["i feel a bit better now", "feeling better today", "good day today",
     "i didnt text him today", "i made it through the day", "thanks, i feel better now",
     "today was good", "proud of myself",
     "made it through the whole weekend without checking his page",
     "didn't check her last seen once today 💪", "day 12 done", "3 weeks nc and counting",
     "2 weeks no contact today", "i think im doing better actually", "i'm doing better today"],
)
def test_progress_shared_is_good_news(text: str) -> None:
    assert classify_smalltalk(text) == "good_news"


@pytest.mark.parametrize(
    "text",
    ["i feel better but i still miss him", "i feel so stupid", "i feel good about blocking him",
     "better", "i am not better", "how do i get through the night without texting him",
     "i made it through the day but i want to text him so bad",
     "day 10 and i still miss him", "3 weeks no contact, will he come back?",
     # a restart is not a win to cheer, and a bare "i will not" may refuse something else
     "day 1 again", "i will not"],
)
def test_mixed_or_other_feelings_are_not_good_news(text: str) -> None:
    assert classify_smalltalk(text) != "good_news"


@pytest.mark.parametrize("text", ["i love you", "love u", "you're the best", "good bot",
                                  "thanks, i love you", "you are so kind"])
def test_warmth_for_the_bot_is_fond(text: str) -> None:
    assert classify_smalltalk(text) == "fond"


@pytest.mark.parametrize("text", ["i love him", "i miss you", "i love you but you left me",
                                  "you are the best thing that happened to me"])
def test_warmth_about_the_ex_is_not_small_talk(text: str) -> None:
    assert classify_smalltalk(text) != "fond"


@pytest.mark.parametrize("text", ["what's your name", "whats your name?", "who made you"])
def test_asking_who_the_bot_is_is_about(text: str) -> None:
    assert classify_smalltalk(text) == "about"



@pytest.mark.parametrize("text", ["what day am i on", "how many days has it been",
                                  "whats my streak", "how long have i been in no contact"])
def test_asking_for_the_count_is_status(text: str) -> None:
    assert classify_smalltalk(text) == "status"


@pytest.mark.parametrize("text", ["how many days until i stop missing him",
                                  "how long has it been since we broke up", "what day is it"])
def test_other_questions_of_days_are_not_status(text: str) -> None:
    assert classify_smalltalk(text) != "status"


@pytest.mark.parametrize("text", ["the silence is killing me", "not knowing is eating me up",
                                  "i feel so stupid", "missing him is tearing me apart"])
def test_feelings_told_in_figures_of_speech_are_feelings(text: str) -> None:
    from bot.services.smalltalk import shares_a_feeling

    assert shares_a_feeling(text)


@pytest.mark.parametrize(("text", "kind"), [
    ("you dont understand", "not_understood"), ("you are useless", "not_understood"),
    ("that didnt help", "not_understood"), ("i need help", "help_bid"),
    ("do you actually care", "bot_care"),
    # a bare "useless" may be about themselves: not taken as a complaint about the bot
    ("useless", None), ("i feel useless", None),
])
def test_calls_for_help_and_misses_named(text: str, kind: str | None) -> None:
    assert classify_smalltalk(text) == kind


@pytest.mark.parametrize(
    "text",
    ["ok dank je", "dzięki", "sağol", "tesekkurler", "спасибо!", "شكرا", "tack", "cảm ơn",
     "ありがとう"],
)
def test_thanks_in_other_languages_is_thanks(text: str) -> None:
    # a helper's chats, session 40: "dzieki" got "What would help most in the next few
    # minutes?", "ok dank je" "What feels heaviest?"
    assert classify_smalltalk(text) == "thanks"
