"""Rules written in the fourteenth session's second pass, from round 26's misses and tuning
sets 27a (long messages, the crisis one clause in a story) and 27b (world Englishes), in new
words, and their harmless look-alikes. Kept out of tests/data/crisis_labelled.yaml on
purpose: the word model learns from that file, and these are here to test the rules alone."""

from __future__ import annotations

import pytest

from bot.services.crisis import detect_crisis, mentions_harm


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        ("i've worked out how and it's going to be the garage", "self_harm", "explicit"),
        ("scheduled texts for the morning to everyone i love. this is me signing off",
         "self_harm", "explicit"),
        ("handing all my stuff out this week to friends who can use it after",
         "self_harm", "passive"),
        ("every time i get home from work she is somewhere on my street", "danger_from_other",
         "explicit"),
        ("my ex keeps watching my window from his car at night", "danger_from_other",
         "explicit"),
        ("his cousin told me he tried something again last night", "other_at_risk",
         "explicit"),
        ("she posted a photo of pills with the caption goodbye", "other_at_risk", "explicit"),
        ("honestly if i just never woke up tomorrow i'd be ok with that", "self_harm",
         "passive"),
        ("two months no contact and a new job and im asking why am i even still here",
         "self_harm", "passive"),
        ("the note is on my pillow for mum", "self_harm", "passive"),
        ("i dont even care if i overdo it anymore", "self_harm", "passive"),
        ("he sent me 'you're dead when i find you'", "danger_from_other", "explicit"),
    ],
)
def test_round_27s_tuning_in_new_words_is_caught(text: str, kind: str, level: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.kind, signal.level) == (kind, level), signal


@pytest.mark.parametrize(
    "text",
    [
        "finally worked out how to get the printer working, so satisfying",
        "every time i leave the house the neighbours cat is waiting lol",
        "the sea is right outside my window on this holiday",
        "my grandma's funeral was lovely, i was worried he'd come but he just sent flowers",
        "sorted my affairs today lol, changed the bank and took his name off the bills",
        "giving away my old textbooks to the first years since i graduated",
        "he tried something new with his hair last night, saw it on his story",
        "why am i still here at the office at 9pm",
        # found reading the rules back: the same shapes in everyday words
        "every time i go to the gym he is there with his new gf",
        "every time i go to work she is so nice to me",
        "i finally worked out how and it was so easy lol",
        "left my revision notes on the table again",
        "scheduled emails to all my clients apologising for the delay",
        "scheduled an email to my team explaining everything about the project",
        "im the only one who can stop him from texting me",
        "my ears are ringing and nothing makes it stop",
        "waiting by the railway bridge, train due in 5",
    ],
)
def test_their_look_alikes_get_no_crisis_reply(text: str) -> None:
    assert detect_crisis(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "i'm not in danger or anything, just lonely on weekends",
        "he still hasn't read my last message from a month ago",
        "saying goodbye to my old cat today, the vet is coming at four",
        "jumped off the cliff at the falls into the water, so fun",
        "if that song plays one more time i'm walking into the sea lol",
    ],
)
def test_look_alikes_in_the_net_are_not_asked_about(text: str) -> None:
    assert detect_crisis(text) is None, text
    assert mentions_harm(text) != "strong", text
