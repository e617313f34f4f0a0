"""Low mood and the body's needs, told: read from the words, never from a question."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.services.listening import (
    ExMessage,
    Logistics,
    asks_if_changed,
    asks_streak_reset,
    body_need,
    ex_message,
    logistics_asked,
    low_mood,
    not_replying,
    others_rush,
    resisting,
    saw_them,
)


@pytest.mark.parametrize(
    "text",
    ["yaar i am just so tired of everything", "whats the point", "i feel so numb",
     "im exhausted", "so fed up with all of this", "nothing matters anymore",
     "cant get out of bed"],
)
def test_low_mood_told(text: str) -> None:
    assert low_mood(text)


@pytest.mark.parametrize(
    "text",
    ["i miss him so much", "i am done with him", "im done", "i feel so stupid",
     "i am tired of waiting for his text? no", "he cheated on me with my best friend"],
)
def test_not_low_mood(text: str) -> None:
    assert not low_mood(text)


@pytest.mark.parametrize(
    ("text", "need"),
    [("i dont even eat properly", "eat"), ("i havent eaten all day", "eat"),
     ("no appetite at all", "eat"), ("i cant sleep", "sleep"), ("up all night again", "sleep"),
     ("i feel sick", "sick"), ("i feel so nauseous", "sick"),
     ("i havent slept and i barely eat", "eat")],
)
def test_body_needs_told(text: str, need: str) -> None:
    assert body_need(text) == need


@pytest.mark.parametrize(
    "text", ["i feel sick of him", "im sick and tired of his games", "we used to eat out a lot"]
)
def test_not_body_needs(text: str) -> None:
    assert body_need(text) is None


@pytest.mark.parametrize(
    ("text", "them", "misses"),
    [("he said: hey. i know you probably dont want to hear from me but i miss you ... can we "
      "talk? please", "him", True),
     ('she wrote "i still think about you every day"', "her", False),
     ("his text says i miss you", "him", True),
     ("omg he just texted: can we talk", "him", False),
     ('my ex sent me this "i am sorry for everything i did"', "them", False),
     ("her message said she misses u and wants to talk", "her", False)],
)
def test_a_message_from_the_ex_is_read_as_theirs(text: str, them: str, misses: bool) -> None:
    assert ex_message(text) == ExMessage(them=them, misses=misses)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["he said he doesnt love me anymore", "he texted me this morning", "i miss him so much",
     'i keep thinking "what if i had stayed longer"', "i really want to text him",
     "she said she needs space"],
)
def test_the_persons_own_words_are_not_the_exs_message(text: str) -> None:
    assert ex_message(text) is None


@pytest.mark.parametrize(
    "text",
    ["but what if he changed", "what if she's different now", "he says he has changed",
     "maybe he really has changed", "people change right"],
)
def test_asks_if_the_ex_changed(text: str) -> None:
    assert asks_if_changed(text)


@pytest.mark.parametrize("text", ["i have changed so much", "what if i change my mind"])
def test_not_asking_if_the_ex_changed(text: str) -> None:
    assert not asks_if_changed(text)


@pytest.mark.parametrize(
    "text",
    ["ok i wont reply", "not gonna answer him", "im not replying", "left him on read",
     "i am not answering her"],
)
def test_not_replying_told(text: str) -> None:
    assert not_replying(text)


@pytest.mark.parametrize(
    "text", ["he is not answering", "he left me on read", "i will reply tomorrow"]
)
def test_their_silence_or_a_reply_planned_is_not_a_choice_not_to_reply(text: str) -> None:
    assert not not_replying(text)


CONTENT = load_content()


@pytest.mark.parametrize(
    ("key", "words"),
    [("listen.body_eat", ("water", "eat")), ("listen.body_sick", ("water", "eat")),
     ("listen.ex_changed", ("30 days", "action")), ("listen.not_replying", ("strong", "mute")),
     ("listen.ex_message_miss", ("i miss you", "{them}", "don't have to answer")),
     ("listen.ex_message", ("{them}", "don't have to answer"))],
)
def test_every_variant_says_what_the_reply_is_for(key: str, words: tuple[str, ...]) -> None:
    # the e2e tests read these words whichever variant was picked
    for variant in CONTENT.variants(key):
        low = variant.lower()
        assert all(w in low or w.replace("strong", "strength") in low for w in words), variant


@pytest.mark.parametrize("key", ["listen.low_mood", "listen.body_eat", "listen.body_sleep",
                                 "listen.body_sick"])
def test_low_mood_and_body_replies_ask_one_question(key: str) -> None:
    for variant in CONTENT.variants(key):
        assert variant.count("?") == 1, variant


@pytest.mark.parametrize(
    ("text", "asked"),
    [("Is it still no contact if I reply about the kids?", Logistics("kids")),
     ("can i text him about the kids", Logistics("kids")),
     ("is it ok to call him about our son's school", Logistics("kids")),
     ("is it a violation of no contact to send an email about the account?",
      Logistics("admin", "the account", "email")),
     ("does it break nc if i message her about the rent",
      Logistics("admin", "the rent", "message")),
     ("can i email him about the joint account",
      Logistics("admin", "the joint account", "email"))],
)
def test_a_question_about_a_practical_message(text: str, asked: Logistics) -> None:
    assert logistics_asked(text) == asked


@pytest.mark.parametrize(
    "text",
    ["can i text him", "i miss the kids", "we have two kids together and he picks them up",
     "can i text him about how much i miss him"],
)
def test_not_a_question_about_a_practical_message(text: str) -> None:
    assert logistics_asked(text) is None


def test_every_admin_answer_opens_with_how_it_goes() -> None:
    for variant in CONTENT.variants("listen.logistics_admin"):
        assert variant.startswith("{channel} only about {subject}"), variant
        assert "No Contact" in variant, variant
        assert "fact" in variant, variant
    for variant in CONTENT.variants("listen.logistics_kids"):
        assert variant.startswith("Yes"), variant
        assert "practical" in variant.lower(), variant
        assert "kids" in variant, variant


@pytest.mark.parametrize(
    ("typed", "seen"),
    [("i saw his car outside the gym", True), ("bumped into her at tesco", True),
     ("i saw his post", False), ("i saw him outside my house again", False),
     ("his car keeps following me", False), ("i saw a movie", False)],
)
def test_saw_them(typed: str, seen: bool) -> None:
    assert saw_them(typed) is seen


@pytest.mark.parametrize(
    ("typed", "holding"),
    [("honestly still kinda strong but i wont do it", True),
     ("i want to text him so bad but im not going to", True),
     ("strong coffee but i wont drink it lol", False), ("i want to text him", False)],
)
def test_resisting(typed: str, holding: bool) -> None:
    assert resisting(typed) is holding


@pytest.mark.parametrize(
    ("text", "rushed"),
    [
        ("everyone says just get over it", True),
        ("my mum says i should be over him by now", True),
        ("people keep telling me to move on", True),
        ("all my friends act like its been long enough", True),
        # a question for the topics, or something else told
        ("people say no contact helps you move on is that true", False),
        ("how do i move on when everyone says get over it", False),
        ("my therapist says no contact helps", False),
        ("he says he moved on", False),
    ],
)
def test_told_to_be_over_it(text: str, rushed: bool) -> None:
    assert others_rush(text) is rushed


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("does my streak reset", True),
        ("do i have to start from day 1 again", True),
        ("so im back to day 1 now?", True),
        ("does the count reset if he texts me", True),
        ("my streak is 12 days", False),
    ],
)
def test_asked_whether_a_slip_resets_the_count(text: str, asked: bool) -> None:
    assert asks_streak_reset(text) is asked
